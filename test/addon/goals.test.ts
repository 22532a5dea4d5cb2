// Goals, the Himmelman levels and the two investment flags (issue #11), through dist/Code.js in the stand-in, as
// people use them: the Segments tab's Goals table, the roster's Strategic for column, Check and its colours, the
// discussion summary's Goals section.
import type { StandIn } from '../../dev/standin/index';
import type { LoadedAddon } from '../../dev/standin/loader';
import {
  build,
  columnA,
  evidenceUnder,
  generate,
  manyPartners,
  roster,
  rosterCell,
  ROSTER,
  SEGMENTS,
  setUp,
  SUMMARY,
  summaryRow,
} from './helpers';

const PARTNERS = [
  ['Name', 'Relationship'],
  ['Acme Consulting', 'contractor'],
  ['Bright Fund', 'foundation grant'],
  ['City Housing Office', 'public agency'],
  ['River Coalition', 'coalition peer'],
];

const FLAG_BACKGROUND = '#f4c7c3';
const HINT = "Type your organization's goals here, one per row (this line is only a hint)";

function type(s: StandIn, partner: string, header: string, text: string): void {
  s.typeInto(ROSTER, rosterCell(s, partner, header), text);
}

function check(s: StandIn, partner: string): string {
  return String(roster(s).find((r) => r.Partner === partner)!.Check);
}

function cellOf(s: StandIn, partner: string, header: string): string {
  return rosterCell(s, partner, header);
}

/** The Segments tab's column (1-based) headed `header` in row 1. */
function tabColumn(s: StandIn, header: string): number {
  return s.sheetValues(SEGMENTS)[0].indexOf(header) + 1;
}

function letter(column: number): string {
  return String.fromCharCode(64 + column);
}

/** Types goals into the Goals table from its second row (over the hint). */
function typeGoals(s: StandIn, goals: string[]): void {
  const at = letter(tabColumn(s, 'Goal'));
  goals.forEach((g, i) => s.typeInto(SEGMENTS, `${at}${i + 2}`, g));
}

function dropdown(s: StandIn, partner: string, header: string): string[] | null {
  const a1 = cellOf(s, partner, header);
  return s.internal(() => {
    const rule = s.spreadsheet.getSheetByName(ROSTER)!.getRange(a1).getDataValidation();
    return rule ? (rule.getCriteriaValues()[0] as string[]) : null;
  });
}

function setUpBuilt(): { s: StandIn; addon: LoadedAddon } {
  const doc = setUp(PARTNERS);
  build(doc.addon);
  return doc;
}

describe('first build with the defaults', () => {
  test('the Levels table is the Himmelman continuum; a Goals table at K1 holds only a hint', () => {
    const { s } = setUpBuilt();
    const values = s.sheetValues(SEGMENTS);
    const header = values[0];
    expect(header.slice(7, 9)).toEqual(['Level', 'Meaning']);
    expect(values.slice(1, 5).map((r) => [r[7], r[8]])).toEqual([
      ['Networking', 'Exchange information'],
      ['Coordinating', 'Adjust activities for a common purpose'],
      ['Cooperating', 'Share resources'],
      ['Collaborating', "Enhance each other's capacity; share risks, responsibilities and rewards"],
    ]);
    expect(header.slice(10, 12)).toEqual(['Goal', 'What success looks like']);
    expect(values[1][10]).toBe(HINT);
    expect(values.slice(2).every((r) => r[10] === '')).toBe(true);
  });

  test('the roster has Strategic for right after Level, noted "required to meet this goal", blank for all', () => {
    const { s } = setUpBuilt();
    const header = s.sheetValues(ROSTER)[0];
    expect(header.indexOf('Strategic for')).toBe(header.indexOf('Level') + 1);
    const column = header.indexOf('Strategic for') + 1;
    const note = s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!.getRange(1, column).getNote());
    expect(note).toContain('required to meet this goal');
    expect(roster(s).every((r) => r['Strategic for'] === '' && r.Check !== undefined)).toBe(true);
    // The hint is not a goal: no dropdown of it, no partner flagged for it.
    expect(dropdown(s, 'Acme Consulting', 'Strategic for')).toBeNull();
    expect(dropdown(s, 'Acme Consulting', 'Level')).toEqual([
      'Networking',
      'Coordinating',
      'Cooperating',
      'Collaborating',
    ]);
  });
});

