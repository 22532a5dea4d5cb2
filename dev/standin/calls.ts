// Service-call accounting. A "call" models one round trip to the Sheets backend: a method call on a
// Spreadsheet, Sheet, Range, RangeList, DeveloperMetadata, DeveloperMetadataFinder.find, Protection or chart
// object, or SpreadsheetApp.getActive*/flush. Builders and enums are local objects and are not counted.
// Getters that only read what the object already holds are not counted either (they need no round trip):
// DeveloperMetadata getId/getKey/getValue/getVisibility/getLocation, DeveloperMetadataLocation getters, and
// Range coordinate getters (getRow, getColumn, getNumRows, getNumColumns, getLastRow, getLastColumn,
// getA1Notation, getSheet, getGridId, getWidth, getHeight). Calls the stand-in makes internally are not
// counted (serviceProxy.ts counts only at the add-on boundary).
import { exception } from './errors';

export type CallPhase = 'before' | 'after';

export interface ServiceCallInfo {
  className: string;
  method: string;
  args: readonly unknown[];
  /** 1-based number of this call since the last reset. */
  index: number;
  phase: CallPhase;
}

export type ServiceCallListener = (info: ServiceCallInfo) => void;

export const INJECTED_FAULT_MESSAGE =
  "We're sorry, a server error occurred. Please wait a bit and try again.";

// What else the platform is likely to charge for, besides round trips (issue #16; the bench models each with a
// low and a high constant, dev/live/model.ts). Counted at the add-on boundary, like calls:
// - cellsRead: cells a Range getter hands back (getValues, getFormulas, getNotes, getBackgrounds,
//   getDataValidations…: rows × columns of the grid; 1 for getValue, getNote…), and Sheet.getSheetValues;
// - validationCellsRead: the part of those that are data-validation rules (getDataValidation(s));
// - validationCellsWritten: rules sent one per cell: the grid of setDataValidations; a rule set on a whole range
//   at once (setDataValidation, insertCheckboxes) is one, whatever the range's size;
// - formulaBytes: UTF-8 bytes of formula text written (setValues/setValue strings starting with "=",
//   setFormula(s), setFormulaR1C1(s));
// - ruleGetters: getters called on rule objects a getter handed out (DataValidation, ConditionalFormatRule,
//   its BooleanCondition): free of round trips in the call count, of unpublished cost;
// - switches: reads that follow writes not yet committed (and a flush that commits some). Apps Script queues
//   writes and sends them at the next read or flush (https://developers.google.com/apps-script/guides/support/best-practices#avoid_alternating_read_and_write_calls),
//   so each such switch pays for the queue before the read can answer.
const RANGE_CONSTRUCTORS = new Set([
  'getRange',
  'getRangeList',
  'getRanges',
  'getActive',
  'getActiveSpreadsheet',
  'getActiveSheet',
]);
const READ = /^(get|is|find)/;
const WRITE =
  /^(set|insert|add|delete|clear|merge|break|protect|remove|move|append|sort|copy|hide|show|unhide|auto|check|uncheck|trim|update|refresh)/;

function gridCells(result: unknown): number {
  if (!Array.isArray(result)) return 1;
  let n = 0;
  for (const row of result) n += Array.isArray(row) ? row.length : 1;
  return n;
}

/** Bytes of the formulas in a value or grid; `values`: only strings starting with "=" are formulas. */
function formulaBytesOf(value: unknown, values: boolean): number {
  if (typeof value === 'string')
    return !values || value.startsWith('=') ? Buffer.byteLength(value, 'utf8') : 0;
  if (!Array.isArray(value)) return 0;
  let n = 0;
  for (const v of value) n += formulaBytesOf(v, values);
  return n;
}

// Range getters that hand back cell contents or formats (a grid, or one cell's).
const CELL_READ =
  /^get(Values?|DisplayValues?|Formulas?|FormulasR1C1|FormulaR1C1|Notes?|Backgrounds?|BackgroundObjects?|FontColors?|FontColorObjects?|FontWeights?|FontSizes?|FontStyles?|FontFamil(y|ies)|FontLines?|NumberFormats?|HorizontalAlignments?|VerticalAlignments?|Wraps?|WrapStrateg(y|ies)|DataValidations?|RichTextValues?|TextStyles?|TextDirections?|TextRotations?)$/;

