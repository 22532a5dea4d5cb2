// Turns the cells a plan wants to change into few rectangular writes: the number of writes depends on how the
// changes lie, never on the number of partners.
import { checkFits } from '../limits';
import { cellText } from '../text';
import { Desired, text, toWritten } from './cells';

export interface CellWrite {
  row: number;
  column: number;
  values: (string | number | boolean)[][];
  /**
   * Cells people may have changed since the plan read them: `columns` are indexes into each row of values,
   * `expected` their text as read, for the first expected.length rows. Where a cell no longer reads as expected,
   * the person's entry stays.
   */
  guard?: { columns: number[]; expected: string[][] };
}

/** The values to write once the guarded cells are compared with what the sheet holds now (`now`, getValues). */
export function keepNewerEntries(
  write: CellWrite,
  now: readonly unknown[][],
): (string | number | boolean)[][] {
  const guard = write.guard;
  if (!guard) return write.values;
  return write.values.map((row, r) => {
    if (r >= guard.expected.length) return row;
    const out = [...row];
    guard.columns.forEach((c, i) => {
      const current = now[r]?.[c];
      if (cellText(current) === guard.expected[r][i]) return;
      // Written back as it stands (a no-op on the sheet): numbers and booleans as such, anything else as text.
      out[c] =
        typeof current === 'number' || typeof current === 'boolean'
          ? current
          : toWritten(text(cellText(current)));
    });
    return out;
  });
}

/** Above this many separate runs in one column, an add-on column is written whole, in one call. */
const MAX_RUNS_PER_COLUMN = 8;

/**
 * @param changes column → (row → desired) of cells that differ from the sheet.
 * @param whole for columns the add-on owns whole: the desired content of every data row, so a scattered change
 *   can be written in one call. People-owned columns are never written whole: a tick made meanwhile survives.
 * @param firstRow the first data row (2).
 */
export function groupWrites(
  changes: Map<number, Map<number, Desired>>,
  whole: Map<number, Desired[]>,
  firstRow: number,
): CellWrite[] {
  // Per column: runs of consecutive rows.
  const byColumn = new Map<number, { from: number; cells: Desired[] }[]>();
  for (const [column, rows] of changes) {
    const sorted = [...rows.keys()].sort((a, b) => a - b);
    let columnRuns: { from: number; cells: Desired[] }[] = [];
    for (const row of sorted) {
      const last = columnRuns[columnRuns.length - 1];
      if (last && last.from + last.cells.length === row) last.cells.push(rows.get(row) as Desired);
      else columnRuns.push({ from: row, cells: [rows.get(row) as Desired] });
    }
    const all = whole.get(column);
    if (columnRuns.length > MAX_RUNS_PER_COLUMN && all) columnRuns = [{ from: firstRow, cells: all }];
    byColumn.set(column, columnRuns);
  }
  // Runs with the same rows in adjacent columns become one rectangle (new rows at the bottom, for one).
  const columns = [...byColumn.keys()].sort((a, b) => a - b);
  type Block = { write: CellWrite; lastColumn: number; cells: Desired[][] };
  const blocks: Block[] = [];
  const open = new Map<string, Block>();
  for (const column of columns) {
    for (const run of byColumn.get(column) ?? []) {
      const id = `${run.from}:${run.cells.length}`;
      const prev = open.get(id);
      if (prev && prev.lastColumn === column - 1) {
        prev.cells.push(run.cells);
        prev.lastColumn = column;
      } else {
        const write: CellWrite = { row: run.from, column, values: [] };
        const block = { write, lastColumn: column, cells: [run.cells] };
        open.set(id, block);
        blocks.push(block);
      }
    }
  }
  return blocks.map(({ write, cells }) => fill(write, cells));
}

function fill(write: CellWrite, columns: Desired[][]): CellWrite {
  const height = columns[0].length;
  write.values = Array.from({ length: height }, (_, r) =>
    columns.map((col) => {
      const written = toWritten(col[r]);
      // Refused while planning, before anything is written: a write Sheets refuses half-way leaves a half roster.
      checkFits(
        written,
        `The text for row ${write.row + r} of the roster`,
        'Shorten it where it comes from (your partner list or the Segments tab), then build again.',
      );
      return written;
    }),
  );
  return write;
}
