// Guesses where a partner list sits in its sheet: the header row, the name and ID columns, and the
// description columns the keyword rules read. Every guess can be changed in the sidebar.
import { cellKind, columnKind, type CellKind } from './cellKinds';
import { columnLabel } from './columns';
import { idHeaderRank, isListHeaderWord, isNonDescriptionHeader, nameHeaderRank } from './headerWords';
import { cellText, collapseSpaces } from './text';
import type { ListLayout } from './types';

/** A partner list that cannot be read; the message says why, in plain words, for the sidebar. */
export class PartnerListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartnerListError';
  }
}

/** How far down the header row may sit (below a title, notes or blank rows). */
export const HEADER_SEARCH_ROWS = 10;
/** Data rows sampled to judge what a column holds; enough to judge, few enough for 50,000-row lists. */
const SAMPLE_ROWS = 500;
/**
 * Longest text still read as a heading: sentence headings ("Type of relationship with the food bank (funder,
 * vendor etc.)", about 60 characters) are headings; a paragraph of notes is not.
 */
export const HEADING_MAX_LENGTH = 200;

export function rowAt(grid: readonly unknown[][], index: number): readonly unknown[] {
  const row = grid[index];
  return Array.isArray(row) ? row : [];
}

export function isBlankCell(value: unknown): boolean {
  return cellText(value).trim() === '';
}

export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(isBlankCell);
}

/** A cell that reads as a heading: text up to HEADING_MAX_LENGTH, not a number, date, e-mail, link or phone number. */
function isHeadingCell(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = collapseSpaces(value);
  return text !== '' && text.length <= HEADING_MAX_LENGTH && cellKind(text) === 'text';
}

/** Up to this length a heading's every word is evidence of a header; past it, only its first words. */
const SHORT_HEADING_LENGTH = 50;

/**
 * The part of a heading whose words tell a header: all of a short one; the first three words of a long one.
 * A sentence heading names its subject up front ("Type of relationship with…", "Notes about…"), while a
 * long note in a data row mentions "partner" or "program" in passing.
 */
function headerWordsPart(value: string): string {
  const text = collapseSpaces(value);
  return text.length <= SHORT_HEADING_LENGTH ? text : text.split(' ').slice(0, 3).join(' ');
}

interface RowShape {
  index: number;
  filled: number;
  headings: number;
  /** Headings that use a list's usual header words (Name, Partner, Type, E-mail, Notes…). */
  headerWords: number;
}

function rowShape(grid: readonly unknown[][], index: number): RowShape {
  const shape = { index, filled: 0, headings: 0, headerWords: 0 };
  for (const value of rowAt(grid, index)) {
    if (isBlankCell(value)) continue;
    shape.filled++;
    if (!isHeadingCell(value)) continue;
    shape.headings++;
    if (isListHeaderWord(headerWordsPart(value as string))) shape.headerWords++;
  }
  return shape;
}

/** Two or more cells, at least three in four of them headings. */
function looksLikeHeader(shape: RowShape): boolean {
  return shape.filled >= 2 && shape.headings >= 2 && shape.headings * 4 >= shape.filled * 3;
}

/** A one-column list's header: a single cell that names the partner ("Partner", "Organization", "Name"). */
function looksLikeSingleHeader(grid: readonly unknown[][], shape: RowShape): boolean {
  if (shape.filled !== 1 || shape.headings !== 1) return false;
  const cell = rowAt(grid, shape.index).find((value) => !isBlankCell(value));
  return nameHeaderRank(cellText(cell)) >= 3;
}

/**
 * A heading repeated further down its own column is data, not a header ("Vendor" in a Type column):
 * this tells a list without a header row from one with headers that use no usual header word.
 */
function repeatsBelow(grid: readonly unknown[][], index: number): boolean {
  const row = rowAt(grid, index);
  const end = Math.min(grid.length, index + 1 + SAMPLE_ROWS);
  for (let c = 0; c < row.length; c++) {
    const heading = collapseSpaces(cellText(row[c])).toLowerCase();
    if (heading === '') continue;
    for (let r = index + 1; r < end; r++) {
      if (collapseSpaces(cellText(rowAt(grid, r)[c])).toLowerCase() === heading) return true;
    }
  }
  return false;
}

