// Formula calculation with HyperFormula (https://hyperformula.handsontable.com/). The workbook model keeps
// the raw content; HyperFormula only calculates. It is fed lazily: only formula cells and the cells their
// references cover are copied in (HyperFormula costs a few microseconds per cell, so copying a 50,000-row
// sheet of plain data would take seconds), writes are queued, and the queue is applied with evaluation
// suspended on the first read that needs a computed value. Structural edits rebuild the engine.
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import { columnToLetters } from './a1';
import { dateToSerial, type CellValue } from './cellValues';
import { mapFormulaRefs, rewriteBareBooleans, shiftRelative, type FormulaRef } from './formulaRefs';
import { isDate } from './realm';
import { hasContent, type Cell, type GridRect, type SheetModel, type WorkbookModel } from './workbook';

const HF_CONFIG = {
  licenseKey: 'gpl-v3',
  maxRows: 5_000_000,
  maxColumns: 18_278,
  undoLimit: 0,
};

// Sheets accepts bare TRUE / FALSE; HyperFormula only knows TRUE() / FALSE().
const NAMED_EXPRESSIONS = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

/** Functions whose result may spill over several cells. */
const ARRAY_FUNCTIONS =
  /\b(ARRAYFORMULA|FILTER|UNIQUE|SORT|SEQUENCE|TRANSPOSE|MMULT|VSTACK|HSTACK|XLOOKUP)\s*\(/i;

/** A custom function as the engine calls it: converted arguments in, raw result out. */
export type CustomFunctionHost = (name: string, args: unknown[]) => unknown;

interface Interval {
  min: number;
  max: number;
}

// ---- custom-function plugins (HyperFormula registers plugins globally; the active engine dispatches) ----

let activeEngine: FormulaEngine | null = null;
const registeredNames = new Set<string>();

function registerCustomFunctionPlugin(name: string): void {
  if (registeredNames.has(name)) return;
  registeredNames.add(name);
  class CustomFunctionPlugin extends FunctionPlugin {
    static override implementedFunctions = {
      [name]: {
        method: 'call',
        sizeOfResultArrayMethod: 'size',
        parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
        repeatLastArgs: 1,
        vectorizationForbidden: true,
      },
    };
    call(ast: { args: unknown[] }, state: { formulaAddress: SimpleCellAddress }) {
      const engine = activeEngine;
      if (!engine || !engine.hasCustomFunction(name)) {
        return new CellError(ErrorType.NAME, `Unknown function: '${name}'.`);
      }
      return this.runFunction(
        ast.args as never,
        state as never,
        this.metadata(name),
        (...args: unknown[]) => engine.invokeCustom(name, args, state.formulaAddress) as never,
      );
    }
    size(_ast: unknown, state: { formulaAddress: SimpleCellAddress }) {
      const predicted = activeEngine?.predictedSize(state.formulaAddress) ?? [1, 1];
      return new ArraySize(predicted[1], predicted[0]);
    }
  }
  HyperFormula.registerFunctionPlugin(CustomFunctionPlugin as never, { enGB: { [name]: name } } as never);
}

// TODAY() and NOW() as Sheets computes them: the date (and time) in the spreadsheet's time zone
// (https://support.google.com/docs/answer/3092984, https://support.google.com/docs/answer/3092981; the time
// zone is File › Settings). HyperFormula's own read the machine's clock in its local zone and cannot be told
// the date, so these replace them; a stand-in made with `today` (or given one by setToday) answers that date,
// at midnight, so tests of anything due or overdue do not depend on the day they run.
class ClockPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TODAY: { method: 'today', parameters: [], isVolatile: true },
    NOW: { method: 'now', parameters: [], isVolatile: true },
  };
  today(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('TODAY'), () =>
      Math.floor(clockSerial(activeEngine)),
    );
  }
  now(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('NOW'), () =>
      clockSerial(activeEngine),
    );
  }
}
HyperFormula.registerFunctionPlugin(ClockPlugin as never);

// TO_DATE(value): a number as a date (https://support.google.com/docs/answer/3094239); anything else as it is.
// The stand-in keeps formula results as numbers either way (getValues of a date formula gives its day number), so
// it only has to compute: HyperFormula has no TO_DATE.
class ToDatePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TO_DATE: { method: 'toDate', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
  };
  toDate(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata('TO_DATE'),
      (v: unknown) => v as never,
    );
  }
}
HyperFormula.registerFunctionPlugin(ToDatePlugin as never, { enGB: { TO_DATE: 'TO_DATE' } } as never);

