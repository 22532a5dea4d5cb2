// Warning-only protection over generated areas: an accidental edit asks first, and the cells people are meant
// to touch stay open. https://developers.google.com/apps-script/reference/spreadsheet/protection
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const DESCRIPTION =
  'Made by Partner Segments: edits here are replaced at the next refresh. Your cells are open.';

export interface OpenRanges {
  /** A1 notations of the cells people may edit without a warning. */
  a1s: readonly string[];
  /** Their ranges, fetched only when the protection has to change (callers batch them). */
  ranges: () => Range[];
}

/**
 * Protects the sheet with a warning, except the open ranges; writes only when something differs.
 * @param fresh the sheet was just made in this run, so it has no protection yet (saves the read).
 */
export function protectGenerated(sheet: Sheet, open: OpenRanges, fresh: boolean): void {
  const existing = fresh ? undefined : sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  const protection = existing ?? sheet.protect();
  if (existing) {
    const now = protection
      .getUnprotectedRanges()
      .map((r) => r.getA1Notation())
      .sort();
    const wanted = [...open.a1s].sort();
    const same =
      protection.isWarningOnly() &&
      now.length === wanted.length &&
      now.every((a, i) => sameArea(a, wanted[i]));
    if (same) return;
  } else {
    protection.setDescription(DESCRIPTION);
  }
  protection.setWarningOnly(true);
  protection.setUnprotectedRanges(open.ranges());
}

/** "N2:P" (to the bottom) reads back bounded by the sheet's rows, e.g. "N2:P1000": the same area. */
function sameArea(actual: string, wanted: string): boolean {
  return actual === wanted || (/[A-Z]$/.test(wanted) && new RegExp(`^${wanted}\\d+$`).test(actual));
}
