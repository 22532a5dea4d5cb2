// Reads a partner list CSV into a grid as a person would have it in Sheets: typed text (numbers become numbers)
// and ISO dates (YYYY-MM-DD) as real dates, like a "Since" column formatted as dates. A thin adapter: the
// stand-in has no CSV loader of its own yet.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface CsvSheet {
  name: string;
  grid: unknown[][];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function cellOf(text: string): unknown {
  const date = ISO_DATE.exec(text.trim());
  if (date) return new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  return text;
}

/** The sheet name a file would get when imported: "partners.csv" → "Partners". */
export function sheetNameFor(path: string): string {
  const stem = basename(path, extname(path)).replace(/[_-]+/g, ' ').trim() || 'Partners';
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

export function readCsv(path: string): CsvSheet {
  const rows = parse(readFileSync(path, 'utf8'), {
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  return { name: sheetNameFor(path), grid: rows.map((row) => row.map(cellOf)) };
}
