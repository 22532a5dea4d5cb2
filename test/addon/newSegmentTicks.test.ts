// Issue 18, point 2: a segment added after the first build gets its suggestions ticked in its new column, and
// "Tick suggestions for unreviewed rows" ticks suggested segments on unreviewed rows only, never unticking.
import { cellA1 } from '../../dev/standin/a1';
import { createStandIn, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';
import { build, ROSTER, roster as rows, setUp } from './helpers';

const LIST = [
  ['Organization', 'Partner ID', 'Relationship'],
  ['Acme Consulting', 'P1', 'contractor, neighbour'],
  ['City of Springfield', 'P2', 'permit office, neighbour'],
  ['Helping Hands', 'P3', 'volunteers, neighbour'],
  ['Bright Futures Foundation', 'P4', 'funder, neighbour'],
  ['Riverside Alliance', 'P5', 'coalition peer'],
];

/** The list in the stand-in and the roster built (the shared helpers' set-up). */
function builtRoster(): { s: StandIn; addon: LoadedAddon } {
  const built = setUp(LIST);
  build(built.addon);
  return built;
}

function setCell(s: StandIn, partner: string, header: string, value: unknown): void {
  const values = s.sheetValues(ROSTER);
  const row = values.findIndex((r) => r[0] === partner) + 1;
  const column = values[0].indexOf(header) + 1;
  s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!.getRange(cellA1(row, column)).setValue(value));
}

function addNeighbours(addon: LoadedAddon): void {
  const after = addon.run('addSegment', 'Neighbours') as { segments: { id: string; name: string }[] };
  const id = after.segments.find((x) => x.name === 'Neighbours')!.id;
  addon.run('addKeyword', id, 'neighbour');
}

const pick = (s: StandIn, column: string) =>
  Object.fromEntries(rows(s).map((r) => [r.Partner as string, r[column]]));

describe('a segment added after the first build', () => {
  test('is ticked in its new column on unreviewed In list rows; reviewed and Excluded rows get an unticked box', () => {
    const { s, addon } = builtRoster();
    setCell(s, 'Bright Futures Foundation', 'Reviewed', true);
    setCell(s, 'City of Springfield', 'Status', 'Excluded');
    addNeighbours(addon);
    addon.run('buildRosterFromSidebar');
    expect(pick(s, 'Neighbours')).toEqual({
      'Acme Consulting': true,
      'City of Springfield': false,
      'Helping Hands': true,
      'Bright Futures Foundation': false,
      'Riverside Alliance': false,
    });
    const acme = rows(s).find((r) => r.Partner === 'Acme Consulting')!;
    expect(acme.Suggested).toContain('Neighbours');
    // A second refresh changes nothing in the column: it is no longer new, its cells are people's.
    setCell(s, 'Acme Consulting', 'Neighbours', false);
    addon.run('buildRosterFromSidebar');
    expect(pick(s, 'Neighbours')['Acme Consulting']).toBe(false);
  });
});

describe('Tick suggestions for unreviewed rows', () => {
  test('is on the menu', () => {
    const s = createStandIn();
    loadAddon({ standIn: s }).run('onInstall', {});
    const items = s.ui.menus[0].items.filter((i) => Array.isArray(i)) as [string, string][];
    expect(items).toContainEqual(['Tick suggestions for unreviewed rows', 'menuTickSuggestions']);
  });

  test('asks first, then ticks suggestions on unreviewed In list rows only, never unticking, in one call', () => {
    const { s, addon } = builtRoster();
    // Every suggestion unticked by hand; then one row reviewed, one Excluded, one unticked box left on purpose.
    const suggested = rows(s).map((r) => [r.Partner as string, String(r.Suggested)] as const);
    for (const [partner, text] of suggested)
      for (const name of text.split(', ').filter(Boolean)) setCell(s, partner, name, false);
    setCell(s, 'Bright Futures Foundation', 'Reviewed', true);
    setCell(s, 'City of Springfield', 'Status', 'Excluded');
    setCell(s, 'Riverside Alliance', 'Notes', 'kept');
    setCell(s, 'Riverside Alliance', 'Advisor', true); // not suggested: stays ticked
    const before = rows(s);

    s.ui.alertResponses.push('NO');
    addon.run('menuTickSuggestions');
    expect(s.ui.alerts.at(-1)!.title).toBe('Tick suggestions for unreviewed rows');
    expect(s.ui.alerts.at(-1)!.buttons).toBe('YES_NO');
    expect(rows(s)).toEqual(before);

    s.ui.alertResponses.push('YES');
    s.calls.reset();
    addon.run('menuTickSuggestions');
    expect(s.calls.byMethod['RangeList.setValue']).toBe(1);
    const after = rows(s);
    for (const [i, row] of after.entries()) {
      const was = before[i];
      const names = String(was.Suggested).split(', ').filter(Boolean);
      const touchable = was.Status === 'In list' && was.Reviewed !== true;
      for (const [key, v] of Object.entries(row)) {
        if (touchable && names.includes(key)) expect([row.Partner, key, v]).toEqual([row.Partner, key, true]);
        else if (key !== '# Segments' && key !== 'Check' && key !== 'Next review')
          expect([row.Partner, key, v]).toEqual([row.Partner, key, was[key]]);
      }
    }
    // Something was ticked, nothing on the reviewed or Excluded rows.
    expect(after.find((r) => r.Partner === 'Acme Consulting')!.Contractor).toBe(true);
    expect(after.find((r) => r.Partner === 'Bright Futures Foundation')!.Funder).toBe(false);
    expect(after.find((r) => r.Partner === 'City of Springfield')!['Public agency']).toBe(false);
    expect(s.ui.toasts.at(-1)!.title).toBe('Suggestions ticked');

    // Again: nothing left to tick, said plainly, no question asked.
    const alerts = s.ui.alerts.length;
    addon.run('menuTickSuggestions');
    expect(s.ui.alerts.length).toBe(alerts + 1);
    expect(s.ui.alerts.at(-1)!.buttons).toBe('OK');
    expect(rows(s)).toEqual(after);
  });

  test('service calls stay flat with the number of partners', () => {
    const calls = (n: number) => {
      const s = createStandIn({ initialSheet: null });
      s.addSheet('Partners', [
        ['Organization', 'Partner ID', 'Relationship'],
        ...Array.from({ length: n }, (_, i) => [`Org ${i}`, `P${i}`, 'funder and contractor']),
      ]);
      const addon = loadAddon({ standIn: s });
      addon.run('buildRosterFromSidebar');
      const values = s.sheetValues(ROSTER);
      const cols = ['Funder', 'Contractor'].map((h) => values[0].indexOf(h) + 1);
      s.internal(() => {
        const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
        for (const c of cols) sheet.getRange(2, c, n, 1).setValues(Array.from({ length: n }, () => [false]));
      });
      s.ui.alertResponses.push('YES');
      s.calls.reset();
      addon.run('menuTickSuggestions');
      expect(
        s
          .sheetValues(ROSTER)
          .slice(1)
          .every((r) => cols.every((c) => r[c - 1] === true)),
      ).toBe(true);
      return s.calls.count;
    };
    const few = calls(10);
    expect(few).toBeGreaterThan(0);
    expect(calls(200)).toBe(few);
  });
});
