// Snapshots (dev/snapshot.schema.json) and CSV loading.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { loadCsv, loadSnapshot, saveSnapshot, type Snapshot } from '../../dev/standin/snapshot';
import { setup } from './helpers';

const schema = JSON.parse(readFileSync('dev/snapshot.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('snapshots', () => {
  test('the example snapshot is valid and loads', () => {
    const example = JSON.parse(readFileSync('dev/snapshot.example.json', 'utf8')) as Snapshot;
    expect(validate(example)).toBe(true);
    const standIn = loadSnapshot(example);
    expect(standIn.sheetValues('Partners')[1][3]).toBe(1);
    expect(standIn.effectiveBackground('Partners', 'A2')).toBe('#fce8b2');
    expect(standIn.effectiveBackground('Partners', 'A3')).toBe('#ffffff');
    expect(saveSnapshot(standIn).sheets[0].effectiveBackgrounds).toEqual(
      example.sheets[0].effectiveBackgrounds,
    );
    expect(standIn.properties.document.get('settings')).toBe('{"sheet":"Partners"}');
  });

  test('a rule on a cell below the values is saved again after loading (a loaded sheet is sparse)', () => {
    const { standIn, app, sheet } = setup();
    sheet.getRange('A1').setValue('top');
    sheet.getRange('C40:C41').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange('A45').setValue('bottom');
    const saved = saveSnapshot(standIn);
    expect(saved.sheets[0].validations.map((v) => v.a1)).toEqual(['C40:C41']);
    const again = saveSnapshot(loadSnapshot(JSON.parse(JSON.stringify(saved)) as Snapshot));
    expect(again.sheets[0].validations).toEqual(saved.sheets[0].validations);
  });

  test('a saved snapshot validates against the schema and loads back as the same workbook', () => {
    const { standIn, app, ss, sheet } = setup();
    sheet.setName('Roster');
    sheet.getRange('A1:D3').setValues([
      ['Partner', 'Reviewed', 'Since', 'Count'],
      ['Acme', true, new Date(Date.UTC(2024, 0, 5)), '=COUNTIF(B2:B2,TRUE)'],
      ["'=cmd", false, '', '=B3'],
    ]);
    sheet.getRange('A1').setNote('Partner name').setBackground('#d9ead3');
    sheet.getRange('A2').setFontColor('#ff0000');
    sheet.getRange('B2:B3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet
      .getRange('C2:C3')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(['x', 'y'])
          .setAllowInvalid(false)
          .setHelpText('x or y')
          .build(),
      );
    sheet.getRange('E1:F1').merge();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$B2')
        .setBackground('#fce8b2')
        .setRanges([sheet.getRange('A2:D3')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('Acme')
        .setFontColor('#0000ff')
        .setRanges([sheet.getRange('A2:A3')])
        .build(),
    ]);
    sheet.getRange('B:B').addDeveloperMetadata('column', 'reviewed');
    sheet.getRange('2:2').addDeveloperMetadata('row', 'acme');
    ss.addDeveloperMetadata('version', '1');
    sheet.setFrozenRows(1);
    (standIn.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
      .getDocumentProperties()
      .setProperty('k', 'v');
    ss.insertSheet('Other').getRange('A1').setValue(3);

    const saved = saveSnapshot(standIn);
    expect(validate(saved)).toBe(true);
    expect(saved.sheets[0].values[1][2]).toEqual({ date: '2024-01-05T00:00:00.000Z' });
    expect(saved.sheets[0].effectiveBackgrounds![1]).toEqual(['#fce8b2', '#fce8b2', '#fce8b2', '#fce8b2']);
    expect(saved.sheets[0].metadata).toEqual([
      { key: 'column', value: 'reviewed', location: 'column B', visibility: 'DOCUMENT' },
      { key: 'row', value: 'acme', location: 'row 2', visibility: 'DOCUMENT' },
    ]);

    const loaded = loadSnapshot(JSON.parse(JSON.stringify(saved)));
    expect(saveSnapshot(loaded)).toEqual(saved);
    const roster = (loaded.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActive()
      .getSheetByName('Roster')!;
    expect(roster.getRange('A3').getValue()).toBe('=cmd');
    expect(roster.getRange('A3').getFormula()).toBe('');
    expect(roster.getRange('D2').getValue()).toBe(1);
    expect(String(roster.getRange('C2').getDataValidation()!.getCriteriaType())).toBe('VALUE_IN_LIST');
  });
});

describe('CSV', () => {
  test('loads one sheet named after the file; numbers and booleans typed, formulas stay text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const path = join(dir, 'Partner list.csv');
    writeFileSync(
      path,
      'Name,Amount,Active,Note\n"Acme, Inc.",1200,TRUE,=1+1\nBeta,-3.5,false,"line\nbreak"\n',
    );
    const standIn = loadCsv(path);
    expect(standIn.sheetNames()).toEqual(['Partner list']);
    expect(standIn.sheetValues('Partner list')).toEqual([
      ['Name', 'Amount', 'Active', 'Note'],
      ['Acme, Inc.', 1200, true, '=1+1'],
      ['Beta', -3.5, false, 'line\nbreak'],
    ]);
    expect(standIn.sheetFormulas('Partner list')[1][3]).toBe('');
  });
});
