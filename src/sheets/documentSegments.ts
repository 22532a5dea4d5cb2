// The catalogue PARTNER_SEGMENT uses when no segments range is given: the document's Segments tab (found by
// metadata, read-only as custom functions require), else the defaults.
// https://developers.google.com/apps-script/guides/sheets/functions#advanced
import { defaultCatalogue } from '../core/catalogue';
import { readSegmentsTable } from '../core/segmentsTable';
import { splitSegmentsTab } from '../core/segmentsTab';
import type { Segment } from '../core/types';
import { findOwnedSheets } from './metadata';

export function documentSegments(): Segment[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss ? findOwnedSheets(ss).get('segments') : undefined;
  if (!sheet) return defaultCatalogue().segments;
  return readSegmentsTable(splitSegmentsTab(sheet.getDataRange().getValues()).segments);
}
