// The Segments tab holds tables side by side, each found by its header texts in row 1 (src/core/headerRow.ts):
// segments from column A up to the next table, levels from the column headed "Level", goals from the column
// headed "Goal" (a tab made before goals has none until a build adds it).
import { findHeader, tableSpans, type HeaderSpan } from './headerRow';

export interface SegmentsTabTables {
  segments: unknown[][];
  /** null when the tab has no Level header (people removed the table): the defaults apply. */
  levels: unknown[][] | null;
  /** null when the tab has no Goal header (a tab made before goals, or people removed the table): no goals. */
  goals: unknown[][] | null;
  /** Where each table sits on the tab (1-based sheet columns), for writing into it by header. */
  spans: { segments: HeaderSpan; levels: HeaderSpan | null; goals: HeaderSpan | null };
}

export function splitSegmentsTab(grid: readonly unknown[][]): SegmentsTabTables {
  const header = grid[0] ?? [];
  // The Level and Goal headers from column C on: the segments table has at least its Segment and Keywords left.
  const spans = tableSpans(header, {
    segments: 1,
    levels: findHeader(header, 'level', 3),
    goals: findHeader(header, 'goal', 3),
  });
  const segments = spans.segments as HeaderSpan;
  const levels = spans.levels ?? null;
  const goals = spans.goals ?? null;
  // The segments table as the sheet shows it from A, so a person's column before it is read (and ignored) by
  // header, and the table's columns keep their sheet positions: segments.last is its last header.
  const width = Math.min(segments.last, header.length);
  return {
    segments: grid.map((row) => row.slice(0, width)),
    levels: levels ? grid.map((row) => row.slice(levels.first - 1, levels.first + 1)) : null,
    goals: goals ? grid.map((row) => row.slice(goals.first - 1, goals.first + 1)) : null,
    spans: { segments, levels, goals },
  };
}
