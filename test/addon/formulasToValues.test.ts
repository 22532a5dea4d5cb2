// Extensions › Partner Segments › Turn PARTNER_SEGMENT into values, through dist/Code.js (menuFormulasToValues):
// a person selects cells and chooses the item; the selection's PARTNER_SEGMENT (and SEGMENT_HOW_TO_MANAGE)
// cells, spilled results included, become the values they showed, so people without the add-on see text.
// Everything else stays as it was. PRODUCT.md, "Custom functions".
import type { StandIn } from '../../dev/standin/index';
import type { LoadedAddon } from '../../dev/standin/loader';
import { build, setUp } from './helpers';

const WORK = 'Work';

/** A partner list, a roster (for the Segments tab), and a sheet of the person's own with formulas. */
function withSheet(grid: unknown[][]): { s: StandIn; addon: LoadedAddon } {
  const { s, addon } = setUp([
    ['Name', 'Notes'],
    ['Acme', 'vendor contract'],
    ['Bright Fund', 'grant foundation and advisory council'],
    ['Quiet Org', 'nothing to say'],
  ]);
  build(addon);
  s.addSheet(WORK, grid, { formulas: true });
  return { s, addon };
}

/** A person selects `a1` on the Work sheet and chooses the menu item. */
function convert(s: StandIn, addon: LoadedAddon, a1: string): void {
  s.internal(() => {
    const sheet = s.spreadsheet.getSheetByName(WORK)!;
    s.spreadsheet.setActiveRange(sheet.getRange(a1));
  });
  addon.run('menuFormulasToValues');
}

/** Every cell of A1:F8 of the Work sheet (past all content): what it shows and its formula. */
function cells(s: StandIn): { values: unknown[][]; formulas: string[][] } {
  return s.internal(() => {
    const range = s.spreadsheet.getSheetByName(WORK)!.getRange('A1:F8');
    return { values: range.getValues(), formulas: range.getFormulas() };
  });
}

const GRID = [
  ['Name', 'Notes', 'Suggested', 'Other', 'One by one', 'Outside'],
  [
    'Acme',
    'vendor',
    '=PARTNER_SEGMENT(B2:B4, Segments!A:E)',
    '=SUM(1,2)',
    '=PARTNER_SEGMENT(B2)',
    '=PARTNER_SEGMENT(B3)',
  ],
  ['Bright', 'grant advisory council', '', '=UPPER(B3)', '=SEGMENT_HOW_TO_MANAGE(E2, Segments!A:E)', ''],
  ['Quiet', 'nothing', '', 7, '=partner_segment(B4, Segments!A:E)', ''],
  ['', '', '', '', '', '=PARTNER_SEGMENT(B2:B3, Segments!A:E)'],
];