export class CallLog {
  count = 0;
  byMethod: Record<string, number> = {};
  /** Cells touched by setValues/setValue/setFormulas/etc. */
  cellsWritten = 0;
  cellsRead = 0;
  validationCellsRead = 0;
  validationCellsWritten = 0;
  formulaBytes = 0;
  ruleGetters = 0;
  switches = 0;
  /** Writes made since the last read or flush. */
  private pending = false;
  private listeners: Record<CallPhase, ServiceCallListener[]> = { before: [], after: [] };
  private fault: { index: number; phase: CallPhase } | null = null;

  reset(): void {
    this.count = 0;
    this.byMethod = {};
    this.cellsWritten = 0;
    this.cellsRead = 0;
    this.validationCellsRead = 0;
    this.validationCellsWritten = 0;
    this.formulaBytes = 0;
    this.ruleGetters = 0;
    this.switches = 0;
    this.pending = false;
  }

  /** What a counted call that returned costs besides its round trip (see above). */
  account(className: string, method: string, args: readonly unknown[], result: unknown): void {
    if (method === 'flush') {
      if (this.pending) this.switches += 1;
      this.pending = false;
      return;
    }
    if (WRITE.test(method)) {
      this.pending = true;
      if (method === 'setDataValidations') this.validationCellsWritten += gridCells(args[0]);
      else if (method === 'setDataValidation' || method === 'insertCheckboxes')
        this.validationCellsWritten += 1;
      else if (method === 'setValues' || method === 'setValue')
        this.formulaBytes += formulaBytesOf(args[0], true);
      else if (/^setFormula/.test(method)) this.formulaBytes += formulaBytesOf(args[0], false);
      return;
    }
    if (!READ.test(method) || RANGE_CONSTRUCTORS.has(method)) return;
    if (this.pending) this.switches += 1;
    this.pending = false;
    // Sheet.getSheetValues hands back a grid of values as Range.getValues does (fact 31).
    const gridGetter =
      className === 'Range' ? CELL_READ.test(method) : className === 'Sheet' && method === 'getSheetValues';
    if (!gridGetter) return;
    const cells = gridCells(result);
    this.cellsRead += cells;
    if (method === 'getDataValidations' || method === 'getDataValidation') this.validationCellsRead += cells;
  }

  /** A getter called on a rule object the add-on was handed (counted only at the boundary). */
  ruleGetter(): void {
    this.ruleGetters += 1;
  }

  onCall(listener: ServiceCallListener, phase: CallPhase = 'before'): () => void {
    this.listeners[phase].push(listener);
    return () => {
      this.listeners[phase] = this.listeners[phase].filter((l) => l !== listener);
    };
  }

  /** The n-th counted call from now (n = 1 is the next one) throws, before its effect or after it landed. */
  failOnCall(n: number, phase: CallPhase = 'before'): void {
    this.fault = { index: this.count + n, phase };
  }

  /** Records a call; returns its index. Throws the injected fault when it is due before the effect. */
  before(className: string, method: string, args: readonly unknown[]): number {
    this.count += 1;
    const key = `${className}.${method}`;
    this.byMethod[key] = (this.byMethod[key] ?? 0) + 1;
    const index = this.count;
    for (const listener of [...this.listeners.before]) {
      listener({ className, method, args, index, phase: 'before' });
    }
    this.maybeFail(index, 'before');
    return index;
  }

  after(className: string, method: string, args: readonly unknown[], index: number): void {
    for (const listener of [...this.listeners.after]) {
      listener({ className, method, args, index, phase: 'after' });
    }
    this.maybeFail(index, 'after');
  }

  private maybeFail(index: number, phase: CallPhase): void {
    if (this.fault && this.fault.index === index && this.fault.phase === phase) {
      this.fault = null;
      throw exception(INJECTED_FAULT_MESSAGE);
    }
  }
}
