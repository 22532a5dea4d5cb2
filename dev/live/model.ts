// Turns a live run's seconds into seconds per service call. The bench models real time as
// calls × 0.15 s + cells written × 0.06 ms + compute; Apps Script reports no call counts, but the add-on makes
// the same calls for the same sheets, so the stand-in's counts for the same scenarios (an offline run of the
// same bundle) stand in for them. Pure: dev/live/run.ts prints what this returns.
import type { SelfCheckReport, StepReport } from './report';

export const MODEL = { secondsPerCall: 0.15, secondsPerCellWritten: 0.06e-3 };

/**
 * What the bench charges per unit of each thing the platform is likely to bill besides the add-on's compute, as
 * a low and a high bound (seconds per unit). Each says where it comes from; a guess says so, and its range is
 * meant to cover what is plausible. The live self-check's timing probes (dev/live/scenarios.ts) measure them.
 */
export interface Cost {
  low: number;
  high: number;
  source: string;
}

export const COSTS: Record<
  'call' | 'cellWritten' | 'cellRead' | 'validationCellWritten' | 'formulaByte' | 'ruleGetter' | 'switch',
  Cost
> = {
  call: {
    low: 0.1,
    high: 0.3,
    source:
      'a round trip of 0.1–0.3 s (Tanaike 2018 and 2023 benchmarks; Google, Apps Script best practices)',
  },
  cellWritten: {
    low: 0.02e-3,
    high: 0.06e-3,
    source:
      'setValues 55–60 µs a cell (Tanaike 2018) as the high; the low a guess (a third) for the V8 runtime',
  },
  cellRead: {
    low: 0.005e-3,
    high: 0.03e-3,
    source: 'a guess: reading a cell is taken to cost a twelfth to a half of writing one',
  },
  validationCellWritten: {
    low: 0.01e-3,
    high: 0.1e-3,
    source:
      'a guess: a rule sent for one cell (about 100 bytes: criteria, list, help text) costs up to twice a value',
  },
  formulaByte: {
    low: 0.02e-6,
    high: 0.5e-6,
    source: 'a guess: formula text at 50 MB/s (carried only) to 2 MB/s (carried, parsed and first computed)',
  },
  ruleGetter: {
    low: 2e-6,
    high: 1e-3,
    source: 'unpublished: 2 µs (a local getter) to 1 ms (a round trip of its own), the range issue #16 gives',
  },
  switch: {
    low: 0.1,
    high: 1,
    source:
      'a guess: a read after queued writes waits for them to be sent and applied, one more round trip at least',
  },
};

/** What a phase did, as the stand-in counts it (dev/standin/calls.ts). */
export interface PhaseCounts {
  calls: number;
  cellsWritten: number;
  cellsRead: number;
  validationCellsWritten: number;
  formulaBytes: number;
  ruleGetters: number;
  switches: number;
}

/** Modelled seconds of a phase at the low or the high bound of every constant, compute included. */
export function modelBound(counts: PhaseCounts, computeMs: number, bound: 'low' | 'high'): number {
  return (
    counts.calls * COSTS.call[bound] +
    counts.cellsWritten * COSTS.cellWritten[bound] +
    counts.cellsRead * COSTS.cellRead[bound] +
    counts.validationCellsWritten * COSTS.validationCellWritten[bound] +
    counts.formulaBytes * COSTS.formulaByte[bound] +
    counts.ruleGetters * COSTS.ruleGetter[bound] +
    counts.switches * COSTS.switch[bound] +
    computeMs / 1000
  );
}

export interface TimingRow {
  /** "scenario / step". */
  step: string;
  kind: 'addon' | 'edit';
  liveSeconds: number;
  calls: number;
  cellsWritten: number;
  /** What the model predicts, compute left out. */
  modelSeconds: number;
  /** (live seconds − cells × the model's per-cell time) / calls: an upper bound (compute is in it); null for 0 calls. */
  secondsPerCall: number | null;
}

export interface TimingFit {
  rows: TimingRow[];
  /** Steps of the live report with no counterpart offline (they are left out). */
  unmatched: string[];
  liveSeconds: number;
  modelSeconds: number;
  calls: number;
  cellsWritten: number;
  /** Least squares of live seconds ≈ calls × s, with cells at the model's rate: the number to put in the model. */
  secondsPerCall: number | null;
  /** Least squares of both rates, when the steps vary enough to tell them apart (else null). */
  both: { secondsPerCall: number; secondsPerCellWritten: number } | null;
  /** The live probes of rule getters (free in the model): their seconds, getters and microseconds per getter. */
  getters: { seconds: number; getters: number; microsecondsPerGetter: number } | null;
}

const key = (scenario: string, step: string) => `${scenario} / ${step}`;

