// The stand-in's internals shared by every service object: context, document model, formula engine, and
// factories that hand out wrapped service objects (see serviceProxy.ts).
import type { StandInContext } from './context';
import { FormulaEngine } from './formulas';
import { wrapService, type ServiceOptions } from './serviceProxy';
import type { GridRect, SheetModel, WorkbookModel } from './workbook';
import type { RangeBounds } from './a1';

export interface UiRecord {
  menus: Array<{ caption: string; addon: boolean; items: MenuEntry[] }>;
  alerts: Array<{ title: string | null; prompt: string; buttons: string | null }>;
  prompts: Array<{ title: string | null; prompt: string; buttons: string | null }>;
  toasts: Array<{ message: string; title: string | null; timeoutSeconds: number | null }>;
  sidebars: Array<{ title: string; html: string; width: number | null }>;
  dialogs: Array<{
    title: string;
    html: string;
    modal: boolean;
    width: number | null;
    height: number | null;
  }>;
  /** Button names returned by the next alert calls (default OK). */
  alertResponses: string[];
  /** Responses for the next prompt calls (default OK with ''). */
  promptResponses: Array<{ button: string; text: string }>;
}

export type MenuEntry =
  [caption: string, functionName: string] | 'separator' | { submenu: string; items: MenuEntry[] };

export interface CoreOptions {
  ui: boolean;
  distDir: string;
  timeZone: string;
  userKey: string;
}

export type Factory = {
  range(
    sheet: SheetModel,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    bounds?: RangeBounds,
  ): unknown;
  sheet(sheet: SheetModel): unknown;
  spreadsheet(): unknown;
};

const BOUNDED: RangeBounds = {
  startRowBounded: true,
  startColumnBounded: true,
  endRowBounded: true,
  endColumnBounded: true,
};

export class Core {
  readonly engine: FormulaEngine;
  readonly ui: UiRecord = {
    menus: [],
    alerts: [],
    prompts: [],
    toasts: [],
    sidebars: [],
    dialogs: [],
    alertResponses: [],
    promptResponses: [],
  };
  readonly logs: string[] = [];
  /** Set by the service modules when they load (avoids import cycles). */
  factory!: Factory;

  constructor(
    readonly ctx: StandInContext,
    readonly workbook: WorkbookModel,
    readonly options: CoreOptions,
  ) {
    this.engine = new FormulaEngine(workbook);
  }

  wrap<T extends object>(target: T, className: string, options: ServiceOptions): T {
    return wrapService(target, className, this.ctx, options);
  }

  range(
    sheet: SheetModel,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    bounds: RangeBounds = BOUNDED,
  ): GoogleAppsScript.Spreadsheet.Range {
    return this.factory.range(
      sheet,
      row,
      column,
      numRows,
      numColumns,
      bounds,
    ) as GoogleAppsScript.Spreadsheet.Range;
  }

  rangeOfRect(rect: GridRect): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.workbook.sheetById(rect.sheetId)!;
    return this.range(sheet, rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  sheet(sheet: SheetModel): GoogleAppsScript.Spreadsheet.Sheet {
    return this.factory.sheet(sheet) as GoogleAppsScript.Spreadsheet.Sheet;
  }

  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.factory.spreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  /** Counts cells written by value/formula setters. */
  wrote(cells: number): void {
    this.ctx.calls.cellsWritten += cells;
  }
}
