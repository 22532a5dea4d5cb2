// Tables that sit side by side on one tab (the Segments tab: Segments, Levels, …), found by the header texts of
// row 1, never by position: a column people insert before or inside a table moves nothing the add-on writes.
//
// The one helper for reading a table's columns by header: the Segments tab's reader and the sidebar's edits use
// it; a new table or column (Goals, "Review every (months)") is one more anchor or field spelling here.
import { cellText, collapseSpaces } from './text';

/** A header cell as compared: trimmed, inner runs of spaces made one, lower case. */
export function headerKey(value: unknown): string {
  return collapseSpaces(cellText(value)).toLowerCase();
}

/** Columns of one table, 1-based sheet columns. */
export interface HeaderSpan {
  /** First column of the table. */
  first: number;
  /** Last column with a header before the next table (or the row's end); `first` when there is none. */
  last: number;
}

/**
 * The 1-based column of the first header cell in [from, to] that reads `anchor` (any spelling in the list,
 * compared as headerKey), or null.
 */
export function findHeader(
  header: readonly unknown[],
  anchor: string | readonly string[],
  from = 1,
  to = header.length,
): number | null {
  const wanted = new Set((typeof anchor === 'string' ? [anchor] : anchor).map(headerKey));
  for (let c = Math.max(1, from); c <= Math.min(to, header.length); c++) {
    if (wanted.has(headerKey(header[c - 1]))) return c;
  }
  return null;
}

/**
 * Where each table of a tab sits: `starts` gives each table's first column (null: not on the tab), and a table
 * runs to the column before the next table's start, trailing blank headers left out.
 */
export function tableSpans<T extends string>(
  header: readonly unknown[],
  starts: Record<T, number | null>,
): Partial<Record<T, HeaderSpan>> {
  const found = (Object.entries(starts) as [T, number | null][])
    .filter((e): e is [T, number] => e[1] !== null)
    .sort((a, b) => a[1] - b[1]);
  const out: Partial<Record<T, HeaderSpan>> = {};
  found.forEach(([table, first], i) => {
    let last = i + 1 < found.length ? found[i + 1][1] - 1 : header.length;
    while (last > first && headerKey(header[last - 1]) === '') last--;
    out[table] = { first, last: Math.max(first, last) };
  });
  return out;
}

/**
 * The 1-based column of each field whose header is in [span.first, span.last], first occurrence winning.
 * @param fields accepted header spellings (any case and spacing) → field.
 */
export function columnsByHeader<F extends string>(
  header: readonly unknown[],
  fields: Readonly<Record<string, F>>,
  span: HeaderSpan = { first: 1, last: header.length },
): Map<F, number> {
  const byKey = new Map(Object.entries(fields).map(([spelling, f]) => [headerKey(spelling), f]));
  const columns = new Map<F, number>();
  for (let c = span.first; c <= Math.min(span.last, header.length); c++) {
    const field = byKey.get(headerKey(header[c - 1]));
    if (field !== undefined && !columns.has(field)) columns.set(field, c);
  }
  return columns;
}
