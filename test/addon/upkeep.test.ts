// Relationship upkeep (#12) through dist/Code.js in the stand-in: the Segments tab's review rhythm, the roster's
// Owner, Last contact and Next review, the Check flags and colour, and the summary's counts and evidence. The
// stand-in's TODAY() is fixed, so what is due or overdue does not depend on the day the tests run.
import { createStandIn, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';
import { loadSnapshot, saveSnapshot } from '../../dev/standin/snapshot';
import {
  besideLabel,
  build,
  evidenceUnder,
  generate,
  LIST,
  ROSTER,
  roster,
  rosterCell,
  SEGMENTS,
  snapshotErrors,
  summaryTable,
} from './helpers';

const TODAY = '2026-06-15';

const PARTNERS = [
  ['Name', 'Notes'],
  ['Acme Consulting', 'vendor contract'], // Contractor: every 3 months
  ['Bright Fund', 'grant foundation, advisory council'], // Funder and Advisor: 6 and 6
  ['Cedar Club', 'volunteer club'], // Community supporter: 12
  ['Delta Network', 'coalition peer'], // Coalition ally: 12
  ['Quiet Org', 'nothing to go on'], // no segment: no rhythm
];

function setUp(list: unknown[][] = PARTNERS): { s: StandIn; addon: LoadedAddon } {
  const s = createStandIn({ initialSheet: null, today: TODAY });
  s.addSheet(LIST, list);
  return { s, addon: loadAddon({ standIn: s }) };
}

/** A day as the roster's Next review holds it: the day number Sheets counts from 1899-12-30. */
function day(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;
}

const at = (s: StandIn, partner: string, header: string) => rosterCell(s, partner, header);
const type = (s: StandIn, partner: string, header: string, text: string) =>
  s.typeInto(ROSTER, at(s, partner, header), text);
const read = (s: StandIn, partner: string, header: string) => s.value(ROSTER, at(s, partner, header));

/** The Segments tab's cell in a segment's row under a header. */
function segmentsCell(s: StandIn, segment: string, header: string): string {
  const values = s.sheetValues(SEGMENTS);
  const row = values.findIndex((r) => r[0] === segment) + 1;
  const column = values[0].indexOf(header) + 1;
  if (row < 2 || column < 1) throw new Error(`no Segments cell for ${segment} / ${header}`);
  return `${String.fromCharCode(64 + column)}${row}`;
}

describe('the Segments tab', () => {
  test('has Review every (months) after Color, with the default rhythms; the Levels table starts at H1', () => {
    const { s, addon } = setUp();
    build(addon);
    const [header, ...rows] = s.sheetValues(SEGMENTS);
    expect(header.slice(0, 6)).toEqual([
      'Segment',
      'Definition',
      'How to manage',
      'Keywords',
      'Color',
      'Review every (months)',
    ]);
    expect(header[6]).toBe('');
    expect(header.slice(7, 9)).toEqual(['Level', 'Meaning']);
    expect(Object.fromEntries(rows.filter((r) => r[0] !== '').map((r) => [r[0], r[5]]))).toEqual({
      Contractor: 3,
      Advisor: 6,
      Funder: 6,
      Grantee: 3,
      'Implementing partner': 3,
      'Coalition ally': 12,
      'Public agency': 6,
      'Community supporter': 12,
    });
  });

  test('an older tab without it gains the column, blank, and nothing else on the tab moves or changes', () => {
    const { s, addon } = setUp();
    build(addon);
    // The tab as an older version made it: no rhythm column, the Levels table at G1; then people's edits.
    s.internal(() => s.spreadsheet.getSheetByName(SEGMENTS)!.deleteColumn(6));
    s.typeInto(SEGMENTS, 'B2', 'Paid to deliver: our own words');
    s.typeInto(SEGMENTS, 'G3', 'Talking');
    const before = s.sheetValues(SEGMENTS);
    expect(before[0][6]).toBe('Level');
    build(addon);
    const after = s.sheetValues(SEGMENTS);
    expect(after[0][5]).toBe('Review every (months)');
    expect(after.slice(1).map((r) => r[5])).toEqual(before.slice(1).map(() => ''));
    // Every other cell as people left it (column F was blank: the column between the two tables).
    const withoutF = (grid: unknown[][]) => grid.map((r) => [...r.slice(0, 5), ...r.slice(6)]);
    expect(before.every((r) => r[5] === '')).toBe(true);
    expect(withoutF(after)).toEqual(withoutF(before));
    // No rhythm yet, so no review is due; a rhythm typed in is read at once.
    expect(read(s, 'Acme Consulting', 'Next review')).toBe('');
    s.typeInto(SEGMENTS, segmentsCell(s, 'Contractor', 'Review every (months)'), '3');
    expect(read(s, 'Acme Consulting', 'Next review')).toBe('now');
    // Another refresh leaves the tab alone.
    const settled = JSON.stringify(s.sheetValues(SEGMENTS));
    build(addon);
    expect(JSON.stringify(s.sheetValues(SEGMENTS))).toBe(settled);
  });
});

describe('Next review', () => {
  test('"now" without a Last contact; Last contact plus the Primary segment\'s rhythm, else the shortest ticked; live', () => {
    const { s, addon } = setUp();
    build(addon);
    expect(read(s, 'Acme Consulting', 'Next review')).toBe('now');
    expect(read(s, 'Quiet Org', 'Next review')).toBe('');
    type(s, 'Acme Consulting', 'Last contact', '2026-01-10');
    expect(read(s, 'Acme Consulting', 'Next review')).toBe(day('2026-04-10'));

    // Funder and Advisor, 6 months each; Advisor's rhythm shortened on the Segments tab: the shortest counts.
    type(s, 'Bright Fund', 'Last contact', '5/1/2026');
    expect(read(s, 'Bright Fund', 'Next review')).toBe(day('2026-11-01'));
    s.typeInto(SEGMENTS, segmentsCell(s, 'Advisor', 'Review every (months)'), '2');
    expect(read(s, 'Bright Fund', 'Next review')).toBe(day('2026-07-01'));
    // The Primary segment's rhythm comes first, even when it is the longer one.
    type(s, 'Bright Fund', 'Primary segment', 'Funder');
    expect(read(s, 'Bright Fund', 'Next review')).toBe(day('2026-11-01'));
    // A Primary segment without a rhythm (blank, or not a number of months 1–36): the ticked ones' shortest.
    s.typeInto(SEGMENTS, segmentsCell(s, 'Funder', 'Review every (months)'), 'twice a year');
    expect(read(s, 'Bright Fund', 'Next review')).toBe(day('2026-07-01'));
    // A tick taken off moves it too: Acme also ticked Advisor (2 months) has 2.
    type(s, 'Acme Consulting', 'Advisor', 'TRUE');
    expect(read(s, 'Acme Consulting', 'Next review')).toBe(day('2026-03-10'));
    type(s, 'Acme Consulting', 'Advisor', 'FALSE');
    expect(read(s, 'Acme Consulting', 'Next review')).toBe(day('2026-04-10'));
  });

  test('its formula is as long with 40 segments as with 8: the rhythms are read from the Segments table range', () => {
    const lengths = [8, 40].map((n) => {
      const { s, addon } = setUp();
      build(addon);
      for (let i = 9; i <= n; i++) addon.run('addSegment', `Extra segment ${i}`);
      build(addon);
      return s.sheetFormulas(ROSTER)[1][s.sheetValues(ROSTER)[0].indexOf('Next review')].length;
    });
    // Only the column letters and the table's last row (9 → 41, in each of its 16 ranges) differ: no term per segment
    // (a term per segment would add 32 of them, over 1,000 characters).
    expect(lengths[1] - lengths[0]).toBeLessThanOrEqual(40);
  });
});

describe('Check and colour', () => {
  test('"Review overdue" past Next review and "No owner" without an Owner, for In list partners only', () => {
    const { s, addon } = setUp();
    build(addon);
    expect(read(s, 'Acme Consulting', 'Check')).toBe('No owner');
    expect(read(s, 'Quiet Org', 'Check')).toBe('No segment ticked');
    type(s, 'Acme Consulting', 'Last contact', '2026-01-10');
    expect(read(s, 'Acme Consulting', 'Check')).toBe('Review overdue; No owner');
    expect(s.effectiveBackground(ROSTER, at(s, 'Acme Consulting', 'Next review'))).toBe('#f4c7c3');
    expect(s.effectiveBackground(ROSTER, at(s, 'Acme Consulting', 'Last contact'))).toBe('#ffffff');
    type(s, 'Acme Consulting', 'Owner', 'Dana');
    expect(read(s, 'Acme Consulting', 'Check')).toBe('Review overdue');
    // "now" is due, not overdue.
    expect(read(s, 'Cedar Club', 'Check')).toBe('No owner');
    expect(s.effectiveBackground(ROSTER, at(s, 'Cedar Club', 'Next review'))).toBe('#ffffff');

    // TODAY() moves: earlier than the Next review, nothing is overdue.
    s.setToday('2026-04-10');
    expect(read(s, 'Acme Consulting', 'Check')).toBe('');
    expect(s.effectiveBackground(ROSTER, at(s, 'Acme Consulting', 'Next review'))).toBe('#ffffff');
    s.setToday(TODAY);

    // Excluded and Not in list partners are never flagged, whatever their dates.
    type(s, 'Acme Consulting', 'Status', 'Excluded');
    expect(read(s, 'Acme Consulting', 'Check')).toBe('');
    // Not the overdue red: the whole row is greyed as out of the summary (issue 18).
    expect(s.effectiveBackground(ROSTER, at(s, 'Acme Consulting', 'Next review'))).toBe('#dadce0');
    type(s, 'Delta Network', 'Last contact', '2024-01-01');
    expect(read(s, 'Delta Network', 'Check')).toBe('Review overdue; No owner');
    s.addSheet(
      LIST,
      PARTNERS.filter((r) => r[0] !== 'Delta Network'),
    );
    build(addon);
    expect(read(s, 'Delta Network', 'Status')).toBe('Not in list');
    expect(read(s, 'Delta Network', 'Next review')).toBe(day('2025-01-01'));
    expect(read(s, 'Delta Network', 'Check')).toBe('');
    // Greyed as out of the summary, not the overdue red (issue 18).
    expect(s.effectiveBackground(ROSTER, at(s, 'Delta Network', 'Next review'))).toBe('#dadce0');
  });

  test('Last contact takes a date and refuses anything else, with its help text', () => {
    const { s, addon } = setUp();
    build(addon);
    for (const bad of ['next Tuesday', '2026-02-30', 'March', '13/45/2026']) {
      expect(() => type(s, 'Acme Consulting', 'Last contact', bad)).toThrow(
        /Type the date of the last contact, such as 2026-03-01/,
      );
    }
    expect(read(s, 'Acme Consulting', 'Last contact')).toBe('');
    type(s, 'Acme Consulting', 'Last contact', '3/1/2026');
    expect(read(s, 'Acme Consulting', 'Last contact')).toEqual(new Date(Date.UTC(2026, 2, 1)));
    // Owner is free text: no rule.
    type(s, 'Acme Consulting', 'Owner', '2026 intern, then Dana');
    expect(read(s, 'Acme Consulting', 'Owner')).toBe('2026 intern, then Dana');
  });
});

describe("people's cells", () => {
  test('Owner and Last contact survive a refresh, a sort and a column of their own; Next review follows its row', () => {
    const { s, addon } = setUp();
    build(addon);
    type(s, 'Acme Consulting', 'Owner', 'Dana');
    type(s, 'Acme Consulting', 'Last contact', '2026-01-10');
    type(s, 'Cedar Club', 'Owner', 'Lee');
    type(s, 'Cedar Club', 'Last contact', '2025-09-30');
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const owner = sheet.getRange('1:1').getValues()[0].indexOf('Owner') + 1;
      sheet.insertColumnBefore(owner);
      sheet.getRange(1, owner).setValue('Handled by');
      sheet
        .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
        .sort({ column: 1, ascending: false });
    });
    type(s, 'Acme Consulting', 'Handled by', 'the Monday team');
    s.calls.reset();
    build(addon);
    const rows = roster(s);
    const acme = rows.find((r) => r.Partner === 'Acme Consulting')!;
    const cedar = rows.find((r) => r.Partner === 'Cedar Club')!;
    expect([acme['Handled by'], acme.Owner, acme['Last contact'], acme['Next review']]).toEqual([
      'the Monday team',
      'Dana',
      new Date(Date.UTC(2026, 0, 10)),
      day('2026-04-10'),
    ]);
    expect([cedar.Owner, cedar['Last contact'], cedar['Next review']]).toEqual([
      'Lee',
      new Date(Date.UTC(2025, 8, 30)),
      day('2026-09-30'),
    ]);
    // The Check of every row names its own partner's state after the sort.
    expect(acme.Check).toBe('Review overdue');
    expect(cedar.Check).toBe('');
    // A second refresh writes nothing.
    s.calls.reset();
    build(addon);
    expect(s.calls.cellsWritten).toBe(0);
  });

  test("an older roster without the three columns gains them after Managed like, its people's cells kept", () => {
    const { s, addon } = setUp();
    build(addon);
    type(s, 'Acme Consulting', 'Notes', 'keep me');
    type(s, 'Acme Consulting', 'Managed like', 'Contractor');
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const owner = sheet.getRange('1:1').getValues()[0].indexOf('Owner') + 1;
      sheet.deleteColumns(owner, 3);
    });
    expect(s.sheetValues(ROSTER)[0]).not.toContain('Owner');
    const report = build(addon);
    expect(report).toMatchObject({ new: 0, kept: 5 });
    const header = s.sheetValues(ROSTER)[0];
    const managed = header.indexOf('Managed like');
    expect(header.slice(managed, managed + 5)).toEqual([
      'Managed like',
      'Owner',
      'Last contact',
      'Next review',
      'Reviewed', // a roster built since issue 18 has Check after ID
    ]);
    const acme = roster(s).find((r) => r.Partner === 'Acme Consulting')!;
    expect([acme.Notes, acme['Managed like'], acme['Next review'], acme.Check]).toEqual([
      'keep me',
      'Contractor',
      'now',
      'No owner',
    ]);
    type(s, 'Acme Consulting', 'Last contact', '2026-01-10');
    expect(read(s, 'Acme Consulting', 'Check')).toBe('Review overdue; No owner');
  });
});