describe('Turn PARTNER_SEGMENT into values', () => {
  test("the selection's PARTNER_SEGMENT cells keep what they showed, as values; nothing else changes", () => {
    const { s, addon } = withSheet(GRID);
    const before = cells(s);
    // What the custom functions showed, so the test does not pass on empty cells.
    expect(before.values[1][2]).toBe('Contractor');
    expect(before.values[2][2]).toBe('Advisor, Funder');
    expect(String(before.values[2][4])).toMatch(/contract/i);
    convert(s, addon, 'A1:E4');
    const after = cells(s);
    // Same values everywhere: a person sees no difference.
    expect(after.values).toEqual(before.values);
    const ours = /^=\s*(PARTNER_SEGMENT|SEGMENT_HOW_TO_MANAGE)\(/i;
    const converted: string[] = [];
    before.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        const inSelection = r < 4 && c < 5;
        if (inSelection && ours.test(f)) {
          expect(after.formulas[r][c]).toBe('');
          converted.push(`${r},${c}`);
        } else expect(after.formulas[r][c]).toBe(f);
      }),
    );
    // C2 (spilling into C3:C4), E2, E3, E4.
    expect(converted).toHaveLength(4);
    // The spilled cells C3 and C4 hold their values too, though they had no formula.
    expect(s.internal(() => s.spreadsheet.getSheetByName(WORK)!.getRange('C3:C4').getValues())).toEqual([
      ['Advisor, Funder'],
      [''],
    ]);
    // Other formulas still calculate: change their input, their result follows.
    s.typeInto(WORK, 'B3', 'new words');
    expect(s.value(WORK, 'D3')).toBe('NEW WORDS');
    // Converted cells do not: they are plain values now.
    expect(s.value(WORK, 'C3')).toBe('Advisor, Funder');
    // Outside the selection, PARTNER_SEGMENT still calculates.
    expect(s.value(WORK, 'F2')).toBe('');
    const toast = s.ui.toasts.at(-1)!;
    // Formulas counted, and only the values people see (the blank results in C4 and E4 are not counted).
    // It names what it converted: SEGMENT_HOW_TO_MANAGE too, not only PARTNER_SEGMENT (issue 18).
    expect(toast.message).toMatch(
      new RegExp(
        `^4 formulas \\(3 PARTNER_SEGMENT, 1 SEGMENT_HOW_TO_MANAGE\\) on ${WORK} replaced by 4 values`,
      ),
    );
    expect(s.ui.alerts).toEqual([]);
  });

  test('a selection of SEGMENT_HOW_TO_MANAGE and PARTNER_SEGMENT_WHY only: the toast names those', () => {
    const { s, addon } = withSheet([
      ['Notes', 'How', 'Why'],
      ['vendor', '=SEGMENT_HOW_TO_MANAGE("Funder", Segments!A:E)', '=PARTNER_SEGMENT_WHY(A2, Segments!A:E)'],
    ]);
    convert(s, addon, 'B2');
    expect(s.ui.toasts.at(-1)!.message).toMatch(
      new RegExp(`^1 SEGMENT_HOW_TO_MANAGE formula on ${WORK} replaced`),
    );
    convert(s, addon, 'C2');
    expect(s.ui.toasts.at(-1)!.message).toMatch(
      new RegExp(`^1 PARTNER_SEGMENT_WHY formula on ${WORK} replaced`),
    );
  });

  test('selecting only the top cell of a range formula keeps all of its spilled results', () => {
    const { s, addon } = withSheet(GRID);
    const before = cells(s).values.map((r) => r[2]);
    convert(s, addon, 'C2');
    expect(cells(s).values.map((r) => r[2])).toEqual(before);
    expect(
      cells(s)
        .formulas.map((r) => r[2])
        .every((f) => f === ''),
    ).toBe(true);
  });

  test('a result that looks like a number or a formula stays the text it showed', () => {
    const { s, addon } = withSheet([
      ['Segment', 'Keywords', 'Result'],
      ['007', 'vendor', '=PARTNER_SEGMENT("a vendor", A1:B3)'],
      ['', 'board', '=PARTNER_SEGMENT("our board", A1:B3)'],
    ]);
    s.typeInto(WORK, 'A3', "'=Board");
    expect([s.value(WORK, 'C2'), s.value(WORK, 'C3')]).toEqual(['007', '=Board']);
    convert(s, addon, 'C2:C3');
    expect([s.value(WORK, 'C2'), s.value(WORK, 'C3')]).toEqual(['007', '=Board']);
    expect(s.sheetFormulas(WORK).map((r) => r[2])).toEqual(['', '', '']);
  });

  test('a selection without PARTNER_SEGMENT says so plainly and writes nothing', () => {
    const { s, addon } = withSheet(GRID);
    const before = cells(s);
    const written = s.calls.cellsWritten;
    convert(s, addon, 'A1:B4');
    convert(s, addon, 'D1:D4');
    expect(s.ui.toasts.map((t) => t.message)).toEqual([
      'No PARTNER_SEGMENT, PARTNER_SEGMENT_WHY or SEGMENT_HOW_TO_MANAGE formulas in the selection.',
      'No PARTNER_SEGMENT, PARTNER_SEGMENT_WHY or SEGMENT_HOW_TO_MANAGE formulas in the selection.',
    ]);
    expect(s.ui.alerts).toEqual([]);
    expect(cells(s)).toEqual(before);
    expect(s.calls.cellsWritten).toBe(written);
  });

  test('a range formula reading another sheet keeps all of its spilled results', () => {
    const { s, addon } = withSheet([['Suggested'], ["=PARTNER_SEGMENT(Partners!B2:B4, 'Segments'!A:E)"]]);
    const before = cells(s).values;
    expect(before.slice(1, 4).map((r) => r[0])).toEqual(['Contractor', 'Advisor, Funder', '']);
    convert(s, addon, 'A2');
    expect(cells(s).values).toEqual(before);
    expect(
      cells(s)
        .formulas.flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  test('a formula that wraps PARTNER_SEGMENT becomes its value too', () => {
    const { s, addon } = withSheet([
      ['Notes', 'Suggested'],
      ['vendor', '=IFERROR(PARTNER_SEGMENT(A2, Segments!A:E), "none")'],
      ['grant', '=UPPER(PARTNER_SEGMENT(A3, Segments!A:E))'],
    ]);
    const before = cells(s).values;
    expect(before.slice(1, 3).map((r) => r[1])).toEqual(['Contractor', 'FUNDER']);
    convert(s, addon, 'A1:B3');
    expect(cells(s).values).toEqual(before);
    expect(cells(s).formulas.every((r) => r[1] === '')).toBe(true);
    expect(s.ui.toasts.at(-1)!.message).not.toBe(
      'No PARTNER_SEGMENT, PARTNER_SEGMENT_WHY or SEGMENT_HOW_TO_MANAGE formulas in the selection.',
    );
  });

  test('a column of one formula per row costs the same service calls at 4 rows as at 40', () => {
    const callsFor = (rows: number) => {
      const grid: unknown[][] = [['Notes', 'Type', 'Suggested']];
      for (let r = 2; r <= rows + 1; r++)
        grid.push(['vendor', 'grant', `=PARTNER_SEGMENT(A${r}:B${r}, Segments!A:E)`]);
      const { s, addon } = withSheet(grid);
      s.calls.reset();
      convert(s, addon, `C2:C${rows + 1}`);
      const values = s.internal(() =>
        s.spreadsheet
          .getSheetByName(WORK)!
          .getRange(`C2:C${rows + 1}`)
          .getValues(),
      );
      expect(values.flat().every((v) => v === 'Contractor, Funder')).toBe(true);
      return s.calls.count;
    };
    expect(callsFor(40)).toBe(callsFor(4));
  });
});