function nextFilledRow(grid: readonly unknown[][], after: number): number {
  for (let r = after + 1; r < grid.length; r++) if (!isBlankRow(rowAt(grid, r))) return r;
  return -1;
}

/**
 * The header row (0-based). Among the first 10 rows, rows that look like a header (two or more cells,
 * mostly short text) and use a list's usual header words compete: the topmost wins unless a later one is
 * wider (more headings) with at least as many header words — so a title or notes row above the header
 * ("Partner list | Updated 2024") loses to it, while a data row, no wider than the header, does not win.
 * With no usual header word anywhere, the first such row, unless its cells are repeated in their columns
 * below (then it is data, and the list has no header row). A one-cell header ("Partner") counts only when
 * no row has two cells.
 */
function findHeaderRow(grid: readonly unknown[][]): number {
  const window = Math.min(grid.length, HEADER_SEARCH_ROWS);
  const shapes: RowShape[] = [];
  for (let r = 0; r < window; r++) shapes.push(rowShape(grid, r));
  const candidates = shapes.filter(looksLikeHeader);
  const withWords = candidates.filter((shape) => shape.headerWords > 0);
  if (withWords.length > 0) {
    return withWords.reduce((chosen, shape) =>
      shape.headings > chosen.headings && shape.headerWords >= chosen.headerWords ? shape : chosen,
    ).index;
  }
  // No usual header word: the first header-like row, unless it is data (a header is never below data).
  const first = candidates[0];
  if (first && !repeatsBelow(grid, first.index)) return first.index;
  const singles = shapes.filter((shape) => looksLikeSingleHeader(grid, shape));
  // "Partners" as a title above a one-column list headed "Name": take the single right above the data.
  const single = singles.find((shape) => {
    const next = nextFilledRow(grid, shape.index);
    return next >= 0 && !singles.some((other) => other.index === next);
  });
  if (single) return single.index;
  throw new PartnerListError(
    `No header row found: none of the first ${HEADER_SEARCH_ROWS} rows names the columns. ` +
      'Add a row of headings above the list, such as Partner, Type, Notes.',
  );
}

/** What a column of the list holds, judged from its header and a sample of its cells. */
export interface ListColumn {
  /** 1-based. */
  column: number;
  /** The header text, or "Column F" for a column without one. */
  label: string;
  header: string;
  kind: CellKind;
  /** Non-empty cells in the sample. */
  filled: number;
}

/** The list's columns: every column with a header or any content below the header row (1-based). */
export function listColumns(grid: readonly unknown[][], headerRow: number): ListColumn[] {
  const headerCells = rowAt(grid, headerRow - 1);
  let width = 0;
  for (let c = headerCells.length; c > width; c--) {
    if (!isBlankCell(headerCells[c - 1])) width = c;
  }
  for (let r = headerRow; r < grid.length; r++) {
    const row = rowAt(grid, r);
    for (let c = row.length; c > width; c--) {
      if (!isBlankCell(row[c - 1])) width = c;
    }
  }
  const samples: unknown[][] = Array.from({ length: width }, () => []);
  for (let r = headerRow, taken = 0; r < grid.length && taken < SAMPLE_ROWS; r++) {
    const row = rowAt(grid, r);
    if (isBlankRow(row)) continue;
    taken++;
    for (let c = 0; c < width; c++) samples[c].push(row[c]);
  }
  const columns: ListColumn[] = [];
  for (let c = 1; c <= width; c++) {
    const header = collapseSpaces(cellText(headerCells[c - 1]));
    const filled = samples[c - 1].filter((value) => !isBlankCell(value)).length;
    if (header === '' && filled === 0 && !columnHasContent(grid, headerRow, c)) continue;
    columns.push({
      column: c,
      label: columnLabel(headerCells, c),
      header,
      kind: columnKind(samples[c - 1]),
      filled,
    });
  }
  return columns;
}

