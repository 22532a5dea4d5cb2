// createStandIn: an in-memory Google Sheets document with the Apps Script services the add-on uses.
// The add-on is loaded into a node:vm context by loader.ts; tests seed and inspect the document through the
// helpers below, which run internally (not counted as service calls).
import { cellA1, parseRange } from './a1';
import type { CellValue } from './cellValues';
import { parseInput, parseTyped } from './cellValues';
import { CallLog, type CallPhase, type ServiceCallListener } from './calls';
import { effectiveFormats } from './conditionalFormat';
import { StandInContext } from './context';
import { Core, type UiRecord } from './core';
import { exception } from './errors';
import type { CustomFunctionHost } from './formulas';
import { makeHtmlService } from './html';
import { RangeImpl, RANGE_UNCOUNTED } from './range';
import type { Realm } from './realm';
import {
  LockTable,
  makeCharts,
  makeConsole,
  makeLockService,
  makeLogger,
  makePropertiesService,
  makeScriptApp,
  makeSession,
  makeUtilities,
  PropertyStore,
} from './services';
import { makeSheet } from './sheet';
import { makeSpreadsheet } from './spreadsheet';
import { makeSpreadsheetApp } from './spreadsheetApp';
import { rejectionMessage, satisfies } from './validation';
import { WorkbookModel, type SheetModel } from './workbook';

export interface StandInOptions {
  /** false: no editor UI, SpreadsheetApp.getUi() throws (fact 6). Default true. */
  ui?: boolean;
  /** Where HtmlService reads `<name>.html`. Default 'dist'. */
  distDir?: string;
  /** Script and spreadsheet time zone. Default 'America/New_York'. */
  timeZone?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** Name of the sheet a new spreadsheet starts with (fact 7); null for none. Default 'Sheet1'. */
  initialSheet?: string | null;
  /**
   * What TODAY() and NOW() answer in formulas and conditional formats, as 'yyyy-mm-dd' (midnight of that day);
   * default: the clock's date in `timeZone`. For tests of anything due or overdue. setToday changes it later.
   */
  today?: string;
  /** Echo the add-on's console output to the host console. Default false. */
  echoConsole?: boolean;
}

export interface SeedOptions {
  /** Strings starting with '=' become formulas (default: they stay text). */
  formulas?: boolean;
  /** Read strings as a person typing them (numbers, TRUE/FALSE, '=' formulas, apostrophe). */
  typed?: boolean;
  maxRows?: number;
  maxColumns?: number;
  /** 0-based position among the sheets; default last. */
  index?: number;
}

export type Grid = unknown[][];

export interface StandIn {
  /** Globals to install in the add-on's context. */
  readonly globals: Record<string, unknown>;
  /** The active spreadsheet (a service object; calls on it are counted like the add-on's). */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The raw document model. */
  readonly workbook: WorkbookModel;
  readonly calls: CallLog;
  readonly ui: UiRecord;
  /** Lines written with Logger.log / console.*. */
  readonly logs: string[];
  /** Property stores as plain maps. */
  readonly properties: {
    document: Map<string, string>;
    script: Map<string, string>;
    user: Map<string, string>;
  };
  /** Called before (or after) each counted service call; returns a function that removes the listener. */
  onServiceCall(listener: ServiceCallListener, phase?: CallPhase): () => void;
  /** The n-th counted call from now throws an Exception, before its effect or after it landed. */
  failOnCall(n: number, phase?: CallPhase): void;
  /** Seeds a sheet (created if missing, replaced content if present) and returns its model. */
  addSheet(name: string, grid?: Grid, options?: SeedOptions): SheetModel;
  /** getValues of the data range (A1 to last row/column), as the add-on would read it. */
  sheetValues(name: string): Array<Array<CellValue | ''>>;
  sheetFormulas(name: string): string[][];
  sheetDisplayValues(name: string): string[][];
  sheetNames(): string[];
  /** The value of one cell (`'Sheet'!A1` or `A1` with sheetName). */
  value(sheetName: string, a1: string): CellValue | '';
  /** The message behind an error shown in a cell (e.g. what a custom function threw), or null. */
  cellError(sheetName: string, a1: string): string | null;
  /** What a person sees as a cell's fill once conditional formatting applies. */
  effectiveBackground(sheetName: string, a1: string): string;
  /** Effective fills over the data range (at least 1 × 1). */
  effectiveBackgrounds(sheetName: string): string[][];
  effectiveFontColors(sheetName: string): string[][];
  /**
   * A person types `text` into a cell: rejected with the rule's message when it breaks a strict rule. Typed
   * dates (`2026-03-01`, `3/1/2026`) become dates, as Sheets reads them (cellValues.parseTyped).
   */
  typeInto(sheetName: string, a1: string, text: string): void;
  /** Fixes what TODAY() answers ('yyyy-mm-dd'), or back to the clock's date with null. */
  setToday(day: string | null): void;
  /** Runs `fn` without counting its service calls (test set-up and inspection). */
  internal<T>(fn: () => T): T;
  /** Runs `fn` as one execution (locks it takes are released at the end). */
  runExecution<T>(fn: () => T): T;
  /** Used by the loader. */
  setRealm(realm: Realm): void;
  setCustomFunctions(functions: Map<string, (...args: unknown[]) => unknown>): void;
  /** HyperFormula bookkeeping (rebuilds, incremental flushes, milliseconds). */
  engineStats(): { rebuilds: number; flushes: number; ms: number };
  /** Internals, for snapshot.ts and focused tests. */
  readonly core: Core;
}