describe('goals added, renamed and removed', () => {
  test('goals typed in the tab become the dropdown; a rename in the tab carries to the partners at the next refresh', () => {
    const { s, addon } = setUpBuilt();
    typeGoals(s, ['Affordable housing', 'Clean river']);
    build(addon);
    expect(dropdown(s, 'Acme Consulting', 'Strategic for')).toEqual(['Affordable housing', 'Clean river']);
    type(s, 'City Housing Office', 'Strategic for', 'Affordable housing');
    type(s, 'River Coalition', 'Strategic for', 'Clean river');
    type(s, 'River Coalition', 'Notes', 'Met in May');
    // Renamed in the tab, between refreshes.
    s.typeInto(SEGMENTS, `${letter(tabColumn(s, 'Goal'))}2`, 'Homes for all');
    build(addon);
    const rows = roster(s);
    expect(rows.find((r) => r.Partner === 'City Housing Office')!['Strategic for']).toBe('Homes for all');
    expect(rows.find((r) => r.Partner === 'River Coalition')!['Strategic for']).toBe('Clean river');
    expect(rows.find((r) => r.Partner === 'River Coalition')!.Notes).toBe('Met in May');
    expect(dropdown(s, 'Acme Consulting', 'Strategic for')).toEqual(['Homes for all', 'Clean river']);
    expect(rows.every((r) => !String(r.Check).includes('not a goal'))).toBe(true);
    // The rename is carried once: another refresh writes no cell.
    s.calls.reset();
    build(addon);
    expect(s.calls.cellsWritten).toBe(0);
  });

  test('the sidebar lists goals and adds and renames them; partners keep their goal', () => {
    const { s, addon } = setUpBuilt();
    let view = addon.run('addGoal', 'Affordable housing') as { goals: { id: string; name: string }[] };
    view = addon.run('addGoal', 'Clean river') as typeof view;
    expect(view.goals.map((g) => g.name)).toEqual(['Affordable housing', 'Clean river']);
    // The first goal went over the hint.
    expect(s.sheetValues(SEGMENTS)[1][tabColumn(s, 'Goal') - 1]).toBe('Affordable housing');
    expect(() => addon.run('addGoal', 'clean  RIVER')).toThrow(/already a goal named "Clean river"/);
    build(addon);
    type(s, 'City Housing Office', 'Strategic for', 'Affordable housing');
    const housing = view.goals[0];
    view = addon.run('renameGoal', housing.id, 'Homes for all') as typeof view;
    expect(view.goals).toEqual([
      expect.objectContaining({ id: housing.id, name: 'Homes for all' }),
      expect.objectContaining({ name: 'Clean river' }),
    ]);
    expect((addon.run('getSegments') as typeof view).goals.map((g) => g.name)).toEqual([
      'Homes for all',
      'Clean river',
    ]);
    expect(() => addon.run('renameGoal', 'no-such-goal', 'X')).toThrow(/no longer on the Segments tab/);
    build(addon);
    expect(roster(s).find((r) => r.Partner === 'City Housing Office')!['Strategic for']).toBe(
      'Homes for all',
    );
  });

  test('a sort of the Goals table moves no partner to another goal', () => {
    const { s, addon } = setUpBuilt();
    typeGoals(s, ['Clean river', 'Affordable housing']);
    build(addon);
    type(s, 'City Housing Office', 'Strategic for', 'Affordable housing');
    type(s, 'River Coalition', 'Strategic for', 'Clean river');
    // Sorted by name: the names swap rows, the rows' metadata stays.
    typeGoals(s, ['Affordable housing', 'Clean river']);
    build(addon);
    const rows = roster(s);
    expect(rows.find((r) => r.Partner === 'City Housing Office')!['Strategic for']).toBe(
      'Affordable housing',
    );
    expect(rows.find((r) => r.Partner === 'River Coalition')!['Strategic for']).toBe('Clean river');
    // And a rename after the sort still carries to the right partner.
    s.typeInto(SEGMENTS, `${letter(tabColumn(s, 'Goal'))}2`, 'Homes for all');
    build(addon);
    expect(roster(s).find((r) => r.Partner === 'City Housing Office')!['Strategic for']).toBe(
      'Homes for all',
    );
    expect(roster(s).find((r) => r.Partner === 'River Coalition')!['Strategic for']).toBe('Clean river');
  });

  test('a removed goal: the cells naming it are kept and flagged, never cleared', () => {
    const { s, addon } = setUpBuilt();
    typeGoals(s, ['Affordable housing', 'Clean river']);
    build(addon);
    type(s, 'River Coalition', 'Strategic for', 'Clean river');
    type(s, 'River Coalition', 'Level', 'Collaborating');
    type(s, 'River Coalition', 'Owner', 'Dana');
    s.typeInto(SEGMENTS, `${letter(tabColumn(s, 'Goal'))}3`, '');
    build(addon);
    build(addon);
    const river = roster(s).find((r) => r.Partner === 'River Coalition')!;
    expect(river['Strategic for']).toBe('Clean river');
    expect(river.Check).toBe('Strategic for Clean river, not a goal on the Segments tab');
    expect(s.effectiveBackground(ROSTER, cellOf(s, 'River Coalition', 'Strategic for'))).toBe(
      FLAG_BACKGROUND,
    );
    expect(dropdown(s, 'Acme Consulting', 'Strategic for')).toEqual(['Affordable housing']);
    // A new goal typed where the removed one was is a new goal, not the old one renamed.
    s.typeInto(SEGMENTS, `${letter(tabColumn(s, 'Goal'))}3`, 'Safe streets');
    build(addon);
    expect(roster(s).find((r) => r.Partner === 'River Coalition')!['Strategic for']).toBe('Clean river');
  });
});

