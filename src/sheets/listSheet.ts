// Reads the user's partner list, never writing to it: the chosen sheet, or the one that looks most like it.
import { headersOf, refindLayout, type ConfirmedHeaders } from '../core/confirmedLayout';
import { chooseListSheet, detectLayout, PartnerListError, readPartners } from '../core/partnerList';
import type { ListLayout, ListReading } from '../core/types';
import { UserError } from './errors';
import { noteSheetCount } from './ownedSheets';
import { loadListSettings, type ListSettings } from './settings';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ListRead {
  sheet: Sheet;
  sheetName: string;
  sheetId: number;
  layout: ListLayout;
  /** true when the layout was detected, false when the user's saved choice was used. */
  detected: boolean;
  /** The confirmed columns' headers, to save with the layout (null when detected). */
  headers: ConfirmedHeaders | null;
  reading: ListReading;
  /** The list sheet's values, as read. */
  grid: unknown[][];
}

function gridOf(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/**
 * @param ownedIds ids of the add-on's own sheets, never taken for the list.
 * @param chosenName a sheet named by the caller (sidebar, simulate --sheet); else the saved choice; else detection.
 */
export function readList(
  ss: Spreadsheet,
  ownedIds: ReadonlySet<number>,
  chosenName?: string,
  chosenLayout?: ListLayout,
): ListRead {
  const saved = loadListSettings();
  let sheet: Sheet | null = null;
  let sheetId = -1; // known without asking when the sheet was found by its id
  let layout: ListLayout | null = null;
  if (chosenName) {
    sheet = ss.getSheetByName(chosenName);
    if (!sheet) throw new UserError(`There is no sheet named "${chosenName}" in this spreadsheet.`);
    layout = chosenLayout ?? null;
  } else if (saved) {
    sheet = ss.getSheetById(saved.sheetId);
    if (!sheet) {
      throw new UserError(
        `The partner list sheet "${saved.sheetName}" is gone. Choose the sheet that holds your partner list in the sidebar (step 1).`,
      );
    }
    sheetId = saved.sheetId;
  }
  if (sheet && sheetId < 0) sheetId = sheet.getSheetId();
  if (sheet && ownedIds.has(sheetId)) {
    throw new UserError(
      `"${sheet.getName()}" is a sheet Partner Segments made; choose the sheet that holds your partner list.`,
    );
  }
  if (sheet) {
    const grid = gridOf(sheet);
    const name = sheet.getName();
    if (!chosenName && saved?.layout) layout = savedLayout(grid, saved, name);
    if (!layout) layout = asUserError(name, () => detectLayout(grid));
    const detected = chosenName ? !chosenLayout : !saved?.layout;
    return finish(sheet, name, sheetId, layout, detected, grid);
  }
  const sheets = ss.getSheets();
  noteSheetCount(ss, sheets.length);
  const grids = sheets
    .map((s) => ({ sheet: s, id: s.getSheetId() }))
    .filter((s) => !ownedIds.has(s.id))
    .map((s) => ({ ...s, name: s.sheet.getName(), grid: gridOf(s.sheet) }));
  const choice = chooseListSheet(grids, new Set());
  if (!choice) {
    throw new UserError(
      'No partner list found: no sheet has a header row with a column of partner names below it. ' +
        'Put your list in a sheet (one partner per row, a header row with a Name column), or choose the sheet in the sidebar.',
    );
  }
  const found = grids.find((g) => g.name === choice.name) as (typeof grids)[number];
  return finish(found.sheet, found.name, found.id, choice.layout, true, found.grid);
}

/**
 * The saved confirmed layout as it stands today: found again by its headers (a column inserted, a title row
 * above the header, the ID column deleted), or refused in plain words when the name column's header is gone.
 */
export function savedLayout(
  grid: readonly unknown[][],
  saved: ListSettings,
  sheetName: string,
): ListLayout | null {
  if (!saved.layout) return null;
  if (!saved.headers) return saved.layout;
  const { layout, headers } = saved;
  return asUserError(sheetName, () => refindLayout(grid, layout, headers));
}

/** A list that cannot be read, said to the user with the sheet's name in front. */
function asUserError<T>(sheetName: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof PartnerListError) throw new UserError(`${sheetName}: ${e.message}`);
    throw e;
  }
}

function finish(
  sheet: Sheet,
  sheetName: string,
  sheetId: number,
  layout: ListLayout,
  detected: boolean,
  grid: unknown[][],
): ListRead {
  const reading = readPartners(grid, layout);
  if (reading.partners.length === 0) {
    throw new UserError(`${sheetName}: the list has a header but no partners below it.`);
  }
  const headers = detected ? null : headersOf(grid, layout);
  return { sheet, sheetName, sheetId, layout, detected, headers, reading, grid };
}
