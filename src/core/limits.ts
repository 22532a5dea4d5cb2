// Limits of Google Sheets the add-on must respect before it writes, so it refuses or shortens in plain words
// instead of failing half-way through a write.

/** The most characters one cell holds (APPS_SCRIPT_FACTS 119). */
export const MAX_CELL_CHARACTERS = 50000;

/** The most cells a spreadsheet may have, over all its sheets' grids. https://support.google.com/drive/answer/37603 */
export const MAX_WORKBOOK_CELLS = 10_000_000;

/** A whole number with thousands separated by commas, as the add-on's messages write it: 1,048,576. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * What to tell people when adding `adding` cells for `what` ("the roster") to a spreadsheet of `current` cells
 * (every sheet's rows × columns, empty ones too) would pass the limit; null when it fits.
 */
export function workbookLimitProblem(current: number, adding: number, what: string): string | null {
  if (current + adding <= MAX_WORKBOOK_CELLS) return null;
  return (
    `Google Sheets allows ${grouped(MAX_WORKBOOK_CELLS)} cells in a spreadsheet (every sheet's rows × columns, ` +
    `empty ones too). This one has ${grouped(current)}, and ${what} needs ${grouped(adding)} more. ` +
    'Delete unused rows, columns or sheets, then try again. Nothing was changed.'
  );
}

/**
 * The text cut to at most `max` characters, ending in "…" when cut. A cut never splits an emoji or another
 * character written as two UTF-16 units.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end);
  if (end > 0 && code >= 0xdc00 && code <= 0xdfff) end--; // the low half of a pair: keep the pair whole
  return `${text.slice(0, end)}…`;
}

/**
 * Items joined with ", " within `max` characters: as many as fit, then "and N more". Always at least the first
 * item (shortened when it alone is too long).
 */
export function joinWithin(items: readonly string[], max: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < items.length; i++) {
    const left = items.length - i - 1;
    const add = (i === 0 ? 0 : 2) + items[i].length;
    if (length + add + moreText(left).length > max) {
      if (i === 0) return shorten(items[0], max - moreText(left).length) + moreText(left);
      return parts.join(', ') + moreText(items.length - i);
    }
    parts.push(items[i]);
    length += add;
  }
  return parts.join(', ');
}

function moreText(more: number): string {
  return more > 0 ? ` and ${more} more` : '';
}

/** Text the add-on would write that no cell can hold; the message says which text, in plain words. */
export class CellTooLongError extends Error {
  constructor(what: string, written: string, fix: string) {
    // A leading apostrophe is how the add-on keeps text that Sheets would read as a formula or a number.
    const kept = written.startsWith("'");
    const text = kept ? written.slice(1) : written;
    const count = grouped(written.length);
    super(
      `${what} is too long for a cell: "${shorten(text, 40)}" takes ${count} characters` +
        (kept ? ' (with the apostrophe that keeps it as text)' : '') +
        `, and a Google Sheets cell holds at most ${grouped(MAX_CELL_CHARACTERS)}. ${fix}`,
    );
    this.name = 'CellTooLongError';
  }
}
