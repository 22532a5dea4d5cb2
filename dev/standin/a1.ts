// A1 / R1C1 notation: parsing and formatting of cell and range addresses.
// https://developers.google.com/sheets/api/guides/concepts#cell (A1 and R1C1 notation)
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)

/** A parsed range reference; rows/columns are 1-based, `undefined` end means "to the edge of the grid". */
export interface ParsedRange {
  sheetName?: string;
  startRow?: number; // undefined for whole columns (`B:D`)
  startColumn?: number; // undefined for whole rows (`3:5`)
  endRow?: number; // undefined when the end row is unbounded
  endColumn?: number; // undefined when the end column is unbounded
}

/** 1 → A, 27 → AA. */
export function columnToLetters(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27 (case-insensitive). */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Quotes a sheet name for use in A1 notation when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'My Sheet'!A1:B2` into sheet name and the address part. */
export function splitSheetPrefix(a1: string): { sheetName?: string; address: string } {
  const text = a1.trim();
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), address: quoted[2] };
  const bang = text.lastIndexOf('!');
  if (bang > 0) return { sheetName: text.slice(0, bang), address: text.slice(bang + 1) };
  return { address: text };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

interface Part {
  row?: number;
  column?: number;
}

function parsePart(text: string): Part | null {
  let m = CELL.exec(text);
  if (m) return { column: lettersToColumn(m[1]), row: Number(m[2]) };
  m = COLUMN.exec(text);
  if (m) return { column: lettersToColumn(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) };
  return null;
}

/** Parses R1C1 (`R5C3`, `r2c2:r4c5`); returns null when the text is not absolute R1C1 (fact 35). */
function parseR1C1(address: string): ParsedRange | null {
  const m = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(address);
  if (!m) return null;
  const r1 = Number(m[1]);
  const c1 = Number(m[2]);
  const r2 = m[3] ? Number(m[3]) : r1;
  const c2 = m[4] ? Number(m[4]) : c1;
  if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) return null;
  return {
    startRow: Math.min(r1, r2),
    endRow: Math.max(r1, r2),
    startColumn: Math.min(c1, c2),
    endColumn: Math.max(c1, c2),
  };
}

/**
 * Parses an A1 (or absolute R1C1) range, normalising inverted corners (fact 32).
 * Returns null when the text cannot be parsed (the caller throws `Range not found`, fact 37).
 */
export function parseRange(a1: string): ParsedRange | null {
  const { sheetName, address } = splitSheetPrefix(a1);
  const r1c1 = parseR1C1(address);
  if (r1c1) return { sheetName, ...r1c1 };
  const pieces = address.split(':');
  if (pieces.length > 2 || pieces[0] === '') return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.row === undefined || a.column === undefined || a.row < 1) return null;
    return { sheetName, startRow: a.row, endRow: a.row, startColumn: a.column, endColumn: a.column };
  }
  const b = parsePart(pieces[1]);
  if (!b) return null;
  if ((a.row !== undefined && a.row < 1) || (b.row !== undefined && b.row < 1)) return null;
  const onlyRows = a.column === undefined && b.column === undefined;
  const onlyColumns = a.row === undefined && b.row === undefined;
  if (onlyRows) {
    return { sheetName, startRow: Math.min(a.row!, b.row!), endRow: Math.max(a.row!, b.row!) };
  }
  if (onlyColumns) {
    return {
      sheetName,
      startColumn: Math.min(a.column!, b.column!),
      endColumn: Math.max(a.column!, b.column!),
    };
  }
  // Open ranges: `A2:C` (end row open) or `A2:5`-style (end column open).
  if (a.row === undefined || a.column === undefined) return null;
  if (b.row === undefined) {
    return {
      sheetName,
      startRow: a.row,
      startColumn: Math.min(a.column, b.column!),
      endColumn: Math.max(a.column, b.column!),
    };
  }
  if (b.column === undefined) {
    return {
      sheetName,
      startRow: Math.min(a.row, b.row),
      endRow: Math.max(a.row, b.row),
      startColumn: a.column,
    };
  }
  return {
    sheetName,
    startRow: Math.min(a.row, b.row),
    endRow: Math.max(a.row, b.row),
    startColumn: Math.min(a.column, b.column),
    endColumn: Math.max(a.column, b.column),
  };
}

/** The A1 text of a cell, e.g. (2, 3) → C2. */
export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

/** Which sides of a range are bounded (https://developers.google.com/apps-script/reference/spreadsheet/range#isEndRowBounded()). */
export interface RangeBounds {
  startRowBounded: boolean;
  startColumnBounded: boolean;
  endRowBounded: boolean;
  endColumnBounded: boolean;
}

/** Formats a range as Sheets normalises it: upper case, no `$`, no sheet prefix (fact 32, 33). */
export function rangeA1(
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
  bounds: RangeBounds,
): string {
  const lastRow = row + numRows - 1;
  const lastColumn = column + numColumns - 1;
  // Fact 91: the whole grid (a sheet protection's range) has no A1 notation.
  if (
    !bounds.startColumnBounded &&
    !bounds.endColumnBounded &&
    !bounds.startRowBounded &&
    !bounds.endRowBounded
  )
    return '';
  if (!bounds.startColumnBounded && !bounds.endColumnBounded) return `${row}:${lastRow}`;
  if (!bounds.startRowBounded && !bounds.endRowBounded) {
    return `${columnToLetters(column)}:${columnToLetters(lastColumn)}`;
  }
  const start = cellA1(row, column);
  if (!bounds.endRowBounded) return `${start}:${columnToLetters(lastColumn)}`;
  if (!bounds.endColumnBounded) return `${start}:${lastRow}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${cellA1(lastRow, lastColumn)}`;
}
