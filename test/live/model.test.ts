// Live seconds joined to the stand-in's call counts, step by step, and the per-call time fitted from them.
import { deriveTiming, formatTiming, MODEL } from '../../dev/live/model';
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