describe('the discussion summary', () => {
  function worked(): { s: StandIn; addon: LoadedAddon } {
    const { s, addon } = setUp();
    build(addon);
    type(s, 'Acme Consulting', 'Last contact', '2026-01-10'); // due 2026-04-10: overdue
    type(s, 'Cedar Club', 'Last contact', '2025-01-01'); // due 2026-01-01: overdue longer
    type(s, 'Cedar Club', 'Owner', 'Lee');
    type(s, 'Delta Network', 'Last contact', '2026-05-01'); // due 2027-05-01
    type(s, 'Bright Fund', 'Last contact', '2024-01-01'); // overdue, but Excluded
    type(s, 'Bright Fund', 'Status', 'Excluded');
    generate(addon);
    return { s, addon };
  }

  test('live counts of reviews overdue and of partners without an owner, and overdue per segment', () => {
    const { s } = worked();
    expect(besideLabel(s, 'Reviews overdue')).toBe(2);
    expect(besideLabel(s, 'Without an owner')).toBe(2); // Acme and Delta; Bright Fund is Excluded, Quiet Org has no segment
    const { header, rows } = summaryTable(s, 'Partners per segment');
    expect(header).toEqual(['Segment', 'Partners', 'Reviews overdue']);
    const overdue = Object.fromEntries(rows.map((r) => [r[0], r[2]]));
    expect(overdue).toMatchObject({
      Contractor: 1,
      'Community supporter': 1,
      'Coalition ally': 0,
      Funder: 0,
    });
    // Live: an Owner typed in the roster, or a later day, moves the counts without generating again.
    type(s, 'Acme Consulting', 'Owner', 'Dana');
    expect(besideLabel(s, 'Without an owner')).toBe(1);
    s.setToday('2026-03-01');
    expect(besideLabel(s, 'Reviews overdue')).toBe(1);
  });

  test('"Where could we improve?" lists overdue reviews, the oldest first, then the partners without an owner', () => {
    const { s } = worked();
    const lines = evidenceUnder(s, 2);
    expect(lines.filter((l) => /review overdue|No owner/.test(l))).toEqual([
      '• Cedar Club: review overdue since 2026-01-01 (owner Lee)',
      '• Acme Consulting: review overdue since 2026-04-10 (no owner)',
      '• No owner looks after 2 partners: Acme Consulting, Delta Network',
    ]);
  });
});

