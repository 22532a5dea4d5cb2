// Issue #14 through dist/Code.js: the board's actions under each discussion question (Action | Owner | Due |
// Done), kept with their question, in order, across regenerations; the overdue highlight; the open actions and
// their live counts at the top of the summary; three generations with roster edits between them.
import type { StandIn } from '../../dev/standin/index';
import type { LoadedAddon } from '../../dev/standin/loader';
import {
  build,
  columnA,
  generate,
  QUESTIONS,
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
const HEADER = ['Action', 'Owner', 'Due', 'Done'];
const PAST = '2020-01-15';
const FUTURE = '2099-06-30';

/** The 1-based row of question q's action table header. */
function actionsHeaderRow(s: StandIn, q: number): number {
  const values = s.sheetValues(SUMMARY);
  const question = columnA(s).indexOf(QUESTIONS[q]);
  const at = values.findIndex((r, i) => i > question && r.slice(0, 4).join('|') === HEADER.join('|'));
  if (question < 0 || at < 0) throw new Error(`no action table under question ${q + 1}`);
  return at + 1;
}

/** Question q's action rows as a person reads them, up to the blank row after the table. */
function actionsUnder(s: StandIn, q: number): unknown[][] {
  const values = s.sheetValues(SUMMARY);
  const out: unknown[][] = [];
  for (let r = actionsHeaderRow(s, q); r < values.length; r++) {
    const row = values[r].slice(0, 4);
    if (typeof row[3] !== 'boolean' && row.every((v) => v === '')) break;
    out.push(row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
  }
  return out;
}

/** Types an action into the first blank row of question q's table. */
function typeAction(s: StandIn, q: number, action: string, owner: string, due: string, done = false): void {
  const header = actionsHeaderRow(s, q);
  const rows = actionsUnder(s, q);
  const free = rows.findIndex((r) => r[0] === '' && r[1] === '' && r[2] === '');
  if (free < 0) throw new Error(`no blank action row under question ${q + 1}`);
  const row = header + 1 + free;
  s.typeInto(SUMMARY, `A${row}`, action);
  s.typeInto(SUMMARY, `B${row}`, owner);
  if (due) s.typeInto(SUMMARY, `C${row}`, due);
  if (done) s.typeInto(SUMMARY, `D${row}`, 'TRUE');
}

function validationAt(s: StandIn, a1: string): string | null {
  return s.internal(() => {
    const rule = s.spreadsheet.getSheetByName(SUMMARY)!.getRange(a1).getDataValidation();
    return rule ? String(rule.getCriteriaType()) : null;
  });
}

/** The open-actions lines at the top, as a person reads them. */
function openAtTop(s: StandIn): { open: unknown; overdue: unknown; lines: unknown[][] } {
  const values = s.sheetValues(SUMMARY);
  const a = columnA(s);
  const heading = a.indexOf('Open actions');
  const lines: unknown[][] = [];
  if (values[heading + 3][0] === 'Action') {
    for (let r = heading + 4; values[r][0] !== '' && !String(values[r][0]).startsWith('Those open'); r++) {
      lines.push(values[r].slice(0, 4));
    }
  }
  return { open: values[heading + 1][1], overdue: values[heading + 2][1], lines };
}

/** Three generations with roster edits between them; actions typed after the first. */
function threeGenerations(): { s: StandIn; addon: LoadedAddon; after: unknown[][][][] } {
  const { s, addon } = setUp([LIST_HEADER, ...FIRST]);
  build(addon);
  s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Advisor'); // a mismatch
  generate(addon);
  typeAction(s, 0, 'Ask Bright Fund about multi-year support', 'Dana', PAST);
  typeAction(s, 0, 'Thank the volunteer club', 'Lee', PAST, true);
  typeAction(s, 4, 'Draft a contractor check-in', 'Sam', FUTURE);
  const snapshot = () => QUESTIONS.map((_, q) => actionsUnder(s, q));
  const after = [snapshot()];
  // Between 1 and 2: a tick, a partner added and one gone, the mismatch fixed (the evidence grows and shrinks).
  s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Advisor'), 'TRUE');
  replaceList(s, LIST_HEADER, [
    ...FIRST.filter((r) => r[0] !== 'Helping Hands'),
    ['City Agency', 'permit agency'],
  ]);
  build(addon);
  s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Contractor');
  generate(addon);
  after.push(snapshot());
  // Between 2 and 3: a tick taken off, a new mismatch.
  s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Funder'), 'FALSE');
  s.typeInto(ROSTER, rosterCell(s, 'Riverside', 'Managed like'), 'Funder');
  generate(addon);
  after.push(snapshot());
  return { s, addon, after };
}

describe("the board's actions", () => {
  test('a first summary has an empty Action | Owner | Due | Done table under each question, Done a checkbox, Due a date', () => {
    const { s, addon } = setUp([LIST_HEADER, ...FIRST]);
    build(addon);
    generate(addon);
    for (let q = 0; q < QUESTIONS.length; q++) {
      const header = actionsHeaderRow(s, q);
      expect(s.sheetValues(SUMMARY)[header - 1].slice(0, 4)).toEqual(HEADER);
      expect(actionsUnder(s, q)).toEqual([
        ['', '', '', false],
        ['', '', '', false],
      ]);
      expect(validationAt(s, `D${header + 1}`)).toBe('CHECKBOX');
      expect(validationAt(s, `C${header + 2}`)).toBe('DATE_IS_VALID_DATE');
      expect(validationAt(s, `A${header + 1}`)).toBeNull();
    }
    expect(openAtTop(s)).toEqual({ open: 0, overdue: 0, lines: [] });
    expect(columnA(s)).toContain(
      'None were open when this summary was generated: the board adds them under each question below.',
    );
  });

  test('a Due that is not a date is refused in plain words', () => {
    const { s, addon } = setUp([LIST_HEADER, ...FIRST]);
    build(addon);
    generate(addon);
    const header = actionsHeaderRow(s, 2);
    expect(() => s.typeInto(SUMMARY, `C${header + 1}`, 'soon')).toThrow(/date/i);
  });

  test('actions typed after the first generation survive the next two in place, with checkboxes and dates', () => {
    const { s, after } = threeGenerations();
    const typed = [
      ['Ask Bright Fund about multi-year support', 'Dana', PAST, false],
      ['Thank the volunteer club', 'Lee', PAST, true],
      ['', '', '', false],
      ['', '', '', false],
    ];
    const underLast = [
      ['Draft a contractor check-in', 'Sam', FUTURE, false],
      ['', '', '', false],
      ['', '', '', false],
    ];
    for (const generation of after.slice(1)) {
      expect(generation[0]).toEqual(typed);
      expect(generation[4]).toEqual(underLast);
      for (const q of [1, 2, 3])
        expect(generation[q]).toEqual([
          ['', '', '', false],
          ['', '', '', false],
        ]);
    }
    // The kept rows keep their rules where they are now, and only there.
    for (const q of [0, 4]) {
      const header = actionsHeaderRow(s, q);
      const rows = q === 0 ? 4 : 3;
      for (let r = header + 1; r <= header + rows; r++) {
        expect(validationAt(s, `C${r}`)).toBe('DATE_IS_VALID_DATE');
        expect(validationAt(s, `D${r}`)).toBe('CHECKBOX');
      }
      expect(validationAt(s, `D${header + rows + 1}`)).toBeNull();
    }
    // The kept Due is formatted as a date again (the stand-in's display values ignore number formats).
    const due = actionsHeaderRow(s, 0) + 1;
    const format = s.internal(() =>
      s.spreadsheet.getSheetByName(SUMMARY)!.getRange(`C${due}`).getNumberFormat(),
    );
    expect(format).toBe('yyyy-mm-dd');
    // Each question's table once; nothing left where an earlier layout had it.
    const headers = s.sheetValues(SUMMARY).filter((r) => r.slice(0, 4).join('|') === HEADER.join('|'));
    expect(headers).toHaveLength(QUESTIONS.length);
    const checkboxes = s.internal(() =>
      s.spreadsheet
        .getSheetByName(SUMMARY)!
        .getDataRange()
        .getDataValidations()
        .flat()
        .filter((r) => r && String(r.getCriteriaType()) === 'CHECKBOX'),
    );
    expect(checkboxes).toHaveLength(4 + 2 + 2 + 2 + 3);
    expect(s.sheetValues(HISTORY)).toHaveLength(4);
  });

  test('an overdue action not Done is highlighted; a Done one and one due later are not', () => {
    const { s } = threeGenerations();
    const header = actionsHeaderRow(s, 0);
    const plain = s.effectiveBackground(SUMMARY, `A${header + 3}`); // a blank action row
    expect(s.effectiveBackground(SUMMARY, `A${header + 1}`)).not.toBe(plain);
    expect(s.effectiveBackground(SUMMARY, `C${header + 1}`)).not.toBe(plain);
    expect(s.effectiveBackground(SUMMARY, `A${header + 2}`)).toBe(plain); // Done
    const later = actionsHeaderRow(s, 4) + 1;
    expect(s.effectiveBackground(SUMMARY, `A${later}`)).toBe(plain);
    // Ticked Done, the highlight goes at once (a conditional format: no regeneration needed).
    s.typeInto(SUMMARY, `D${header + 1}`, 'TRUE');
    expect(s.effectiveBackground(SUMMARY, `A${header + 1}`)).toBe(plain);
  });

  test('the top lists the open actions with live counts that follow the tables without regenerating', () => {
    const { s } = threeGenerations();
    const top = openAtTop(s);
    expect(top.open).toBe(2);
    expect(top.overdue).toBe(1);
    expect(top.lines).toEqual([
      ['Ask Bright Fund about multi-year support', 'Dana', PAST, 'Overdue (question 1)'],
      ['Draft a contractor check-in', 'Sam', FUTURE, 'Open (question 5)'],
    ]);
    // The board ticks one Done and adds one under question 3: the counts move, the listed line says Done.
    s.typeInto(SUMMARY, `D${actionsHeaderRow(s, 0) + 1}`, 'TRUE');
    typeAction(s, 2, 'Invite City Agency to the spring meeting', 'Ana', '');
    const now = openAtTop(s);
    expect(now.open).toBe(2);
    expect(now.overdue).toBe(0);
    expect(now.lines[0]).toEqual([
      'Ask Bright Fund about multi-year support',
      'Dana',
      PAST,
      'Done (question 1)',
    ]);
    // No cell of the summary needs the add-on: counts and lines are built-in formulas.
    const formulas = s.sheetFormulas(SUMMARY).flat().filter(Boolean).join('\n');
    expect(formulas).not.toMatch(/PARTNER_SEGMENT|SEGMENT_/);
  });

  test('the actions never take the place of a Board note, and a note stays with its question', () => {
    const { s, addon } = setUp([LIST_HEADER, ...FIRST]);
    build(addon);
    generate(addon);
    const q2 = actionsHeaderRow(s, 1);
    s.typeInto(SUMMARY, `B${q2 - 1}`, 'Talk about volunteers in March');
    // People renamed the notes label: the note is still found above the table, not an action's Owner.
    s.typeInto(SUMMARY, `A${q2 - 1}`, 'Our thoughts');
    typeAction(s, 1, 'Call Riverside', 'Kim', '');
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Advisor'), 'TRUE');
    const report = generate(addon);
    expect(report).toMatchObject({ boardNotesKept: 1, actionsKept: 1, openActions: 1 });
    const header = actionsHeaderRow(s, 1);
    expect(s.sheetValues(SUMMARY)[header - 2].slice(0, 2)).toEqual([
      'Board notes',
      'Talk about volunteers in March',
    ]);
    expect(actionsUnder(s, 1)[0]).toEqual(['Call Riverside', 'Kim', '', false]);
  });
});