/** Joins a live report's steps to an offline report's counts, step by step, and fits the per-call time. */
export function deriveTiming(live: SelfCheckReport, offline: SelfCheckReport): TimingFit {
  const counts = new Map<string, { calls: number; cellsWritten: number }>();
  for (const s of offline.scenarios)
    for (const st of s.steps) {
      if (st.calls !== undefined)
        counts.set(key(s.name, st.name), { calls: st.calls, cellsWritten: st.cellsWritten ?? 0 });
    }
  const rows: TimingRow[] = [];
  const unmatched: string[] = [];
  let probeSeconds = 0;
  let probeGetters = 0;
  for (const s of live.scenarios)
    for (const st of s.steps) {
      if (st.kind === 'probe') {
        // Only the probes that count getters (the timing probes' others are fitted by fitProbes).
        if (st.getters) {
          probeSeconds += st.seconds;
          probeGetters += st.getters;
        }
        continue;
      }
      const k = key(s.name, st.name);
      const c = counts.get(k);
      if (!c) {
        unmatched.push(k);
        continue;
      }
      rows.push({
        step: k,
        kind: st.kind as TimingRow['kind'],
        liveSeconds: st.seconds,
        calls: c.calls,
        cellsWritten: c.cellsWritten,
        modelSeconds: c.calls * MODEL.secondsPerCall + c.cellsWritten * MODEL.secondsPerCellWritten,
        secondsPerCall:
          c.calls > 0 ? (st.seconds - c.cellsWritten * MODEL.secondsPerCellWritten) / c.calls : null,
      });
    }
  const sum = (f: (r: TimingRow) => number) => rows.reduce((t, r) => t + f(r), 0);
  const cc = sum((r) => r.calls * r.calls);
  const ww = sum((r) => r.cellsWritten * r.cellsWritten);
  const cw = sum((r) => r.calls * r.cellsWritten);
  const ct = sum((r) => r.calls * r.liveSeconds);
  const wt = sum((r) => r.cellsWritten * r.liveSeconds);
  const secondsPerCall = cc > 0 ? (ct - MODEL.secondsPerCellWritten * cw) / cc : null;
  // Two unknowns, no intercept: the normal equations. Nearly proportional columns (det ≈ 0) tell nothing.
  const det = cc * ww - cw * cw;
  let both: TimingFit['both'] = null;
  if (cc > 0 && ww > 0 && det > 1e-6 * cc * ww) {
    const a = (ct * ww - wt * cw) / det;
    const b = (cc * wt - cw * ct) / det;
    if (a > 0 && b >= 0) both = { secondsPerCall: a, secondsPerCellWritten: b };
  }
  return {
    rows,
    unmatched,
    liveSeconds: sum((r) => r.liveSeconds),
    modelSeconds: sum((r) => r.modelSeconds),
    calls: sum((r) => r.calls),
    cellsWritten: sum((r) => r.cellsWritten),
    secondsPerCall,
    both,
    getters:
      probeGetters > 0
        ? {
            seconds: probeSeconds,
            getters: probeGetters,
            microsecondsPerGetter: (probeSeconds / probeGetters) * 1e6,
          }
        : null,
  };
}

/** The fit as a table and a few sentences, for a terminal. */
export function formatTiming(fit: TimingFit): string {
  const lines: string[] = [];
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  const num = (n: number, digits: number) => n.toFixed(digits).padStart(9);
  lines.push(`${pad('step', 52)}    live s    calls    cells   model s   s/call`);
  for (const r of fit.rows) {
    lines.push(
      `${pad(r.step, 52)}${num(r.liveSeconds, 3)}${String(r.calls).padStart(9)}${String(r.cellsWritten).padStart(9)}` +
        `${num(r.modelSeconds, 2)}${r.secondsPerCall === null ? '        –' : num(r.secondsPerCall, 3)}`,
    );
  }
  lines.push(
    `${pad('all steps', 52)}${num(fit.liveSeconds, 3)}${String(fit.calls).padStart(9)}${String(fit.cellsWritten).padStart(9)}` +
      `${num(fit.modelSeconds, 2)}`,
  );
  lines.push('');
  if (fit.secondsPerCall !== null) {
    lines.push(
      `Measured: ${fit.secondsPerCall.toFixed(3)} s per service call (the model says ${MODEL.secondsPerCall}), ` +
        `with cells written at the model's ${+(MODEL.secondsPerCellWritten * 1000).toPrecision(3)} ms each; compute is inside it.`,
    );
  }
  if (fit.both) {
    lines.push(
      `Fitting both: ${fit.both.secondsPerCall.toFixed(3)} s per call and ` +
        `${(fit.both.secondsPerCellWritten * 1000).toFixed(3)} ms per cell written.`,
    );
  }
  if (fit.getters) {
    lines.push(
      `Rule getters (free in the model): ${fit.getters.getters} in ${fit.getters.seconds.toFixed(3)} s, ` +
        `${fit.getters.microsecondsPerGetter.toFixed(1)} µs each; a refresh of 10,000 partners calls about 300,000.`,
    );
  }
  if (fit.unmatched.length) lines.push(`Left out (no offline counterpart): ${fit.unmatched.join('; ')}`);
  return lines.join('\n');
}

