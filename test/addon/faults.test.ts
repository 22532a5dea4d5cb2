// Issue #6: a run stopped by a server error at any service call, before its effect or after it landed. For each
// run (first build, refresh after people's edits, first summary, summary regeneration with Board notes typed)
// and each call n of that run, counted on a clean run at test time, this checks what a person would notice:
// - the run ends with a clear message (what the sidebar shows: the thrown message; the menu: an alert);
// - the user's own sheets are exactly as before;
// - the next clean run leaves the workbook as a clean run from the same start would: every entry people typed
//   still there on the same partner (or question), each partner once, one sheet per role, no "(2)" leftovers,
//   no metadata on deleted sheets, the same values, formulas, notes, formats, validations, conditional-format
//   rules, merges, frozen panes, protections, charts and metadata (the summary's generated-at time aside).
// Every call by default; FAULT_SWEEP=quick stops at every write and every 4th read only (see callsToStop).
// The build under test is dist/Code.js, copied once when the suite starts; FAULTS_CODE=path tests another.
import type { CallPhase } from '../../dev/standin/calls';
import {
  cleanRun,
  comparable,
  copyDoc,
  differences,
  faultedRun,
  ownedSheetName,
  prepare,
  problemsAfterFault,
  rosterCell,
  SCENARIOS,
  visibleProblems,
  type Prepared,
} from './faults/harness';

jest.setTimeout(60_000); // a slow machine must not fail a case; nothing here measures time

const PHASES: CallPhase[] = ['before', 'after'];
const FULL = process.env.FAULT_SWEEP !== 'quick';
const READ_STRIDE = 4;

// Counted now, on clean runs of the build under test: refactors change the number of calls.
const PREPARED: Prepared[] = SCENARIOS.map(prepare);

/** A call that only reads: stopping at it leaves the document as stopping before the next write does. */
function readsOnly(method: string): boolean {
  return /\.(get|is|create|find|new)/.test(method);
}

/**
 * The calls to stop at: every one. FAULT_SWEEP=quick: every call that changes the document, in both phases
 * (each distinct state a stopped run can leave), and every READ_STRIDE-th read call (a read stopped before or
 * after leaves the same document as the write before it, so these check the path, not new states).
 */
function callsToStop(methods: string[]): number[] {
  let reads = 0;
  return methods.flatMap((method, i) => {
    if (FULL || !readsOnly(method)) return [i + 1];
    reads += 1;
    return (reads - 1) % READ_STRIDE === 0 ? [i + 1] : [];
  });
}

/** The menu path, sampled: the first call, the first write, the middle, the work's last call, the handler's own. */
function menuSample(p: Prepared): number[] {
  const work = p.clean.sidebar.methods.length;
  const all = p.clean.menu.methods.length;
  const firstWrite = p.clean.menu.methods.findIndex((m) => !readsOnly(m)) + 1;
  const tail = Array.from({ length: all - work }, (_, i) => work + i + 1);
  return [...new Set([1, firstWrite, Math.ceil(work / 2), work, ...tail])]
    .filter((n) => n >= 1)
    .sort((a, b) => a - b);
}

describe('the harness', () => {
  test.each(SCENARIOS.map((s, i) => [s.name, i] as const))(
    '%s: a copy of the starting document runs exactly like a freshly made one',
    (_name, i) => {
      const p = PREPARED[i];
      const fresh = cleanRun(p.scenario.start(), p.scenario, 'sidebar');
      expect(fresh.methods).toEqual(p.clean.sidebar.methods);
      expect(differences(p.clean.sidebar.after, fresh.after)).toEqual([]);
    },
  );

  test.each(SCENARIOS.map((s, i) => [s.name, i] as const))(
    '%s: a clean run succeeds, keeps every entry and leaves nothing over',
    (_name, i) => {
      const p = PREPARED[i];
      expect(p.clean.sidebar.threw).toBeNull();
      expect(p.clean.menu.threw).toBeNull();
      const doc = copyDoc(p.template);
      cleanRun(doc, p.scenario, 'sidebar');
      expect(visibleProblems(doc.s, p.scenario)).toEqual([]);
      expect(p.clean.sidebar.methods.length).toBeGreaterThan(10);
    },
  );

  test('a stopped run tells the user: the sidebar gets an error to show, the menu an alert, and no success toast', () => {
    const p = PREPARED.find((x) => x.scenario.name === 'refresh')!;
    const n = p.clean.sidebar.methods.findIndex((m) => !readsOnly(m)) + 1;
    const sidebar = faultedRun(copyDoc(p.template), p.scenario, 'sidebar', n, 'after');
    expect(sidebar.thrown).toMatch(/again/i);
    const menu = faultedRun(copyDoc(p.template), p.scenario, 'menu', n, 'after');
    expect(menu.thrown).toBeNull();
    expect(menu.alerts).toHaveLength(1);
    expect(menu.alerts[0]).toMatch(/again/i);
    expect(menu.toasts).toEqual([]);
  });

  test('the checks see a lost tick, a duplicate partner, a leftover sheet and a changed list', () => {
    const p = PREPARED.find((x) => x.scenario.name === 'refresh')!;
    const doc = copyDoc(p.template);
    cleanRun(doc, p.scenario, 'sidebar');
    const { s } = doc;
    const roster = ownedSheetName(s, 'roster')!;
    const [row, column] = rosterCell(s, 'Acme Consulting', 'Advisor')!;
    s.workbook.sheetByName(roster)!.setContent(row, column, { value: false });
    const lastRow = s.workbook.sheetByName(roster)!.rows.length;
    s.workbook.sheetByName(roster)!.setContent(lastRow + 1, 1, { value: 'Quiet Org' });
    s.addSheet('Partner Roster (2)', []);
    s.workbook.sheetByName('Partners')!.ensureCell(2, 4).note = 'touched';
    const problems = visibleProblems(s, p.scenario);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Acme Consulting / Advisor holds false, people typed true',
        'Quiet Org is in the roster 2 times',
        'a sheet named "Partner Roster (2)" is left over',
      ]),
    );
    const unlike = differences(comparable(s), p.clean.sidebar.after, 100).join('\n');
    expect(unlike).toContain('sheetNames');
    expect(unlike).toContain('Partners cells D2 note');
  });
});

describe.each(PREPARED.map((p) => [p.scenario.name, p] as const))('%s, stopped at call n', (_name, p) => {
  const count = p.clean.sidebar.methods.length;
  describe.each(PHASES)('%s its effect', (phase) => {
    test.each(
      callsToStop(p.clean.sidebar.methods).map((n) => [n, count, p.clean.sidebar.methods[n - 1]] as const),
    )('call %i of %i (%s)', (n) => {
      expect(problemsAfterFault(p, 'sidebar', n, phase)).toEqual([]);
    });
  });
});

describe.each(PREPARED.map((p) => [p.scenario.name, p] as const))(
  '%s from the menu, stopped at a sample of calls',
  (_name, p) => {
    const count = p.clean.menu.methods.length;
    describe.each(PHASES)('%s its effect', (phase) => {
      test.each(menuSample(p).map((n) => [n, count, p.clean.menu.methods[n - 1]] as const))(
        'call %i of %i (%s)',
        (n) => {
          expect(problemsAfterFault(p, 'menu', n, phase)).toEqual([]);
        },
      );
    });
  },
);
