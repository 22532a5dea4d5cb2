// The in-memory document: sheets of cells holding raw content (value or formula), notes, formats and
// validation, plus what hangs off rows/columns (developer metadata, merges, conditional-format ranges,
// protections, charts). Structural edits (insert/delete/sort) keep all of them in step, and formulas are
// rewritten so they keep pointing at the same cells. HyperFormula (formulas.ts) only calculates.
import type { CellContent, CellValue } from './cellValues';
import { adjustForDimensionChange, renameSheetRefs, shiftRelative, type Axis } from './formulaRefs';

export interface CellFormat {
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  numberFormat?: string;
}

export interface ValidationData {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface Cell extends CellContent {
  note?: string;
  format?: CellFormat;
  validation?: ValidationData;
}

/** A block of one sheet, 1-based. */
export interface GridRect {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ConditionFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface ConditionalRuleData {
  ranges: GridRect[];
  /** Boolean condition: criteria key (BooleanCriteria) and its values. */
  condition?: { criteria: string; values: unknown[] };
  /** Gradient rules are carried through, not evaluated. */
  gradient?: Record<string, unknown>;
  format: ConditionFormat;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW'; sheetId: number; index: number }
  | { type: 'COLUMN'; sheetId: number; index: number };

export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ProtectionData {
  id: number;
  type: 'SHEET' | 'RANGE';
  rect: GridRect;
  description: string;
  warningOnly: boolean;
  unprotected: GridRect[];
  rangeName: string | null;
}

export interface ChartData {
  id: number;
  chartType: string;
  ranges: GridRect[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  hiddenDimensionStrategy?: string;
  mergeStrategy?: string;
  numHeaders?: number;
  transposeRowsAndColumns?: boolean;
}

export class SheetModel {
  /** rows[r - 1][c - 1]; sparse. */
  rows: Array<Array<Cell | undefined> | undefined> = [];
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();
  tabColor: string | null = null;
  hidden = false;
  merges: GridRect[] = [];
  conditionalRules: ConditionalRuleData[] = [];
  protections: ProtectionData[] = [];
  charts: ChartData[] = [];
  /** Recorded, not applied (autoResizeColumns). */
  autoResized: Array<{ column: number; numColumns: number }> = [];

