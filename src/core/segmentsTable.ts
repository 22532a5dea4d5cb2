// Reads the Segments tab's tables (or a `segments` range given to PARTNER_SEGMENT) from raw cell values.
import { GOALS_HINT, isHexColor, reviewMonthsOf } from './catalogue';
import { columnsByHeader } from './headerRow';
import { cellText, collapseSpaces, normaliseName } from './text';
import type { Goal, Level, Segment } from './types';

/** A segments or levels table that cannot be read; the message says what is wrong, in plain words. */
export class SegmentsTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SegmentsTableError';
  }
}

interface TableShape<F extends string> {
  /** "segments" or "levels", as the messages name the range. */
  what: string;
  /** Headers in the order the message lists them; the first is the row's name (a row without one is skipped). */
  headers: readonly string[];
  required: readonly string[];
  /** Accepted spellings of each header, normalised (lower case, single spaces), mapped to the field. */
  fields: Record<string, F>;
  /** What one row is called in messages. */
  rowWord: string;
  /** A table that may hold no rows (the Goals table starts with its hint only). */
  mayBeEmpty?: boolean;
  /** A name that is a hint, not a row: skipped while it stands as written. */
  hint?: string;
}

export type SegmentField = keyof Omit<Segment, 'id'>;

/** The Segments table's rhythm column (after Color): a whole number of months 1–36, blank for no rhythm. */
export const REVIEW_HEADER = 'Review every (months)';

const SEGMENTS_SHAPE: TableShape<SegmentField> = {
  what: 'segments',
  headers: ['Segment', 'Definition', 'How to manage', 'Keywords', 'Color', REVIEW_HEADER],
  required: ['Segment', 'Keywords'],
  fields: {
    segment: 'name',
    definition: 'definition',
    'how to manage': 'howToManage',
    keywords: 'keywords',
    color: 'color',
    colour: 'color',
    'review every (months)': 'reviewMonths',
    'review every': 'reviewMonths',
  },
  rowWord: 'segment',
};

const LEVELS_SHAPE: TableShape<keyof Level> = {
  what: 'levels',
  headers: ['Level', 'Meaning'],
  required: ['Level'],
  fields: { level: 'name', meaning: 'meaning' },
  rowWord: 'level',
};

const GOALS_SHAPE: TableShape<'name' | 'success'> = {
  what: 'goals',
  headers: ['Goal', 'What success looks like'],
  required: ['Goal'],
  fields: { goal: 'name', 'what success looks like': 'success' },
  rowWord: 'goal',
  mayBeEmpty: true,
  hint: GOALS_HINT,
};

function quoteList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * Checks the range's shape and headers; returns each field's column (0-based), first occurrence winning.
 * Throws a SegmentsTableError naming what is missing.
 */
function readHeaders<F extends string>(grid: unknown[][], shape: TableShape<F>): Map<F, number> {
  const headerList = shape.headers.join(', ');
  const expected = `Its first row should name the columns: ${headerList}.`;
  const filled = grid.some((row) => Array.isArray(row) && row.some((cell) => cellText(cell).trim() !== ''));
  if (grid.length === 0 || !filled) {
    throw new SegmentsTableError(`The ${shape.what} range is empty. ${expected}`);
  }
  if (grid.length === 1 && grid[0].length === 1) {
    throw new SegmentsTableError(
      `The ${shape.what} range is a single cell. Give the whole table (such as Segments!A:E); ${expected.charAt(0).toLowerCase()}${expected.slice(1)}`,
    );
  }
  // 0-based within the range (columnsByHeader counts from 1).
  const columns = new Map([...columnsByHeader(grid[0], shape.fields)].map(([f, c]) => [f, c - 1]));
  const missing = shape.required.filter((header) => !columns.has(shape.fields[header.toLowerCase()]));
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'header' : 'headers';
    throw new SegmentsTableError(`The ${shape.what} range has no ${quoteList(missing)} ${noun}. ${expected}`);
  }
  return columns;
}

