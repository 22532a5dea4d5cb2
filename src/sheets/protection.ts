// Warning-only protection over generated areas: an accidental edit asks first, and the cells people are meant
// to touch stay open. https://developers.google.com/apps-script/reference/spreadsheet/protection
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DESCRIPTION =
  'Made by Partner Segments: edits here are replaced at the next refresh. Your cells are open.';

/** Protects the sheet with a warning, except `open` (A1 notations); writes only when something differs. */
export function protectGenerated(sheet: Sheet, open: readonly string[]): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  const protection = existing ?? sheet.protect();
  if (existing) {
    const now = protection
      .getUnprotectedRanges()
      .map((r) => r.getA1Notation())
      .sort();
    const wanted = [...open].sort();
    const same =
      protection.isWarningOnly() && now.length === wanted.length && now.every((a, i) => a === wanted[i]);
    if (same) return;
  } else {
    protection.setDescription(DESCRIPTION);
  }
  protection.setWarningOnly(true);
  protection.setUnprotectedRanges(open.map((a1) => sheet.getRange(a1)));
}
