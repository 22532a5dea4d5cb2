// A partner list whose columns a person confirmed in the sidebar is kept by its header texts, not by column
// numbers: a column inserted into the list, a title row above its header or a deleted column would otherwise
// make the next run read the wrong column. Each run finds the header row and the columns again by their headers.
import { headerKey } from './headerRow';
import { PartnerListError, rowAt } from './listLayout';
import { cellText, collapseSpaces } from './text';
import type { ListLayout } from './types';

/** A confirmed column as saved: its header text, and which of the same-headed columns it was (1 = first). */
export interface SavedColumn {
  header: string;
  nth: number;
}

export interface ConfirmedHeaders {
  name: SavedColumn;
  id: SavedColumn | null;
  descriptions: SavedColumn[];
}

/** How far from its saved row the header row is looked for (a few title rows inserted or deleted). */
const ROW_REACH = 50;

function savedColumn(header: readonly unknown[], column: number): SavedColumn {
  const key = headerKey(header[column - 1]);
  let nth = 0;
  for (let c = 1; c <= column; c++) if (headerKey(header[c - 1]) === key) nth++;
  return { header: collapseSpaces(cellText(header[column - 1])), nth };
}

/** The header texts of a confirmed layout's columns, to save with it. */
export function headersOf(grid: readonly unknown[][], layout: ListLayout): ConfirmedHeaders {
  const header = rowAt(grid, layout.headerRow - 1);
  return {
    name: savedColumn(header, layout.nameColumn),
    id: layout.idColumn === null ? null : savedColumn(header, layout.idColumn),
    descriptions: layout.descriptionColumns.map((c) => savedColumn(header, c)),
  };
}

/** The 1-based column of a saved column in this header row, or null; a blank header is never found. */
function locate(header: readonly unknown[], saved: SavedColumn): number | null {
  const key = headerKey(saved.header);
  if (key === '') return null;
  let seen = 0;
  let first: number | null = null;
  for (let c = 1; c <= header.length; c++) {
    if (headerKey(header[c - 1]) !== key) continue;
    first ??= c;
    if (++seen === saved.nth) return c;
  }
  return first; // fewer same-headed columns than before: the first of them
}

/** Rows to try, nearest the saved one first, the rows below before the row above at each distance. */
function rowsNear(saved: number, rows: number): number[] {
  const out: number[] = [];
  for (let d = 0; d <= ROW_REACH; d++) {
    if (saved + d <= rows) out.push(saved + d);
    if (d > 0 && saved - d >= 1) out.push(saved - d);
  }
  return out;
}

function quoted(saved: SavedColumn, layoutColumn: number): string {
  return `"${saved.header}" (column ${layoutColumn} when it was chosen)`;
}

/**
 * The confirmed layout as it stands in today's grid: the header row is the nearest row to the saved one holding
 * the name column's header (and the ID column's, when one still does); each column is found by its header in
 * that row. An ID column whose header is gone is dropped (partners are then matched by name, as for a list
 * without IDs); a description column whose header is gone is dropped; a name column whose header is gone is
 * refused in plain words, so nothing is read from the wrong column. A column confirmed with a blank header is
 * kept at the same distance from the name column, while that cell is still blank.
 */
export function refindLayout(
  grid: readonly unknown[][],
  layout: ListLayout,
  headers: ConfirmedHeaders,
): ListLayout {
  if (headerKey(headers.name.header) === '') return layout; // nothing to find it by: kept by number
  const rows = rowsNear(layout.headerRow, grid.length);
  const holds = (row: number, saved: SavedColumn | null) =>
    saved !== null && locate(rowAt(grid, row - 1), saved) !== null;
  const withId = headers.id && headerKey(headers.id.header) !== '' ? headers.id : null;
  const headerRow =
    (withId ? rows.find((r) => holds(r, headers.name) && holds(r, withId)) : undefined) ??
    rows.find((r) => holds(r, headers.name));
  if (headerRow === undefined) {
    throw new PartnerListError(
      `The name column you chose, ${quoted(headers.name, layout.nameColumn)}, is no longer in the list's ` +
        'header row. Choose the name column again in the sidebar (step 1); nothing was changed.',
    );
  }
  const header = rowAt(grid, headerRow - 1);
  const nameColumn = locate(header, headers.name) as number;
  const shift = nameColumn - layout.nameColumn;
  const find = (saved: SavedColumn, column: number): number | null => {
    if (headerKey(saved.header) !== '') return locate(header, saved);
    const moved = column + shift;
    return moved >= 1 && headerKey(header[moved - 1]) === '' ? moved : null;
  };
  let idColumn = headers.id && layout.idColumn !== null ? find(headers.id, layout.idColumn) : null;
  if (idColumn === nameColumn) idColumn = null;
  const descriptionColumns: number[] = [];
  headers.descriptions.forEach((saved, i) => {
    const column = layout.descriptionColumns[i];
    const found = column === undefined ? null : find(saved, column);
    if (found !== null && found !== nameColumn && found !== idColumn && !descriptionColumns.includes(found))
      descriptionColumns.push(found);
  });
  return { headerRow, nameColumn, idColumn, descriptionColumns };
}
