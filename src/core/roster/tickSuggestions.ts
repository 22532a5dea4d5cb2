// "Tick suggestions for unreviewed rows": the segments the Suggested column names, ticked on rows nobody has
// reviewed yet. It only ever ticks: a box already ticked, an unticked one on a reviewed row, and every row that
// is Excluded or Not in list stay as they are.
import { cellText } from '../text';
import { ColumnKey, segmentIdOf, STATUS_IN_LIST, stripRetired } from './columns';

export interface TickPlan {
  /** Cells to tick (1-based row and column). */
  cells: { row: number; column: number }[];
  /** Rows that get at least one tick. */
  rows: number;
  /** The Reviewed column (null without one): read again just before writing. */
  reviewedColumn: number | null;
}

/**
 * The segment names a Suggested text lists, in the order written (`a, b, c`, src/core/roster/plan.ts). Names are
 * matched whole against the segment columns' names, longest first, so a name with a comma in it is still found.
 */
export function suggestedNames(textIn: string, names: readonly string[]): string[] {
  const text = textIn.trim();
  const byLength = [...new Set(names.filter((n) => n !== ''))].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let at = 0;
  while (at < text.length) {
    const name = byLength.find(
      (n) =>
        text.startsWith(n, at) && (at + n.length === text.length || text.startsWith(', ', at + n.length)),
    );
    if (name === undefined) {
      // Something no column shows (a segment removed since): skip to the next name.
      const next = text.indexOf(', ', at);
      if (next < 0) break;
      at = next + 2;
      continue;
    }
    found.push(name);
    at += name.length + 2;
  }
  return found;
}

export function planTickSuggestions(
  values: readonly (readonly unknown[])[],
  keys: readonly (ColumnKey | null)[],
): TickPlan {
  const at = (key: ColumnKey) => keys.indexOf(key);
  const suggested = at('suggested');
  const reviewed = at('reviewed');
  const status = at('status');
  const partner = at('partner');
  const header = values[0] ?? [];
  // Active segment columns by the name they show (a retired column's header ends in "(retired)": left out).
  const columnOf = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!key || segmentIdOf(key) === null) return;
    const shown = cellText(header[i]).trim();
    if (shown === stripRetired(shown) && !columnOf.has(shown)) columnOf.set(shown, i);
  });
  const cells: TickPlan['cells'] = [];
  let rows = 0;
  if (suggested < 0 || status < 0 || partner < 0) return { cells, rows, reviewedColumn: null };
  const names = [...columnOf.keys()];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (cellText(row[partner]).trim() === '') continue;
    if (cellText(row[status]).trim() !== STATUS_IN_LIST) continue;
    if (reviewed >= 0 && row[reviewed] === true) continue;
    let any = false;
    for (const name of suggestedNames(cellText(row[suggested]), names)) {
      const c = columnOf.get(name)!;
      if (row[c] === true) continue;
      cells.push({ row: r + 1, column: c + 1 });
      any = true;
    }
    if (any) rows++;
  }
  return { cells, rows, reviewedColumn: reviewed >= 0 ? reviewed + 1 : null };
}