export function createStandIn(options: StandInOptions = {}): StandIn {
  const ctx = new StandInContext();
  const workbook = new WorkbookModel(
    options.spreadsheetId ?? 'standin-spreadsheet-1',
    options.spreadsheetName ?? 'Partner list',
    options.timeZone ?? 'America/New_York',
  );
  const core = new Core(ctx, workbook, {
    ui: options.ui ?? true,
    distDir: options.distDir ?? 'dist',
    timeZone: options.timeZone ?? 'America/New_York',
    userKey: 'standin-temporary-user-key',
  });
  let spreadsheetProxy: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  core.factory = {
    range: (sheet, row, column, numRows, numColumns, bounds) =>
      core.wrap(new RangeImpl(core, sheet, row, column, numRows, numColumns, bounds!), 'Range', {
        counted: true,
        uncounted: RANGE_UNCOUNTED,
        document: true,
      }),
    sheet: (sheet) => makeSheet(core, sheet),
    spreadsheet: () => (spreadsheetProxy ??= makeSpreadsheet(core)),
  };
  const initial = options.initialSheet === undefined ? 'Sheet1' : options.initialSheet;
  if (options.today !== undefined) core.engine.setToday(options.today);
  if (initial !== null) workbook.activeSheetId = workbook.addSheet(initial, 0).id;

  const stores = { document: new PropertyStore(), script: new PropertyStore(), user: new PropertyStore() };
  const locks = new LockTable();
  ctx.onExecutionEnd((id) => {
    for (const [kind, holder] of locks.holders) if (holder === id) locks.holders.delete(kind);
  });

  const globals: Record<string, unknown> = {
    SpreadsheetApp: makeSpreadsheetApp(core),
    PropertiesService: makePropertiesService(core, stores),
    LockService: makeLockService(core, locks),
    HtmlService: makeHtmlService(core),
    ScriptApp: makeScriptApp(core),
    Session: makeSession(core),
    Utilities: makeUtilities(core),
    Logger: makeLogger(core),
    Charts: makeCharts(core),
    console: makeConsole(core, options.echoConsole ?? false),
  };

  const internal = <T>(fn: () => T): T => {
    ctx.depth += 1;
    try {
      return fn();
    } finally {
      ctx.depth -= 1;
    }
  };
  const sheetNamed = (name: string): SheetModel => {
    const sheet = workbook.sheetByName(name);
    if (!sheet) throw new Error(`stand-in: no sheet named "${name}"`);
    return sheet;
  };
  const dataRange = (name: string) => internal(() => core.sheet(sheetNamed(name)).getDataRange());
  const cellOf = (sheetName: string, a1: string) => {
    const parsed = parseRange(a1);
    if (!parsed || parsed.startRow === undefined || parsed.startColumn === undefined)
      throw new Error(`stand-in: bad cell ${a1}`);
    return {
      sheet: sheetNamed(parsed.sheetName ?? sheetName),
      row: parsed.startRow,
      column: parsed.startColumn,
    };
  };
  const valueAt = (sheet: SheetModel, row: number, column: number): CellValue | '' =>
    internal(() => core.range(sheet, row, column, 1, 1).getValue() as CellValue | '');
  const effective = (name: string) => {
    const sheet = sheetNamed(name);
    return internal(() => {
      const range = core.sheet(sheet).getDataRange();
      const numRows = range.getNumRows();
      const numColumns = range.getNumColumns();
      const values = range.getValues() as Array<Array<CellValue | ''>>;
      return effectiveFormats(core, sheet, numRows, numColumns, (r, c) => values[r - 1]?.[c - 1] ?? '');
    });
  };

  const standIn: StandIn = {
    globals,
    get spreadsheet() {
      return core.spreadsheet();
    },
    workbook,
    calls: ctx.calls,
    ui: core.ui,
    logs: core.logs,
    properties: { document: stores.document.data, script: stores.script.data, user: stores.user.data },
    onServiceCall: (listener, phase = 'before') => ctx.calls.onCall(listener, phase),
    failOnCall: (n, phase = 'before') => ctx.calls.failOnCall(n, phase),
    addSheet(name, grid = [], seed = {}) {
      let sheet = workbook.sheetByName(name);
      const rows = Math.max(seed.maxRows ?? 1000, grid.length);
      const columns = Math.max(seed.maxColumns ?? 26, ...grid.map((r) => r.length));
      if (!sheet) sheet = workbook.addSheet(name, seed.index ?? workbook.sheets.length, rows, columns);
      else {
        sheet.rows = [];
        sheet.maxRows = Math.max(sheet.maxRows, rows);
        sheet.maxColumns = Math.max(sheet.maxColumns, columns);
      }
      grid.forEach((line, r) =>
        line.forEach((input, c) => {
          let content;
          if (seed.typed) content = parseInput(input);
          else if (typeof input === 'string' && seed.formulas && input.startsWith('=') && input.length > 1)
            content = { formula: input };
          else if (input === '' || input === null || input === undefined) content = {};
          else content = { value: input as CellValue };
          sheet.setContent(r + 1, c + 1, content);
        }),
      );
      workbook.structureChanged();
      return sheet;
    },
    sheetValues: (name) => internal(() => dataRange(name).getValues() as Array<Array<CellValue | ''>>),
    sheetFormulas: (name) => internal(() => dataRange(name).getFormulas()),
    sheetDisplayValues: (name) => internal(() => dataRange(name).getDisplayValues()),
    sheetNames: () => workbook.sheets.map((s) => s.name),
    value(sheetName, a1) {
      const { sheet, row, column } = cellOf(sheetName, a1);
      return valueAt(sheet, row, column);
    },
    cellError(sheetName, a1) {
      const { sheet, row, column } = cellOf(sheetName, a1);
      return core.engine.errorMessage(sheet, row, column);
    },
    effectiveBackground(sheetName, a1) {
      const { sheet, row, column } = cellOf(sheetName, a1);
      const { backgrounds } = internal(() =>
        effectiveFormats(core, sheet, row, column, (r, c) => valueAt(sheet, r, c)),
      );
      return backgrounds[row - 1][column - 1];
    },
    effectiveBackgrounds: (name) => effective(name).backgrounds,
    effectiveFontColors: (name) => effective(name).fontColors,
    typeInto(sheetName, a1, text) {
      const { sheet, row, column } = cellOf(sheetName, a1);
      const content = parseTyped(text);
      const rule = sheet.cell(row, column)?.validation;
      if (rule && !rule.allowInvalid && content.formula === undefined) {
        const ok = internal(() =>
          satisfies(
            rule,
            content.value ?? '',
            (range) =>
              ((range as GoogleAppsScript.Spreadsheet.Range).getDisplayValues() as string[][]).flat(),
            (formula) => {
              const v = core.engine.evaluateFormula(sheet, formula.replace(/^=/, '='));
              return v === true || (typeof v === 'number' && v !== 0);
            },
          ),
        );
        if (!ok) throw exception(rejectionMessage(rule));
      }
      sheet.setContent(row, column, content);
      workbook.contentChanged(sheet.rect(row, column, 1, 1));
    },
    setToday: (day) => core.engine.setToday(day),
    internal,
    runExecution: (fn) => ctx.runExecution(fn),
    setRealm(realm) {
      ctx.realm = realm;
    },
    setCustomFunctions(functions) {
      const hosts = new Map<string, CustomFunctionHost>();
      for (const [name, fn] of functions) {
        hosts.set(name, (_name, args) => {
          // Custom functions run read-only, outside any counted execution, with their arguments made in
          // the add-on's realm (https://developers.google.com/apps-script/guides/sheets/functions).
          const savedDepth = ctx.depth;
          ctx.depth = 0;
          ctx.customFunctionDepth += 1;
          try {
            return fn(...(args.map((a) => ctx.realm.toRealm(a)) as unknown[]));
          } finally {
            ctx.customFunctionDepth -= 1;
            ctx.depth = savedDepth;
          }
        });
      }
      core.engine.setCustomFunctions(hosts);
    },
    engineStats: () => ({ ...core.engine.stats }),
    core,
  };
  return standIn;
}

export { cellA1 };
export type { CallPhase, ServiceCallListener };
