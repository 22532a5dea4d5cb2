// Turns the cells a plan wants to change into few rectangular writes: the number of writes depends on how the
// changes lie, never on the number of partners.
import { CellTooLongError, MAX_CELL_CHARACTERS } from '../limits';
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

interface Run {
  from: number;
  cells: Desired[];
}

/**
 * The cells a plan wants to change, per column as runs of consecutive rows. A plan visits rows top to bottom,
 * so a cell almost always extends its column's last run or starts the next one: a first build of 10,000
 * partners adds 190,000 cells without sorting or hashing any. A cell above the last run (or set twice) takes
 * the slow path, which keeps the runs sorted and the latest content.
 */
export class CellChanges {
  /** Runs by column number (a roster has tens of columns: an array beats a Map here). */
  private readonly byColumn: (Run[] | undefined)[] = [];

  set(row: number, column: number, d: Desired): void {
    let runs = this.byColumn[column];
    if (!runs) this.byColumn[column] = runs = [];
    const last = runs[runs.length - 1];
    if (!last || row > last.from + last.cells.length) runs.push({ from: row, cells: [d] });
    else if (row === last.from + last.cells.length) last.cells.push(d);
    else this.byColumn[column] = insert(runs, row, d);
  }

  /** Consecutive cells of one column from row `from` down (the array is kept, not copied). */
  setRun(from: number, column: number, cells: Desired[]): void {
    let runs = this.byColumn[column];
    if (!runs) this.byColumn[column] = runs = [];
    const last = runs[runs.length - 1];
    const end = last ? last.from + last.cells.length : 0;
    if (!last || from > end) runs.push({ from, cells });
    else if (from === end) for (const d of cells) last.cells.push(d);
    else cells.forEach((d, i) => this.set(from + i, column, d));
  }

  /** Columns in ascending order, each with its runs from top to bottom. */
  columns(): [number, Run[]][] {
    const out: [number, Run[]][] = [];
    this.byColumn.forEach((runs, column) => {
      if (runs) out.push([column, runs]);
    });
    return out;
  }
}

function insert(runs: Run[], row: number, d: Desired): Run[] {
  const cells = new Map<number, Desired>();
  for (const run of runs) run.cells.forEach((cell, i) => cells.set(run.from + i, cell));
  cells.set(row, d);
  const out: Run[] = [];
  for (const r of [...cells.keys()].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.from + last.cells.length === r) last.cells.push(cells.get(r) as Desired);
    else out.push({ from: r, cells: [cells.get(r) as Desired] });
  }
  return out;
}

/**
 * @param changes the cells that differ from the sheet.
 * @param whole for columns the add-on owns whole: the desired content of every data row (asked only for a column
 *   with scattered changes), so those can be written in one call. People-owned columns are never written whole: a tick made meanwhile survives.
 * @param firstRow the first data row (2).
 */
export function groupWrites(
  changes: CellChanges,
  whole: (column: number) => Desired[] | undefined,
  firstRow: number,
): CellWrite[] {
  // Runs with the same rows in adjacent columns become one rectangle (new rows at the bottom, for one).
  type Block = { write: CellWrite; lastColumn: number; cells: Desired[][] };
  const blocks: Block[] = [];
  const open = new Map<string, Block>();
  for (const [column, runs] of changes.columns()) {
    const all = runs.length > MAX_RUNS_PER_COLUMN ? whole(column) : undefined;
    const columnRuns = all ? withRowsAbove(runs, { from: firstRow, cells: all }) : runs;
    for (const run of columnRuns) {
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

/** A column's data rows written whole, with the changes above them (its header) kept, joined when they touch. */
function withRowsAbove(runs: readonly Run[], data: Run): Run[] {
  const above = runs
    .filter((run) => run.from < data.from)
    .map((run) => ({ from: run.from, cells: run.cells.slice(0, data.from - run.from) }));
  const last = above[above.length - 1];
  if (last && last.from + last.cells.length === data.from) {
    last.cells = [...last.cells, ...data.cells];
    return above;
  }
  return [...above, data];
}

function fill(write: CellWrite, columns: Desired[][]): CellWrite {
  const height = columns[0].length;
  const values: (string | number | boolean)[][] = Array.from({ length: height }, () => []);
  // The first text too long for a cell, top to bottom then left to right: refused while planning, before anything
  // is written (a write Sheets refuses half-way leaves a half roster).
  let tooLong: { row: number; text: string } | null = null;
  columns.forEach((col, j) => {
    // New rows share their contents (one "In list", one unticked box…): each is turned into a value once a run.
    let previous: Desired | undefined;
    let written: string | number | boolean = '';
    for (let r = 0; r < height; r++) {
      const d = col[r];
      if (d !== previous) {
        previous = d;
        written = toWritten(d);
        if (
          typeof written === 'string' &&
          written.length > MAX_CELL_CHARACTERS &&
          (!tooLong || r < tooLong.row)
        )
          tooLong = { row: r, text: written };
      }
      values[r][j] = written;
    }
  });
  // Set inside the callback above, which TypeScript's narrowing does not follow.
  const found = tooLong as { row: number; text: string } | null;
  if (found)
    throw new CellTooLongError(
      `The text for row ${write.row + found.row} of the roster`,
      found.text,
      'Shorten it where it comes from (your partner list or the Segments tab), then build again.',
    );
  write.values = values;
  return write;
}