describe('snapshots and odd lists', () => {
  test('a Last contact round-trips through a snapshot as {"date": ISO}, and keeps its rule', () => {
    const { s, addon } = setUp();
    build(addon);
    type(s, 'Acme Consulting', 'Last contact', '2026-01-10');
    const text = JSON.stringify(saveSnapshot(s));
    expect(text).toContain('{"date":"2026-01-10T00:00:00.000Z"}');
    const snapshot = JSON.parse(text);
    expect(snapshotErrors(snapshot)).toBeNull();
    const again = loadSnapshot(snapshot, { today: TODAY });
    const addonAgain = loadAddon({ standIn: again });
    expect(build(addonAgain)).toMatchObject({ new: 0, kept: 5 });
    expect(read(again, 'Acme Consulting', 'Last contact')).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(read(again, 'Acme Consulting', 'Next review')).toBe(day('2026-04-10'));
    expect(() => type(again, 'Acme Consulting', 'Last contact', 'soon')).toThrow(/Type the date/);
  });

  test("a list with its own Owner and Last contact columns, dates in odd formats, builds; the roster's stay for people", () => {
    const list = [
      ['Name', 'Notes', 'Owner', 'Last contact'],
      ['Acme Consulting', 'vendor', 'Dana', new Date(Date.UTC(2025, 10, 3))],
      ['Bright Fund', 'grant', '', 'March 2024'],
      ['Cedar Club', 'volunteer', 'Lee', '5/1/24'],
      ['Delta Network', 'coalition', 'n/a', '2024-13-45'],
      ['Echo Agency', 'agency', '', 45000],
      ['Foxtrot Org', 'advisory', '?', '=1+1'],
    ];
    const { s, addon } = setUp(list);
    const before = JSON.stringify(s.sheetValues(LIST));
    expect(build(addon)).toMatchObject({ partners: 6, new: 6 });
    expect(JSON.stringify(s.sheetValues(LIST))).toBe(before);
    const rows = roster(s);
    expect(rows.map((r) => r.Partner)).toEqual(list.slice(1).map((r) => r[0]));
    expect(rows.every((r) => r.Owner === '' && r['Last contact'] === '' && r['Next review'] === 'now')).toBe(
      true,
    );
    expect(build(addon)).toMatchObject({ new: 0, kept: 6 });
  });
});

