// Issue #14 through dist/Code.js: the Segment History tab (one row per generation, found by its role), the
// summary's "Since <previous date>" section and the line chart of the history's counts.
import type { StandIn } from '../../dev/standin/index';
import type { LoadedAddon } from '../../dev/standin/loader';
import {
  build,
  columnA,
  generate,
  manyPartners,
  ROSTER,
  replaceList,
  rosterCell,
  setUp,
  SUMMARY,
} from './helpers';

const HISTORY = 'Segment History';
const LIST_HEADER = ['Name', 'Notes'];
const FIRST = [
  ['Acme', 'vendor contract'],
  ['Bright Fund', 'grant foundation'],
  ['Helping Hands', 'volunteer club'],
  ['Riverside', 'coalition peer'],
];

/** The "Since" section: its heading and the lines under it, up to the first blank row. */
function since(s: StandIn): string[] {
  const a = columnA(s);
  const start = a.findIndex((x) => x.startsWith('Since '));
  if (start < 0) throw new Error('no Since section');
  const end = a.indexOf('', start);
  return a.slice(start, end);
}

/** Three generations, with the board's edits between them (as the acceptance describes). */
function threeGenerations(): { s: StandIn; addon: LoadedAddon; history: unknown[][][] } {
  const { s, addon } = setUp([LIST_HEADER, ...FIRST]);
  build(addon);
  s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Advisor'); // a mismatch
  generate(addon);
  const history = [s.sheetValues(HISTORY)];
  // Between 1 and 2: a tick, a partner added and one gone from the list, the mismatch fixed.
  s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Advisor'), 'TRUE');
  replaceList(s, LIST_HEADER, [
    ...FIRST.filter((r) => r[0] !== 'Helping Hands'),
    ['City Agency', 'permit agency'],
  ]);
  build(addon);
  s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Contractor');
  generate(addon);
  history.push(s.sheetValues(HISTORY));
  // Between 2 and 3: a tick taken off, a new mismatch.
  s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Funder'), 'FALSE');
  s.typeInto(ROSTER, rosterCell(s, 'Riverside', 'Managed like'), 'Funder');
  generate(addon);
  history.push(s.sheetValues(HISTORY));
  return { s, addon, history };
}

const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

