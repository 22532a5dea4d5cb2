// Developer metadata: how the add-on finds its sheets, columns and segment rows again, whatever people rename,
// sort or insert. https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ROLE_KEY = 'partnerSegments.role';
export const COLUMN_KEY = 'partnerSegments.column';
export const SEGMENT_ID_KEY = 'partnerSegments.segmentId';

export type SheetRole = 'segments' | 'roster' | 'summary';

/** The sheets the add-on owns, by role (the leftmost wins if people duplicated one). One finder call. */
export function findOwnedSheets(ss: Spreadsheet): Map<SheetRole, Sheet> {
  const owned = new Map<SheetRole, Sheet>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(ROLE_KEY).find()) {
    const role = md.getValue() as SheetRole | null;
    const sheet = md.getLocation().getSheet();
    if (role && sheet && !owned.has(role)) owned.set(role, sheet);
  }
  return owned;
}

/** Metadata values on whole columns of a sheet: column number → value. */
export function columnValues(sheet: Sheet, key: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const md of sheet.createDeveloperMetadataFinder().withKey(key).find()) {
    const column = md.getLocation().getColumn();
    const value = md.getValue();
    if (column && value !== null && !out.has(column.getColumn())) out.set(column.getColumn(), value);
  }
  return out;
}

/** Metadata values on whole rows of a sheet: row number → value. */
export function rowValues(sheet: Sheet, key: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const md of sheet.createDeveloperMetadataFinder().withKey(key).find()) {
    const row = md.getLocation().getRow();
    const value = md.getValue();
    if (row && value !== null && !out.has(row.getRow())) out.set(row.getRow(), value);
  }
  return out;
}

export function columnLetterRange(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}:${letters}`;
}
