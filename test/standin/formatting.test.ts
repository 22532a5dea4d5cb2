// Data validation and conditional formatting.
import { expectException, loadSource, setup } from './helpers';

describe('data validation', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder — facts 68–72.
  test('builder defaults and getters', () => {
    const { app, sheet } = setup();
    const builder = app.newDataValidation();
    expect([
      String(builder),
      builder.getCriteriaType(),
      builder.getCriteriaValues(),
      builder.getHelpText(),
      builder.getAllowInvalid(),
    ]).toEqual(['DataValidationBuilder', null, [], null, true]);
    const rule = builder
      .requireValueInList([9, false, 'z'] as unknown as string[])
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['9', 'false', 'z'], true]);
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    sheet.getRange('A1:A2').setDataValidation(rule);
    expect(sheet.getRange('A2').getDataValidation()!.getHelpText()).toBe('Pick one');
    expect(sheet.getRange('A3').getDataValidation()).toBeNull();
    expect(app.newDataValidation().requireCheckbox('A', 'B').build().getCriteriaValues()).toEqual(['A', 'B']);
    sheet.getRange('A1:A2').clearDataValidations();
    expect(sheet.getRange('A1:A2').getDataValidations()).toEqual([[null], [null]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation: the whole interface.
  test("a rule read back: copy, getters in the add-on's realm, and set again on other cells", () => {
    const { addon } = loadSource(`function probe() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation()
        .requireValueInList(['x', 'y']).setHelpText('Pick').setAllowInvalid(false).build());
      var rule = sheet.getRange('A1').getDataValidation();
      sheet.getRange('B1:B2').setDataValidation(rule);
      sheet.getRange('C1').setDataValidation(rule.copy().setHelpText('Other').build());
      var values = rule.getCriteriaValues();
      return [values instanceof Array, values[0] instanceof Array, String(rule.getCriteriaType()),
        rule.getAllowInvalid(), rule.getHelpText(), String(rule),
        sheet.getRange('B2').getDataValidation().getCriteriaValues()[0].join(),
        sheet.getRange('C1').getDataValidation().getHelpText(), typeof rule.requireCheckbox];
    }`);
    expect(addon.run('probe')).toEqual([
      true,
      true,
      'VALUE_IN_LIST',
      false,
      'Pick',
      'DataValidation',
      'x,y',
      'Other',
      'undefined',
    ]);
  });

  // Fact 63.
  test('insertCheckboxes sets the rule and fills false', () => {
    const { sheet } = setup();
    sheet.getRange('B1:B2').insertCheckboxes();
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[false], [false]]);
    expect(String(sheet.getRange('B1').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
    sheet.getRange('B1').check();
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[true], [false]]);
    expect(sheet.getRange('B1:B2').isChecked()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation):
  // "Sets one data validation rule for all cells in the range"; the reference names no change to their values
  // (insertCheckboxes, by contrast, "sets the value of all cells in the range to false": fact 63).
  test('setDataValidation over cells that hold values leaves every value as it is; insertCheckboxes does not', () => {
    const { app, sheet } = setup();
    const held = [[true], [false], ['yes'], [''], [3]];
    sheet.getRange('A1:A5').setValues(held);
    sheet.getRange('B1:B5').setValues(held);
    sheet.getRange('C1:C2').setValues([['Funder'], ['Plumber']]);
    sheet.getRange('A1:A5').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet
      .getRange('C1:C2')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['Funder']).setAllowInvalid(false).build(),
      );
    expect(sheet.getRange('A1:A5').getValues()).toEqual(held);
    expect(sheet.getRange('C1:C2').getValues()).toEqual([['Funder'], ['Plumber']]);
    expect(String(sheet.getRange('A5').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
    sheet.getRange('B1:B5').insertCheckboxes();
    expect(sheet.getRange('B1:B5').getValues()).toEqual([[false], [false], [false], [false], [false]]);
  });

  test('scripts may write values that break a rule; a person typing is rejected with the help text', () => {
    const { app, sheet, standIn } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(['Funder', 'Grantee'])
          .setAllowInvalid(false)
          .setHelpText('Pick a segment.')
          .build(),
      );
    sheet.getRange('A1').setValue('Nonsense');
    expect(sheet.getRange('A1').getValue()).toBe('Nonsense');
    expectException(() => standIn.typeInto('Sheet1', 'A1', 'Other'), 'Pick a segment.');
    standIn.typeInto('Sheet1', 'A1', 'Grantee');
    expect(sheet.getRange('A1').getValue()).toBe('Grantee');
    sheet
      .getRange('B1')
      .setDataValidation(app.newDataValidation().requireCheckbox().setAllowInvalid(false).build());
    standIn.typeInto('Sheet1', 'B1', 'TRUE');
    expect(sheet.getRange('B1').getValue()).toBe(true);
    expectException(
      () => standIn.typeInto('Sheet1', 'B1', 'maybe'),
      'Invalid: Input must be a checkbox value.',
    );
  });
});

