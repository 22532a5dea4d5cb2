// Column letters and labels, as Sheets shows them and as the sidebar and messages name columns.
import { cellText, collapseSpaces } from './text';

const letters: string[] = [];

/** 1 → "A", 26 → "Z", 27 → "AA". Remembered: formulas ask for the same few columns on every row. */
export function columnLetter(column: number): string {
  let known = letters[column];
  if (known === undefined) {
    known = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
      known = String.fromCharCode(65 + ((n - 1) % 26)) + known;
    }
    letters[column] = known;
  }
  return known;
}

/** A column's header text (spaces collapsed), or "Column F" when its header cell is blank. */
export function columnLabel(headerCells: readonly unknown[], column: number): string {
  const header = collapseSpaces(cellText(headerCells[column - 1]));
  return header !== '' ? header : `Column ${columnLetter(column)}`;
}
