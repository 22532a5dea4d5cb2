// Picks which of the user's sheets holds the partner list, so the common path needs no choosing.
import { mentionsPartners } from './headerWords';
import { detectLayout, isBlankRow, PartnerListError, rowAt } from './listLayout';
import { cellText } from './text';
import type { ListLayout } from './types';

export interface ListSheetChoice {
  name: string;
  layout: ListLayout;
}

/** Non-blank rows below the header row. */
export function countListRows(grid: readonly unknown[][], layout: ListLayout): number {
  let rows = 0;
  for (let r = layout.headerRow; r < grid.length; r++) if (!isBlankRow(rowAt(grid, r))) rows++;
  return rows;
}

/**
 * The sheet most likely to hold the partner list, or null when no sheet holds a readable list. Sheets the
 * add-on owns are skipped (by name, as the caller found them by metadata), and so are sheets whose layout
 * cannot be detected. Of the rest: first those whose name or header row mentions partners or organisations
 * ("Partners", "Partner name"), then the one with most data rows, then the leftmost.
 */
export function chooseListSheet(
  sheets: readonly { name: string; grid: unknown[][] }[],
  ownedNames: ReadonlySet<string>,
): ListSheetChoice | null {
  let chosen: { choice: ListSheetChoice; mentions: boolean; rows: number } | null = null;
  for (const sheet of sheets) {
    if (ownedNames.has(sheet.name)) continue;
    let layout: ListLayout;
    try {
      layout = detectLayout(sheet.grid);
    } catch (error) {
      if (error instanceof PartnerListError) continue;
      throw error;
    }
    const header = rowAt(sheet.grid, layout.headerRow - 1).map(cellText);
    const mentions = mentionsPartners(sheet.name) || header.some(mentionsPartners);
    const rows = countListRows(sheet.grid, layout);
    const better =
      !chosen || (mentions && !chosen.mentions) || (mentions === chosen.mentions && rows > chosen.rows);
    if (better) chosen = { choice: { name: sheet.name, layout }, mentions, rows };
  }
  return chosen ? chosen.choice : null;
}