describe('conditional formatting', () => {
  // Fact 24.
  test('setConditionalFormatRules replaces all and keeps order; getters read back', () => {
    const { app, sheet } = setup();
    const r1 = app
      .newConditionalFormatRule()
      .whenTextEqualTo('x')
      .setBackground('#FF0000')
      .setRanges([sheet.getRange('A1:A5')])
      .build();
    const r2 = app
      .newConditionalFormatRule()
      .whenNumberGreaterThan(50)
      .setFontColor('blue')
      .setBold(true)
      .setRanges([sheet.getRange('B:B')])
      .build();
    sheet.setConditionalFormatRules([r1]);
    sheet.setConditionalFormatRules([r2, r1]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const c = rules[0].getBooleanCondition()!;
    expect([String(c.getCriteriaType()), c.getCriteriaValues(), c.getFontColor(), c.getBold()]).toEqual([
      'NUMBER_GREATER_THAN',
      [50],
      '#0000ff',
      true,
    ]);
    expect(rules[1].getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A5']);
    expect(rules[1].getBooleanCondition()!.getBackground()).toBe('#ff0000');
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  // Fact 82.
  test('custom formulas shift relative references from the range top-left; $ pins', () => {
    const { app, sheet, standIn } = setup();
    sheet.getRange('A1:C3').setValues([
      ['x', 1, 5],
      ['y', 2, 0],
      ['x', 3, 7],
    ]);
    sheet.getRange('A1').setBackground('#cccccc');
    const whole = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$A1="x"')
      .setBackground('#00ff00')
      .setRanges([sheet.getRange('A1:C3')])
      .build();
    const perCell = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=C1>4')
      .setFontColor('#ff0000')
      .setRanges([sheet.getRange('C1:C3')])
      .build();
    const empty = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#999999')
      .setRanges([sheet.getRange('D1:D3')])
      .build();
    sheet.setConditionalFormatRules([whole, perCell, empty]);
    sheet.getRange('D3').setValue('filled');
    expect(standIn.effectiveBackgrounds('Sheet1')).toEqual([
      ['#00ff00', '#00ff00', '#00ff00', '#999999'],
      ['#ffffff', '#ffffff', '#ffffff', '#999999'],
      ['#00ff00', '#00ff00', '#00ff00', '#ffffff'],
    ]);
    expect(standIn.effectiveFontColors('Sheet1').map((r) => r[2])).toEqual(['#ff0000', '#000000', '#ff0000']);
    // The first matching rule wins over later ones and over the cell's own fill.
    sheet.getRange('A2').setValue('x');
    expect(standIn.effectiveBackground('Sheet1', 'B2')).toBe('#00ff00');
    expect(sheet.getRange('A1').getBackground()).toBe('#cccccc');
  });

  test('rule ranges and formulas move when rows are inserted', () => {
    const { app, sheet, standIn } = setup();
    sheet.getRange('A2').setValue('x');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A2="x"')
        .setBackground('#00ff00')
        .setRanges([sheet.getRange('A2:B5')])
        .build(),
    ]);
    sheet.insertRowsBefore(1, 1);
    const [rule] = sheet.getConditionalFormatRules();
    expect(rule.getRanges()[0].getA1Notation()).toBe('A3:B6');
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$A3="x"']);
    expect(standIn.effectiveBackground('Sheet1', 'B3')).toBe('#00ff00');
  });

  test('effective backgrounds over 5,000 rows × 20 columns', () => {
    const { app, sheet, standIn } = setup();
    sheet.insertRowsAfter(1000, 4000);
    const data = Array.from({ length: 5000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c === 0 ? (r % 3 === 0 ? 'multi' : 'one') : r * c)),
    );
    sheet.getRange(1, 1, 5000, 20).setValues(data);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A1="multi"')
        .setBackground('#fce8b2')
        .setRanges([sheet.getRange('A1:T5000')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#eeeeee')
        .setRanges([sheet.getRange('A1:T5000')])
        .build(),
    ]);
    const backgrounds = standIn.effectiveBackgrounds('Sheet1');
    expect(backgrounds[3][7]).toBe('#fce8b2');
    expect(backgrounds[4][7]).toBe('#ffffff');
  }, 30000);
});

describe('wrapping', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setWraps(Object): one flag per cell,
  // each like setWrap; a grid of the wrong size is refused.
  test('setWraps sets each cell, getWraps reads them back, wrong size throws', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setWraps([[true, false]]);
    expect(sheet.getRange('A1:C1').getWraps()).toEqual([[true, false, true]]);
    expect(() => sheet.getRange('A1:B1').setWraps([[true]])).toThrow(/1.*2|2.*1/);
  });
});