function columnHasContent(grid: readonly unknown[][], headerRow: number, column: number): boolean {
  for (let r = headerRow; r < grid.length; r++) if (!isBlankCell(rowAt(grid, r)[column - 1])) return true;
  return false;
}

/** Kinds of content that identify or describe nothing: an ID or name column cannot be mostly these. */
const DETAIL_KINDS: ReadonlySet<CellKind> = new Set<CellKind>(['email', 'url', 'phone', 'date', 'boolean']);

function best<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let found: T | undefined;
  let top = 0;
  for (const item of items) {
    const s = score(item);
    if (s > top) {
      top = s;
      found = item;
    }
  }
  return found;
}

/**
 * The ID column: the header says it is the list's own identifier (see idHeaderRank: "ID", "Partner ID",
 * "Code", "#"; not "Tax ID" or "Grant number") and it holds values that are not e-mails, links, phone
 * numbers, dates or ticks. An ID column with no values at all is ignored: matching would fall back to
 * names on every row anyway.
 */
function findIdColumn(columns: readonly ListColumn[]): ListColumn | undefined {
  return best(columns, (col) =>
    col.filled > 0 && !DETAIL_KINDS.has(col.kind) && col.kind !== 'empty' ? idHeaderRank(col.header) : 0,
  );
}

/**
 * The name column: the header that most surely names the partner (see nameHeaderRank: "Partner name" over
 * "Organization" or "Name", over "Contact name"), filled and holding text; else the first column of text
 * that is not contact details or a person's name; else the first column of text.
 */
function findNameColumn(columns: readonly ListColumn[], idColumn: number | null): ListColumn | undefined {
  const others = columns.filter((col) => col.column !== idColumn);
  const byHeader = best(others, (col) =>
    col.filled > 0 && col.kind === 'text' ? nameHeaderRank(col.header) : 0,
  );
  return (
    byHeader ??
    others.find((col) => col.kind === 'text' && !isNonDescriptionHeader(col.header)) ??
    others.find((col) => col.kind === 'text')
  );
}

/**
 * Description columns: every column of text except the name and ID columns and those whose header says
 * contact details, dates, identifiers, addresses or people's names (isNonDescriptionHeader). Columns mostly
 * of e-mails, links, phone numbers, dates, numbers or ticks are left out whatever their header. A headed
 * column that is still empty counts (its notes will be read once filled); "Column F" without a header counts
 * when it holds text.
 */
function findDescriptionColumns(columns: readonly ListColumn[], name: number, id: number | null): number[] {
  return columns
    .filter((col) => col.column !== name && col.column !== id && !isNonDescriptionHeader(col.header))
    .filter((col) => col.kind === 'text' || (col.kind === 'empty' && col.header !== ''))
    .map((col) => col.column);
}

/** Guesses the layout of a partner list from its raw values (index 0 = sheet row 1). */
export function detectLayout(grid: readonly unknown[][]): ListLayout {
  if (grid.every((row) => isBlankRow(Array.isArray(row) ? row : []))) {
    throw new PartnerListError('This sheet is empty.');
  }
  const headerIndex = findHeaderRow(grid);
  if (nextFilledRow(grid, headerIndex) < 0) {
    throw new PartnerListError(
      `The list has a header (row ${headerIndex + 1}) but no partners: add them in the rows below it.`,
    );
  }
  const headerRow = headerIndex + 1;
  const columns = listColumns(grid, headerRow);
  const id = findIdColumn(columns)?.column ?? null;
  const name = findNameColumn(columns, id);
  if (!name) {
    throw new PartnerListError(
      `No name column found: no column below the header (row ${headerRow}) holds partner names as text. ` +
        'Choose the name column.',
    );
  }
  return {
    headerRow,
    nameColumn: name.column,
    idColumn: id,
    descriptionColumns: findDescriptionColumns(columns, name.column, id),
  };
}