  constructor(
    public id: number,
    public name: string,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensureCell(row: number, column: number): Cell {
    let line = this.rows[row - 1];
    if (!line) line = this.rows[row - 1] = [];
    let cell = line[column - 1];
    if (!cell) cell = line[column - 1] = {};
    return cell;
  }

  /** Sets the content of one cell (value/formula only), keeping note/format/validation. */
  setContent(row: number, column: number, content: CellContent): void {
    if (content.value === undefined && content.formula === undefined) {
      const cell = this.cell(row, column);
      if (cell) {
        delete cell.value;
        delete cell.formula;
      }
      return;
    }
    const cell = this.ensureCell(row, column);
    if (content.formula !== undefined) {
      cell.formula = content.formula;
      delete cell.value;
    } else {
      cell.value = content.value;
      delete cell.formula;
    }
  }

  /** Last row with a value or formula (0 on an empty sheet; fact 17). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const line = this.rows[r - 1];
      if (line && line.some((c) => hasContent(c))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        if (hasContent(line[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  rect(row: number, column: number, numRows: number, numColumns: number): GridRect {
    return { sheetId: this.id, row, column, numRows, numColumns };
  }
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== undefined || cell.formula !== undefined);
}

/** Moves a 1-D span [start, start+size) for an insert (count > 0 before `at`) or delete (count < 0 at `at`). */
export function adjustSpan(start: number, size: number, at: number, count: number): [number, number] | null {
  const end = start + size - 1;
  if (count > 0) {
    const s = start >= at ? start + count : start;
    const e = end >= at ? end + count : end;
    return [s, e - s + 1];
  }
  const n = -count;
  const lastDeleted = at + n - 1;
  const s = start > lastDeleted ? start - n : start >= at ? at : start;
  const e = end > lastDeleted ? end - n : end >= at ? at - 1 : end;
  if (e < s) return null;
  return [s, e - s + 1];
}

export function adjustRect(
  rect: GridRect,
  sheetId: number,
  axis: Axis,
  at: number,
  count: number,
): GridRect | null {
  if (rect.sheetId !== sheetId) return rect;
  if (axis === 'row') {
    const span = adjustSpan(rect.row, rect.numRows, at, count);
    return span ? { ...rect, row: span[0], numRows: span[1] } : null;
  }
  const span = adjustSpan(rect.column, rect.numColumns, at, count);
  return span ? { ...rect, column: span[0], numColumns: span[1] } : null;
}

export interface WorkbookListener {
  /** Cells' content changed (values or formulas). */
  contentChanged(rect: GridRect): void;
  /** Rows/columns/sheets were added, removed, renamed or reordered. */
  structureChanged(): void;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  metadata: MetadataEntry[] = [];
  private nextSheetId = 0;
  private nextMetadataId = 1;
  nextObjectId = 1;
  listeners: WorkbookListener[] = [];
  /** Selection: the active range per sheet. */
  activeRanges = new Map<number, GridRect[]>();

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
  ) {}

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Cells over all sheets' grids, empty ones included. */
  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  addSheet(name: string, index: number, rows = 1000, columns = 26): SheetModel {
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId += 1;
    const sheet = new SheetModel(id, name, rows, columns);
    this.sheets.splice(index, 0, sheet);
    this.structureChanged();
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.metadata = this.metadata.filter(
      (m) => !('sheetId' in m.location) || m.location.sheetId !== sheet.id,
    );
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? 0;
    this.structureChanged();
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const old = sheet.name;
    sheet.name = name;
    this.forEachFormula((cell) => {
      if (cell.formula!.includes(old)) cell.formula = renameSheetRefs(cell.formula!, old, name);
    });
    this.structureChanged();
  }

  newMetadataId(): number {
    return this.nextMetadataId++;
  }

  contentChanged(rect: GridRect): void {
    for (const l of this.listeners) l.contentChanged(rect);
  }

  structureChanged(): void {
    for (const l of this.listeners) l.structureChanged();
  }

  forEachFormula(fn: (cell: Cell, sheet: SheetModel) => void): void {
    for (const sheet of this.sheets) {
      for (const line of sheet.rows) {
        if (!line) continue;
        for (const cell of line) if (cell && cell.formula !== undefined) fn(cell, sheet);
      }
    }
  }

  /**
   * Inserts (count > 0, before index `at`) or deletes (count < 0, starting at `at`) rows or columns of one
   * sheet, moving everything attached to them (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)).
   */
  changeDimension(sheet: SheetModel, axis: Axis, at: number, count: number): void {
    const n = Math.abs(count);
    if (axis === 'row') {
      if (count > 0) {
        if (sheet.rows.length >= at) sheet.rows.splice(at - 1, 0, ...new Array<undefined>(n));
        sheet.maxRows += n;
        if (at <= sheet.frozenRows) sheet.frozenRows += n;
      } else {
        sheet.rows.splice(at - 1, n);
        sheet.maxRows -= n;
        if (at <= sheet.frozenRows) sheet.frozenRows = Math.max(at - 1, sheet.frozenRows - n);
      }
      sheet.rowHeights = shiftKeys(sheet.rowHeights, at, count);
      sheet.hiddenRows = new Set(
        shiftKeys(new Map([...sheet.hiddenRows].map((k) => [k, true])), at, count).keys(),
      );
    } else {
      for (const line of sheet.rows) {
        if (!line) continue;
        if (count > 0) {
          if (line.length >= at) line.splice(at - 1, 0, ...new Array<undefined>(n));
        } else line.splice(at - 1, n);
      }
      if (count > 0) {
        sheet.maxColumns += n;
        if (at <= sheet.frozenColumns) sheet.frozenColumns += n;
      } else {
        sheet.maxColumns -= n;
        if (at <= sheet.frozenColumns) sheet.frozenColumns = Math.max(at - 1, sheet.frozenColumns - n);
      }
      sheet.columnWidths = shiftKeys(sheet.columnWidths, at, count);
      sheet.hiddenColumns = new Set(
        shiftKeys(new Map([...sheet.hiddenColumns].map((k) => [k, true])), at, count).keys(),
      );
    }
    // Developer metadata moves with its row/column and dies with it (fact 89).
    const type = axis === 'row' ? 'ROW' : 'COLUMN';
    this.metadata = this.metadata.filter((m) => {
      const loc = m.location;
      if (loc.type !== type || loc.sheetId !== sheet.id) return true;
      if (count > 0) {
        if (loc.index >= at) loc.index += n;
        return true;
      }
      if (loc.index >= at && loc.index < at + n) return false;
      if (loc.index >= at + n) loc.index -= n;
      return true;
    });
    for (const s of this.sheets) {
      s.merges = compact(s.merges.map((r) => adjustRect(r, sheet.id, axis, at, count)));
      for (const rule of s.conditionalRules) {
        rule.ranges = compact(rule.ranges.map((r) => adjustRect(r, sheet.id, axis, at, count)));
        if (rule.condition?.criteria === 'CUSTOM_FORMULA' && typeof rule.condition.values[0] === 'string') {
          rule.condition.values[0] = adjustForDimensionChange(
            rule.condition.values[0],
            s.name,
            sheet.name,
            axis,
            at,
            count,
          );
        }
      }
      s.conditionalRules = s.conditionalRules.filter((rule) => rule.ranges.length > 0);
      s.protections = s.protections.filter((p) => {
        const moved = adjustRect(p.rect, sheet.id, axis, at, count);
        if (!moved) return false;
        p.rect = moved;
        p.unprotected = compact(p.unprotected.map((r) => adjustRect(r, sheet.id, axis, at, count)));
        return true;
      });
      for (const chart of s.charts) {
        chart.ranges = compact(chart.ranges.map((r) => adjustRect(r, sheet.id, axis, at, count)));
      }
    }
    this.forEachFormula((cell, host) => {
      if (host !== sheet && !cell.formula!.includes(sheet.name)) return;
      cell.formula = adjustForDimensionChange(cell.formula!, host.name, sheet.name, axis, at, count);
    });
    this.structureChanged();
  }

  /**
   * Reorders rows [firstRow, firstRow + order.length) of a sheet: new row i holds old row order[i].
   * Whole rows move (cells with notes, formats, validation) and so does row metadata; columns outside
   * [firstColumn, lastColumn] stay when a partial block is sorted. Relative references in moved formulas
   * shift with their row, as when Sheets moves a formula.
   */
  reorderRows(
    sheet: SheetModel,
    firstRow: number,
    order: number[],
    firstColumn: number,
    lastColumn: number,
  ): void {
    const wholeRows = firstColumn === 1 && lastColumn >= sheet.maxColumns;
    const old = order.map((_, i) => sheet.rows[firstRow - 1 + i]);
    const newLines = order.map((from, i) => {
      const source = old[from];
      const target = old[i];
      const line: Array<Cell | undefined> = wholeRows ? [...(source ?? [])] : [...(target ?? [])];
      if (!wholeRows) {
        for (let c = firstColumn; c <= lastColumn; c++) line[c - 1] = source?.[c - 1];
      }
      const delta = i - from;
      for (let c = firstColumn; c <= Math.min(lastColumn, line.length); c++) {
        const cell = line[c - 1];
        if (cell?.formula !== undefined && delta !== 0) {
          line[c - 1] = { ...cell, formula: shiftRelative(cell.formula, delta, 0) };
        }
      }
      return line;
    });
    newLines.forEach((line, i) => {
      sheet.rows[firstRow - 1 + i] = line;
    });
    if (wholeRows) {
      const newIndexOf = new Map<number, number>();
      order.forEach((from, i) => newIndexOf.set(firstRow + from, firstRow + i));
      for (const m of this.metadata) {
        if (
          m.location.type === 'ROW' &&
          m.location.sheetId === sheet.id &&
          newIndexOf.has(m.location.index)
        ) {
          m.location.index = newIndexOf.get(m.location.index)!;
        }
      }
    }
    this.contentChanged(sheet.rect(firstRow, 1, order.length, sheet.maxColumns));
  }
}

function compact<T>(items: Array<T | null>): T[] {
  return items.filter((x): x is T => x !== null);
}

function shiftKeys<V>(map: Map<number, V>, at: number, count: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of map) {
    if (count > 0) out.set(k >= at ? k + count : k, v);
    else if (k < at) out.set(k, v);
    else if (k >= at - count) out.set(k + count, v);
  }
  return out;
}

export type { CellValue };
