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
});
