// Many ranges of one sheet for a fixed number of calls: one getRangeList and one getRanges, however many ranges
// a write needs, instead of one getRange each. The order is kept (APPS_SCRIPT_FACTS 41).
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
import { columnLetter } from '../core/columns';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** "C2:E10" for a block; numRows null means "to the bottom" ("C2:E"). */
export function blockA1(row: number, column: number, numRows: number | null, numColumns: number): string {
  const last = columnLetter(column + numColumns - 1);
  return `${columnLetter(column)}${row}:${last}${numRows === null ? '' : row + numRows - 1}`;
}

/** The whole column, as metadata needs it: 3 → "C:C". */
export function wholeColumnA1(column: number): string {
  const letters = columnLetter(column);
  return `${letters}:${letters}`;
}

/** The whole row, as metadata needs it: 3 → "3:3". */
export function wholeRowA1(row: number): string {
  return `${row}:${row}`;
}

/**
 * Collects A1 notations, then fetches all their ranges at once; each `add` returns the index of its range in
 * the fetched list.
 */
export class RangeBatch {
  private readonly a1s: string[] = [];
  private ranges: Range[] | null = null;

  constructor(private readonly sheet: Sheet) {}

  add(a1: string): number {
    if (this.ranges) throw new Error('RangeBatch: add after fetch');
    this.a1s.push(a1);
    return this.a1s.length - 1;
  }

  get(index: number): Range {
    if (!this.ranges) {
      if (this.a1s.length === 0) this.ranges = [];
      else if (this.a1s.length === 1) this.ranges = [this.sheet.getRange(this.a1s[0])];
      else this.ranges = this.sheet.getRangeList(this.a1s).getRanges();
    }
    return this.ranges[index];
  }
}

/**
 * A sheet's values from A1 to its last row and column with data, in one call: getSheetValues with -1 (fact 31;
 * getDataRange().getValues() is two). A sheet with no data has no last row, and the call refuses with the
 * "at least 1" error (fact 17): no rows. Any other error (a server error) is the caller's.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)
 */
export function valuesToLastCell(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch (e) {
    if (e instanceof Error && /must be at least 1/.test(e.message)) return [];
    throw e;
  }
}
