// Range values and formulas. https://developers.google.com/apps-script/reference/spreadsheet/range
import { expectException, setup } from './helpers';

describe('Range values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  test('getValues gives empty string for empty cells and real numbers and booleans', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C2').setValues([
      [1, true, 'x'],
      [null, false, ''],
    ]);
    const values = sheet.getRange('A1:D2').getValues();
    expect(values).toEqual([
      [1, true, 'x', ''],
      ['', false, '', ''],
    ]);
    expect(typeof values[0][0]).toBe('number');
    expect(typeof values[0][1]).toBe('boolean');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) — fact 45
  test('setValues reads strings as typed: numbers, booleans, formulas, apostrophe text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['42', '-3.5', '1,000', 'true', "'=cmd", '+1 555']]);
    sheet.getRange('A2').setValue('=A1*2');
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[42, -3.5, 1000, true, '=cmd', '+1 555']]);
    expect(sheet.getRange('A1:F1').getFormulas()).toEqual([['', '', '', '', '', '']]);
    expect(sheet.getRange('A2').getFormula()).toBe('=A1*2');
    expect(sheet.getRange('A2').getValue()).toBe(84);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) — fact 44
  test('setValues with wrong dimensions throws the exact messages', () => {
    const { sheet } = setup();
    expectException(
      () => sheet.getRange('A1:B2').setValues([[1, 2]]),
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expectException(
      () =>
        sheet.getRange('A1:B2').setValues([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  // Fact 119.
  test('a string over 50,000 characters is refused', () => {
    const { sheet } = setup();
    expectException(
      () => sheet.getRange('A1').setValue('x'.repeat(50001)),
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setFormula(String) — fact 50
  test('setFormula computes, getFormulas gives empty string for plain cells', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('=SUM(1,2)');
    sheet.getRange('C1').setValue(5);
    expect(sheet.getRange('B1').getValue()).toBe(3);
    expect(sheet.getRange('B1:C1').getFormulas()).toEqual([['=SUM(1,2)', '']]);
  });

  test('formulas recompute after the cells they read change, open ranges and bare TRUE work', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A)');
    sheet.getRange('C1').setFormula('=IF(B1>5,TRUE,FALSE)');
    expect(sheet.getRange('B1:C1').getValues()).toEqual([[6, true]]);
    sheet.getRange('A4').setValue(10);
    expect(sheet.getRange('B1:C1').getValues()).toEqual([[16, true]]);
    sheet.getRange('A1:A4').clearContent();
    expect(sheet.getRange('B1:C1').getValues()).toEqual([[0, false]]);
  });

  test('formulas read quoted sheet names', () => {
    const { ss } = setup();
    const other = ss.insertSheet('My Sheet');
    other.getRange('A1').setValue(7);
    const first = ss.getSheets()[0];
    first.getRange('A1').setFormula("='My Sheet'!A1*3");
    expect(first.getRange('A1').getValue()).toBe(21);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  test('getDisplayValues shows TRUE/FALSE, numbers, and M/d/yyyy dates', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[true, 3.5, new Date(Date.UTC(2024, 0, 5)), 1 / 3]]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['TRUE', '3.5', '1/5/2024', '0.3333333333']]);
  });

  test('Dates come back as Dates', () => {
    const { sheet } = setup();
    const d = new Date(Date.UTC(2024, 5, 1, 12));
    sheet.getRange('A1').setValue(d);
    const back = sheet.getRange('A1').getValue() as Date;
    expect(Object.prototype.toString.call(back)).toBe('[object Date]');
    expect(back.getTime()).toBe(d.getTime());
  });

  // Fact 47.
  test('isBlank is true only when every cell is empty', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setValue('x');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
    sheet.getRange('B2').clearContent();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
  });
});

describe('formulas of functions that may spill', () => {
  test('a one-cell XLOOKUP result stays in its cell; a spilling one fills the cells below', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['x', 'y', 'z']]);
    sheet.getRange('A2:C2').setValues([[1, 2, 3]]);
    sheet.getRange('E1').setFormula('=XLOOKUP("y",A1:C1,A2:C2,0)');
    sheet.getRange('F1').setFormula('=XLOOKUP("y",A1:C1,A1:C2,0)');
    expect(sheet.getRange('E1:F3').getValues()).toEqual([
      [2, 'y'],
      ['', 2],
      ['', ''],
    ]);
    expect(sheet.getLastRow()).toBe(2);
  });
});
