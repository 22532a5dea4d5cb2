// Issue 18, points 8 and 9 through dist/Code.js: Check where it is seen (right after ID), wrapped, and settled once
// a multi-segment row is reviewed with a Primary segment; an older roster with Check far right keeps it there and
// loses nothing; rows out of the summary look unlike active ones.
import { cellA1 } from '../../dev/standin/a1';
import type { StandIn } from '../../dev/standin/index';
import type { LoadedAddon } from '../../dev/standin/loader';
import { build, ROSTER, setUp } from './helpers';

const LIST = [
  ['Organization', 'Partner ID', 'Relationship'],
  ['Acme Consulting', 'P1', 'contractor'],
  ['City of Springfield', 'P2', 'permit office, grant from the city'],
  ['Helping Hands', 'P3', 'volunteers'],
  ['Bright Futures Foundation', 'P4', 'funder, advisory council'],
  ['Riverside Alliance', 'P5', 'coalition peer'],
];

/** The list in the stand-in and the roster built (the shared helpers' set-up). */
function builtRoster(): { s: StandIn; addon: LoadedAddon } {
  const built = setUp(LIST);
  build(built.addon);
  return built;
}

const header = (s: StandIn) => s.sheetValues(ROSTER)[0].map(String);
const rowOf = (s: StandIn, partner: string) => s.sheetValues(ROSTER).findIndex((r) => r[0] === partner) + 1;
const at = (s: StandIn, partner: string, h: string) => cellA1(rowOf(s, partner), header(s).indexOf(h) + 1);
function get(s: StandIn, partner: string, h: string): unknown {
  return s.sheetValues(ROSTER)[rowOf(s, partner) - 1][header(s).indexOf(h)];
}
function set(s: StandIn, partner: string, h: string, value: unknown): void {
  const a1 = at(s, partner, h);
  s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!.getRange(a1).setValue(value));
}

describe('Check', () => {
  test('sits right after Partner and ID, 260 wide, its text wrapped', () => {
    const { s } = builtRoster();
    expect(header(s).slice(0, 4)).toEqual(['Partner', 'ID', 'Check', 'Suggested']);
    const { width, wrap } = s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      return { width: sheet.getColumnWidth(3), wrap: sheet.getRange('C2').getWrap() };
    });
    expect([width, wrap]).toEqual([260, true]);
  });

  test('a reviewed row in several segments with a Primary segment reads settled, and is no longer yellow', () => {
    const { s } = builtRoster();
    const city = 'City of Springfield';
    expect(String(get(s, city, '# Segments'))).toBe('2');
    expect(get(s, city, 'Check')).toBe('In 2 segments; No owner');
    const yellow = () => s.effectiveBackground(ROSTER, at(s, city, 'Partner'));
    expect(yellow()).toBe('#fce8b2');
    // Reviewed alone, or a Primary alone, is not settled.
    set(s, city, 'Reviewed', true);
    expect(get(s, city, 'Check')).toBe('In 2 segments; No owner');
    set(s, city, 'Reviewed', false);
    set(s, city, 'Primary segment', 'Public agency');
    expect(get(s, city, 'Check')).toBe('In 2 segments; No owner');
    set(s, city, 'Reviewed', true);
    set(s, city, 'Owner', 'Sam');
    expect(get(s, city, 'Check')).toBe('');
    expect(yellow()).toBe('#ffffff');
    // A Primary that is not ticked is still said.
    set(s, city, 'Primary segment', 'Contractor');
    expect(get(s, city, 'Check')).toBe('Primary segment Contractor not ticked');
  });

  test('an older roster with Check far right keeps it there on refresh, and every entry people made', () => {
    const { s, addon } = builtRoster();
    // Make the roster as an earlier version laid it out: Check between Next review and Reviewed.
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const h = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const after = h.indexOf('Next review') + 1;
      sheet.insertColumnAfter(after);
      const meta = sheet
        .getRange('C:C')
        .createDeveloperMetadataFinder()
        .withKey('partnerSegments.column')
        .find()[0];
      meta.moveToColumn(sheet.getRange(1, after + 1, sheet.getMaxRows(), 1));
      sheet.getRange(1, after + 1).setValue('Check');
      sheet.deleteColumn(3);
    });
    const old = header(s);
    expect(old.indexOf('Check')).toBe(old.indexOf('Next review') + 1);
    // People's entries on every kind of column.
    set(s, 'Acme Consulting', 'Advisor', true);
    set(s, 'Acme Consulting', 'Primary segment', 'Contractor');
    set(s, 'Acme Consulting', 'Reviewed', true);
    set(s, 'Helping Hands', 'Notes', 'call in May');
    set(s, 'Helping Hands', 'Owner', 'Ana');
    set(s, 'Bright Futures Foundation', 'Status', 'Excluded');
    const before = s.sheetValues(ROSTER);
    addon.run('buildRosterFromSidebar');
    expect(header(s)).toEqual(old);
    const after = s.sheetValues(ROSTER);
    const owned = new Set(['# Segments', 'Check', 'Next review']);
    old.forEach((h, c) => {
      if (owned.has(h)) return;
      expect([h, after.map((r) => r[c])]).toEqual([h, before.map((r) => r[c])]);
    });
    expect(get(s, 'Acme Consulting', 'Check')).toBe('No owner');
    expect(get(s, 'Helping Hands', 'Notes')).toBe('call in May');
  });
});

describe('rows out of the summary', () => {
  test('Not in list and Excluded rows are grey, unlike any active row', () => {
    const { s, addon } = builtRoster();
    set(s, 'Bright Futures Foundation', 'Status', 'Excluded');
    s.internal(() => s.spreadsheet.getSheetByName('Partners')!.deleteRow(6)); // Riverside leaves the list
    addon.run('buildRosterFromSidebar');
    expect(get(s, 'Riverside Alliance', 'Status')).toBe('Not in list');
    const look = (partner: string) => {
      const r = rowOf(s, partner);
      const width = header(s).length;
      const fills = s.effectiveBackgrounds(ROSTER)[r - 1].slice(0, width);
      return new Set(fills);
    };
    for (const partner of ['Bright Futures Foundation', 'Riverside Alliance'])
      expect([partner, [...look(partner)]]).toEqual([partner, ['#dadce0']]);
    for (const partner of ['Acme Consulting', 'City of Springfield', 'Helping Hands'])
      expect([partner, look(partner).has('#dadce0')]).toEqual([partner, false]);
  });
});
