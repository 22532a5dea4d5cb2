import { checkFormulas, countFormulas, type FormulaColumns } from '../../src/core/roster/formulas';

const countFormula = (row: number, cols: FormulaColumns) => countFormulas(cols).at(row);
const checkFormula = (row: number, cols: FormulaColumns) => checkFormulas(cols).at(row);

const cols = { segmentColumns: [4, 5, 6], count: 7, primary: 8, managedLike: 9 };

describe('per-row formulas', () => {
  test('the same formula on every row but for the row number', () => {
    expect(countFormula(12, cols)).toBe('=COUNTIF(D12:F12,TRUE)');
    expect(checkFormula(12, cols)).toContain('G12>1');
    expect(checkFormula(12, cols).replace(/(?<=[A-Z])12\b/g, '9')).toBe(checkFormula(9, cols));
  });

  test("a refresh recognises a row's own formula and nothing else", () => {
    const check = checkFormulas(cols);
    const count = countFormulas(cols);
    expect(check.matches(checkFormula(57, cols), 57)).toBe(true);
    expect(count.matches('=COUNTIF(D57:F57,TRUE)', 57)).toBe(true);
    // Another row's formula, one edited by hand, a value, and a formula one character longer.
    expect(check.matches(checkFormula(58, cols), 57)).toBe(false);
    expect(check.matches(checkFormula(5, cols), 57)).toBe(false);
    expect(count.matches('=COUNTIF(D57:F57,TRUE)+1', 57)).toBe(false);
    expect(count.matches('=COUNTIF(D57:E57,TRUE)', 57)).toBe(false);
    expect(count.matches('', 57)).toBe(false);
    expect(count.matches('=COUNTIF(D5:F57,TRUE)', 57)).toBe(false);
    // Without segments the count is a constant.
    const none = { ...cols, segmentColumns: [] };
    expect(countFormulas(none).matches('=0', 3)).toBe(true);
  });

  test('Check looks each choice up in the header row: its length does not grow with the number of segments', () => {
    const many = (n: number) => ({
      segmentColumns: Array.from({ length: n }, (_, i) => 4 + i),
      count: 4 + n,
      primary: 5 + n,
      managedLike: 7 + n,
    });
    const eight = checkFormula(50000, many(8));
    const twoHundred = checkFormula(50000, many(200));
    expect(eight).toContain('XLOOKUP(O50000,D$1:K$1,D50000:K50000,O50000="")');
    // 200 segments reach column GU: only the letters of the same references are longer.
    expect(twoHundred.length - eight.length).toBeLessThanOrEqual(16);
    expect(eight.length).toBeLessThan(300);
    // Segment columns split by a column that is not an active segment: one lookup per run, any one ticked.
    expect(checkFormula(7, { ...cols, segmentColumns: [4, 6] })).toContain(
      'OR(XLOOKUP(I7,D$1:D$1,D7:D7,I7=""),XLOOKUP(I7,F$1:F$1,F7:F7,I7=""))',
    );
  });
});

describe('the investment terms of Check', () => {
  const inv = {
    level: 10,
    strategicFor: 11,
    lighter: ['Networking', 'Coordinating'],
    deepest: 'Collaborating',
    goals: ['Housing', 'Say "hi"'],
  };
  const withInv = { ...cols, investment: inv };

  test('each flag is its own IF after the segment terms, the goal and level names written as text', () => {
    const f = checkFormula(4, withInv);
    expect(f.startsWith(checkFormula(4, cols).slice(0, -1))).toBe(true);
    expect(f).toContain(
      'IF(AND(OR(J4="Networking",J4="Coordinating"),OR(K4="Housing",K4="Say ""hi""")),"Strategic for "&K4&" but only "&J4,"")',
    );
    expect(f).toContain('IF(AND(J4="Collaborating",K4=""),"At Collaborating but no goal needs it","")');
    expect(f).toContain('"Strategic for "&K4&", not a goal on the Segments tab"');
    expect(f.replace(/(?<=[A-Z])4\b/g, '9')).toBe(checkFormula(9, withInv));
  });

  test('without goals no light-level term (nothing can be strategic), and every chosen goal is unknown', () => {
    const f = checkFormula(4, { ...cols, investment: { ...inv, goals: [] } });
    expect(f).not.toContain('but only');
    expect(f).toContain('IF(OR(K4="",FALSE),"","Strategic for "&K4&", not a goal on the Segments tab")');
  });

  test('one level: no lighter half, and the one level is the deepest', () => {
    const f = checkFormula(4, { ...cols, investment: { ...inv, lighter: [], deepest: 'Only' } });
    expect(f).not.toContain('but only');
    expect(f).toContain('At Only but no goal needs it');
  });
});
