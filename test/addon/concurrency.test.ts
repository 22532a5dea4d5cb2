// Two things at once (issue #6): a second build, a summary or a segment edit started while a build or a summary
// runs is refused with a message to try again, never interleaved; and people who tick, choose and type in the
// roster while a refresh runs keep every entry. The stand-in runs the second thing, or the person's typing,
// inside a service call of the first run (s.onServiceCall), at every call of it, before and after its effect.
import type { CallPhase } from '../../dev/standin/calls';
import { cellA1 } from '../../dev/standin/a1';
import { createStandIn, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';

const ROSTER = 'Partner Roster';
const SUMMARY = 'Discussion Summary';
const SEGMENTS = 'Segments';
const RETRY = /^Partner Segments is already at work in this spreadsheet .*Try again in a minute\.$/;
const PHASES: CallPhase[] = ['before', 'after'];

const PARTNERS = Array.from({ length: 20 }, (_, i) => [
  `Partner ${i}`,
  ['vendor contract', 'grant funder', 'advisory council', 'volunteer club'][i % 4],
]);

/** The whole list, or only the even partners (ten scattered rows leave, a newcomer too). */
function list(all: boolean): string[][] {
  return [
    ['Name', 'Notes'],
    ...PARTNERS.filter((_, i) => all || i % 2 === 0),
    ...(all ? [['Newcomer', 'vendor']] : []),
  ];
}

function setUp(): { s: StandIn; addon: LoadedAddon } {
  const s = createStandIn({ initialSheet: null });
  s.addSheet('Partners', list(true));
  return { s, addon: loadAddon({ standIn: s }) };
}

/** Everything in the document, from the stand-in's model: to compare before and after. */
function documentState(s: StandIn): string {
  const { sheets, metadata } = s.workbook;
  return JSON.stringify({ sheets, metadata, properties: [...s.properties.document] }, (_, v: unknown) =>
    v instanceof Map || v instanceof Set ? [...v] : v,
  );
}

/** The roster's content as a person sees it (values and formulas), without the summary's clock. */
function rosterContent(s: StandIn): string {
  return JSON.stringify([s.sheetValues(ROSTER), s.sheetFormulas(ROSTER)]);
}

/** Counted service calls of one run of `fn` (the run itself is undone by the caller when it matters). */
function callsOf(s: StandIn, fn: () => unknown, methods: string[] = []): number {
  let n = 0;
  const stop = s.onServiceCall((info) => {
    n++;
    methods.push(`${info.className}.${info.method}`);
  });
  try {
    fn();
  } finally {
    stop();
  }
  return n;
}

/**
 * Runs `outer`; at call `at` (phase `phase`) runs `inner` once and returns what it threw (null if it did not
 * throw), with what `outer` returned or threw.
 */
function nested(
  s: StandIn,
  at: number,
  phase: CallPhase,
  outer: () => unknown,
  inner: () => unknown,
): { innerError: Error | null; innerRan: boolean; outerError: unknown } {
  let seen = 0;
  let innerRan = false;
  let innerError: Error | null = null;
  const stop = s.onServiceCall(() => {
    seen++;
    if (seen !== at || innerRan) return;
    innerRan = true;
    try {
      inner();
    } catch (e) {
      innerError = e as Error;
    }
  }, phase);
  let outerError: unknown = null;
  try {
    outer();
  } catch (e) {
    outerError = e;
  } finally {
    stop();
  }
  return { innerError, innerRan, outerError };
}

describe('two builds at once', () => {
  test('a first build: the second is told to retry at every point; the first makes one whole roster', () => {
    const reference = setUp();
    reference.addon.run('buildRosterFromSidebar');
    const expected = rosterContent(reference.s);
    const probe = setUp();
    const n = callsOf(probe.s, () => probe.addon.run('buildRosterFromSidebar'));
    // Fresh documents are dear: the start, the middle and the end (a refresh below tries every call).
    for (const at of [1, Math.ceil(n / 2), n]) {
      const { s, addon } = setUp();
      const r = nested(
        s,
        at,
        'before',
        () => addon.run('buildRosterFromSidebar'),
        () => addon.run('buildRosterFromSidebar'),
      );
      expect({ at, innerRan: r.innerRan, outerError: r.outerError }).toEqual({
        at,
        innerRan: true,
        outerError: null,
      });
      expect({ at, message: r.innerError?.message }).toEqual({ at, message: expect.stringMatching(RETRY) });
      expect(s.sheetNames()).toEqual(['Partners', SEGMENTS, ROSTER]);
      expect(rosterContent(s)).toBe(expected);
      // The lock is released at the end: the next build runs.
      expect(addon.run('buildRosterFromSidebar')).toMatchObject({ new: 0, kept: 21 });
    }
  });

  test('a refresh: the second is told to retry at every call; the first changes what it should', () => {
    const { s, addon } = setUp();
    addon.run('buildRosterFromSidebar');
    const settled = documentState(s);
    const n = callsOf(s, () => addon.run('buildRosterFromSidebar'));
    expect(documentState(s)).toBe(settled);
    // Before every call, and after the last (after call k is before call k + 1).
    const points: [number, CallPhase][] = [
      ...Array.from({ length: n }, (_, i): [number, CallPhase] => [i + 1, 'before']),
      [n, 'after'],
    ];
    for (const [at, phase] of points) {
      const r = nested(
        s,
        at,
        phase,
        () => addon.run('buildRosterFromSidebar'),
        () => addon.run('buildRosterFromSidebar'),
      );
      expect({ at, phase, innerRan: r.innerRan, outerError: r.outerError }).toEqual({
        at,
        phase,
        innerRan: true,
        outerError: null,
      });
      expect({ at, phase, message: r.innerError?.message }).toEqual({
        at,
        phase,
        message: expect.stringMatching(RETRY),
      });
      expect({ at, phase, unchanged: documentState(s) === settled }).toEqual({ at, phase, unchanged: true });
    }
  });
});

describe('a build and the summary', () => {
  test('a build, or a segment edit, while the summary generates is told to retry; the summary completes', () => {
    const { s, addon } = setUp();
    addon.run('buildRosterFromSidebar');
    addon.run('generateSummaryFromSidebar');
    const a = () => s.sheetValues(SUMMARY).map((r) => String(r[0]));
    const notesRow = a().indexOf('Board notes') + 1;
    s.typeInto(SUMMARY, `B${notesRow}`, 'Keep this note.');
    const roster = rosterContent(s);
    // The summary as a person reads it, its "generated at" time aside.
    const summary = () =>
      JSON.stringify(s.sheetValues(SUMMARY)).replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, '<time>');
    const contractor = (addon.run('getSegments') as { segments: { id: string; name: string }[] }).segments[0];
    const n = callsOf(s, () => addon.run('generateSummaryFromSidebar'));
    const settled = summary();
    const intruders: [string, () => unknown][] = [
      ['build', () => addon.run('buildRosterFromSidebar')],
      ['add a segment', () => addon.run('addSegment', 'Neighbours')],
      ['rename a segment', () => addon.run('renameSegment', contractor.id, 'Vendor')],
      ['another summary', () => addon.run('generateSummaryFromSidebar')],
    ];
    // A summary is dear in the stand-in: every intruder at the start, a spread of calls, and the end.
    const points = [
      ...new Set([1, 2, 3, 4, ...Array.from({ length: 8 }, (_, i) => Math.ceil(((i + 1) * n) / 9)), n]),
    ];
    points.forEach((at, i) => {
      const [what, intruder] = intruders[i % intruders.length];
      const phase = PHASES[i % 2];
      const r = nested(s, at, phase, () => addon.run('generateSummaryFromSidebar'), intruder);
      expect({ at, phase, what, outerError: r.outerError, message: r.innerError?.message }).toEqual({
        at,
        phase,
        what,
        outerError: null,
        message: expect.stringMatching(RETRY),
      });
      expect({ at, what, summary: summary() === settled }).toEqual({ at, what, summary: true });
    });
    expect(rosterContent(s)).toBe(roster);
    expect(s.value(SUMMARY, `B${notesRow}`)).toBe('Keep this note.');
    expect(s.sheetValues(SEGMENTS).map((r) => r[0])).not.toContain('Neighbours');
  });

  test('the summary, or a segment edit, while a build runs is told to retry; the build completes', () => {
    const { s, addon } = setUp();
    addon.run('buildRosterFromSidebar');
    const settled = documentState(s);
    const contractor = (addon.run('getSegments') as { segments: { id: string }[] }).segments[0];
    const n = callsOf(s, () => addon.run('buildRosterFromSidebar'));
    const intruders: [string, () => unknown][] = [
      ['summary', () => addon.run('generateSummaryFromSidebar')],
      ['remove a segment', () => addon.run('removeSegment', contractor.id)],
      ['add a segment', () => addon.run('addSegment', 'Neighbours')],
    ];
    for (let at = 1; at <= n; at++) {
      const [what, intruder] = intruders[at % intruders.length];
      const r = nested(s, at, PHASES[at % 2], () => addon.run('buildRosterFromSidebar'), intruder);
      expect({ at, what, outerError: r.outerError, message: r.innerError?.message }).toEqual({
        at,
        what,
        outerError: null,
        message: expect.stringMatching(RETRY),
      });
      expect({ at, what, unchanged: documentState(s) === settled }).toEqual({ at, what, unchanged: true });
    }
    expect(s.sheetNames()).not.toContain(SUMMARY);
  });
});

