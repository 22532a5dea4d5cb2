// What a cell holds, judged from its value: used to tell names and descriptions from e-mails, links, phone
// numbers, dates and numbers when guessing a partner list's columns.
import { isDate } from './text';

export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'boolean' | 'email' | 'url' | 'phone';

const EMAIL = /^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const URL_WITH_SCHEME = /^(https?:\/\/|www\.)\S+$/i;
// A bare domain such as "acme.org" or "city.gov/parks": labels of letters, digits and hyphens, ending in a
// 2–6 letter top-level domain. "St.Mary" would pass, but one such cell does not make a column of links.
const BARE_DOMAIN = /^([a-z0-9-]+\.)+[a-z]{2,6}(\/\S*)?$/i;
const PHONE = /^\+?[\d\s().\-/]+((ext|x)\.?\s*\d+)?$/i;
// Dates typed as text: "2024-01-05", "5/1/2024", "05.01.24".
const DATE_TEXT = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})$/;
const NUMBER_TEXT = /^[-+]?[$€£¥]?\s?[\d.,\s]*\d[\d.,\s]*%?$/;

/** The kind of one raw cell value (as getValues returns it). */
export function cellKind(value: unknown): CellKind {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (isDate(value)) return 'date';
  const text = String(value).trim();
  if (text === '') return 'empty';
  if (EMAIL.test(text)) return 'email';
  if (URL_WITH_SCHEME.test(text) || BARE_DOMAIN.test(text)) return 'url';
  if (DATE_TEXT.test(text)) return 'date';
  const digits = text.replace(/\D/g, '').length;
  // Phone numbers: 7+ digits with phone punctuation ("(555) 123-4567", "+44 20 7946 0958"), no commas.
  if (digits >= 7 && PHONE.test(text) && /[\s().\-+]/.test(text)) return 'phone';
  if (NUMBER_TEXT.test(text)) return 'number';
  return 'text';
}

/**
 * The kind of a column, from its non-empty cells: 'text' when at least half of them are text, else the most
 * common kind; 'empty' when it has none. Half, not most: a column of notes with a few dates is still notes.
 */
export function columnKind(values: readonly unknown[]): CellKind {
  const counts = new Map<CellKind, number>();
  let filled = 0;
  for (const value of values) {
    const kind = cellKind(value);
    if (kind === 'empty') continue;
    filled++;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  if (filled === 0) return 'empty';
  if ((counts.get('text') ?? 0) * 2 >= filled) return 'text';
  let best: CellKind = 'text';
  let bestCount = 0;
  for (const [kind, count] of counts) {
    if (count > bestCount) {
      best = kind;
      bestCount = count;
    }
  }
  return best;
}
