// Sort specs and the order Sheets sorts values in.
// https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object) — fact 49.
import { exception } from './errors';
import { isDate } from './realm';

export interface SortSpec {
  column: number;
  ascending: boolean;
}

/** A column number, `{column, ascending}`, or an array mixing both; columns are sheet columns. */
export function parseSortSpec(spec: unknown): SortSpec[] {
  const items = Array.isArray(spec) ? spec : [spec];
  return items.map((item) => {
    if (typeof item === 'number') return { column: item, ascending: true };
    if (item && typeof item === 'object' && typeof (item as SortSpec).column === 'number') {
      const ascending = (item as { ascending?: boolean }).ascending;
      return { column: (item as SortSpec).column, ascending: ascending === undefined ? true : !!ascending };
    }
    throw exception('Invalid sort spec.');
  });
}

function rank(v: unknown): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

/**
 * Order used by the stand-in: numbers and dates, then text (case-insensitive), then booleans; empty cells
 * always last, whichever the direction.
 */
export function compareForSort(a: unknown, b: unknown, ascending: boolean): number {
  const ea = a === '' || a === null || a === undefined;
  const eb = b === '' || b === null || b === undefined;
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  const ra = rank(a);
  const rb = rank(b);
  let d: number;
  if (ra !== rb) d = ra - rb;
  else if (ra === 0) d = Number(isDate(a) ? a.getTime() : a) - Number(isDate(b) ? b.getTime() : b);
  else if (ra === 1) d = String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
  else d = Number(a) - Number(b);
  return ascending ? d : -d;
}