describe('a refresh while people tick', () => {
  // One document, refreshed again and again; each refresh has work to do: the list alternates between all
  // partners and the even ones (ten scattered rows change Status), and Contractor alternates with Vendor on the
  // Segments tab (the dropdowns that chose it follow the rename). Before every call of each refresh, and after
  // its last, a person edits the roster (after call k is before call k + 1); afterwards every edit must be there.
  type Outcome = { at: number; phase: CallPhase; lost: string[]; betweenReadAndWrite: boolean };
  const outcomes: Outcome[] = [];

  beforeAll(() => {
    const { s, addon } = setUp();
    addon.run('buildRosterFromSidebar');
    // Rows and columns stay put from here on (partners are only ever appended, and none is new again).
    const header = s.sheetValues(ROSTER)[0];
    const names = s.sheetValues(ROSTER).map((r) => r[0]);
    const place = (partner: string, name: string) => [names.indexOf(partner), header.indexOf(name)];
    const a1 = (partner: string, name: string) => {
      const [r, c] = place(partner, name);
      return cellA1(r + 1, c + 1);
    };
    let all = true;
    // Partners staying in the list (even ones), and boxes none of them has ticked: Grantee and Public agency.
    const stay = PARTNERS.filter((_, i) => i % 2 === 0).map((p) => p[0]);
    const boxes = ['Grantee', 'Public agency'];
    const nextRefresh = (): (() => unknown) => {
      all = !all;
      const [from, to] = all ? ['Vendor', 'Contractor'] : ['Contractor', 'Vendor'];
      s.addSheet('Partners', list(all));
      s.typeInto(SEGMENTS, 'A2', to);
      // Before the refresh, someone chose the segment under its old name: the refresh will carry the rename.
      s.typeInto(ROSTER, a1(stay[1], 'Managed like'), from);
      return () => addon.run('buildRosterFromSidebar');
    };
    // The refreshes alternate between two kinds (to the even partners, back to all): their call counts.
    const methods: [string[], string[]] = [[], []];
    const calls = [callsOf(s, nextRefresh(), methods[0]), callsOf(s, nextRefresh(), methods[1])];
    const points: [number, CallPhase][] = [
      ...Array.from({ length: Math.max(...calls) }, (_, i): [number, CallPhase] => [i + 1, 'before']),
      [calls[0], 'after'],
      [calls[1], 'after'],
    ];
    let turn = 0;
    for (const [at, phase] of points) {
      const kind = turn % 2;
      const refresh = nextRefresh();
      const who = stay[(turn % (stay.length - 2)) + 2];
      const box = boxes[turn % boxes.length];
      turn++;
      if (at > calls[kind] || (phase === 'after' && at !== calls[kind])) {
        refresh(); // this kind has fewer calls, or the other kind's last: a plain refresh keeps the alternation
        continue;
      }
      const edits: [string, string, string, unknown][] = [
        [who, box, 'TRUE', true],
        [who, 'Reviewed', 'TRUE', true],
        [who, 'Notes', `typed during call ${at}`, `typed during call ${at}`],
        [stay[0], 'Status', 'Excluded', 'Excluded'],
        [stay[1], 'Managed like', 'Advisor', 'Advisor'],
      ];
      const r = nested(s, at, phase, refresh, () => {
        for (const [partner, name, text] of edits) s.typeInto(ROSTER, a1(partner, name), text);
      });
      expect({ at, phase, innerRan: r.innerRan, outerError: r.outerError, innerError: r.innerError }).toEqual(
        {
          at,
          phase,
          innerRan: true,
          outerError: null,
          innerError: null,
        },
      );
      const values = s.sheetValues(ROSTER);
      const valueOf = (partner: string, name: string) => {
        const [row, column] = place(partner, name);
        return values[row][column];
      };
      const lost = edits
        .filter(([partner, name, , want]) => valueOf(partner, name) !== want)
        .map((e) => e[1]);
      // The tick counts at once in # Segments, as the board sees it.
      if (valueOf(who, '# Segments') !== 2) lost.push('# Segments');
      // Call `at` is a write whose cells the refresh re-read in the call just before (the guard of Status and
      // carried choices): an entry landing between those two calls is the one moment SpreadsheetApp cannot cover
      // (it has no conditional write).
      const betweenReadAndWrite =
        phase === 'before' &&
        methods[kind][at - 1] === 'Range.setValues' &&
        methods[kind][at - 2] === 'Range.getValues';
      outcomes.push({ at, phase, lost, betweenReadAndWrite });
      // The person undoes the edits, outside any run, ready for the next round.
      s.typeInto(ROSTER, a1(who, box), 'FALSE');
      s.typeInto(ROSTER, a1(who, 'Reviewed'), 'FALSE');
      s.typeInto(ROSTER, a1(who, 'Notes'), '');
      s.typeInto(ROSTER, a1(stay[0], 'Status'), 'In list');
    }
  });

  const lostAt = (header: string) =>
    outcomes.filter((o) => o.lost.includes(header)).map((o) => `${o.phase} call ${o.at}`);
  /** Lost outside the one round trip between the guard's re-read and its write. */
  const lostOutsideGuard = (header: string) =>
    outcomes
      .filter((o) => o.lost.includes(header) && !o.betweenReadAndWrite)
      .map((o) => `${o.phase} call ${o.at}`);

  test('every call of the refresh was tried', () => {
    expect(outcomes.filter((o) => o.phase === 'before').length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o.phase === 'after')).toHaveLength(2);
  });

  test('a tick made at any point survives and is counted', () => {
    expect(lostAt('Grantee').concat(lostAt('Public agency'), lostAt('# Segments'))).toEqual([]);
  });

  test('Reviewed and Notes typed at any point survive', () => {
    expect(lostAt('Reviewed').concat(lostAt('Notes'))).toEqual([]);
  });

  test('a Status set to Excluded at any point survives, but in the round trip between re-read and write', () => {
    expect(lostOutsideGuard('Status')).toEqual([]);
  });

  test('a dropdown choice made while the refresh carries a rename survives, but in that same round trip', () => {
    expect(lostOutsideGuard('Managed like')).toEqual([]);
  });

  test('that round trip is one call wide: a lost entry there is lost only there', () => {
    // Without the guard, entries made anywhere from the refresh's read to its write were lost (tens of calls).
    expect(lostAt('Status').length + lostAt('Managed like').length).toBeLessThanOrEqual(2);
  });
});
