// Protections in the stand-in (facts 90–95), and in snapshots.
// https://developers.google.com/apps-script/reference/spreadsheet/protection
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { loadSnapshot, saveSnapshot, type Snapshot } from '../../dev/standin/snapshot';
import { expectException, setup } from './helpers';

const validate = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync('dev/snapshot.schema.json', 'utf8')),
);

/** What a protection reads back through the API. */
function described(p: GoogleAppsScript.Spreadsheet.Protection) {
  return {
    type: String(p.getProtectionType()),
    range: p.getRange().getA1Notation(),
    description: p.getDescription(),
    warningOnly: p.isWarningOnly(),
    open: p.getUnprotectedRanges().map((r) => r.getA1Notation()),
    rangeName: p.getRangeName(),
  };
}

describe('Protection', () => {
  // Facts 90, 91. https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()
  test('protecting a sheet twice gives the one protection, spanning the whole grid', () => {
    const { app, sheet } = setup();
    const p = sheet.protect();
    expect(String(p.getProtectionType())).toBe('SHEET');
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    sheet.protect().setDescription('same one');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(p.getDescription()).toBe('same one');
    const range = p.getRange();
    expect([range.getNumRows(), range.getNumColumns()]).toEqual([sheet.getMaxRows(), sheet.getMaxColumns()]);
  });

  // Fact 91 (gas-fakes testsheetspermissions.js › "protected cells").
  test("a sheet protection's range has an empty A1 notation", () => {
    const { sheet } = setup();
    expect(sheet.protect().getRange().getA1Notation()).toBe('');
  });

  // Facts 90, 95. https://developers.google.com/apps-script/reference/spreadsheet/range#protect()
  test('a range protection: type RANGE, defaults, and setRange moves it', () => {
    const { app, sheet } = setup();
    const p = sheet.getRange('A1:B2').protect();
    expect(described(p)).toEqual({
      type: 'RANGE',
      range: 'A1:B2',
      description: '',
      warningOnly: false,
      open: [],
      rangeName: null,
    });
    p.setRange(sheet.getRange('C3:D4'));
    expect(p.getRange().getA1Notation()).toBe('C3:D4');
    sheet.getRange('E5').protect();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  // Fact 93. https://developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)
  test('warning only: false until set', () => {
    const { sheet } = setup();
    const p = sheet.protect();
    expect(p.isWarningOnly()).toBe(false);
    expect(p.setWarningOnly(true).isWarningOnly()).toBe(true);
  });

  // Fact 92. https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()
  test('no editors listed, though the owner can edit', () => {
    const { sheet } = setup();
    const p = sheet.protect();
    expect(p.getEditors()).toEqual([]);
    expect(p.canEdit()).toBe(true);
  });

  // Fact 94. https://developers.google.com/apps-script/reference/spreadsheet/protection#setUnprotectedRanges(Range)
  test('unprotected ranges: only on a sheet protection, only on its sheet; [] protects the whole sheet again', () => {
    const { ss, sheet } = setup();
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('B2:F2'), sheet.getRange('B6:F6')]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:F2', 'B6:F6']);
    const other = ss.insertSheet('Other');
    expect(() => p.setUnprotectedRanges([other.getRange('A1')])).toThrow();
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:F2', 'B6:F6']);
    p.setUnprotectedRanges([]);
    expect(p.getUnprotectedRanges()).toEqual([]);
    const onRange = sheet.getRange('A1:A3').protect();
    expect(() => onRange.setUnprotectedRanges([sheet.getRange('A1')])).toThrow();
    expect(onRange.getUnprotectedRanges()).toEqual([]);
  });

  // Fact 16. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getProtections(ProtectionType)
  test("the spreadsheet lists every sheet's protections of a type", () => {
    const { app, ss, sheet } = setup();
    sheet.protect();
    ss.insertSheet('Other').protect();
    ss.getSheetByName('Other')!.getRange('A1').protect();
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(2);
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/protection#remove()
  test('remove takes the protection away; the removed one can no longer be used', () => {
    const { app, sheet } = setup();
    const p = sheet.protect();
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expectException(() => p.setDescription('x'), 'This protection has been removed.');
  });

  test('what the stand-in does not emulate says so', () => {
    const { sheet } = setup();
    const p = sheet.protect();
    expect(() => p.setNamedRange({} as GoogleAppsScript.Spreadsheet.NamedRange)).toThrow(
      'not emulated: Protection.setNamedRange',
    );
    // In the reference (https://developers.google.com/apps-script/reference/spreadsheet/protection#getTargetAudiences()),
    // not yet in @types/google-apps-script.
    const audiences = p as unknown as {
      getTargetAudiences(): unknown;
      addTargetAudience(id: string): unknown;
    };
    expect(() => audiences.getTargetAudiences()).toThrow('not emulated: Protection.getTargetAudiences');
    expect(() => audiences.addTargetAudience('x')).toThrow('not emulated: Protection.addTargetAudience');
  });
});

describe('protections in snapshots', () => {
  test('sheet and range protections are saved, validate, and load back the same', () => {
    const { standIn, ss, sheet } = setup();
    sheet
      .protect()
      .setDescription('Made by Partner Segments')
      .setWarningOnly(true)
      .setUnprotectedRanges([sheet.getRange('B47:F47'), sheet.getRange('C2:C')]);
    sheet.getRange('A1:D1').protect().setDescription('Headers').setRangeName('headers');
    ss.insertSheet('Plain');
    const saved = saveSnapshot(standIn);
    expect(validate(saved)).toBe(true);
    expect(saved.sheets[0].protections).toEqual([
      {
        type: 'SHEET',
        description: 'Made by Partner Segments',
        warningOnly: true,
        unprotected: ['B47:F47', 'C2:C1000'],
      },
      {
        type: 'RANGE',
        range: 'A1:D1',
        description: 'Headers',
        warningOnly: false,
        unprotected: [],
        rangeName: 'headers',
      },
    ]);
    expect(saved.sheets[1].protections).toEqual([]);

    const loaded = loadSnapshot(JSON.parse(JSON.stringify(saved)) as Snapshot);
    expect(saveSnapshot(loaded)).toEqual(saved);
    const app = loaded.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const again = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    // The sheet protection's own range is the whole grid (its A1 is checked in the fact 91 test above).
    const [whole] = again.getProtections(app.ProtectionType.SHEET);
    expect({
      ...described(whole),
      range: [whole.getRange().getNumRows(), whole.getRange().getNumColumns()],
    }).toEqual({
      type: 'SHEET',
      range: [again.getMaxRows(), again.getMaxColumns()],
      description: 'Made by Partner Segments',
      warningOnly: true,
      open: ['B47:F47', 'C2:C1000'],
      rangeName: null,
    });
    expect(again.getProtections(app.ProtectionType.RANGE).map(described)).toEqual([
      {
        type: 'RANGE',
        range: 'A1:D1',
        description: 'Headers',
        warningOnly: false,
        open: [],
        rangeName: 'headers',
      },
    ]);
    // Loaded protections are live ones: they can be changed and removed.
    again.getProtections(app.ProtectionType.SHEET)[0].remove();
    expect(again.getProtections(app.ProtectionType.SHEET)).toEqual([]);
  });

  test('the example snapshot holds protections that load', () => {
    const example = JSON.parse(readFileSync('dev/snapshot.example.json', 'utf8')) as Snapshot;
    expect(validate(example)).toBe(true);
    const standIn = loadSnapshot(example);
    const app = standIn.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Partners')!;
    const [onSheet] = sheet.getProtections(app.ProtectionType.SHEET);
    expect(onSheet.isWarningOnly()).toBe(true);
    expect(onSheet.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(
      example.sheets[0].protections![0].unprotected,
    );
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getRange().getA1Notation())).toEqual([
      example.sheets[0].protections![1].range,
    ]);
  });

  test('the schema refuses a range protection without its range, or one with open ranges', () => {
    const { standIn, sheet } = setup();
    sheet.getRange('A1:B2').protect();
    sheet.protect().setUnprotectedRanges([sheet.getRange('C3')]);
    const saved = saveSnapshot(standIn);
    const broken = (index: number, change: (p: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(saved)) as Snapshot;
      change(copy.sheets[0].protections![index] as unknown as Record<string, unknown>);
      return validate(copy);
    };
    const range = saved.sheets[0].protections!.findIndex((p) => p.type === 'RANGE');
    const whole = saved.sheets[0].protections!.findIndex((p) => p.type === 'SHEET');
    expect(broken(range, () => undefined)).toBe(true);
    expect(broken(range, (p) => delete p.range)).toBe(false);
    expect(broken(range, (p) => (p.unprotected = ['A1']))).toBe(false);
    expect(broken(whole, (p) => (p.range = 'A1:B2'))).toBe(false);
    expect(broken(whole, (p) => (p.type = 'CELL'))).toBe(false);
  });
});
