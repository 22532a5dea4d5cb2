// Issue #15 through dist/Code.js: the roster's Why suggested column, =PARTNER_SEGMENT_WHY, the summary's
// learning tables, and the sidebar's Add and Remove, which change the next refresh and never a tick.
import {
  build,
  columnA,
  generate,
  LIST,
  roster,
  rosterCell,
  ROSTER,
  SEGMENTS,
  setUp,
  SUMMARY,
  type RosterRow,
} from './helpers';
import type { StandIn } from '../../dev/standin/index';
import type { LoadedAddon } from '../../dev/standin/loader';

const SEGMENT_NAMES = [
  'Contractor',
  'Advisor',
  'Funder',
  'Grantee',
  'Implementing partner',
  'Coalition ally',
  'Public agency',
  'Community supporter',
];

// Six family trusts (Funder by their "grant", and all describing "philanthropy"), five consultants the board
// sees as advisors (the Contractor keyword "consultant" misfires), and others with words of their own.
const HEADER = ['Organization', 'Partner ID', 'Type', 'Notes'];
const LIST_ROWS: string[][] = [
  ...Array.from({ length: 6 }, (_, i) => [`Trust ${i}`, `T${i}`, 'grant maker', 'philanthropy for the arts']),
  ...Array.from({ length: 5 }, (_, i) => [`Sage ${i}`, `S${i}`, 'consultant', 'advisory board member']),
  ...Array.from({ length: 6 }, (_, i) => [`Shop ${i}`, `V${i}`, 'vendor', `printing, invoice ${i}`]),
  ['Riverside Alliance', 'R1', 'coalition peer', 'city of Springfield, advisory council'],
  ['Plain Partner', 'X1', '', 'nothing to go on'],
];

function segmentsRange(s: StandIn): unknown[][] {
  return s.sheetValues(SEGMENTS).map((row) => row.slice(0, 5));
}

function whyOf(addon: LoadedAddon, s: StandIn, text: string): string {
  return addon.run('PARTNER_SEGMENT_WHY', text, segmentsRange(s)) as string;
}

function tick(s: StandIn, partner: string, header: string, value: boolean): void {
  s.typeInto(ROSTER, rosterCell(s, partner, header), value ? 'TRUE' : 'FALSE');
}

const ticksOf = (rows: RosterRow[]) =>
  rows.map((r) => [r.Partner, ...SEGMENT_NAMES.map((n) => r[n]), r.Reviewed, r.Notes]);

describe('Why suggested', () => {
  test('sits right after Suggested and matches PARTNER_SEGMENT_WHY for every row', () => {
    const { s, addon } = setUp([HEADER, ...LIST_ROWS]);
    build(addon);
    const header = s.sheetValues(ROSTER)[0];
    expect(header.slice(0, 6)).toEqual([
      'Partner',
      'ID',
      'Check',
      'Suggested',
      'Why suggested',
      'Contractor',
    ]);
    const rows = roster(s);
    expect(rows).toHaveLength(LIST_ROWS.length);
    for (const r of rows) {
      const listRow = LIST_ROWS.find((l) => l[0] === r.Partner)!;
      const expected = (
        addon.run(
          'PARTNER_SEGMENT_WHY',
          [[listRow[2], listRow[3]]],
          segmentsRange(s),
        ) as unknown as unknown[][]
      )[0][0];
      expect(r['Why suggested']).toBe(expected);
      // Every suggested segment is explained, in the same order, and nothing else.
      const explained = String(r['Why suggested'])
        .split(' · ')
        .filter((x) => x !== '')
        .map((x) => x.split(': ')[0]);
      expect(explained.join(', ')).toBe(r.Suggested);
    }
    const riverside = rows.find((r) => r.Partner === 'Riverside Alliance')!;
    expect(riverside['Why suggested']).toBe(
      // "council" is no longer an Advisor keyword (issue 18: city, arts and watershed councils are not advisors).
      'Advisor: advisory · Coalition ally: coalition, peer · Public agency: city of',
    );
    expect(rows.find((r) => r.Partner === 'Plain Partner')!['Why suggested']).toBe('');
  });

  test('PARTNER_SEGMENT_WHY typed into a cell explains a single text, and a range row by row', () => {
    const { s, addon } = setUp([HEADER, ...LIST_ROWS]);
    build(addon);
    // The segment's name is one of its keywords, shown as typed.
    expect(whyOf(addon, s, 'Our grantees and donors')).toBe('Funder: donor · Grantee: Grantee');
    s.typeInto(LIST, 'F2', '=PARTNER_SEGMENT_WHY(C2:D3, Segments!A:E)');
    const values = s.sheetValues(LIST);
    expect(values[1][5]).toBe('Funder: grant');
    expect(values[2][5]).toBe('Funder: grant');
  });

  test('refreshed like Suggested: only where it changed, and an older roster gains the column', () => {
    const { s, addon } = setUp([HEADER, ...LIST_ROWS]);
    build(addon);
    s.calls.reset();
    build(addon);
    expect(s.calls.cellsWritten).toBe(0);
    // An older roster: its Why suggested column (and that column's metadata) gone.
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      for (const md of sheet.getRange('E:E').getDeveloperMetadata()) md.remove();
      sheet.deleteColumn(5);
    });
    tick(s, 'Trust 0', 'Advisor', true);
    const ticks = ticksOf(roster(s));
    build(addon);
    expect(s.sheetValues(ROSTER)[0].slice(0, 6)).toEqual([
      'Partner',
      'ID',
      'Check',
      'Suggested',
      'Why suggested',
      'Contractor',
    ]);
    expect(roster(s).find((r) => r.Partner === 'Trust 0')!['Why suggested']).toBe('Funder: grant');
    expect(ticksOf(roster(s))).toEqual(ticks);
  });
});