describe('Segment History and "Since"', () => {
  test('one row per generation with the counts as values; past rows never rewritten', () => {
    const { history } = threeGenerations();
    const [one, two, three] = history;
    expect(one[0].slice(0, 9)).toEqual([
      'Generation',
      'Previous',
      'Date',
      'Partners',
      'Segmented',
      'In more than one segment',
      'Without a segment',
      'Mismatched',
      'Reviewed',
    ]);
    expect(one).toHaveLength(2);
    expect(two).toHaveLength(3);
    expect(three).toHaveLength(4);
    // Rows already there stay exactly as they were.
    expect(two.slice(0, 2)).toEqual(one);
    expect(three.slice(0, 3)).toEqual(two);
    const counts = three.slice(1).map((r) => r.slice(3, 9));
    // partners, segmented, multi-segment, without a segment, mismatched, reviewed
    expect(counts).toEqual([
      [4, 4, 0, 0, 1, 0],
      [5, 5, 1, 0, 0, 0], // Helping Hands is Not in list, still counted, like the summary's Partners
      [5, 5, 0, 0, 1, 0],
    ]);
    const ids = three.slice(1).map((r) => String(r[0]));
    expect(new Set(ids).size).toBe(3);
    expect(three.slice(1).map((r) => r[1])).toEqual(['', ids[0], ids[1]]);
    for (const r of three.slice(1)) expect(String(r[2])).toMatch(DATE);
  });

  test('the first generation says there is nothing to compare yet; the next ones list what changed', () => {
    const { s, addon } = setUp([LIST_HEADER, ...FIRST]);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Advisor');
    generate(addon);
    expect(since(s)).toEqual([
      'Since the last generation',
      'Nothing to compare yet: this is the first generation in the history. The next one will say what changed.',
    ]);
    s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Advisor'), 'TRUE');
    replaceList(s, LIST_HEADER, [
      ...FIRST.filter((r) => r[0] !== 'Helping Hands'),
      ['City Agency', 'permit agency'],
    ]);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Contractor');
    generate(addon);
    const first = s.sheetValues(HISTORY)[1];
    expect(since(s)).toEqual([
      `Since ${String(first[2])}`,
      'New partners: 1',
      '• City Agency',
      'Gone from the list: 1',
      '• Helping Hands',
      'Re-segmented: 1',
      '• Bright Fund: Funder → Advisor, Funder',
      'Newly in more than one segment: 1',
      '• Bright Fund: Advisor, Funder',
      'Mismatches fixed: 1',
      '• Acme: now managed like Contractor',
      'New mismatches: 0',
    ]);
    s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Funder'), 'FALSE');
    s.typeInto(ROSTER, rosterCell(s, 'Riverside', 'Managed like'), 'Funder');
    generate(addon);
    const second = s.sheetValues(HISTORY)[2];
    expect(since(s)).toEqual([
      `Since ${String(second[2])}`,
      'New partners: 0',
      'Gone from the list: 0',
      'Re-segmented: 1',
      '• Bright Fund: Advisor, Funder → Advisor',
      'Newly in more than one segment: 0',
      'Mismatches fixed: 0',
      'New mismatches: 1',
      '• Riverside: managed like Funder, in Coalition ally',
    ]);
  });

  test("a line chart on the summary draws the history's date and counts, down to the tab's last row", () => {
    const { s } = threeGenerations();
    const summary = s.workbook.sheetByName(SUMMARY)!;
    const history = s.workbook.sheetByName(HISTORY)!;
    const lines = summary.charts.filter((c) => c.chartType === 'LINE');
    expect(lines).toHaveLength(1);
    expect(lines[0].ranges).toEqual([
      { sheetId: history.id, row: 1, column: 3, numRows: history.maxRows, numColumns: 7 },
    ]);
    // Beside the Since section.
    expect(lines[0].position.row).toBe(columnA(s).findIndex((x) => x.startsWith('Since ')) + 2);
    expect(summary.charts.filter((c) => c.chartType === 'COLUMN')).toHaveLength(1);
  });

  test('regenerating with nothing changed adds no row; the history tab is found by its role after a rename', () => {
    const { s, addon } = setUp([LIST_HEADER, ...FIRST]);
    build(addon);
    generate(addon);
    s.workbook.sheetByName(HISTORY)!.name = 'Our meetings';
    s.workbook.structureChanged();
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Advisor'), 'TRUE');
    generate(addon);
    generate(addon);
    expect(s.workbook.sheets.map((x) => x.name)).not.toContain(HISTORY);
    expect(s.sheetValues('Our meetings')).toHaveLength(3);
  });

  test('a generation makes as many calls for 200 partners as for 20, and at the 6th as at the 2nd', () => {
    const counts = [20, 200].map((n) => {
      const { s, addon } = setUp(manyPartners(n, (i) => (i % 2 ? 'vendor contract' : 'grant')));
      build(addon);
      const perGeneration: number[] = [];
      for (let g = 0; g < 6; g++) {
        s.typeInto(ROSTER, rosterCell(s, `Partner ${g}`, 'Advisor'), 'TRUE'); // something changed: a row each time
        s.calls.reset();
        generate(addon);
        perGeneration.push(s.calls.count);
      }
      expect(s.sheetValues(HISTORY)).toHaveLength(7);
      return perGeneration;
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(new Set(counts[0].slice(1)).size).toBe(1);
    // Measured: 47 for a first summary (the history tab made), 46 for every later one here, where each generation
    // moves the questions' rows (a new multi-segment line) and appends a history row; 42 when nothing moved. The
    // action tables' rules add 2; a chart whose range is right is no longer updated (2 fewer when the table did
    // not move), and the protection's mode is asked only when nothing is open (1 fewer).
    expect(counts[0][0]).toBeLessThanOrEqual(47);
    expect(counts[0][1]).toBeLessThanOrEqual(46);
  });
});