/** The engine's now as a day serial (UTC wall time, as the stand-in's dates): its fixed date, or the clock's. */
function clockSerial(engine: FormulaEngine | null): number {
  const fixed = engine?.today ?? null;
  if (fixed !== null) return dateToSerial(fixed);
  const zone = engine?.timeZone ?? 'UTC';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, Number(p.value)]),
  );
  return dateToSerial(
    new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)),
  );
}

/**
 * A fixed date for TODAY() as 'yyyy-mm-dd' (midnight of that day), or throws for anything else: a test that
 * means a date and gets the clock's would pass for the wrong reason.
 */
export function parseFixedDay(day: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.getUTCDate() !== Number(m![3]))
    throw new Error(`stand-in: "${day}" is not a yyyy-mm-dd date`);
  return date;
}

function addressKey(a: SimpleCellAddress): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

export class FormulaEngine {
  private hf: HyperFormula | null = null;
  private needsRebuild = true;
  private pending: GridRect[] = [];
  private hfSheet = new Map<number, number>();
  private referenced = new Map<number, Map<number, Interval>>();
  /** Columns that hold (or held) formulas in the engine, per sheet. */
  private formulaColumns = new Map<number, Set<number>>();
  private arrayAnchors = new Map<number, Set<string>>();
  private spills = new Map<number, GridRect[]>();
  private customFunctions = new Map<string, CustomFunctionHost>();
  private predictedSizes = new Map<string, [number, number]>();
  private actualSizes = new Map<string, [number, number]>();
  private customMessages = new Map<string, string>();
  evaluating = false;
  /** What TODAY() answers (midnight UTC wall time), or null for the clock's date in `timeZone`. */
  today: Date | null = null;
  /** Milliseconds spent in HyperFormula, for the report. */
  stats = { rebuilds: 0, flushes: 0, ms: 0 };

  /** Fixes TODAY() and NOW() at midnight of `day` ('yyyy-mm-dd'), or back to the clock with null. */
  setToday(day: string | null): void {
    this.today = day === null ? null : parseFixedDay(day);
    // Volatile cells are computed again: a fresh engine computes every one.
    this.needsRebuild = true;
  }

  get timeZone(): string {
    return this.workbook.timeZone;
  }

  constructor(private readonly workbook: WorkbookModel) {
    workbook.listeners.push({
      contentChanged: (rect) => {
        if (!this.needsRebuild) this.pending.push(rect);
      },
      structureChanged: () => {
        this.needsRebuild = true;
        this.pending = [];
      },
    });
  }

  /** Installs the add-on's custom functions (names upper-cased as Sheets shows them). */
  setCustomFunctions(functions: Map<string, CustomFunctionHost>): void {
    this.customFunctions = new Map([...functions].map(([k, v]) => [k.toUpperCase(), v]));
    for (const name of this.customFunctions.keys()) registerCustomFunctionPlugin(name);
    this.needsRebuild = true;
  }

  hasCustomFunction(name: string): boolean {
    return this.customFunctions.has(name);
  }

  // ---- reading ----

  /** The computed value of a formula cell or a cell inside a spilled array; '' when empty. */
  computedValue(sheet: SheetModel, row: number, column: number): CellValue | '' {
    if (this.evaluating) return '';
    this.sync();
    const hf = this.hf;
    const id = this.hfSheet.get(sheet.id);
    if (!hf || id === undefined) return '';
    const value = this.withEngine(() => hf.getCellValue({ sheet: id, row: row - 1, col: column - 1 }));
    if (value === null || value === undefined) return '';
    if (value instanceof DetailedCellError) return value.value;
    return value as CellValue;
  }

  /** The message behind an error value (e.g. a custom function's thrown Error), or null. */
  errorMessage(sheet: SheetModel, row: number, column: number): string | null {
    this.sync();
    const id = this.hfSheet.get(sheet.id);
    if (!this.hf || id === undefined) return null;
    const address = { sheet: id, row: row - 1, col: column - 1 };
    const value = this.hf.getCellValue(address);
    if (!(value instanceof DetailedCellError)) return null;
    return this.customMessages.get(addressKey(address)) ?? value.message;
  }

