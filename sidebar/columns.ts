// How a list column is named in the sidebar: its header and its letter, so "Notes (F)" can be found in the sheet.
import type { ListColumnView } from '../src/api';
import { columnLetter } from '../src/core/columns';

export function columnLabel(column: ListColumnView): string {
  const letter = columnLetter(column.column);
  return column.label === `Column ${letter}` ? column.label : `${column.label} (${letter})`;
}