/** Builds, then the board reviews every row: advisors unticked from Contractor, ticked Advisor. */
function reviewed(): { s: StandIn; addon: LoadedAddon } {
  const t = setUp([HEADER, ...LIST_ROWS]);
  build(t.addon);
  for (let i = 0; i < 5; i++) {
    tick(t.s, `Sage ${i}`, 'Contractor', false);
    tick(t.s, `Sage ${i}`, 'Advisor', true);
  }
  for (const r of roster(t.s)) tick(t.s, String(r.Partner), 'Reviewed', true);
  return t;
}

describe('the learning, in the summary and the sidebar', () => {
  test('the summary shows how suggestions fared, keywords to consider and misfiring ones, as plain values', () => {
    const { s, addon } = reviewed();
    s.calls.reset();
    generate(addon);
    expect(s.calls.count).toBeLessThanOrEqual(48); // with the Segment History (issue #14)
    const a = columnA(s);
    const values = s.sheetValues(SUMMARY);
    const formulas = s.sheetFormulas(SUMMARY);
    const heading = a.indexOf("What the board's decisions teach the keywords");
    expect(heading).toBeGreaterThan(0);
    const section = values.slice(heading);
    const line = (row: unknown[]) => row.slice(0, 4).join(' | ');
    const lines = section.map(line);
    expect(lines).toContain('Contractor | 6 | 5 | 0');
    expect(lines).toContain('Funder | philanthropy | 6 of 6 | 0 of 13');
    expect(lines).toContain('Contractor | consultant | 5 | 0');
    for (const row of formulas.slice(heading)) expect(row.every((f) => f === '')).toBe(true);
  });

  test('Add puts a proposed keyword on the Segments tab; the next refresh suggests with it for new rows, no tick changes', () => {
    const { s, addon } = reviewed();
    s.typeInto(ROSTER, rosterCell(s, 'Trust 1', 'Notes'), 'met in May');
    generate(addon);
    const view = addon.run('getSegments') as {
      segments: { id: string; name: string; keywords: string }[];
      learned: { segmentId: string; segmentName: string; keyword: string; kind: string }[];
    };
    const offer = view.learned.find((l) => l.kind === 'consider' && l.keyword === 'philanthropy');
    expect(offer).toMatchObject({ segmentName: 'Funder' });
    const before = ticksOf(roster(s));

    const after = addon.run('addKeyword', offer!.segmentId, 'philanthropy') as typeof view;
    expect(after.segments.find((x) => x.name === 'Funder')!.keywords).toBe(
      'grant, grantor, funder, donor, foundation, sponsor, grantmaker, funding, cooperative agreement, ' +
        'community benefit, united way, gift, philanthropy',
    );
    expect(after.learned.find((l) => l.keyword === 'philanthropy')).toBeUndefined();
    const tab = s.sheetValues(SEGMENTS);
    expect(tab.find((r) => r[0] === 'Funder')![3]).toBe(
      'grant, grantor, funder, donor, foundation, sponsor, grantmaker, funding, cooperative agreement, ' +
        'community benefit, united way, gift, philanthropy',
    );

    // A new partner described only by the learned word.
    s.internal(() => s.spreadsheet.getSheetByName(LIST)!.appendRow(['New Trust', 'N1', '', 'philanthropy']));
    build(addon);
    const rows = roster(s);
    const added = rows.find((r) => r.Partner === 'New Trust')!;
    expect(added.Suggested).toBe('Funder');
    expect(added.Funder).toBe(true);
    expect(added['Why suggested']).toBe('Funder: philanthropy');
    // Everyone else's ticks, Reviewed and Notes are as people left them.
    expect(ticksOf(rows.filter((r) => r.Partner !== 'New Trust'))).toEqual(before);
  });

  test('Remove takes a misfiring keyword off the segment; the next refresh stops suggesting it', () => {
    const { s, addon } = reviewed();
    generate(addon);
    const view = addon.run('getSegments') as {
      learned: { segmentId: string; keyword: string; kind: string }[];
      segments: { name: string; keywords: string }[];
    };
    const misfire = view.learned.find((l) => l.kind === 'misfire' && l.keyword === 'consultant')!;
    expect(misfire).toBeDefined();
    const before = ticksOf(roster(s));
    const after = addon.run('removeKeyword', misfire.segmentId, 'Consultant') as typeof view;
    expect(after.segments.find((x) => x.name === 'Contractor')!.keywords).toBe(
      'contract, contractor, vendor, supplier, procurement, invoice, billed, purchase order, service provider, ' +
        'services agreement, hired, paid, fee, retainer, commissioned',
    );
    expect(after.learned.find((l) => l.kind === 'misfire' && l.keyword === 'consultant')).toBeUndefined();
    s.internal(() => s.spreadsheet.getSheetByName(LIST)!.appendRow(['New Sage', 'N2', 'consultant', '']));
    build(addon);
    const rows = roster(s);
    expect(rows.find((r) => r.Partner === 'New Sage')!.Suggested).toBe('');
    expect(rows.find((r) => r.Partner === 'Sage 0')!['Why suggested']).toBe('Advisor: advisory');
    expect(ticksOf(rows.filter((r) => r.Partner !== 'New Sage'))).toEqual(before);
  });

  test('Add and Remove refuse in plain words what they cannot do, and change nothing', () => {
    const { s, addon } = reviewed();
    const funder = (addon.run('getSegments') as { segments: { id: string; name: string }[] }).segments.find(
      (x) => x.name === 'Funder',
    )!;
    const tab = JSON.stringify(s.sheetValues(SEGMENTS));
    expect(() => addon.run('removeKeyword', funder.id, 'funder')).toThrow(/is the segment's name/);
    expect(() => addon.run('removeKeyword', funder.id, 'banana')).toThrow(
      /"banana" is not one of Funder's keywords/,
    );
    expect(() => addon.run('addKeyword', funder.id, '  --  ')).toThrow(/at least one letter or digit/);
    expect(() => addon.run('addKeyword', 'gone', 'x')).toThrow(/no longer on the Segments tab/);
    expect(() => addon.run('addKeyword', funder.id, 42)).toThrow(/must be text/);
    // A keyword it already has (any case) is not added twice.
    addon.run('addKeyword', funder.id, 'GRANT');
    expect(JSON.stringify(s.sheetValues(SEGMENTS))).toBe(tab);
  });

  test('fewer than 3 reviewed partners: no proposal, and the summary says so', () => {
    const { s, addon } = setUp([HEADER, ...LIST_ROWS]);
    build(addon);
    tick(s, 'Trust 0', 'Reviewed', true);
    tick(s, 'Trust 1', 'Reviewed', true);
    generate(addon);
    const a = columnA(s);
    const consider = a.indexOf('Keywords to consider');
    expect(a[consider + 1]).toMatch(/^No keywords to propose yet: only 2 partners are reviewed/);
    expect((addon.run('getSegments') as { learned: unknown[] }).learned).toEqual([]);
  });
});