  /** Spilled array blocks of a sheet (anchor included), after sync. */
  spillRects(sheet: SheetModel): GridRect[] {
    if (!this.evaluating) this.sync();
    return this.spills.get(sheet.id) ?? [];
  }

  /** Whether an otherwise empty cell shows a value spilled from an array formula. */
  isSpilled(sheet: SheetModel, row: number, column: number): boolean {
    const rects = this.spillRects(sheet);
    return rects.some(
      (r) =>
        row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns,
    );
  }

  /** Evaluates a formula as if it were in a cell of `sheet` (used by conditional formatting). */
  evaluateFormula(sheet: SheetModel, formula: string): CellValue | '' {
    this.ensureReferenced(sheet, formula);
    this.sync();
    const id = this.hfSheet.get(sheet.id);
    if (!this.hf || id === undefined) return '';
    const text = this.toEngineFormula(formula, sheet, null);
    const hf = this.hf;
    const value = this.withEngine(() => hf.calculateFormula(text, id));
    if (Array.isArray(value)) return (value[0]?.[0] ?? '') as CellValue;
    if (value === null || value === undefined) return '';
    if (value instanceof DetailedCellError) return value.value;
    return value as CellValue;
  }

  /** Makes sure the cells a formula reads are in the engine (for formulas that live outside cells). */
  ensureReferenced(sheet: SheetModel, formula: string): void {
    const extensions: GridRect[] = [];
    this.toEngineFormula(formula, sheet, extensions);
    if (extensions.length === 0) return;
    if (this.needsRebuild || !this.hf) return; // the rebuild reads `referenced`
    this.pending.push(...extensions);
  }

  // ---- custom functions ----

  predictedSize(address: SimpleCellAddress): [number, number] {
    return this.predictedSizes.get(addressKey(address)) ?? [1, 1];
  }