describe('service calls', () => {
  test('the three columns cost three metadata calls at a first build; no phase grows with the list', () => {
    const counts = [40, 400].map((n) => {
      const list = [['Name', 'Notes'], ...Array.from({ length: n }, (_, i) => [`Partner ${i}`, 'vendor'])];
      const { s, addon } = setUp(list);
      s.calls.reset();
      build(addon);
      const first = s.calls.count;
      const metadata = s.calls.byMethod['Range.addDeveloperMetadata'] ?? 0;
      for (let i = 0; i < 5; i++) type(s, `Partner ${i}`, 'Last contact', '2026-01-10');
      type(s, 'Partner 1', 'Owner', 'Dana');
      s.calls.reset();
      build(addon);
      const refresh = s.calls.count;
      s.calls.reset();
      generate(addon);
      return { first, metadata, refresh, summary: s.calls.count };
    });
    expect(counts[1]).toEqual(counts[0]);
    // One per roster column (8 segments and 15 others, Why suggested and Strategic for included: no ID column
    // here) and one per Segments row (8).
    expect(counts[0].metadata).toBe(8 + 15 + 8);
    expect(counts[0].refresh).toBeLessThanOrEqual(40);
    expect(counts[0].summary).toBeLessThanOrEqual(48); // with the Segment History (issue #14)
  });
});
