// The formula step 3 offers to copy (sidebar/formula.ts): the detected description column, not a fixed B2:B.
import type { ListView } from '../../src/api';
import { DEFAULT_FORMULA, partnerSegmentFormula } from '../../sidebar/formula';

const list = (over: Partial<ListView>): ListView => ({
  sheet: 'Partners',
  headerRow: 1,
  nameColumn: 1,
  idColumn: null,
  descriptionColumns: [2],
  columns: [],
  summary: '',
  detected: true,
  ...over,
});

describe('the PARTNER_SEGMENT formula to copy', () => {
  test.each<[string, Partial<ListView>, string | null, string]>([
    [
      'the first description column, under the header',
      { descriptionColumns: [4, 6] },
      'Segments',
      '=PARTNER_SEGMENT(Partners!D2:D, Segments!A:E)',
    ],
    [
      'a header in row 3',
      { headerRow: 3, descriptionColumns: [3] },
      'Segments',
      '=PARTNER_SEGMENT(Partners!C4:C, Segments!A:E)',
    ],
    [
      'a sheet name with spaces and a quote, quoted',
      { sheet: "Bob's partners" },
      'Segments',
      "=PARTNER_SEGMENT('Bob''s partners'!B2:B, Segments!A:E)",
    ],
    [
      'the Segments tab renamed',
      { descriptionColumns: [5] },
      'Our segments',
      "=PARTNER_SEGMENT(Partners!E2:E, 'Our segments'!A:E)",
    ],
    [
      'no description column: the name column',
      { descriptionColumns: [], nameColumn: 3 },
      null,
      '=PARTNER_SEGMENT(Partners!C2:C, Segments!A:E)',
    ],
  ])('%s', (_label, over, tab, formula) => {
    expect(partnerSegmentFormula(list(over), tab)).toBe(formula);
  });

  test('no list yet: the example formula', () => {
    expect(partnerSegmentFormula(null, null)).toBe(DEFAULT_FORMULA);
  });
});
