// Warning-only protection over generated areas: an accidental edit asks first, and the cells people are meant
// to touch stay open. https://developers.google.com/apps-script/reference/spreadsheet/protection
//
// It is also how a run knows a sheet's first write finished: the description is set last, so a sheet of ours
// without it was left by a stopped run, and gets its one-time formats again.
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

export interface ProtectionState {
  protection: Protection | null;
  /** The last write of a run that protected the sheet landed. */
  finished: boolean;
}

/** The sheet's protection and whether a run finished it (two calls). A sheet made in this run has none. */
export function readProtection(sheet: Sheet): ProtectionState {
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
  return { protection, finished: protection !== null && protection.getDescription() === DESCRIPTION };
}

export const NO_PROTECTION: ProtectionState = { protection: null, finished: false };

/** Protects the sheet with a warning, except the open ranges; writes only when something differs. */
export function protectGenerated(sheet: Sheet, open: OpenRanges, state: ProtectionState): void {
  if (state.protection && state.finished) {
    const now = state.protection
      .getUnprotectedRanges()
      .map((r) => r.getA1Notation())
      .sort();
    const wanted = [...open.a1s].sort();
    if (now.length === wanted.length && now.every((a, i) => sameArea(a, wanted[i]))) return;
  }
  const protection = state.protection ?? sheet.protect();
  // Warning-only first, so people are never locked out; the description last (see the top of this file).
  protection.setWarningOnly(true);
  protection.setUnprotectedRanges(open.ranges());
  protection.setDescription(DESCRIPTION);
}

/** "N2:P" (to the bottom) may read back bounded by the sheet's rows, e.g. "N2:P1000": the same area. */
function sameArea(actual: string, wanted: string): boolean {
  return actual === wanted || (/[A-Z]$/.test(wanted) && new RegExp(`^${wanted}\\d+$`).test(actual));
}