  invokeCustom(name: string, args: unknown[], address: SimpleCellAddress): unknown {
    const key = addressKey(address);
    this.customMessages.delete(key);
    const converted = args.map((a) => fromEngineArgument(a));
    let result: unknown;
    try {
      result = this.customFunctions.get(name)!(name, converted);
    } catch (error) {
      const message =
        typeof error === 'object' && error !== null && 'message' in error
          ? String(error.message)
          : String(error);
      this.customMessages.set(key, message);
      this.actualSizes.set(key, [1, 1]);
      return new CellError(ErrorType.ERROR, message);
    }
    const grid = toResultGrid(result) ?? [[toEngineScalar(result)]];
    this.actualSizes.set(key, [grid.length, grid[0].length]);
    // HyperFormula reserved the predicted size and cannot resize an array, so the result is cut or padded
    // to it; settleCustomSizes then re-enters the formula with the actual size.
    const [rows, columns] = this.predictedSize(address);
    if (rows === 1 && columns === 1) return grid[0][0];
    const fitted = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => grid[r]?.[c] ?? EmptyValue),
    );
    return SimpleRangeValue.onlyValues(fitted as never);
  }

  // ---- synchronisation ----

  /** Brings the engine up to date with the model. */
  sync(): void {
    if (this.evaluating) return;
    if (this.needsRebuild) {
      this.rebuild();
      return;
    }
    if (this.pending.length === 0) return;
    this.flush();
  }

  private withEngine<T>(fn: () => T): T {
    const previous = activeEngine;
    // HyperFormula's plugins are global; the engine being evaluated is where they dispatch to.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    activeEngine = this;
    const wasEvaluating = this.evaluating;
    this.evaluating = true;
    const started = Date.now();
    try {
      return fn();
    } finally {
      this.stats.ms += Date.now() - started;
      this.evaluating = wasEvaluating;
      activeEngine = previous;
    }
  }

  private rebuild(): void {
    this.needsRebuild = false;
    this.pending = [];
    this.referenced = new Map();
    this.formulaColumns = new Map();
    this.arrayAnchors = new Map();
    this.hfSheet = new Map();
    this.actualSizes = new Map();
    this.customMessages = new Map();
    const old = this.hf;
    this.hf = null;
    old?.destroy();
    let anyFormula = false;
    this.workbook.forEachFormula(() => {
      anyFormula = true;
    });
    const needsCells = anyFormula || this.workbook.sheets.some((s) => s.conditionalRules.length > 0);
    if (!needsCells) {
      this.spills = new Map();
      return;
    }
    this.stats.rebuilds += 1;
    // First pass: translate formulas and learn which cells they read.
    const formulaText = new Map<Cell, string>();
    for (const sheet of this.workbook.sheets) {
      sheet.rows.forEach((line, r) => {
        line?.forEach((cell, c) => {
          if (cell?.formula === undefined) return;
          formulaText.set(cell, this.toEngineFormula(cell.formula, sheet, null));
          this.noteFormulaCell(sheet, r + 1, c + 1, cell.formula);
        });
      });
      for (const rule of sheet.conditionalRules) {
        const f = rule.condition?.criteria === 'CUSTOM_FORMULA' ? rule.condition.values[0] : undefined;
        if (typeof f !== 'string') continue;
        this.toEngineFormula(f, sheet, null);
        for (const rect of rule.ranges) {
          this.toEngineFormula(shiftRelative(f, rect.numRows - 1, rect.numColumns - 1), sheet, null);
        }
      }
    }
    // Second pass: copy formula cells and referenced cells.
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of this.workbook.sheets) {
      const refs = this.referenced.get(sheet.id);
      const data: RawCellContent[][] = [];
      sheet.rows.forEach((line, r) => {
        if (!line) return;
        let out: RawCellContent[] | undefined;
        line.forEach((cell, c) => {
          if (!cell || !hasContent(cell)) return;
          let content: RawCellContent;
          if (cell.formula !== undefined) content = formulaText.get(cell)!;
          else {
            const interval = refs?.get(c + 1);
            if (!interval || r + 1 < interval.min || r + 1 > interval.max) return;
            content = toEngineValue(cell.value!);
          }
          if (!out) out = data[r] = [];
          out[c] = content;
        });
      });
      for (let r = 0; r < data.length; r++) if (!data[r]) data[r] = [];
      sheets[sheet.name] = data;
    }
    this.withEngine(() => {
      this.hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG as never, NAMED_EXPRESSIONS);
    });
    for (const sheet of this.workbook.sheets) this.hfSheet.set(sheet.id, this.hf!.getSheetId(sheet.name)!);
    this.settleCustomSizes();
  }

  private flush(): void {
    if (!this.hf) {
      this.rebuild();
      return;
    }
    const pendingCells = this.pending.reduce((n, r) => n + r.numRows * r.numColumns, 0);
    if (pendingCells > 400_000) {
      // Building afresh is cheaper than cell-by-cell updates for bulk writes.
      this.rebuild();
      return;
    }
    this.stats.flushes += 1;
    const hf = this.hf;
    const pending = this.pending;
    this.pending = [];
    // New formulas may widen what must be copied in; those extensions are queued as well.
    const extensions: GridRect[] = [];
    for (const rect of pending) {
      const sheet = this.workbook.sheetById(rect.sheetId);
      if (!sheet) continue;
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        const line = sheet.rows[r - 1];
        if (!line) continue;
        for (let c = rect.column; c < Math.min(rect.column + rect.numColumns, line.length + 1); c++) {
          const f = line[c - 1]?.formula;
          if (f !== undefined) {
            this.toEngineFormula(f, sheet, extensions);
            this.noteFormulaCell(sheet, r, c, f);
          }
        }
      }
    }
    const all = [...pending, ...extensions];
    this.withEngine(() => {
      hf.suspendEvaluation();
      try {
        for (const rect of all) this.writeRect(rect);
      } finally {
        hf.resumeEvaluation();
      }
    });
    this.settleCustomSizes();
  }

  /** Copies one block of the model into the engine, only the columns the engine needs. */
  private writeRect(rect: GridRect): void {
    const sheet = this.workbook.sheetById(rect.sheetId);
    const id = this.hfSheet.get(rect.sheetId);
    if (!sheet || id === undefined || !this.hf) return;
    const refs = this.referenced.get(sheet.id);
    const formulaColumns = this.formulaColumns.get(sheet.id);
    const lastRow = Math.min(rect.row + rect.numRows - 1, Math.max(sheet.rows.length, 1));
    const needed: number[] = [];
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      const interval = refs?.get(c);
      const overlaps = interval && interval.min <= lastRow && interval.max >= rect.row;
      if (overlaps || formulaColumns?.has(c)) needed.push(c);
    }
    // Group adjacent columns into blocks written in one call each.
    let i = 0;
    while (i < needed.length) {
      let j = i;
      while (j + 1 < needed.length && needed[j + 1] === needed[j] + 1) j++;
      const first = needed[i];
      const last = needed[j];
      const block: RawCellContent[][] = [];
      for (let r = rect.row; r <= lastRow; r++) {
        const line = sheet.rows[r - 1];
        const row: RawCellContent[] = [];
        for (let c = first; c <= last; c++) {
          const cell = line?.[c - 1];
          if (cell?.formula !== undefined) row.push(this.toEngineFormula(cell.formula, sheet, null));
          else if (cell?.value !== undefined) {
            const interval = refs?.get(c);
            row.push(interval && r >= interval.min && r <= interval.max ? toEngineValue(cell.value) : null);
          } else row.push(null);
        }
        block.push(row);
      }
      if (block.length > 0) this.hf.setCellContents({ sheet: id, row: rect.row - 1, col: first - 1 }, block);
      i = j + 1;
    }
  }

  private noteFormulaCell(sheet: SheetModel, row: number, column: number, formula: string): void {
    let columns = this.formulaColumns.get(sheet.id);
    if (!columns) this.formulaColumns.set(sheet.id, (columns = new Set()));
    columns.add(column);
    const names = [...this.customFunctions.keys()];
    const isArray =
      ARRAY_FUNCTIONS.test(formula) || names.some((n) => new RegExp(`\\b${n}\\s*\\(`, 'i').test(formula));
    if (isArray) {
      let anchors = this.arrayAnchors.get(sheet.id);
      if (!anchors) this.arrayAnchors.set(sheet.id, (anchors = new Set()));
      anchors.add(`${row}:${column}`);
    }
  }

  /** Re-enters custom-function formulas whose result size differs from the size HyperFormula reserved. */
  private settleCustomSizes(): void {
    for (let round = 0; round < 5; round++) {
      const hf = this.hf;
      if (!hf) return;
      const wrong: SimpleCellAddress[] = [];
      for (const [key, actual] of this.actualSizes) {
        const predicted = this.predictedSizes.get(key) ?? [1, 1];
        if (predicted[0] !== actual[0] || predicted[1] !== actual[1]) {
          this.predictedSizes.set(key, actual);
          const [sheet, row, col] = key.split(':').map(Number);
          wrong.push({ sheet, row, col });
        }
      }
      if (wrong.length === 0) break;
      this.withEngine(() => {
        hf.suspendEvaluation();
        try {
          for (const address of wrong) {
            const model = this.workbook.sheets.find((s) => this.hfSheet.get(s.id) === address.sheet);
            const formula = model?.cell(address.row + 1, address.col + 1)?.formula;
            if (model && formula) {
              hf.setCellContents(address, [[this.toEngineFormula(formula, model, null)]]);
            }
          }
        } finally {
          hf.resumeEvaluation();
        }
      });
    }
    this.computeSpills();
  }

  private computeSpills(): void {
    this.spills = new Map();
    const hf = this.hf;
    if (!hf) return;
    for (const [sheetId, anchors] of this.arrayAnchors) {
      const sheet = this.workbook.sheetById(sheetId);
      const id = this.hfSheet.get(sheetId);
      if (!sheet || id === undefined) continue;
      const rects: GridRect[] = [];
      for (const anchor of anchors) {
        const [row, column] = anchor.split(':').map(Number);
        if (sheet.cell(row, column)?.formula === undefined) continue;
        const key = addressKey({ sheet: id, row: row - 1, col: column - 1 });
        let size = this.actualSizes.get(key);
        if (!size) {
          let rows = 1;
          let cols = 1;
          const part = (r: number, c: number) =>
            !hasContent(sheet.cell(r, c)) && hf.isCellPartOfArray({ sheet: id, row: r - 1, col: c - 1 });
          while (part(row + rows, column)) rows++;
          while (part(row, column + cols)) cols++;
          size = [rows, cols];
        }
        const value = hf.getCellValue({ sheet: id, row: row - 1, col: column - 1 });
        if (value instanceof DetailedCellError) size = [1, 1];
        // A one-cell result spills nowhere (its anchor is read as the formula it holds). Kept out, or every read
        // of an empty cell would look through every such formula: a roster's Check column (XLOOKUP, which may
        // spill) made reads quadratic, 140 s of stand-in time at a refresh of 50,000 partners.
        if (size[0] === 1 && size[1] === 1) continue;
        rects.push(sheet.rect(row, column, size[0], size[1]));
      }
      this.spills.set(sheetId, rects);
    }
  }

  /**
   * Rewrites a formula for HyperFormula: open and whole-column/row ranges are bounded to the grid of the
   * sheet they point at. When `extensions` is given, newly referenced blocks are recorded there; with null
   * they are recorded straight into `referenced` (used by rebuild, which reads them afterwards).
   */
  toEngineFormula(formula: string, host: SheetModel, extensions: GridRect[] | null): string {
    return mapFormulaRefs(rewriteBareBooleans(formula), (ref: FormulaRef) => {
      const target = ref.sheetName !== undefined ? this.workbook.sheetByName(ref.sheetName) : host;
      if (!target) return ref;
      const startRow = ref.start.row ?? 1;
      const startColumn = ref.start.column ?? 1;
      const endRow = ref.end ? (ref.end.row ?? target.maxRows) : startRow;
      const endColumn = ref.end ? (ref.end.column ?? target.maxColumns) : startColumn;
      this.markReferenced(target, startRow, startColumn, endRow, endColumn, extensions);
      if (
        !ref.end ||
        (ref.start.row !== undefined &&
          ref.end.row !== undefined &&
          ref.start.column !== undefined &&
          ref.end.column !== undefined)
      ) {
        return ref;
      }
      const prefix = ref.sheetName !== undefined ? formulaSheetPrefix(ref.sheetName) : '';
      const part = (row: number, column: number, rowAbs: boolean, colAbs: boolean) =>
        `${colAbs ? '$' : ''}${columnToLetters(column)}${rowAbs ? '$' : ''}${row}`;
      return (
        prefix +
        part(startRow, startColumn, ref.start.rowAbsolute, ref.start.columnAbsolute) +
        ':' +
        part(endRow, endColumn, ref.end.rowAbsolute, ref.end.columnAbsolute)
      );
    });
  }

  private markReferenced(
    sheet: SheetModel,
    startRow: number,
    startColumn: number,
    endRow: number,
    endColumn: number,
    extensions: GridRect[] | null,
  ): void {
    let columns = this.referenced.get(sheet.id);
    if (!columns) this.referenced.set(sheet.id, (columns = new Map()));
    for (let c = startColumn; c <= endColumn; c++) {
      const interval = columns.get(c);
      if (!interval) {
        columns.set(c, { min: startRow, max: endRow });
        extensions?.push(sheet.rect(startRow, c, endRow - startRow + 1, 1));
        continue;
      }
      if (startRow < interval.min) {
        extensions?.push(sheet.rect(startRow, c, interval.min - startRow, 1));
        interval.min = startRow;
      }
      if (endRow > interval.max) {
        extensions?.push(sheet.rect(interval.max + 1, c, endRow - interval.max, 1));
        interval.max = endRow;
      }
    }
  }
}

function formulaSheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** A model value as HyperFormula input; text is forced to stay text with a leading apostrophe. */
function toEngineValue(value: CellValue): RawCellContent {
  if (typeof value === 'string') return `'${value}`;
  if (isDate(value)) return dateToSerial(value);
  return value;
}

function toEngineScalar(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return EmptyValue;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (isDate(value)) return dateToSerial(value);
  return String(value);
}

/** A custom function's result as rows × columns, or null for a single value. 1-D arrays fill a column. */
function toResultGrid(result: unknown): unknown[][] | null {
  if (!Array.isArray(result)) return null;
  if (result.length === 0) return [[EmptyValue]];
  const rows = result.map((row) => (Array.isArray(row) ? row : [row]));
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => toEngineScalar(r[i])));
}

/** An engine argument as Apps Script hands it to a custom function: ranges as 2-D arrays, '' for empty. */
function fromEngineArgument(arg: unknown): unknown {
  if (arg instanceof SimpleRangeValue) {
    return arg.data.map((row) => row.map((v) => fromEngineScalar(v)));
  }
  return fromEngineScalar(arg);
}

function fromEngineScalar(v: unknown): unknown {
  if (v === EmptyValue || v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: unknown }).val; // rich numbers
  if (v instanceof CellError) return `#${v.type}`;
  return v;
}