/** Reads the table's rows as field → cleaned text; rows without a name are skipped; duplicate names throw. */
function readRows<F extends string>(grid: unknown[][], shape: TableShape<F>): Record<F, string>[] {
  const columns = readHeaders(grid, shape);
  const nameField = shape.fields[shape.headers[0].toLowerCase()];
  const rows: Record<F, string>[] = [];
  const firstRowOf = new Map<string, { name: string; row: number }>();
  for (let r = 1; r < grid.length; r++) {
    const cells = Array.isArray(grid[r]) ? grid[r] : [];
    const record = {} as Record<F, string>;
    for (const field of new Set(Object.values<F>(shape.fields))) {
      const column = columns.get(field);
      record[field] = column === undefined ? '' : cellText(cells[column]).trim();
    }
    record[nameField] = collapseSpaces(record[nameField]);
    const name = record[nameField];
    if (name === '' || (shape.hint !== undefined && name === shape.hint)) continue;
    const earlier = firstRowOf.get(normaliseName(name));
    if (earlier) {
      throw new SegmentsTableError(
        `The ${shape.what} range names the ${shape.rowWord} "${name}" twice (rows ${earlier.row} and ${r + 1} of the range). ` +
          `Each ${shape.rowWord} needs its own name.`,
      );
    }
    firstRowOf.set(normaliseName(name), { name, row: r + 1 });
    rows.push(record);
  }
  if (rows.length === 0 && !shape.mayBeEmpty) {
    throw new SegmentsTableError(
      `The ${shape.what} range has headers but no ${shape.what} below them: give each ${shape.rowWord} a row with its name in the "${shape.headers[0]}" column.`,
    );
  }
  return rows;
}

/** The segments table's header spellings → field: to find its columns on the tab (columnsByHeader). */
export const SEGMENT_FIELDS: Readonly<Record<string, SegmentField>> = SEGMENTS_SHAPE.fields;

/**
 * Splits a Keywords cell. Commas separate keywords, as the tab says; line breaks and semicolons are taken as
 * commas too, since people type those in a list and a keyword cannot usefully contain them.
 */
export function splitKeywords(cell: string): string[] {
  return cell
    .split(/[,;\r\n]+/)
    .map((keyword) => collapseSpaces(keyword))
    .filter((keyword) => keyword !== '');
}

/**
 * Reads a segments table: first row headers (Segment and Keywords required; Definition, How to manage, Color
 * and Review every (months) optional; any order, any case). A Color that is not '#rrggbb' is read as blank (the
 * palette's), and a rhythm that is not a whole number 1–36 as none, since a typo should not stop the roster.
 * Ids are '' here: the sheet layer fills them from metadata.
 */
export function readSegmentsTable(grid: unknown[][]): Segment[] {
  return readRows(grid, SEGMENTS_SHAPE).map((row) => {
    const segment: Segment = {
      id: '',
      name: row.name,
      definition: row.definition,
      howToManage: row.howToManage,
      keywords: splitKeywords(row.keywords),
      color: isHexColor(row.color) ? row.color.toLowerCase() : '',
    };
    const months = reviewMonthsOf(row.reviewMonths);
    if (months !== undefined) segment.reviewMonths = months;
    return segment;
  });
}

/** Reads a levels table: first row headers Level (required) and Meaning (optional). */
export function readLevelsTable(grid: unknown[][]): Level[] {
  return readRows(grid, LEVELS_SHAPE).map((row) => ({ name: row.name, meaning: row.meaning }));
}

/**
 * Reads a goals table: first row headers Goal (required) and What success looks like (optional). It may hold no
 * goal (a new one holds only its hint, skipped). Ids are '' here: the sheet layer fills them from metadata.
 */
export function readGoalsTable(grid: unknown[][]): Goal[] {
  return readRows(grid, GOALS_SHAPE).map((row) => ({
    id: '',
    name: row.name,
    success: row.success,
    rosterName: row.name,
  }));
}
