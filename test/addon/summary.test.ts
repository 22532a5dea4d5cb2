// The Discussion Summary through dist/Code.js: evidence from the roster as the board left it, live counts,
// Board notes kept with their questions, and nothing a collaborator without the add-on could not see work.
import { cellA1 } from '../../dev/standin/a1';
import { createStandIn, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';
import { QUESTIONS } from './helpers';

const SUMMARY = 'Discussion Summary';
const ROSTER = 'Partner Roster';

function setUp(rows: string[][]): { s: StandIn; addon: LoadedAddon } {
  const s = createStandIn({ initialSheet: null });
  s.addSheet('Partners', [['Name', 'Notes'], ...rows]);
  const addon = loadAddon({ standIn: s });
  addon.run('buildRosterFromSidebar');
  return { s, addon };
}

function cellOf(s: StandIn, sheet: string, partner: string, header: string): string {
  const values = s.sheetValues(sheet);
  const row = values.findIndex((r) => r[0] === partner) + 1;
  return cellA1(row, values[0].indexOf(header) + 1);
}

function columnA(s: StandIn): string[] {
  return s.sheetValues(SUMMARY).map((r) => String(r[0]));
}

function evidenceUnder(s: StandIn, question: number): string[] {
  const a = columnA(s);
  const start = a.indexOf(QUESTIONS[question]);
  const end = a.indexOf('Board notes', start);
  return a.slice(start + 1, end);
}

describe('Discussion Summary', () => {
  test('all five questions verbatim, each with its evidence and a Board notes cell; live counts', () => {
    const { s, addon } = setUp([
      ['Acme', 'vendor contract'],
      ['Bright Fund', 'grant foundation and advisory council'],
      ['Quiet Org', 'nothing to say'],
    ]);
    addon.run('generateSummaryFromSidebar');
    const a = columnA(s);
    for (const q of QUESTIONS) expect(a).toContain(q);
    expect(a.filter((x) => x === 'Board notes')).toHaveLength(5);
    expect(evidenceUnder(s, 0)).toEqual(['• Bright Fund: Advisor, Funder (not reviewed yet)']);
    expect(evidenceUnder(s, 2)).toEqual([
      '• Quiet Org: no segment ticked',
      '• No owner looks after 2 partners: Acme, Bright Fund',
    ]);
    const partnersRow = a.indexOf('In more than one segment');
    expect(s.sheetValues(SUMMARY)[partnersRow][1]).toBe(1);
    // Live: a tick in the roster moves the count without regenerating.
    s.typeInto(ROSTER, cellOf(s, ROSTER, 'Acme', 'Advisor'), 'TRUE');
    expect(s.sheetValues(SUMMARY)[partnersRow][1]).toBe(2);
  });

  test("regenerating keeps Board notes with their questions and follows the board's ticks and Status", () => {
    const { s, addon } = setUp([
      ['Acme', 'vendor contract'],
      ['Bright Fund', 'grant foundation and advisory council'],
      ['Old Friend', 'coalition peer and volunteer club'],
    ]);
    addon.run('generateSummaryFromSidebar');
    const notesRow = (q: number) => {
      const a = columnA(s);
      return a.indexOf('Board notes', a.indexOf(QUESTIONS[q])) + 1;
    };
    s.typeInto(SUMMARY, `B${notesRow(0)}`, 'Bright Fund gives advice too: thank them.');
    s.typeInto(SUMMARY, `B${notesRow(2)}`, '=not a formula, just notes');
    s.typeInto(ROSTER, cellOf(s, ROSTER, 'Acme', 'Managed like'), 'Advisor');
    s.typeInto(ROSTER, cellOf(s, ROSTER, 'Old Friend', 'Status'), 'Excluded');
    addon.run('generateSummaryFromSidebar');
    expect(s.value(SUMMARY, `B${notesRow(0)}`)).toBe('Bright Fund gives advice too: thank them.');
    expect(s.value(SUMMARY, `B${notesRow(1)}`)).toBe('');
    // What people typed comes back as they typed it, even a note Sheets took for a formula.
    expect(s.sheetFormulas(SUMMARY)[notesRow(2) - 1][1]).toBe('=not a formula, just notes');
    expect(evidenceUnder(s, 0)).toEqual(['• Bright Fund: Advisor, Funder (not reviewed yet)']);
    expect(evidenceUnder(s, 2)[0]).toMatch(
      /^• Acme: in Contractor, managed like Advisor\. How to manage Contractor: /,
    );
    expect(columnA(s).join('\n')).not.toContain('Old Friend');
  });

  test('no cell of the roster or the summary calls a custom function', () => {
    const { s, addon } = setUp([['Acme', 'vendor']]);
    addon.run('generateSummaryFromSidebar');
    for (const sheet of [ROSTER, SUMMARY]) {
      const formulas = s.sheetFormulas(sheet).flat().filter(Boolean);
      expect(formulas.length).toBeGreaterThan(0);
      for (const f of formulas) expect(f).not.toMatch(/PARTNER_SEGMENT|SEGMENT_HOW_TO_MANAGE/i);
    }
  });

  test('an empty roster and one without multi-segment partners say there is nothing to show', () => {
    const { s, addon } = setUp([['Acme', 'vendor']]);
    addon.run('generateSummaryFromSidebar');
    expect(evidenceUnder(s, 0)).toEqual(['Nothing to show yet.']);
  });
});
