// Developer metadata. https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
import { expectException, setup } from './helpers';

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

describe('Developer metadata', () => {
  // Fact 83.
  test('only whole rows and columns take range metadata', () => {
    const { sheet } = setup();
    expectException(() => sheet.getRange('A1').addDeveloperMetadata('k'), ARBITRARY);
    expectException(() => sheet.getRange('A1:A10').addDeveloperMetadata('k'), ARBITRARY);
    expect(sheet.getRange('C:C').addDeveloperMetadata('col', 'v').getA1Notation()).toBe('C:C');
    sheet.getRange('5:5').addDeveloperMetadata('row');
  });

  // Facts 84, 85, 87.
  test('getDeveloperMetadata returns only the exact location; defaults', () => {
    const { sheet, app } = setup();
    sheet.getRange('G:G').addDeveloperMetadata('colG', 'v1');
    sheet.addDeveloperMetadata('onSheet', app.DeveloperMetadataVisibility.PROJECT);
    expect(sheet.getRange('G3').getDeveloperMetadata()).toEqual([]);
    const [m] = sheet.getRange('G:G').getDeveloperMetadata();
    expect([m.getKey(), m.getValue(), String(m.getVisibility())]).toEqual(['colG', 'v1', 'DOCUMENT']);
    expect(Number.isInteger(m.getId())).toBe(true);
    const [s] = sheet.getDeveloperMetadata();
    expect([s.getKey(), s.getValue(), String(s.getVisibility())]).toEqual(['onSheet', null, 'PROJECT']);
    expect(String(s.getLocation().getLocationType())).toBe('SHEET');
  });

  // Fact 86.
  test('finders combine filters with AND and search their scope', () => {
    const { ss, sheet, app } = setup();
    const other = ss.insertSheet('Other');
    sheet.getRange('B:B').addDeveloperMetadata('role', 'name');
    sheet.getRange('C:C').addDeveloperMetadata('role', 'id');
    other.getRange('B:B').addDeveloperMetadata('role', 'name');
    ss.addDeveloperMetadata('version', '1');
    expect(ss.createDeveloperMetadataFinder().withKey('role').find()).toHaveLength(3);
    expect(ss.createDeveloperMetadataFinder().withKey('role').withValue('name').find()).toHaveLength(2);
    expect(sheet.createDeveloperMetadataFinder().withKey('role').find()).toHaveLength(2);
    const spreadsheetLevel = ss
      .createDeveloperMetadataFinder()
      .withLocationType(app.DeveloperMetadataLocationType.SPREADSHEET)
      .find();
    expect(spreadsheetLevel.map((m) => m.getKey())).toEqual(['version']);
    const id = spreadsheetLevel[0].getId();
    expect(ss.createDeveloperMetadataFinder().withId(id).find()[0].getValue()).toBe('1');
    expect(sheet.getRange('A1:D10').createDeveloperMetadataFinder().find()).toHaveLength(0);
    expect(
      sheet.getRange('A1:D10').createDeveloperMetadataFinder().onIntersectingLocations().find(),
    ).toHaveLength(2);
  });

  // Fact 89.
  test('metadata moves with its column on insert and dies with it on delete', () => {
    const { sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('c');
    sheet.getRange('5:5').addDeveloperMetadata('r');
    sheet.insertColumnsBefore(1, 2);
    sheet.insertRowsBefore(2, 1);
    const [c] = sheet.createDeveloperMetadataFinder().withKey('c').find();
    expect(c.getLocation().getColumn()!.getA1Notation()).toBe('E:E');
    const [r] = sheet.createDeveloperMetadataFinder().withKey('r').find();
    expect(r.getLocation().getRow()!.getA1Notation()).toBe('6:6');
    sheet.deleteColumn(5);
    expect(sheet.createDeveloperMetadataFinder().withKey('c').find()).toHaveLength(0);
  });

  test('row metadata moves with its row when the sheet is sorted', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['c'], ['a'], ['b']]);
    sheet.getRange('1:1').addDeveloperMetadata('was-c');
    sheet.sort(1);
    const [m] = sheet.createDeveloperMetadataFinder().withKey('was-c').find();
    expect(m.getLocation().getRow()!.getA1Notation()).toBe('3:3');
  });

  // Fact 88.
  test('setKey/setValue chain, moveToColumn/moveToRow, remove', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('k', 'v');
    const [m] = sheet.getRange('B:B').getDeveloperMetadata();
    m.setKey('k2').setValue('v2');
    m.moveToColumn(sheet.getRange('J1'));
    expect(m.getLocation().getColumn()!.getA1Notation()).toBe('J:J');
    m.moveToRow(sheet.getRange('A9:C9'));
    expect(m.getLocation().getRow()!.getA1Notation()).toBe('9:9');
    expect([m.getKey(), m.getValue()]).toEqual(['k2', 'v2']);
    m.remove();
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });

  test('deleting a sheet removes its metadata', () => {
    const { ss } = setup();
    const other = ss.insertSheet('Other');
    other.addDeveloperMetadata('x');
    other.getRange('A:A').addDeveloperMetadata('y');
    ss.deleteSheet(other);
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });
});
