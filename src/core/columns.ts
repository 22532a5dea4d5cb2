// Column letters and labels, as Sheets shows them and as the sidebar and messages name columns.
import { cellText, collapseSpaces } from './text';

/** 1 → "A", 26 → "Z", 27 → "AA". */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A column's header text (spaces collapsed), or "Column F" when its header cell is blank. */
export function columnLabel(headerCells: readonly unknown[], column: number): string {
  const header = collapseSpaces(cellText(headerCells[column - 1]));
  return header !== '' ? header : `Column ${columnLetter(column)}`;
}
