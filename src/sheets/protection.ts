// Warning-only protection over generated areas: an accidental edit asks first, and the cells people are meant
// to touch stay open. https://developers.google.com/apps-script/reference/spreadsheet/protection
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

const DESCRIPTION =
  'Made by Partner Segments: edits here are replaced at the next refresh. Your cells are open.';

export interface OpenRanges {
  /** A1 notations of the cells people may edit without a warning. */
  a1s: readonly string[];
  /** Their ranges, fetched only when the protection has to change (callers batch them). */
  ranges: () => Range[];
}

/** The sheet's protection, or null (one call). A sheet made in this run has none: pass null without asking. */
export function readProtection(sheet: Sheet): Protection | null {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
}

/**
 * Protects the sheet with a warning, except the open ranges; writes only when something differs. The open
 * ranges are set last, so a protection whose ranges are right was finished by the run that made it (warning-only
 * and described), and a run stopped before that is redone whole by the next.
 *
 * What an owner set is kept (PRODUCT.md: nothing people set is undone): a protection they made stricter (only
 * some editors) stays so, their description stays, and ranges they opened stay open beside ours.
 * @param ours whether a range now open is one this add-on opened (in an earlier layout): replaced by `open`.
 */
export function protectGenerated(
  sheet: Sheet,
  open: OpenRanges,
  existing: Protection | null,
  ours: (range: Range) => boolean = () => true,
): void {
  if (!existing) {
    const protection = sheet.protect();
    // Warning-only first, so nobody is ever locked out, even by a run stopped right after protect().
    protection.setWarningOnly(true);
    protection.setDescription(DESCRIPTION);
    protection.setUnprotectedRanges(open.ranges());
    return;
  }
  const now = existing.getUnprotectedRanges();
  const theirs = now.filter((r) => !ours(r) && !open.a1s.some((a1) => sameArea(r.getA1Notation(), a1)));
  const wanted = [...open.a1s, ...theirs.map((r) => r.getA1Notation())].sort();
  const current = now.map((r) => r.getA1Notation()).sort();
  const rangesRight = current.length === wanted.length && current.every((a, i) => sameArea(a, wanted[i]));
  // Not warning-only: the owner restricted it, or a run stopped right after protect() (nothing open yet,
  // no description): only the second is made warning-only.
  // Asked only when nothing is open (one call fewer on every other run).
  const stopped = now.length === 0 && !existing.isWarningOnly() && existing.getDescription() === '';
  if (rangesRight && !stopped) return;
  if (stopped) existing.setWarningOnly(true);
  if (stopped || existing.getDescription() === '') existing.setDescription(DESCRIPTION);
  existing.setUnprotectedRanges([...open.ranges(), ...theirs]);
}

/** "N2:P" (to the bottom) may read back bounded by the sheet's rows, e.g. "N2:P1000": the same area. */
function sameArea(actual: string, wanted: string): boolean {
  return actual === wanted || (/[A-Z]$/.test(wanted) && new RegExp(`^${wanted}\\d+$`).test(actual));
}
