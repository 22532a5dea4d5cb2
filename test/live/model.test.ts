// Live seconds joined to the stand-in's call counts, step by step, and the per-call time fitted from them.
import { deriveTiming, fitProbes, formatProbes, formatTiming, MODEL } from '../../dev/live/model';
import type { SelfCheckReport, StepReport } from '../../dev/live/report';

function report(steps: StepReport[]): SelfCheckReport {
  return {
    ok: true,
    startedAt: '2026-01-01T00:00:00.000Z',
    seconds: 1,
    sheetsBefore: ['Sheet1'],
    addOnCalls: steps.length,
    addOnSeconds: 1,
    summary: [],
    scenarios: [
      {
        name: 'round trip',
        ok: true,
        seconds: 1,
        listRows: 3,
        checks: [],
        steps,
        cleanup: { deleted: [], leftAlone: [], propertiesRestored: 0, kept: false },
      },
    ],
  };
}

const COUNTS: StepReport[] = [
  { name: 'build', kind: 'addon', seconds: 0.01, calls: 170, cellsWritten: 5000 },
  { name: 'refresh', kind: 'addon', seconds: 0.01, calls: 60, cellsWritten: 0 },
  { name: 'summary', kind: 'addon', seconds: 0.01, calls: 80, cellsWritten: 600 },
  { name: 'edits', kind: 'edit', seconds: 0.01, calls: 16, cellsWritten: 8 },
];

describe('deriveTiming', () => {
  test('recovers the rates the live seconds were made with', () => {
    const live = COUNTS.map((s) => ({
      name: s.name,
      kind: s.kind,
      seconds: s.calls! * 0.2 + s.cellsWritten! * 0.1e-3,
    }));
    const fit = deriveTiming(report(live), report(COUNTS));
    expect(fit.both!.secondsPerCall).toBeCloseTo(0.2, 9);
    expect(fit.both!.secondsPerCellWritten).toBeCloseTo(0.1e-3, 9);
    // With cells at the model's rate, the rest lands on the calls: a little above 0.2 here.
    expect(fit.secondsPerCall!).toBeGreaterThan(0.2);
    expect(fit.secondsPerCall!).toBeLessThan(0.21);
    expect(fit.calls).toBe(326);
    const refresh = fit.rows.find((r) => r.step === 'round trip / refresh')!;
    expect(refresh.secondsPerCall).toBeCloseTo(0.2, 9);
    expect(refresh.modelSeconds).toBeCloseTo(60 * MODEL.secondsPerCall, 9);
    expect(formatTiming(fit)).toContain('s per service call (the model says 0.15)');
  });

  test('a probe of rule getters stays out of the per-call fit and is reported per getter', () => {
    const live = [
      ...COUNTS.map((s) => ({ name: s.name, kind: s.kind, seconds: s.calls! * 0.2 })),
      { name: 'read every rule', kind: 'probe' as const, seconds: 0.5, getters: 100000 },
    ];
    const fit = deriveTiming(report(live), report(COUNTS));
    expect(fit.rows.map((r) => r.step)).not.toContain('round trip / read every rule');
    expect(fit.unmatched).toEqual([]);
    expect(fit.getters).toEqual({ seconds: 0.5, getters: 100000, microsecondsPerGetter: 5 });
    expect(formatTiming(fit)).toContain('100000 in 0.500 s, 5.0 µs each');
    expect(deriveTiming(report(COUNTS), report(COUNTS)).getters).toBeNull();
  });

  test('steps missing offline are listed apart, and too little variety gives no two-rate fit', () => {
    const fit = deriveTiming(
      report([
        { name: 'refresh', kind: 'addon', seconds: 6 },
        { name: 'only live', kind: 'addon', seconds: 1 },
      ]),
      report(COUNTS),
    );
    expect(fit.unmatched).toEqual(['round trip / only live']);
    expect(fit.rows).toHaveLength(1);
    expect(fit.secondsPerCall).toBeCloseTo(0.1, 9);
    expect(fit.both).toBeNull();
  });
});

