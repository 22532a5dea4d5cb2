// A1 notation and getRange. https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
import { expectException, setup } from './helpers';

describe('Range addressing', () => {
  // Fact 32.
  test('getA1Notation normalises case, $, sheet prefix and inverted corners', () => {
    const { sheet } = setup();
    expect(sheet.getRange('C5:B2').getA1Notation()).toBe('B2:C5');
    expect(sheet.getRange('c2:$d$4').getA1Notation()).toBe('C2:D4');
    expect(sheet.getRange('5:2').getA1Notation()).toBe('2:5');
    expect(sheet.getRange('D:B').getA1Notation()).toBe('B:D');
    expect(sheet.getRange('Sheet1!E10:F12').getA1Notation()).toBe('E10:F12');
  });

  // Fact 33.
  test('whole rows span every column and whole columns every row', () => {
    const { sheet } = setup();
    const rows = sheet.getRange('5:7');
    expect([rows.getRow(), rows.getNumRows(), rows.getNumColumns()]).toEqual([5, 3, 26]);
    const cols = sheet.getRange('D:F');
    expect([cols.getColumn(), cols.getNumColumns(), cols.getNumRows()]).toEqual([4, 3, 1000]);
  });

  // Fact 34.
  test('open range A2:C runs to the last row and keeps its open end', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A2:C');
    expect([r.getRow(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()]).toEqual([2, 999, 3, 'A2:C']);
    expect(r.isEndRowBounded()).toBe(false);
  });

  // Fact 35.
  test('R1C1 notation is accepted', () => {
    const { sheet } = setup();
    expect(sheet.getRange('R5C3').getA1Notation()).toBe('C5');
    expect(sheet.getRange('R10C5:R1C2').getA1Notation()).toBe('B1:E10');
    expect(sheet.getRange('r1c1:r2c2').getA1Notation()).toBe('A1:B2');
  });

  // Fact 36.
  test('Spreadsheet.getRange resolves a quoted sheet name', () => {
    const { ss } = setup();
    ss.insertSheet('My Sheet').getRange('A1').setValue('here');
    const r = ss.getRange("'My Sheet'!A1:A2");
    expect(r.getSheet().getName()).toBe('My Sheet');
    expect(r.getValues()).toEqual([['here'], ['']]);
  });

  // Fact 37.
  test('an unparseable A1 string throws Range not found', () => {
    const { sheet } = setup();
    expectException(() => sheet.getRange('A1:B2:C3'), 'Range not found');
  });

  // Fact 27.
  test('getRange(row, col, numRows, numCols) throws the exact errors', () => {
    const { sheet } = setup();
    expectException(() => sheet.getRange(0, 1), 'The starting row of the range is too small.');
    expectException(() => sheet.getRange(1, 0), 'The starting column of the range is too small.');
    expectException(() => sheet.getRange(1, 1, 0, 1), 'The number of rows in the range must be at least 1.');
    expectException(
      () => sheet.getRange(1, 1, 1, 0),
      'The number of columns in the range must be at least 1.',
    );
    expectException(
      () => sheet.getRange(1000, 1, 2, 1),
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  // Facts 38–40.
  test('offset, getCell and coordinate getters', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:D4');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:E5');
    expect(r.offset(0, 0, 1, 2).getA1Notation()).toBe('B2:C2');
    expect(r.getCell(2, 3).getA1Notation()).toBe('D3');
    expectException(() => r.getCell(4, 1), 'Cell reference out of range');
    expect([r.getLastRow(), r.getLastColumn(), r.getWidth(), r.getHeight()]).toEqual([4, 4, 3, 3]);
    expect(r.getGridId()).toBe(sheet.getSheetId());
    expect(String(r)).toBe('Range');
  });

  // Facts 17, 18.
  test('getDataRange and getLastRow on empty and filled sheets', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
    sheet.getRange('C4').setValue(1);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });
});
