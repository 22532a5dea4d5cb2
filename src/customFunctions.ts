// The custom functions' logic, free of Apps Script: src/index.ts exposes them to Sheets with their JSDoc.
// Values may come from another JS realm, so arrays are recognised with Array.isArray, never instanceof.
import { defaultCatalogue } from './core/catalogue';
import { compileMatcher, type Matcher } from './core/matching';
import { readSegmentsTable } from './core/segmentsTable';
import { cellText, normaliseName } from './core/text';
import type { Segment } from './core/types';

const SEGMENTS_NOT_A_RANGE = 'segments must be a range such as Segments!A:E, with headers in its first row.';

/** Sheets passes undefined for an omitted argument; an empty cell reads as ''. */
function isOmitted(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The catalogue to use: the given `segments` range (nothing else is read), or the document's when omitted.
 * Errors are plain Errors with plain-word messages: Sheets shows the message on the cell.
 */
function segmentsFrom(segments: unknown, loadDocumentSegments: () => Segment[]): Segment[] {
  if (isOmitted(segments)) return loadDocumentSegments();
  if (!Array.isArray(segments) || !segments.every((row) => Array.isArray(row))) {
    throw new Error(SEGMENTS_NOT_A_RANGE);
  }
  try {
    return readSegmentsTable(segments as unknown[][]);
  } catch (error) {
    // A plain Error: the cell shows its message, nothing else. (The ES2020 target has no Error `cause`.)
    // eslint-disable-next-line preserve-caught-error
    throw new Error(error instanceof Error ? error.message : String(error));
  }
}

// Sheets calls a custom function once per formula, often with the same segments range: compiled matchers
// are kept by content, a few at a time.
const MATCHER_CACHE_SIZE = 8;
const matchers = new Map<string, Matcher>();

function matcherFor(segments: readonly Segment[]): Matcher {
  const key = JSON.stringify(segments.map((segment) => [segment.name, segment.keywords]));
  let matcher = matchers.get(key);
  if (matcher) {
    matchers.delete(key); // re-inserted below: the Map's order is the least recently used first
  } else {
    matcher = compileMatcher(segments);
    if (matchers.size >= MATCHER_CACHE_SIZE) matchers.delete(matchers.keys().next().value as string);
  }
  matchers.set(key, matcher);
  return matcher;
}

/**
 * An omitted first argument (=PARTNER_SEGMENT()) is a mistake, said on the cell; an empty cell ('') is not:
 * it gives a blank, as a blank description should.
 */
function requireArgument(value: unknown, call: string, what: string): void {
  if (value === undefined) {
    throw new Error(`${call} needs ${what}: give a cell or a range, e.g. =${call}(B2:B, Segments!A:E).`);
  }
}

/** A range's rows as arrays of cells (a row that is not an array is one cell). */
function rowsOf(range: unknown[]): unknown[][] {
  return range.map((row) => (Array.isArray(row) ? row : [row]));
}

/**
 * =PARTNER_SEGMENT(text, [segments]): the segments whose keywords appear in the text, joined with ", " in
 * catalogue order ('' for none). A single value gives one text; a range gives a column, one result per row,
 * each row's cells matched one by one and their matches combined.
 */
export function partnerSegment(
  text: unknown,
  segments?: unknown,
  loadDocumentSegments: () => Segment[] = () => defaultCatalogue().segments,
): string | string[][] {
  requireArgument(text, 'PARTNER_SEGMENT', 'the text to read');
  const matcher = matcherFor(segmentsFrom(segments, loadDocumentSegments));
  if (!Array.isArray(text)) return matcher.suggest([text]);
  if (text.length === 0) return '';
  return rowsOf(text).map((row) => [matcher.suggest(row)]);
}

/**
 * =PARTNER_SEGMENT_WHY(text, [segments]): why PARTNER_SEGMENT suggests what it does, the same matcher asked
 * for its hits: "Funder: grant, foundation · Advisor: advisory board" ('' for no match). A single value gives
 * one text; a range gives a column, one result per row, as PARTNER_SEGMENT does.
 */
export function partnerSegmentWhy(
  text: unknown,
  segments?: unknown,
  loadDocumentSegments: () => Segment[] = () => defaultCatalogue().segments,
): string | string[][] {
  requireArgument(text, 'PARTNER_SEGMENT_WHY', 'the text to read');
  const matcher = matcherFor(segmentsFrom(segments, loadDocumentSegments));
  if (!Array.isArray(text)) return matcher.explain([text]);
  if (text.length === 0) return '';
  return rowsOf(text).map((row) => [matcher.explain(row)]);
}

/**
 * What a cell names: one segment ("Funder"), or the list PARTNER_SEGMENT gives ("Funder, Grantee").
 * A whole cell naming a segment wins, so a segment whose name holds a comma is still found.
 */
function namedSegments(cell: unknown, bySegmentName: ReadonlyMap<string, Segment>): Segment[] | null {
  const text = cellText(cell);
  if (text.trim() === '') return [];
  const whole = bySegmentName.get(normaliseName(text));
  if (whole) return [whole];
  const parts = text.split(',').filter((part) => part.trim() !== '');
  const found = parts.map((part) => bySegmentName.get(normaliseName(part)));
  return found.every((segment) => segment !== undefined) ? (found as Segment[]) : null;
}

/** Segment names listed in an error, at most this many. */
const NAMES_LISTED = 20;

/**
 * One row's answer: a single segment's text alone; several as "Name: text" lines. A name that is no segment
 * gives '' in a range (the other rows still answer), and for a single cell a plain error on the cell naming it
 * and the segments there are.
 */
function howToManageText(
  cells: readonly unknown[],
  bySegmentName: ReadonlyMap<string, Segment>,
  catalogue: readonly Segment[],
  single: boolean,
): string {
  const named: Segment[] = [];
  for (const cell of cells) {
    const segments = namedSegments(cell, bySegmentName);
    if (segments === null) {
      if (single) throw new Error(unknownSegmentMessage(cellText(cell), bySegmentName, catalogue));
      return '';
    }
    for (const segment of segments) if (!named.includes(segment)) named.push(segment);
  }
  if (named.length === 1) return named[0].howToManage;
  return named.map((segment) => `${segment.name}: ${segment.howToManage}`).join('\n');
}

function unknownSegmentMessage(
  text: string,
  bySegmentName: ReadonlyMap<string, Segment>,
  catalogue: readonly Segment[],
): string {
  const unknown = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !bySegmentName.has(normaliseName(part)));
  const names = catalogue.map((segment) => segment.name);
  const listed =
    names.length === 0
      ? 'There are no segments.'
      : `The segments are: ${names.slice(0, NAMES_LISTED).join(', ')}${names.length > NAMES_LISTED ? ', …' : ''}.`;
  const what = unknown.length > 0 ? unknown.map((n) => `"${n}"`).join(', ') : `"${text.trim()}"`;
  return `${what} ${unknown.length > 1 ? 'are not segments' : 'is not a segment'}. ${listed}`;
}

/**
 * =SEGMENT_HOW_TO_MANAGE(segment, [segments]): the "How to manage" text of a segment named in any case; a
 * name that is not a segment is an error on the cell (in a range, a blank on its row). A cell listing several segments (as PARTNER_SEGMENT gives them)
 * gets one "Segment: how to manage" line each. A range gives a column, one result per row.
 */
export function segmentHowToManage(
  segmentName: unknown,
  segments?: unknown,
  loadDocumentSegments: () => Segment[] = () => defaultCatalogue().segments,
): string | string[][] {
  requireArgument(segmentName, 'SEGMENT_HOW_TO_MANAGE', 'a segment name');
  const catalogue = segmentsFrom(segments, loadDocumentSegments);
  const bySegmentName = new Map(catalogue.map((segment) => [normaliseName(segment.name), segment]));
  if (!Array.isArray(segmentName)) return howToManageText([segmentName], bySegmentName, catalogue, true);
  if (segmentName.length === 0) return '';
  return rowsOf(segmentName).map((row) => [howToManageText(row, bySegmentName, catalogue, false)]);
}