/** One constant of the model as the timing probes measured it, beside the model's low and high. */
export interface ProbeFit {
  what: string;
  /** Seconds per unit (or plain seconds where `unit` says so). */
  measured: number;
  unit: string;
  cost: Cost | null;
  /** Where the measurement falls against the model's range. */
  verdict: 'inside' | 'below' | 'above' | 'no range';
  note?: string;
}

/**
 * The timing probes of a live report (scenario "timing probes") turned into the model's constants: each probe
 * timed from a flush to the flush after it, less the round trips it made (at the model's seconds per call).
 */
export function fitProbes(live: SelfCheckReport): { rows: number; fits: ProbeFit[] } | null {
  const scenario = live.scenarios.find((s) => s.name === 'timing probes');
  if (!scenario || scenario.steps.length === 0) return null;
  const step = (prefix: string) =>
    scenario.steps.find((st) => st.kind === 'probe' && st.name.startsWith(prefix));
  const call = MODEL.secondsPerCall;
  const fits: ProbeFit[] = [];
  const add = (what: string, measured: number, unit: string, cost: Cost | null, note?: string) => {
    if (!Number.isFinite(measured)) return;
    const verdict = !cost
      ? 'no range'
      : measured < cost.low
        ? 'below'
        : measured > cost.high
          ? 'above'
          : 'inside';
    fits.push({ what, measured, unit, cost, verdict, ...(note ? { note } : {}) });
  };
  const beyondCalls = (st: StepReport | undefined) =>
    st?.units ? Math.max(0, st.seconds - st.units.calls * call) : NaN;
  const md = step('addDeveloperMetadata');
  if (md?.units)
    add(
      'addDeveloperMetadata, per call',
      md.seconds / md.units.calls,
      's',
      COSTS.call,
      (md.flushSeconds ?? 0) > md.seconds / 2
        ? 'most of it in the flush after the burst: the calls queue'
        : 'most of it in the calls themselves: they do not queue',
    );
  const plain = step('setValues without');
  if (plain?.units?.cellsWritten)
    add('a cell written (setValues)', beyondCalls(plain) / plain.units.cellsWritten, 's', COSTS.cellWritten);
  const withFormulas = step('setValues with the formula columns');
  if (plain && withFormulas?.units?.formulaBytes)
    add(
      'a formula byte written',
      Math.max(0, withFormulas.seconds - plain.seconds) / withFormulas.units.formulaBytes,
      's',
      COSTS.formulaByte,
    );
  const values = step('getValues');
  if (values?.units?.cellsRead)
    add('a cell read (getValues)', beyondCalls(values) / values.units.cellsRead, 's', COSTS.cellRead);
  const formulas = step('getFormulas');
  if (formulas?.units?.cellsRead)
    add('a cell read (getFormulas)', beyondCalls(formulas) / formulas.units.cellsRead, 's', COSTS.cellRead);
  const recalculated = step('setValues with the formula columns, then getValues');
  if (recalculated && withFormulas && values)
    add(
      'recalculation before a read right after writing formulas',
      Math.max(0, recalculated.seconds - withFormulas.seconds - values.seconds),
      's in all',
      null,
      'the model charges it inside the formula bytes',
    );
  const grid = step('validations as a grid');
  if (grid?.units?.validationCellsWritten)
    add(
      'a rule sent for one cell (setDataValidations)',
      beyondCalls(grid) / grid.units.validationCellsWritten,
      's',
      COSTS.validationCellWritten,
    );
  const rulesAlone = step('getDataValidations alone');
  if (rulesAlone?.units?.validationCellsRead)
    add(
      'a rule read (getDataValidations)',
      beyondCalls(rulesAlone) / rulesAlone.units.validationCellsRead,
      's',
      COSTS.cellRead,
    );
  const getters = step('getDataValidations and the getters');
  if (getters?.getters && rulesAlone)
    add(
      'a rule-object getter',
      Math.max(0, getters.seconds - rulesAlone.seconds) / getters.getters,
      's',
      COSTS.ruleGetter,
    );
  const blocks = step('validations by block');
  if (blocks?.units)
    add(
      'a rule set on a block (setDataValidation), per call',
      blocks.seconds / blocks.units.calls,
      's',
      COSTS.call,
    );
  const flush = step('the closing flush');
  if (flush) add('the closing flush of a build-like write', flush.seconds, 's', COSTS.switch);
  return { rows: scenario.listRows - 1, fits };
}

/** The probes' constants, one line each, for a terminal. */
export function formatProbes(probes: { rows: number; fits: ProbeFit[] }): string {
  const n = (x: number) => (x >= 0.01 ? x.toFixed(3) : x.toExponential(2));
  const lines = [`Timing probes at ${probes.rows} rows (seconds per unit; the model's low – high):`];
  for (const f of probes.fits)
    lines.push(
      `  ${f.what}: ${n(f.measured)} ${f.unit}` +
        (f.cost ? ` (model ${n(f.cost.low)} – ${n(f.cost.high)}: ${f.verdict})` : '') +
        (f.note ? `; ${f.note}` : ''),
    );
  return lines.join('\n');
}