describe('fitProbes', () => {
  // A live report of the timing probes at 1,000 rows, made with known constants: 0.15 s a call (the model's),
  // 40 µs a cell written, 10 µs a cell read, 0.3 µs a formula byte, 50 µs a rule sent per cell, 20 µs a getter.
  const cells = 1001 * 19;
  const bytes = 260_000;
  const rules = 1000 * 16;
  const probe = (name: string, seconds: number, extra: Partial<StepReport> = {}): StepReport => ({
    name,
    kind: 'probe',
    seconds,
    ...extra,
  });
  const steps: StepReport[] = [
    probe('addDeveloperMetadata × 19, one a column', 19 * 0.15, { units: { calls: 19 }, flushSeconds: 2.5 }),
    probe('setValues without the formula columns', 0.15 + cells * 40e-6, {
      units: { calls: 1, cellsWritten: cells },
    }),
    probe('setValues with the formula columns', 0.15 + cells * 40e-6 + bytes * 0.3e-6, {
      units: { calls: 1, cellsWritten: cells, formulaBytes: bytes },
    }),
    probe('getValues', 0.15 + cells * 10e-6, { units: { calls: 1, cellsRead: cells } }),
    probe('getFormulas', 0.15 + cells * 10e-6, { units: { calls: 1, cellsRead: cells } }),
    probe('validations as a grid, one rule a cell', 0.15 + rules * 50e-6, {
      units: { calls: 1, validationCellsWritten: rules },
    }),
    probe('getDataValidations alone', 0.15 + rules * 10e-6, {
      units: { calls: 1, cellsRead: rules, validationCellsRead: rules },
    }),
    probe(
      'getDataValidations and the getters a refresh used to call',
      0.15 + rules * 10e-6 + 30_000 * 20e-6,
      {
        getters: 30_000,
      },
    ),
    probe('validations by block, one rule each (6)', 6 * 0.15, {
      units: { calls: 6, validationCellsWritten: 6 },
    }),
    probe('the closing flush of a write like a build', 0.4, { units: { calls: 0 }, flushSeconds: 0.4 }),
  ];
  const live = report(steps);
  live.scenarios[0] = { ...live.scenarios[0], name: 'timing probes', listRows: 1001 };

  test('recovers each constant and says where it falls against the model', () => {
    const fit = fitProbes(live)!;
    expect(fit.rows).toBe(1000);
    const by = Object.fromEntries(fit.fits.map((f) => [f.what, f]));
    expect(by['a cell written (setValues)'].measured).toBeCloseTo(40e-6, 9);
    expect(by['a formula byte written'].measured).toBeCloseTo(0.3e-6, 10);
    expect(by['a cell read (getValues)'].measured).toBeCloseTo(10e-6, 9);
    expect(by['a rule sent for one cell (setDataValidations)'].measured).toBeCloseTo(50e-6, 9);
    expect(by['a rule-object getter'].measured).toBeCloseTo(20e-6, 9);
    expect(by['a rule set on a block (setDataValidation), per call'].measured).toBeCloseTo(0.15, 6);
    expect(by['addDeveloperMetadata, per call'].note).toContain('the calls queue');
    expect(by['a cell written (setValues)'].verdict).toBe('inside');
    expect(by['a rule-object getter'].verdict).toBe('inside');
    expect(by['the closing flush of a build-like write'].measured).toBe(0.4);
    expect(formatProbes(fit)).toContain('Timing probes at 1000 rows');
    // A getter at 3 ms is outside what the model assumes, and says so.
    const slow = report(steps.map((s) => (s.getters ? { ...s, seconds: s.seconds + 30_000 * 3e-3 } : s)));
    slow.scenarios[0] = { ...slow.scenarios[0], name: 'timing probes', listRows: 1001 };
    expect(fitProbes(slow)!.fits.find((f) => f.what === 'a rule-object getter')!.verdict).toBe('above');
  });

  test('a report without the timing probes has none', () => {
    expect(fitProbes(report(COUNTS))).toBeNull();
  });
});
