// Spreadsheet and Sheet structure. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
import { expectException, setup } from './helpers';

describe('Spreadsheet and Sheet', () => {
  // Facts 7, 9, 10, 14.
  test('insertSheet takes a 0-based position, getIndex is 1-based, and the new sheet is active', () => {
    const { ss } = setup();
    ss.insertSheet('s1');
    ss.insertSheet('s2');
    ss.insertSheet('s3', 1);
    const s4 = ss.insertSheet('s4', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['s4', 'Sheet1', 's3', 's1', 's2']);
    expect(ss.getSheets().map((s) => s.getIndex())).toEqual([1, 2, 3, 4, 5]);
    expect(ss.getActiveSheet().getName()).toBe('s4');
    expect(ss.getSheetById(s4.getSheetId())!.getName()).toBe('s4');
    expect([s4.getMaxRows(), s4.getMaxColumns()]).toEqual([1000, 26]);
  });

  // Facts 11, 12, 13.
  test('duplicate names, missing sheets and deleting the last sheet', () => {
    const { ss, sheet } = setup();
    expectException(
      () => ss.insertSheet('Sheet1'),
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('nope')).toBeNull();
    expectException(() => ss.deleteSheet(sheet), "You can't remove all the sheets in a document.");
    const other = ss.insertSheet('other');
    expectException(
      () => other.setName('Sheet1'),
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    ss.deleteSheet(other);
    expect(ss.getNumSheets()).toBe(1);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer) — fact 20
  test('inserting rows shifts content, notes, formats and formula references', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('A2').setNote('two').setBackground('#ff0000');
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    expect(sheet.getRange('A4').getNote()).toBe('two');
    expect(sheet.getRange('A4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A5)');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    expect(sheet.getLastRow()).toBe(5);
  });

  test('inserting and deleting columns shifts content and references', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.getRange('A2').setFormula('=C1*10');
    sheet.insertColumnBefore(2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1, '', 2, 3]]);
    expect(sheet.getRange('A2').getFormula()).toBe('=D1*10');
    expect(sheet.getLastColumn()).toBe(4);
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 3]]);
    expect(sheet.getRange('A2').getFormula()).toBe('=B1*10');
    expect(sheet.getRange('A2').getValue()).toBe(30);
    expect(sheet.getMaxColumns()).toBe(25);
  });

  test('deleting a row a formula points at gives #REF!', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=A2');
    sheet.deleteRow(2);
    expect(sheet.getRange('B1').getFormula()).toBe('=#REF!');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
  });

  // Fact 21.
  test('appendRow writes after the last row and reads = as a formula', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', '=B1+1']);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  // Fact 22.
  test('frozen rows and columns read back; freezing every row fails', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expectException(() => sheet.setFrozenRows(1000), "You can't freeze all visible rows on the sheet.");
  });

  // Fact 23.
  test('clear keeps notes and validation; clearContents only values; clearFormats only formats', () => {
    const { sheet, app } = setup();
    const r = sheet.getRange('A1');
    r.setValue('x')
      .setNote('n')
      .setBackground('red')
      .setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.clearContents();
    expect([r.getValue(), r.getBackground(), r.getNote()]).toEqual(['', '#ff0000', 'n']);
    r.setValue('y');
    sheet.clearFormats();
    expect([r.getValue(), r.getBackground()]).toEqual(['y', '#ffffff']);
    r.setBackground('blue');
    sheet.clear();
    expect([r.getValue(), r.getBackground(), r.getNote()]).toEqual(['', '#ffffff', 'n']);
    expect(r.getDataValidation()).not.toBeNull();
    sheet.clearNotes();
    expect(r.getNote()).toBe('');
  });

  // Facts 25, 49.
  test('Sheet.sort moves whole rows with formats and notes; Range.sort takes sheet columns', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['c', 3],
      ['a', 1],
      ['b', 2],
    ]);
    sheet.getRange('A1').setNote('was first').setBackground('#00ff00');
    sheet.sort(2);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(sheet.getRange('A3').getNote()).toBe('was first');
    expect(sheet.getRange('A3').getBackground()).toBe('#00ff00');
    sheet.getRange('A1:B3').sort({ column: 1, ascending: false });
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['c'], ['b'], ['a']]);
  });

  // Facts 28, 29.
  test('column widths and row heights read back; past the grid throws', () => {
    const { sheet } = setup();
    sheet.setColumnWidth(2, 150).setRowHeight(3, 40);
    expect([sheet.getColumnWidth(2), sheet.getColumnWidth(1), sheet.getRowHeight(3)]).toEqual([150, 100, 40]);
    expectException(() => sheet.getColumnWidth(27), 'Those columns are out of bounds.');
  });

  test('merges, notes and colour names', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B2']);
    sheet.getRange('A1:B2').breakApart();
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(false);
    sheet.getRange('C1').setBackground('LIGHTCORAL').setFontColor('#FF0000');
    expect([sheet.getRange('C1').getBackground(), sheet.getRange('C1').getFontColor()]).toEqual([
      '#f08080',
      '#ff0000',
    ]);
    sheet.getRange('C1').setBackground('foo');
    expect(sheet.getRange('C1').getBackground()).toBe('foo');
  });

  test('selection: setActiveRange and getActiveRange', () => {
    const { ss } = setup();
    const other = ss.insertSheet('Other');
    ss.setActiveRange(other.getRange('B2:C3'));
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B2:C3');
    expect(
      ss
        .getActiveRangeList()!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2:C3']);
  });

  // Fact 41.
  test('RangeList keeps order and applies setters to every range', () => {
    const { sheet } = setup();
    const list = sheet.getRangeList(['a2:c3', 'e1']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:C3', 'E1']);
    list.setValue('x');
    expect(sheet.getRange('C3').getValue()).toBe('x');
    expect(sheet.getRange('E1').getValue()).toBe('x');
  });

  test('unknown methods throw not emulated with class and method', () => {
    const { sheet } = setup();
    expect(() => (sheet.getRange('A1') as unknown as { foo(): void }).foo()).toThrow(
      'not emulated: Range.foo',
    );
    expect(() => (sheet as unknown as { bar(): void }).bar()).toThrow('not emulated: Sheet.bar');
  });
});

describe('the 10-million-cell limit of a spreadsheet', () => {
  // https://support.google.com/drive/answer/37603: every sheet's rows × columns count, empty cells too.
  const TOO_BIG =
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

  test('a new sheet, rows or columns past it are refused and nothing grows', () => {
    const { standIn, ss } = setup({ initialSheet: null });
    // 99,900 × 100 = 9,990,000 cells: room for 10,000 more, less than a new 1000 × 26 sheet.
    standIn.addSheet('Big', [['x']], { maxRows: 99900, maxColumns: 100 });
    const big = ss.getSheetByName('Big')!;
    expectException(() => ss.insertSheet('More'), TOO_BIG);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Big']);
    expectException(() => big.insertRowsAfter(10, 101), TOO_BIG);
    expectException(() => big.insertColumnsBefore(1, 1), TOO_BIG);
    expect([big.getMaxRows(), big.getMaxColumns()]).toEqual([99900, 100]);
    // Up to the limit is fine: 100 rows of 100 cells fill it exactly.
    big.insertRowsAfter(10, 100);
    expect(big.getMaxRows()).toBe(100000);
  });
});
