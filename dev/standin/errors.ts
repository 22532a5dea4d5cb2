// Service errors. Apps Script throws `Error` objects named "Exception" (APPS_SCRIPT_FACTS fact 1); the
// service boundary (serviceProxy.ts) re-creates them in the add-on's realm so `instanceof Error` holds there.

/** An error the emulated service raises on purpose; its message is the exact Apps Script text. */
export class ServiceException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function exception(message: string): ServiceException {
  return new ServiceException(message);
}

/** Thrown for any method the stand-in does not emulate, so a test never relies on a silent default. */
export function notEmulated(className: string, method: string): Error {
  const error = new Error(`not emulated: ${className}.${method}`);
  error.name = 'NotEmulated';
  return error;
}

/** Apps Script's argument-type error (fact 2). */
export function signatureError(className: string, method: string, args: unknown[]): ServiceException {
  const types = args.map((a) =>
    a === null
      ? 'null'
      : typeof a === 'string'
        ? 'String'
        : typeof a === 'number'
          ? 'number'
          : typeof a === 'boolean'
            ? 'Boolean'
            : Array.isArray(a)
              ? 'Object[]'
              : '(class)',
  );
  return exception(
    `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.${className}.${method}.`,
  );
}

/**
 * A spreadsheet holds at most 10 million cells over all its sheets' grids
 * (https://support.google.com/drive/answer/37603). The text is what Sheets shows when an edit would pass it;
 * the Apps Script wording is not confirmed (not in APPS_SCRIPT_FACTS), so the add-on must not depend on it.
 */
export const MAX_WORKBOOK_CELLS = 10_000_000;
export const WORKBOOK_TOO_BIG =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

/** Fact 119: one cell holds at most 50,000 characters. */
export const MAX_CELL_CHARACTERS = 50000;
export const CELL_TOO_LONG =
  'Your input contains more than the maximum of 50000 characters in a single cell.';
