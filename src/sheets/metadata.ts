// Developer metadata: how the add-on finds its sheets, columns and segment rows again, whatever people rename,
// sort or insert. https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
import { columnLetter } from '../core/columns';
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

/** Metadata values on whole columns (or rows) of a sheet: column (row) number → value. One finder call. */
function valuesAlong(sheet: Sheet, key: string, dimension: 'column' | 'row'): Map<number, string> {
  const out = new Map<number, string>();
  for (const md of sheet.createDeveloperMetadataFinder().withKey(key).find()) {
    const location = md.getLocation();
    const range = dimension === 'column' ? location.getColumn() : location.getRow();
    const at = range && (dimension === 'column' ? range.getColumn() : range.getRow());
    const value = md.getValue();
    if (at && value !== null && !out.has(at)) out.set(at, value);
  }
  return out;
}

export function columnValues(sheet: Sheet, key: string): Map<number, string> {
  return valuesAlong(sheet, key, 'column');
}

export function rowValues(sheet: Sheet, key: string): Map<number, string> {
  return valuesAlong(sheet, key, 'row');
}

/** The whole column, as metadata needs it: 3 → "C:C". */
export function columnLetterRange(column: number): string {
  const letters = columnLetter(column);
  return `${letters}:${letters}`;
}
