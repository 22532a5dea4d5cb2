// How cell input is read and how values are shown.
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
// https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
import { CELL_TOO_LONG, MAX_CELL_CHARACTERS, exception } from './errors';
import { isDate } from './realm';

/** What a cell can hold as a value (a formula's result or a literal). */
export type CellValue = string | number | boolean | Date;

/** Raw content of one cell as the user entered it. */
export interface CellContent {
  value?: CellValue;
  formula?: string;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads one input the way Sheets reads what a person types (fact 45). The rules, kept simple on purpose:
 * - `'text` → the text after the apostrophe, stored as text (Sheets' way to force text);
 * - `=…` (longer than `=`) → a formula;
 * - plain numbers (`42`, `-3.5`, `1e3`, `.5`) and comma-grouped numbers (`1,000`, `1,000.25`) → numbers;
 * - `TRUE` / `FALSE` in any case → booleans;
 * - `''`, null, undefined → an empty cell;
 * - everything else (dates, currency, percentages, `+1 555`) stays text (the stand-in does not guess dates).
 * Numbers, booleans and Dates are stored as given.
 */
export function parseInput(input: unknown): CellContent {
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const text = typeof input === 'string' ? input : String(input);
  if (text.length > MAX_CELL_CHARACTERS) throw exception(CELL_TOO_LONG);
  if (text.startsWith("'")) {
    const rest = text.slice(1);
    return rest === '' ? {} : { value: rest };
  }
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const trimmed = text.trim();
  if (PLAIN_NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (GROUPED_NUMBER.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return { value: text };
}

/**
 * What a person types into a cell, read as Sheets reads it in the stand-in's (US) locale: parseInput, and a
 * date typed as `yyyy-mm-dd` or `M/d/yyyy` becomes that date (midnight, UTC wall time) when the calendar has
 * it; anything else that looks like a date ("2026-02-30", "next week", "3 March") stays text. Only typing is
 * read this way: setValues keeps parseInput's rules, where the stand-in does not guess dates.
 * https://support.google.com/docs/answer/58515 (the locale sets how typed dates are read)
 */
export function parseTyped(input: string): CellContent {
  const content = parseInput(input);
  if (typeof content.value !== 'string' || input.startsWith("'")) return content;
  const text = content.value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : us
      ? [us[3], us[1], us[2]].map(Number)
      : [NaN, NaN, NaN];
  if (Number.isNaN(year)) return content;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? { value: date } : content;
}

/** Reads a formula string given to setFormula(s); a non-formula is read as typed input. */
export function parseFormulaInput(input: unknown): CellContent {
  if (typeof input === 'string' && input.startsWith('=') && input.length > 1) {
    if (input.length > MAX_CELL_CHARACTERS) throw exception(CELL_TOO_LONG);
    return { formula: input };
  }
  return parseInput(input);
}

/** Sheets day numbers count from 1899-12-30 (the serial HyperFormula also uses). */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** A Date as a Sheets serial number, read in UTC (the stand-in's documents use UTC wall time). */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EPOCH_MS) / DAY_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * What a person sees in a cell with the default ("Automatic") format, as getDisplayValues returns it:
 * booleans `TRUE`/`FALSE`; integers as is; other numbers rounded to 10 significant digits without trailing
 * zeros; Dates as `M/d/yyyy` (US locale) with ` H:mm:ss` when the time is not midnight (UTC wall time).
 */
export function displayValue(value: CellValue | ''): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(10)));
  }
  if (isDate(value)) {
    const d = value;
    const day = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
    const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
    return midnight ? day : `${day} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  return value;
}
