// Service-call counting, hooks and fault injection (see dev/standin/calls.ts for what counts).
import { loadSource, setup } from './helpers';

describe('service-call counting', () => {
  test('counts calls on document objects, not coordinate getters, builders or internal calls', () => {
    const { standIn, app, sheet } = setup();
    const range = sheet.getRange('A1:B2'); // 1
    range.getRow();
    range.getA1Notation();
    range.getNumColumns();
    range.setValues([
      [1, 2],
      [3, 4],
    ]); // 2
    range.getValues(); // 3
    app.newDataValidation().requireCheckbox().build();
    sheet.sort(1); // 4 (its internal Range.sort is not counted)
    app.flush(); // 5
    expect(standIn.calls.count).toBe(5);
    expect(standIn.calls.byMethod).toEqual({
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Sheet.sort': 1,
      'SpreadsheetApp.flush': 1,
    });
    expect(standIn.calls.cellsWritten).toBe(4);
    standIn.calls.reset();
    expect([standIn.calls.count, standIn.calls.cellsWritten]).toEqual([0, 0]);
  });

  test('what the platform charges besides calls: cells read, rules written, formula bytes, rule getters, switches', () => {
    const { standIn, app, sheet } = setup();
    const range = sheet.getRange('A1:B2');
    range.setValues([
      ['=1+1', 'x'],
      ['=ÄB()', 2],
    ]); // 4 + 6 bytes of formulas (Ä is 2 bytes); writes pending
    sheet.getRange('C1').setFormula('=A1'); // 3 bytes
    range.getValues(); // a read after writes: 1 switch, 4 cells
    range.getFormulas(); // 4 cells, no switch
    const rule = app.newDataValidation().requireCheckbox().build();
    sheet.getRange('D1:D100').setDataValidation(rule); // one rule for the block
    sheet.getRange('E1:E2').setDataValidations([[rule], [rule]]); // one per cell
    const read = sheet.getRange('D1:D3').getDataValidations(); // a switch; 3 cells, 3 rules read
    read.forEach(([r]) => r!.getCriteriaType()); // 3 rule getters
    sheet.getRange('A1').getNote(); // 1 cell
    sheet.getSheetValues(1, 1, 2, 2); // 4 cells, as getRange(…).getValues() (fact 31)
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=A1')
        .setBackground('#ffffff')
        .setRanges([range])
        .build(),
    ]);
    const [cf] = sheet.getConditionalFormatRules(); // a switch
    cf.getBooleanCondition()!.getCriteriaValues(); // 2 rule getters
    sheet.getRange('F1').setValue(1);
    app.flush(); // commits pending writes: a switch
    app.flush(); // nothing pending
    const c = standIn.calls;
    expect([
      c.cellsRead,
      c.validationCellsRead,
      c.validationCellsWritten,
      c.formulaBytes,
      c.ruleGetters,
      c.switches,
    ]).toEqual([16, 3, 3, 13, 5, 4]);
    standIn.internal(() => sheet.getRange('D1').getDataValidation()!.getHelpText()); // the stand-in's own: not counted
    expect(c.ruleGetters).toBe(5);
    c.reset();
    expect([c.cellsRead, c.formulaBytes, c.ruleGetters, c.switches]).toEqual([0, 0, 0, 0]);
  });

  test('metadata getters are not counted, find is', () => {
    const { standIn, ss, sheet } = setup();
    sheet.getRange('A:A').addDeveloperMetadata('k', 'v');
    standIn.calls.reset();
    const finder = ss.createDeveloperMetadataFinder().withKey('k'); // 1 (createDeveloperMetadataFinder)
    const [m] = finder.find(); // 2
    m.getKey();
    m.getValue();
    m.getLocation().getColumn();
    m.setValue('w'); // 3
    expect(standIn.calls.count).toBe(3);
  });

  test('helpers used by tests are not counted', () => {
    const { standIn } = setup();
    standIn.addSheet('Data', [['a', 1]]);
    standIn.sheetValues('Data');
    expect(standIn.calls.count).toBe(0);
  });

  test('onServiceCall sees each counted call before and after it', () => {
    const { standIn, sheet } = setup();
    const seen: string[] = [];
    standIn.onServiceCall((i) => seen.push(`${i.phase} ${i.index} ${i.className}.${i.method}`));
    standIn.onServiceCall((i) => seen.push(`${i.phase} ${i.index} ${i.className}.${i.method}`), 'after');
    sheet.getRange('A1').setValue(1);
    expect(seen).toEqual([
      'before 1 Sheet.getRange',
      'after 1 Sheet.getRange',
      'before 2 Range.setValue',
      'after 2 Range.setValue',
    ]);
  });

  test('failOnCall before the effect leaves the document unchanged; after, the write landed', () => {
    const { standIn, sheet } = setup();
    const range = sheet.getRange('A1');
    standIn.failOnCall(1, 'before');
    expect(() => range.setValue('x')).toThrow(
      "We're sorry, a server error occurred. Please wait a bit and try again.",
    );
    expect(range.getValue()).toBe('');
    standIn.failOnCall(1, 'after');
    expect(() => range.setValue('y')).toThrow(/server error/);
    expect(range.getValue()).toBe('y');
  });

  test('a second execution can run from inside the first one (nested via hook)', () => {
    const { standIn, addon } = loadSource(`
      function build(tag) {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        for (var i = 1; i <= 6; i++) sheet.getRange(i, 1).setValue(tag + i);
        return tag;
      }
    `);
    let started = false;
    standIn.onServiceCall((info) => {
      if (info.index === 5 && !started) {
        started = true;
        addon.run('build', 'inner');
      }
    });
    addon.run('build', 'outer');
    // The inner execution ran at the outer's 5th call (after outer1 was written) and wrote all six rows;
    // the outer one then overwrote rows 2–6.
    expect(standIn.sheetValues('Sheet1').map((r) => r[0])).toEqual([
      'inner1',
      'outer2',
      'outer3',
      'outer4',
      'outer5',
      'outer6',
    ]);
    expect(started).toBe(true);
  });
});
