// The self-check's report: plain data only, so it crosses the Apps Script API (clasp run-function) and the
// editor's log as JSON. Shared by the scenarios (dev/live/scenarios.ts, run in Apps Script or the stand-in)
// and the node side (dev/live/run.ts, dev/live/model.ts).

export interface CheckResult {
  name: string;
  ok: boolean;
  /** What was seen, when it was not what the check expected. */
  detail?: string;
}

export interface StepReport {
  /** Unique within its scenario. */
  name: string;
  /**
   * 'addon': one call of an add-on top-level function; 'edit': what a person does to the sheets; 'probe': a timed
   * measurement of something the model leaves out (left out of the per-call fit).
   */
  kind: 'addon' | 'edit' | 'probe';
  /** Wall time of the step and the SpreadsheetApp.flush() after it, from Date.now(). */
  seconds: number;
  /** Service calls made in the step (flush excluded). Only where a counter was given: the stand-in's. */
  calls?: number;
  /** Cells written in the step. Only where a counter was given. */
  cellsWritten?: number;
  /**
   * A probe's getter calls on the objects it read (a rule's type, list, help text): free in the model, as calls
   * that need no round trip; the probe's seconds say what they cost.
   */
  getters?: number;
  /**
   * A timing probe's own counts of what it did (it knows them without the stand-in), so the live seconds can be
   * turned into the model's constants (dev/live/model.ts, fitProbes).
   */
  units?: ProbeUnits;
  /** Of `seconds`, the flush that ends the probe (all of it, for the closing-flush probe). */
  flushSeconds?: number;
}

/** What one timing probe did: calls, cells written and read, formula bytes, rules sent or read. */
export interface ProbeUnits {
  calls: number;
  cellsWritten?: number;
  cellsRead?: number;
  formulaBytes?: number;
  /** Rules sent one per cell (a setDataValidations grid). */
  validationCellsWritten?: number;
  /** Rules read (getDataValidations). */
  validationCellsRead?: number;
}

export interface CleanupReport {
  /** Sheets the scenario made (its partner list, the add-on's tabs), deleted at the end. */
  deleted: string[];
  /** Sheets that appeared during the run but were not made by the scenario or the add-on: never touched. */
  leftAlone: string[];
  /** Document properties put back as they were (the add-on saves its list choice there). */
  propertiesRestored: number;
  /** true when asked to keep the sheets for a look (option keep). */
  kept: boolean;
  /** Set when cleaning up failed. */
  error?: string;
}

export interface ScenarioReport {
  name: string;
  ok: boolean;
  seconds: number;
  /** Rows in the scenario's partner list. */
  listRows: number;
  checks: CheckResult[];
  steps: StepReport[];
  /** An exception that stopped the scenario. */
  error?: string;
  cleanup: CleanupReport;
}

export interface SelfCheckReport {
  ok: boolean;
  /** ISO time the run started. */
  startedAt: string;
  seconds: number;
  /** The spreadsheet's sheets before the run (the add-on's call counts depend a little on them). */
  sheetsBefore: string[];
  scenarios: ScenarioReport[];
  /** Add-on calls made in timed steps, their total seconds, and the mean per call. */
  addOnCalls: number;
  addOnSeconds: number;
  /** One line per scenario, for a log. */
  summary: string[];
}

export interface CallCount {
  calls: number;
  cellsWritten: number;
}

export interface SelfCheckOptions {
  /** Scenario names to run (default: all). */
  only?: string[];
  /** Keep the sheets of the last scenario run, to look at them (the others are still deleted). */
  keep?: boolean;
  /** Rows in the larger list scenario (default 300). */
  largerListRows?: number;
  /** Rows the timing probes write and read (default 300; issue #16 asks for 300, 3,000 and 10,000). */
  probeRows?: number;
  /** Seconds the scenarios may take in all (default 270, of Apps Script's 6-minute limit). */
  budgetSeconds?: number;
  /** Offline only: the stand-in's service-call counter, so each step reports its calls. */
  counter?: () => CallCount;
}