describe('the two investment flags', () => {
  test('appear and clear in Check and on the Level cell as people change Level and Strategic for', () => {
    const { s, addon } = setUpBuilt();
    typeGoals(s, ['Affordable housing']);
    build(addon);
    const flagged = () => s.effectiveBackground(ROSTER, cellOf(s, 'City Housing Office', 'Level'));
    const base = flagged();
    expect(base).not.toBe(FLAG_BACKGROUND);
    const before = check(s, 'City Housing Office');

    type(s, 'City Housing Office', 'Strategic for', 'Affordable housing');
    expect(check(s, 'City Housing Office')).toBe(before); // a blank level is never flagged
    expect(flagged()).toBe(base);

    type(s, 'City Housing Office', 'Level', 'Networking');
    expect(check(s, 'City Housing Office')).toContain('Strategic for Affordable housing but only Networking');
    expect(flagged()).toBe(FLAG_BACKGROUND);
    type(s, 'City Housing Office', 'Level', 'Coordinating');
    expect(check(s, 'City Housing Office')).toContain('but only Coordinating');

    type(s, 'City Housing Office', 'Level', 'Collaborating');
    expect(check(s, 'City Housing Office')).toBe(before);
    expect(flagged()).toBe(base);

    type(s, 'City Housing Office', 'Strategic for', '');
    expect(check(s, 'City Housing Office')).toContain('At Collaborating but no goal needs it');
    expect(flagged()).toBe(FLAG_BACKGROUND);

    type(s, 'City Housing Office', 'Level', 'Cooperating');
    expect(check(s, 'City Housing Office')).toBe(before);
    expect(flagged()).toBe(base);
    // The refresh counts them.
    type(s, 'City Housing Office', 'Level', 'Collaborating');
    type(s, 'Acme Consulting', 'Strategic for', 'Affordable housing');
    type(s, 'Acme Consulting', 'Level', 'Networking');
    expect(build(addon)).toMatchObject({ strategicTooLight: 1, deepWithoutGoal: 1, unknownGoal: 0 });
  });

  test('an old Segments tab keeps its four levels, Strategic included, and refreshes without loss', () => {
    const { s, addon } = setUpBuilt();
    // The tab as the add-on made it before goals: the old levels, no Goals table; a roster with no Strategic for.
    s.internal(() => {
      const tab = s.spreadsheet.getSheetByName(SEGMENTS)!;
      tab.getRange('H2:I5').setValues([
        ['Networking', 'Exchange information'],
        ['Coordinating', 'Adjust activities together'],
        ['Cooperating', 'Share resources'],
        ['Strategic', 'Required to meet our goals; shared risks and rewards'],
      ]);
      tab.getRange('K1:L2').clearContent();
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const column = (sheet.getRange('1:1').getValues()[0] as string[]).indexOf('Strategic for') + 1;
      sheet.deleteColumn(column);
    });
    build(addon);
    type(s, 'Bright Fund', 'Level', 'Strategic');
    type(s, 'Acme Consulting', 'Level', 'Networking');
    type(s, 'Acme Consulting', 'Notes', 'Keep me');
    const segmentsBefore = JSON.stringify(s.sheetValues(SEGMENTS).map((r) => r.slice(0, 9)));
    build(addon);
    // The levels stay as they were; the tab gains a Goals table in free cells, nothing moved.
    expect(JSON.stringify(s.sheetValues(SEGMENTS).map((r) => r.slice(0, 9)))).toBe(segmentsBefore);
    expect(s.sheetValues(SEGMENTS)[0].slice(10, 12)).toEqual(['Goal', 'What success looks like']);
    expect(dropdown(s, 'Bright Fund', 'Level')).toEqual([
      'Networking',
      'Coordinating',
      'Cooperating',
      'Strategic',
    ]);
    const rows = roster(s);
    const bright = rows.find((r) => r.Partner === 'Bright Fund')!;
    const acme = rows.find((r) => r.Partner === 'Acme Consulting')!;
    expect([bright.Level, acme.Level, acme.Notes]).toEqual(['Strategic', 'Networking', 'Keep me']);
    expect(s.sheetValues(ROSTER)[0].indexOf('Strategic for')).toBe(
      s.sheetValues(ROSTER)[0].indexOf('Level') + 1,
    );
    // Strategic is the deepest of the old four: at Strategic with no goal is flagged, as the issue asks.
    expect(bright.Check).toContain('At Strategic but no goal needs it');
    typeGoals(s, ['Endowment']);
    build(addon);
    type(s, 'Bright Fund', 'Strategic for', 'Endowment');
    expect(check(s, 'Bright Fund')).not.toContain('no goal needs it');
  });
});

