// Large sheets: formulas computed right after bulk writes, plain values never reach the engine.
// Speed itself is measured by `npm run bench`, not asserted here.
import { setup } from './helpers';

function roster(rows: number, withFormulas: boolean): unknown[][] {
  const data: unknown[][] = [];
  for (let r = 2; r <= rows + 1; r++) {
    const row: unknown[] = [`Partner ${r}`, `ID-${r}`, 'grant, volunteer'];
    for (let c = 0; c < 6; c++) row.push((r + c) % 5 === 0);
    row.push(withFormulas ? `=COUNTIF(D${r}:I${r},TRUE)` : 0);
    row.push('Funder', 'Level 1', 'Funder');
    row.push(withFormulas ? `=IF(J${r}>1,"Several segments",IF(J${r}=0,"No segment",""))` : '');
    row.push(false, '', 'In list', 'x', 'y', 'z');
    data.push(row);
  }
  return data;
}

describe('large sheets', () => {
  test('setValues of 5,000 rows × 20 columns with 2 formula columns, then getValues', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 5000);
    const data = roster(5000, true);
    sheet.getRange(2, 1, 5000, 20).setValues(data);
    const values = sheet.getRange(2, 1, 5000, 20).getValues();
    expect(values[0][9]).toBe(data[0].slice(3, 9).filter((x) => x === true).length);
    expect(values[4][13]).toBe(
      (values[4][9] as number) > 1 ? 'Several segments' : values[4][9] === 0 ? 'No segment' : '',
    );
    // A later single write and read is incremental.
    sheet.getRange('D2').setValue(!values[0][3]);
    expect(sheet.getRange('J2').getValue()).not.toBe(values[0][9]);
  }, 60000);

  test('values only: 5,000 × 20 plain values never touch the engine', () => {
    const { sheet, standIn } = setup();
    sheet.insertRowsAfter(1000, 5000);
    const data = roster(5000, false);
    sheet.getRange(2, 1, 5000, 20).setValues(data);
    const values = sheet.getRange(2, 1, 5000, 20).getValues();
    expect(values[123]).toEqual(data[123]);
    expect(standIn.engineStats().rebuilds).toBe(0);
  }, 60000);
});
