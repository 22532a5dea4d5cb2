// The Segments tab holds two tables side by side: segments from A1, levels from the column headed "Level".
import { cellText, normaliseName } from './text';

export interface SegmentsTabTables {
  segments: unknown[][];
  /** null when the tab has no Level header (people removed the table): the defaults apply. */
  levels: unknown[][] | null;
}

export function splitSegmentsTab(grid: readonly unknown[][]): SegmentsTabTables {
  const header = grid[0] ?? [];
  const levelCol = header.findIndex((h, c) => c >= 2 && normaliseName(cellText(h)) === 'level');
  let width = levelCol > 0 ? levelCol : header.length;
  while (width > 0 && cellText(header[width - 1]).trim() === '') width--;
  return {
    segments: grid.map((row) => row.slice(0, width)),
    levels: levelCol > 0 ? grid.map((row) => row.slice(levelCol, levelCol + 2)) : null,
  };
}
