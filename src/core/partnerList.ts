// Reads the user's partner list into distinct partners, duplicates merged, and says what it found.
import { isBlankCell, isBlankRow, rowAt } from './listLayout';
import { cellText, normaliseName, trimSpaces } from './text';
import type { ListLayout, ListReading, Partner } from './types';

export { detectLayout, listColumns, PartnerListError, type ListColumn } from './listLayout';
export { chooseListSheet, type ListSheetChoice } from './listSheet';

// IDs that stand for "no ID yet": read as blank, so such rows fall back to their names rather than all
// merging into one partner "N/A".
const PLACEHOLDER_IDS = new Set(['n/a', 'na', 'n.a.', 'none', 'tbd', 'tba', 'unknown', 'pending', 'null']);
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDER_IDS].map((p) => p.length));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The ID of a row as text, trimmed; '' when blank or a placeholder ("-", "?", "N/A", "TBD"). */
function idText(value: unknown): string {
  const id = trimmedText(value);
  return LETTER_OR_DIGIT.test(id) &&
    !(id.length <= LONGEST_PLACEHOLDER && PLACEHOLDER_IDS.has(id.toLowerCase()))
    ? id
    : '';
}

/** The trimmed text of a cell ('' when blank): names and IDs are compared and shown without outer spaces. */
function trimmedText(value: unknown): string {
  return trimSpaces(cellText(value));
}

/**
 * Reads the list below the header row in one pass. Rows are one partner when they share an ID (the list's
 * ID column, when it has one) or, for rows without an ID, a name (trimmed, inner spaces collapsed, case
 * ignored). The partner keeps the first row's name and ID; its descriptions are every non-blank description
 * cell of every merged row, in order, as text. Rows with neither name nor ID are skipped and counted; empty
 * rows after the last partner are not counted (a sheet's spare rows are not "blank rows skipped").
 *
 * IDs are matched exactly as written (after trimming): IDs are codes, and "ab-1" and "AB-1" may differ.
 * Placeholders ("-", "?", "N/A", "TBD") count as blank IDs.
 * A partner with an ID but no name anywhere is shown by its ID.
 */
export function readPartners(grid: readonly unknown[][], layout: ListLayout): ListReading {
  const byKey = new Map<string, Partner>();
  const nameColumn = layout.nameColumn - 1;
  const idColumn = layout.idColumn === null ? -1 : layout.idColumn - 1;
  const descriptionColumns = layout.descriptionColumns.map((column) => column - 1);
  let duplicatesMerged = 0;
  let duplicatesMergedById = 0;
  let blankRowsSkipped = 0;
  let emptyRowsPending = 0; // counted only once a later row has content
  let rowsWithoutName = 0;

  for (let r = layout.headerRow; r < grid.length; r++) {
    const row = rowAt(grid, r);
    const name = trimmedText(row[nameColumn]);
    const id = idColumn >= 0 ? idText(row[idColumn]) : '';
    if (name === '' && id === '') {
      if (isBlankRow(row)) {
        emptyRowsPending++;
      } else {
        blankRowsSkipped += emptyRowsPending + 1;
        emptyRowsPending = 0;
        rowsWithoutName++;
      }
      continue;
    }
    blankRowsSkipped += emptyRowsPending;
    emptyRowsPending = 0;

    const key = id !== '' ? `id:${id}` : `name:${normaliseName(name)}`;
    let partner = byKey.get(key);
    if (partner) {
      duplicatesMerged++;
      if (id !== '') duplicatesMergedById++;
      if (partner.name === '') partner.name = name;
    } else {
      partner = { key, name, id, descriptions: [], sourceRows: [] };
      byKey.set(key, partner);
    }
    partner.sourceRows.push(r + 1);
    for (const column of descriptionColumns) {
      const value = row[column];
      if (!isBlankCell(value)) partner.descriptions.push(cellText(value));
    }
  }

  const partners = [...byKey.values()];
  for (const partner of partners) if (partner.name === '') partner.name = partner.id;
  return { partners, blankRowsSkipped, duplicatesMerged, duplicatesMergedById, rowsWithoutName };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What reading found, for the sidebar: "143 partners in Contacts; 2 duplicate names merged; 3 blank rows
 * skipped". Parts that are zero are left out; the sheet name is left out when not given.
 */
export function describeReading(reading: ListReading, sheetName?: string): string {
  const byId = reading.duplicatesMergedById ?? 0;
  const withoutName = reading.rowsWithoutName ?? 0;
  const where = sheetName ? ` in ${sheetName}` : '';
  const parts = [
    reading.partners.length === 0
      ? `No partners${where}`
      : `${count(reading.partners.length, 'partner', 'partners')}${where}`,
  ];
  const byName = reading.duplicatesMerged - byId;
  if (byName > 0) parts.push(`${count(byName, 'duplicate name', 'duplicate names')} merged`);
  if (byId > 0) parts.push(`${count(byId, 'duplicate ID', 'duplicate IDs')} merged`);
  const empty = reading.blankRowsSkipped - withoutName;
  if (empty > 0) parts.push(`${count(empty, 'blank row', 'blank rows')} skipped`);
  if (withoutName > 0) parts.push(`${count(withoutName, 'row', 'rows')} without a name skipped`);
  return parts.join('; ');
}
