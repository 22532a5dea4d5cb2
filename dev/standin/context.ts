// Shared state of one stand-in: the realm of the add-on, the call log, the execution stack (for locks) and
// the custom-function sandbox flag.
import { CallLog } from './calls';
import { hostRealm, type Realm } from './realm';

export class StandInContext {
  realm: Realm = hostRealm;
  readonly calls = new CallLog();
  /** >0 while stand-in code runs on behalf of a service call (nested calls are internal, not counted). */
  depth = 0;
  /** Set while a custom function runs: writes throw, calls are not counted. */
  customFunctionDepth = 0;
  private executions: number[] = [0];
  private nextExecutionId = 1;
  private executionEndListeners: Array<(id: number) => void> = [];

  get currentExecution(): number {
    return this.executions[this.executions.length - 1];
  }

  /** Runs `fn` as one Apps Script execution; what it holds (locks) is released when it ends (fact 110). */
  runExecution<T>(fn: () => T): T {
    const id = this.nextExecutionId++;
    this.executions.push(id);
    const savedDepth = this.depth;
    this.depth = 0;
    try {
      return fn();
    } finally {
      this.depth = savedDepth;
      this.executions.pop();
      for (const listener of this.executionEndListeners) listener(id);
    }
  }

  onExecutionEnd(listener: (id: number) => void): void {
    this.executionEndListeners.push(listener);
  }
}
