// TODAY() and NOW() in the document's time zone, a fixed date for tests, and dates a person types.
// https://support.google.com/docs/answer/3092984 (TODAY), https://support.google.com/docs/answer/3092981 (NOW)
// https://support.google.com/docs/answer/58515 (typed dates follow the locale)
import { createStandIn } from '../../dev/standin/index';
import { setup } from './helpers';

describe('TODAY and NOW', () => {
  test('a stand-in made with `today` answers that date in formulas, as a day number', () => {
    const { standIn, sheet } = setup({ today: '2026-03-15' });
    sheet
      .getRange('A1:D1')
      .setFormulas([['=TODAY()', '=NOW()', '=TODAY()=DATE(2026,3,15)', '=EDATE(TODAY(),3)']]);
    const [today, now, same, later] = sheet.getRange('A1:D1').getValues()[0];
    expect(same).toBe(true);
    expect(now).toBe(today);
    expect(later).toBe((today as number) + 92); // 15 June: March 31 + April 30 + May 31 days
    expect(standIn.value('Sheet1', 'A1')).toBe(46096);
  });

  test('setToday moves the date: cells that read it follow', () => {
    const { standIn, sheet } = setup({ today: '2026-03-15' });
    sheet.getRange('A1').setValue(new Date(Date.UTC(2026, 2, 1)));
    sheet.getRange('B1').setFormula('=IF(A1<TODAY()-10,"overdue","ok")');
    expect(sheet.getRange('B1').getValue()).toBe('overdue');
    standIn.setToday('2026-03-05');
    expect(sheet.getRange('B1').getValue()).toBe('ok');
  });

  test("without `today` it is the clock's date in the spreadsheet's time zone", () => {
    const zone = 'Pacific/Kiritimati'; // UTC+14: often a day ahead of UTC
    const { sheet } = setup({ timeZone: zone });
    sheet.getRange('A1').setFormula('=TEXT(TODAY(),"yyyy-mm-dd")');
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    expect(sheet.getRange('A1').getValue()).toBe(expected);
  });

  test('a `today` that is not a yyyy-mm-dd date is refused', () => {
    expect(() => createStandIn({ today: '2026-02-30' })).toThrow(/not a yyyy-mm-dd date/);
    expect(() => createStandIn({ today: 'tomorrow' })).toThrow(/not a yyyy-mm-dd date/);
  });
});

describe('dates a person types', () => {
  test('yyyy-mm-dd and M/d/yyyy become dates; other text stays text', () => {
    const { standIn } = setup();
    const cells = ['A1', 'A2', 'A3', 'A4', 'A5'];
    const typed = ['2026-03-01', '3/1/2026', '2026-02-30', 'next week', "'2026-03-01"];
    typed.forEach((t, i) => standIn.typeInto('Sheet1', cells[i], t));
    const values = cells.map((a1) => standIn.value('Sheet1', a1));
    expect(values[0]).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(values[1]).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(values.slice(2)).toEqual(['2026-02-30', 'next week', '2026-03-01']);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireDate()
  test('a strict date rule takes a typed date and rejects what is not one, with its help text', () => {
    const { standIn, app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireDate()
      .setAllowInvalid(false)
      .setHelpText('A date, please')
      .build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    standIn.typeInto('Sheet1', 'A1', '2026-03-01');
    expect(() => standIn.typeInto('Sheet1', 'A2', '2026-13-01')).toThrow('A date, please');
    expect(() => standIn.typeInto('Sheet1', 'A3', 'last Tuesday')).toThrow('A date, please');
    expect(standIn.value('Sheet1', 'A1')).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(standIn.value('Sheet1', 'A2')).toBe('');
  });
});

// https://support.google.com/docs/answer/3094239
describe('TO_DATE', () => {
  test('gives a number back as the same day number (a date in Sheets); text and blanks as they are', () => {
    const { sheet } = setup({ today: '2026-03-15' });
    sheet
      .getRange('A1:D1')
      .setFormulas([
        ['=TO_DATE(46096)', '=TO_DATE(EDATE(TODAY(),1))', '=TO_DATE("now")', '=TO_DATE(46096)+1'],
      ]);
    expect(sheet.getRange('A1:D1').getValues()[0]).toEqual([46096, 46127, 'now', 46097]);
  });
});
