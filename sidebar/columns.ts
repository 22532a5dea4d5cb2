// How a list column is named in the sidebar: its header and its letter, so "Notes (F)" can be found in the sheet.
import type { ListColumnView } from '../src/api';

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnLabel(column: ListColumnView): string {
  const letter = columnLetter(column.column);
  return column.label === `Column ${letter}` ? column.label : `${column.label} (${letter})`;
}
