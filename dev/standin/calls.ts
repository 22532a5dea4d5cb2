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

export class CallLog {
  count = 0;
  byMethod: Record<string, number> = {};
  /** Cells touched by setValues/setValue/setFormulas/etc. */
  cellsWritten = 0;
  private listeners: Record<CallPhase, ServiceCallListener[]> = { before: [], after: [] };
  private fault: { index: number; phase: CallPhase } | null = null;

  reset(): void {
    this.count = 0;
    this.byMethod = {};
    this.cellsWritten = 0;
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
