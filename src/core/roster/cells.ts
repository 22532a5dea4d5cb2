// What the roster wants in a cell, compared with what is there, and written so Sheets keeps it as meant.

export type Desired =
  | { kind: 'text'; text: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: number | boolean };

export const text = (t: string): Desired => ({ kind: 'text', text: t });
export const formula = (f: string): Desired => ({ kind: 'formula', formula: f });
export const value = (v: number | boolean): Desired => ({ kind: 'value', value: v });

/** The same content as the cell holds now (value from getValues, formula from getFormulas). */
export function sameContent(want: Desired, current: unknown, currentFormula: string): boolean {
  switch (want.kind) {
    case 'formula':
      return currentFormula === want.formula;
    case 'text':
      return currentFormula === '' && (current === want.text || (want.text === '' && current == null));
    case 'value':
      return currentFormula === '' && current === want.value;
  }
}

// Sheets reads a written string as if typed: "=x" becomes a formula, "007" the number 7, "TRUE" a boolean,
// "Jan 5" a date. A leading apostrophe keeps the text exactly as it is and is not part of the value.
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
// A number in E notation ("1E5", "3e4", "2.5E-3", "$1E5") is a number too.
const REREAD =
  /^[=+\-@'\s]|^[\d.,$€£¥%()/:+\-\s]*\d[\d.,$€£¥%()/:+\-\s]*$|^[$€£¥(\s]*(\d[\d.,]*|\.\d+)e[+-]?\d+[%)\s]*$|^(true|false)$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

export function typedText(t: string): string {
  return t !== '' && REREAD.test(t) ? `'${t}` : t;
}

/** The value to hand to setValues for this cell. */
export function toWritten(want: Desired): string | number | boolean {
  switch (want.kind) {
    case 'formula':
      return want.formula;
    case 'text':
      return typedText(want.text);
    case 'value':
      return want.value;
  }
}