describe('the discussion summary', () => {
  function scenario(): StandIn {
    const { s, addon } = setUpBuilt();
    typeGoals(s, ['Affordable housing', 'Clean river']);
    build(addon);
    type(s, 'City Housing Office', 'Strategic for', 'Affordable housing');
    type(s, 'City Housing Office', 'Level', 'Networking');
    type(s, 'Bright Fund', 'Strategic for', 'Affordable housing');
    type(s, 'Bright Fund', 'Level', 'Collaborating');
    type(s, 'River Coalition', 'Level', 'Collaborating');
    generate(addon);
    return s;
  }

  test('a Goals section: per goal its strategic partners, live counts by level, names, and the no-partner line', () => {
    const s = scenario();
    const a = columnA(s);
    const heading = summaryRow(s, 'Goals');
    const header = s.sheetValues(SUMMARY)[summaryRow(s, 'Goal', heading) - 1];
    expect(header.slice(0, 7)).toEqual([
      'Goal',
      'Strategic partners',
      'Networking',
      'Coordinating',
      'Cooperating',
      'Collaborating',
      'No level',
    ]);
    const housing = s.sheetValues(SUMMARY)[summaryRow(s, 'Affordable housing', heading) - 1];
    expect(housing.slice(1, 7)).toEqual([2, 1, 0, 0, 1, 0]);
    const formulas = s.sheetFormulas(SUMMARY)[summaryRow(s, 'Affordable housing', heading) - 1];
    expect(formulas[1]).toMatch(/^=COUNTIFS\('Partner Roster'!/);
    expect(a).toContain(
      '• Affordable housing (2): Bright Fund (Collaborating), City Housing Office (Networking)',
    );
    expect(a).toContain('• Clean river: no partner is strategic for this goal');
    // Live: a partner chosen after the summary counts at once.
    type(s, 'Acme Consulting', 'Strategic for', 'Clean river');
    expect(s.sheetValues(SUMMARY)[summaryRow(s, 'Clean river', heading) - 1][1]).toBe(1);
  });

  test('"Where could we improve?" names both investment flags', () => {
    const s = scenario();
    const lines = evidenceUnder(s, 2);
    expect(lines).toContain('• City Housing Office: strategic for Affordable housing but only Networking');
    expect(lines).toContain('• River Coalition: at Collaborating but no goal needs it');
    expect(lines.join('\n')).not.toContain('Bright Fund: at');
  });

  test('without goals the section says how to start', () => {
    const { s, addon } = setUpBuilt();
    generate(addon);
    const after = columnA(s)[summaryRow(s, 'Goals')];
    expect(after).toMatch(/^No goals yet/);
  });
});

describe('service calls', () => {
  test('with goals, build, refresh and summary calls do not grow with the list, within the budgets', () => {
    const counts = [20, 200].map((n) => {
      const { s, addon } = setUp(manyPartners(n, (i) => (i % 3 ? 'grant' : 'contractor')));
      build(addon);
      typeGoals(s, ['Affordable housing', 'Clean river', 'Safe streets']);
      build(addon);
      for (let i = 0; i < n; i += 4) {
        s.typeInto(ROSTER, rosterCell(s, `Partner ${i}`, 'Strategic for'), 'Clean river');
        s.typeInto(ROSTER, rosterCell(s, `Partner ${i}`, 'Level'), i % 8 ? 'Networking' : 'Collaborating');
      }
      s.calls.reset();
      build(addon);
      const refresh = s.calls.count;
      s.calls.reset();
      generate(addon);
      return [refresh, s.calls.count];
    });
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0][0]).toBeLessThanOrEqual(40);
    expect(counts[0][1]).toBeLessThanOrEqual(48); // with the Segment History (issue #14)
  });
});
