import { partnerSegment } from './customFunctions';

declare const global: Record<string, unknown>;

/**
 * Suggests the partner segment(s) for free text.
 *
 * @param {string|Array<Array<string>>} text A cell or a column of cells describing partners.
 * @param {Array<Array<string>>} segments Optional: a table whose first row has Segment and Keywords headers.
 * @return The matching segments, joined with ", ".
 * @customfunction
 * @preserve
 */
global.PARTNER_SEGMENT = function (text: unknown, segments?: unknown) {
  return partnerSegment(text, segments);
};
