// Loading Code.js into a vm context; realm boundary; custom functions typed into cells.
// https://developers.google.com/apps-script/guides/sheets/functions
import { customFunctionNames, topLevelFunctions } from '../../dev/standin/loader';
import { loadSource } from './helpers';

const CODE = `
/**
 * Doubles a number or each cell of a range.
 * @param {number|Array<Array<number>>} x
 * @customfunction
 */
function DOUBLE(x) {
  if (Array.isArray(x)) return x.map(function (row) { return [row[0] === '' ? '' : row[0] * 2]; });
  return x * 2;
}
/** @customfunction */
function KIND(x) { return Array.isArray(x) ? 'array ' + (x instanceof Array) + ' ' + x.length + 'x' + x[0].length : typeof x + ':' + x; }
/** @customfunction */
function FAIL(x) { throw new Error('Bad input: ' + x); }
/** @customfunction */
function WRITES() { SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); return 'wrote'; }
/** Not a custom function. */
function helper() { return 1; }
function shapes(values, when) {
  return [values instanceof Array, values[0] instanceof Array, when instanceof Date, when.getUTCFullYear()];
}
function readBack() {
  var v = SpreadsheetApp.getActiveSheet().getRange('A1:B1').getValues();
  return [v instanceof Array, v[0] instanceof Array, v[0][1] instanceof Date];
}
function throwsException() {
  try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; }
}
`;

describe('loader', () => {
  test('finds top-level functions and @customfunction JSDoc', () => {
    expect(topLevelFunctions(CODE)).toEqual([
      'DOUBLE',
      'KIND',
      'FAIL',
      'WRITES',
      'helper',
      'shapes',
      'readBack',
      'throwsException',
    ]);
    expect(customFunctionNames(CODE)).toEqual(['DOUBLE', 'KIND', 'FAIL', 'WRITES']);
  });

  test('run copies arguments into the add-on realm', () => {
    const { addon } = loadSource(CODE);
    expect(addon.run('shapes', [[1]], new Date(Date.UTC(2020, 1, 1)))).toEqual([true, true, true, 2020]);
  });

  test('values and errors handed to the add-on are made in its realm', () => {
    const { addon, standIn } = loadSource(CODE);
    standIn.internal(() =>
      standIn.spreadsheet
        .getSheets()[0]
        .getRange('A1:B1')
        .setValues([[1, new Date()]]),
    );
    expect(addon.run('readBack')).toEqual([true, true, true]);
    expect(addon.run('throwsException')).toEqual([
      true,
      'Exception',
      'The starting row of the range is too small.',
    ]);
  });

  test('missing required entry points are reported', () => {
    const { standIn } = loadSource(CODE);
    const { loadAddon } = jest.requireActual('../../dev/standin/loader');
    expect(() => loadAddon({ standIn, codePath: '/nonexistent/Code.js' })).toThrow();
  });
});

describe('custom functions in cells', () => {
  test('a custom function typed into a cell runs with a single value', () => {
    const { standIn } = loadSource(CODE);
    const sheet = standIn.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue(21);
    sheet.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(sheet.getRange('B1').getValue()).toBe(42);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('B1').getValue()).toBe(10);
  });

  test('a range argument arrives as a 2-D array from the add-on realm and the result spills down', () => {
    const { standIn } = loadSource(CODE);
    const sheet = standIn.spreadsheet.getSheets()[0];
    sheet.getRange('A2:A5').setValues([[1], [2], [''], [4]]);
    sheet.getRange('C1').setFormula('=KIND(A2:B5)');
    expect(sheet.getRange('C1').getValue()).toBe('array true 4x2');
    sheet.getRange('B2').setFormula('=DOUBLE(A2:A5)');
    expect(sheet.getRange('B2:B5').getValues()).toEqual([[2], [4], [''], [8]]);
    expect(sheet.getRange('B3').getFormula()).toBe('');
    expect(sheet.getLastRow()).toBe(5);
    sheet.getRange('A6').setValue(6);
    sheet.getRange('B2').setFormula('=DOUBLE(A2:A6)');
    expect(sheet.getRange('B2:B6').getValues()).toEqual([[2], [4], [''], [8], [12]]);
  });

  test('an empty single cell arrives as an empty string', () => {
    const { standIn } = loadSource(CODE);
    const sheet = standIn.spreadsheet.getSheets()[0];
    sheet.getRange('B1').setFormula('=KIND(A1)');
    expect(sheet.getRange('B1').getValue()).toBe('string:');
  });

  test('a thrown error shows #ERROR! and keeps its message', () => {
    const { standIn } = loadSource(CODE);
    const sheet = standIn.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue('x');
    sheet.getRange('B1').setFormula('=FAIL(A1)');
    expect(sheet.getRange('B1').getValue()).toBe('#ERROR!');
    expect(standIn.cellError('Sheet1', 'B1')).toBe('Bad input: x');
  });

  test('custom functions cannot write to the document', () => {
    const { standIn } = loadSource(CODE);
    const sheet = standIn.spreadsheet.getSheets()[0];
    sheet.getRange('B1').setFormula('=WRITES()');
    expect(sheet.getRange('B1').getValue()).toBe('#ERROR!');
    expect(standIn.cellError('Sheet1', 'B1')).toBe('You do not have permission to call setValue');
    expect(sheet.getRange('Z1').getValue()).toBe('');
  });
});
