// Lays out the Discussion Summary tab: a title, live counts and tables (built-in formulas over the roster, so
// they move while the board ticks), the five questions with their evidence and a Board notes cell each, and
// the seed's note on segments. Pure: the sheet layer writes the grid and formats in a few calls.
import { columnLetter } from '../columns';
import { formulaString } from '../roster/a1';
import { ColumnKey, segmentKey, STATUS_EXCLUDED } from '../roster/columns';
import { typedText } from '../roster/cells';
import { cellText, normaliseName } from '../text';
import type { Catalogue } from '../types';
import {
  evidenceFor,
  managedLikeMostlyBlank,
  MAX_ENTRIES,
  MAX_LINE,
  MAX_SHOWN_NAME,
  QUESTIONS,
  type BoardRow,
  type Evidence,
} from './evidence';
import { TITLE_QUESTION, type ExerciseEvidence } from './exercise';
import { GOALS_HEADING, goalsSection, type GoalsRow } from './goals';
import type { SectionRow } from './learning';
import { OVERDUE_HEADER, overdueInSegment, upkeepCounts, type UpkeepRanges } from './upkeep';
import {
  ACTIONS_HEADER,
  BLANK_ACTION_ROWS,
  isActionsHeader,
  isOpen,
  OPEN_ACTIONS_HEADING,
  openActionLine,
  openActionsFormulas,
  type Action,
  type ActionTable,
} from './actions';

/** A value the summary writes: a kept Due date stays the Date it was read as. */
export type SummaryCell = string | number | boolean | Date;

export const BOARD_NOTES = 'Board notes';
export const NOTE_ON_SEGMENTS =
  'Note: not all the segments apply to every organization, and you may find that you need to add a segment ' +
  'to customize the tool for your group.';

/** The summary's second line: how the board uses the tab, for someone opening it without the add-on. */
export const HOW_TO_USE =
  'How to use it: read down the page; under each question, write what the board decides in its Board notes ' +
  'cell (kept when the summary is generated again).';

export interface SummaryInput {
  catalogue: Catalogue;
  rows: BoardRow[];
  /** The roster sheet's name and where its columns are (1-based), for the live formulas. */
  rosterName: string;
  rosterColumns: ReadonlyMap<ColumnKey, number>;
  segmentsSheetName: string;
  listSheetName: string;
  generatedAt: string;
  /** Board notes typed under each question last time (question index → text or formula). */
  boardNotes: ReadonlyMap<number, string>;
  /** Questions whose note people typed as a formula. */
  boardNoteFormulas?: ReadonlySet<number>;
  /** The board's actions under each question last time (./actions.ts's readActions), kept in order. */
  actions?: ReadonlyMap<number, readonly Action[]>;
  /** What the board's decisions teach the keywords (learning.ts's learningSection), after the questions. */
  learning?: readonly SectionRow[];
  /** The segmentation exercise's evidence (./exercise.ts), when the spreadsheet has the exercise tab. */
  exercise?: ExerciseEvidence | null;
  /** "Since <previous date>" (./history.ts's sinceLines): its heading and lines; absent, no such section. */
  since?: { heading: string; lines: readonly string[] } | null;
}

export interface SummaryPlan {
  values: SummaryCell[][];
  width: number;
  title: string;
  /** Where each question's Board notes go (row, 1-based) — column B, merged to the last column. */
  notesRows: number[];
  chart: { anchorRow: number; anchorColumn: number; dataRange: string } | null;
  /** Where the line chart of the history's counts goes (beside the "Since" section), null: no section. */
  historyChart: { anchorRow: number; anchorColumn: number } | null;
  /** Each question's Action | Owner | Due | Done table, in question order. */
  actionTables: ActionTable[];
  /** Some kept action has a Due: the tables' Due cells get a date format again (clearFormat drops it). */
  keptDueDates: boolean;
  /** The style of every cell of `values` (null: plain), so formats go in one call per property. */
  styles: (CellStyle | null)[][];
}

export type CellStyle = 'title' | 'heading' | 'tableHeader' | 'question' | 'notesLabel' | 'notes' | 'warning';

/**
 * Reads the Board notes of an earlier summary: under each question's text, the row labelled "Board notes"; a
 * label people edited ("Notes from the March board", "Our thoughts") still holds its note: then the row of the
 * question's block whose label mentions notes, else its last row with something in column B. A note people
 * typed as a formula is kept as that formula (`formulas` is getFormulas of the same range).
 */
export function readBoardNotes(
  values: readonly unknown[][],
  formulas: readonly string[][] = [],
): Map<number, string> {
  const notes = new Map<number, string>();
  // Each question's block: its rows up to the next question (or the end).
  // Each question's block: its rows up to the next blank row (evidence, then the notes row), or question.
  // The "Board notes" label is looked for up to the next question; an edited one only up to a blank row.
  const blocks: { question: number; rows: number[]; near: number[] }[] = [];
  let open = false;
  values.forEach((row, r) => {
    const a = cellText(row[0]).trim();
    const q = QUESTIONS.findIndex((text) => a === text || a.endsWith(text));
    const block = blocks[blocks.length - 1];
    if (q >= 0) {
      blocks.push({ question: q, rows: [], near: [] });
      open = true;
    } else if (block && isActionsHeader(row)) {
      // The board's actions (./actions.ts) follow the notes: never read as a note.
      open = false;
      block.rows.push(r);
    } else if (block) {
      block.rows.push(r);
      if (a === '' && cellText(row[1]).trim() === '' && !formulas[r]?.[1]) open = false;
      else if (open) block.near.push(r);
    }
  });
  const label = (r: number) => cellText(values[r][0]).trim().toLowerCase();
  const note = (r: number) => formulas[r]?.[1] || cellText(values[r][1]);
  for (const { question, rows, near } of blocks) {
    if (notes.has(question)) continue;
    const withNote = near.filter((r) => note(r).trim() !== '');
    const at =
      rows.find((r) => label(r) === BOARD_NOTES.toLowerCase()) ??
      withNote.find((r) => /\bnotes?\b/.test(label(r))) ??
      withNote[withNote.length - 1];
    if (at !== undefined && note(at).trim() !== '') notes.set(question, note(at));
  }
  return notes;
}

export function planSummary(input: SummaryInput): SummaryPlan {
  const { catalogue, rosterColumns } = input;
  const levels = catalogue.levels;
  // Partners at a level renamed or cleared on the Segments tab: counted apart, in a column of their own.
  const gone = hasLevelGone(input.rows, levels);
  const width = Math.max(6, levels.length + 3 + (gone ? 1 : 0));
  const grid: SummaryCell[][] = [];
  const notesRows: number[] = [];
  const add = (...cells: SummaryCell[]) => {
    grid.push([...cells, ...Array(width - cells.length).fill('')]);
    return grid.length;
  };
  const spans: [number, number, number, CellStyle][] = [];
  const a = (row: number, from = 1, to = from) => `${columnLetter(from)}${row}:${columnLetter(to)}${row}`;
  const styled = (style: CellStyle, row: number, from = 1, to = from) => {
    spans.push([row, from, to, style]);
  };

  const sheet = `'${input.rosterName.replace(/'/g, "''")}'!`;
  const col = (key: ColumnKey) => {
    const c = rosterColumns.get(key);
    if (!c) throw new Error(`The roster has no ${key} column: refresh the roster first.`);
    const l = columnLetter(c);
    return `${sheet}$${l}$2:$${l}`;
  };
  const notExcluded = `${col('status')},${formulaString(`<>${STATUS_EXCLUDED}`)}`;
  // A roster from before the upkeep columns: no upkeep counts until a refresh adds them.
  const upkeep: UpkeepRanges | null = (['owner', 'nextReview'] as const).every((k) => rosterColumns.has(k))
    ? { status: col('status'), count: col('count'), owner: col('owner'), nextReview: col('nextReview') }
    : null;

  const title = a(add('Partner segments: discussion summary'));
  add(HOW_TO_USE);
  add(
    typedText(
      `Lists generated ${input.generatedAt} from "${input.listSheetName}" and the roster "${input.rosterName}". ` +
        'Counts and tables are live: they follow the roster as people tick.',
    ),
  );
  // Live: whether the roster still matches what the evidence lists were made from (a board member sees it
  // change as people tick, without the add-on).
  const staleRow = add(
    unchangedSinceFormula(input.rows, catalogue, {
      partner: col('partner'),
      managedLike: col('managedLike'),
      reviewed: col('reviewed'),
      segment: (id) => col(segmentKey(id)),
      notExcluded,
      generatedAt: input.generatedAt,
    }),
  );
  const blankManaged = managedLikeMostlyBlank(input.rows);
  if (blankManaged) styled('warning', add(typedText(blankManaged)), 1, width);
  add();
  styled('heading', add('Live counts'));
  add('Partners', `=COUNTIFS(${col('partner')},"<>",${notExcluded})`);
  add('Segmented', `=COUNTIFS(${col('count')},">0",${notExcluded})`);
  add('In more than one segment', `=COUNTIFS(${col('count')},">1",${notExcluded})`);
  add('Without a segment', `=COUNTIFS(${col('partner')},"<>",${col('count')},0,${notExcluded})`);
  add('Reviewed', `=COUNTIFS(${col('reviewed')},TRUE,${notExcluded})`);
  if (upkeep) for (const [label, f] of upkeepCounts(upkeep)) add(label, f);
  add();

  // Open actions: live counts over every action table, then each action open at generation, by live references
  // to its row below (filled in once the tables have their rows).
  const kept = input.actions ?? new Map<number, readonly Action[]>();
  const openAtGeneration = QUESTIONS.flatMap((_, q) =>
    (kept.get(q) ?? []).map((action, i) => ({ q, i, action })).filter(({ action }) => isOpen(action)),
  );
  styled('heading', add(OPEN_ACTIONS_HEADING));
  const openCountRow = add('Open now', '');
  const overdueCountRow = add('Overdue now', '');
  const openLines: { row: number; q: number; i: number }[] = [];
  if (openAtGeneration.length === 0) {
    add('None were open when this summary was generated: the board adds them under each question below.');
  } else {
    styled('tableHeader', add(...ACTIONS_HEADER.slice(0, 3), 'Now'), 1, 4);
    for (const { q, i } of openAtGeneration) openLines.push({ row: add(), q, i });
    add(
      typedText(
        `Those open when generated (${input.generatedAt}); the counts above include any added since.`,
      ),
    );
  }
  add();

  let historyChart: SummaryPlan['historyChart'] = null;
  if (input.since) {
    const heading = add(typedText(input.since.heading));
    styled('heading', heading);
    for (const line of input.since.lines) add(typedText(line));
    historyChart = { anchorRow: heading + 1, anchorColumn: 4 };
    // Room for the chart beside the lines.
    while (grid.length < heading + 18) add();
    add();
  }

  styled('heading', add('Partners per segment'));
  const perSegmentHeader = upkeep ? add('Segment', 'Partners', OVERDUE_HEADER) : add('Segment', 'Partners');
  styled('tableHeader', perSegmentHeader, 1, upkeep ? 3 : 2);
  catalogue.segments.forEach((s) =>
    add(
      typedText(s.name),
      `=COUNTIFS(${col(segmentKey(s.id))},TRUE,${notExcluded})`,
      ...(upkeep ? [overdueInSegment(upkeep, col(segmentKey(s.id)))] : []),
    ),
  );
  const chart =
    catalogue.segments.length > 0
      ? {
          anchorRow: perSegmentHeader,
          anchorColumn: 4,
          dataRange: `A${perSegmentHeader}:B${perSegmentHeader + catalogue.segments.length}`,
        }
      : null;
  // Room for the chart beside the table.
  while (grid.length < perSegmentHeader + 18) add();

  styled('heading', add('Segment by level'));
  const levelHeader = add(
    'Segment',
    ...levels.map((l) => typedText(l.name)),
    'No level',
    ...(gone ? [LEVEL_GONE] : []),
  );
  styled('tableHeader', levelHeader, 1, levels.length + 2 + (gone ? 1 : 0));
  catalogue.segments.forEach((s) => {
    const ticked = `${col(segmentKey(s.id))},TRUE`;
    const row = grid.length + 1;
    add(
      typedText(s.name),
      ...levels.map(
        (l) => `=COUNTIFS(${ticked},${col('level')},${formulaString(exactly(l.name))},${notExcluded})`,
      ),
      `=COUNTIFS(${ticked},${col('level')},"",${notExcluded})`,
      // The segment's partners less those at a listed level or none: live, whatever the old names were.
      ...(gone ? [`=COUNTIFS(${ticked},${notExcluded})-SUM(${a(row, 2, levels.length + 2)})`] : []),
    );
  });
  add();

  // Goals: per goal, its strategic partners, live by level, then named (src/core/summary/goals.ts).
  // A roster made before goals has no Strategic for column until its next refresh.
  const goalRows: GoalsRow[] = rosterColumns.has('strategicFor')
    ? goalsSection(catalogue, input.rows, {
        strategicFor: col('strategicFor'),
        level: col('level'),
        notExcluded,
        exactly,
        segmentsSheetName: input.segmentsSheetName,
        maxEntries: MAX_ENTRIES,
        maxLine: MAX_LINE,
        maxShownName: MAX_SHOWN_NAME,
      })
    : [
        { kind: 'heading', cells: [GOALS_HEADING] },
        {
          kind: 'plain',
          cells: ['Refresh the roster to add its Strategic for column, then generate again.'],
        },
      ];
  for (const row of goalRows) {
    const at = add(...row.cells);
    if (row.kind !== 'plain') styled(row.kind, at, 1, row.kind === 'heading' ? 1 : row.cells.length);
  }
  add();

  styled('heading', add('Discussion'));
  add(
    typedText(
      input.rows.length === 0
        ? `No partners to discuss yet: the roster has none, or every one is Excluded (as of ${input.generatedAt}). ` +
            'Refresh the roster or change a Status, then generate again; the questions and Board notes are ready.'
        : `Evidence from the roster as the board left it (ticks and dropdowns; Excluded partners left out), as of ${input.generatedAt}.`,
    ),
  );
  if (input.rows.length > 0) add(`=A${staleRow}`);
  const evidence = evidenceFor(input.rows, catalogue);
  const actionTables: ActionTable[] = [];
  const extra: (Evidence | undefined)[] = [input.exercise?.split];
  QUESTIONS.forEach((q, i) => {
    add();
    styled('question', add(q), 1, width);
    const { lines, more } = evidence[i];
    const also = extra[i];
    if (lines.length === 0 && !also?.lines.length) add('Nothing to show yet.');
    for (const line of lines) add(typedText(`• ${line}`));
    if (more > 0) add(`and ${more} more: filter the roster's Check column`);
    for (const line of also?.lines ?? []) add(typedText(`• ${line}`));
    if (also && also.more > 0) add(`and ${also.more} more: see the Agreement column of the exercise tab`);
    const note = input.boardNotes.get(i) ?? '';
    // A note kept from a formula people typed is written back as that formula; any other text stays text.
    notesRows.push(add(BOARD_NOTES, input.boardNoteFormulas?.has(i) ? note : typedText(note)));
    const header = add(...ACTIONS_HEADER);
    styled('tableHeader', header, 1, ACTIONS_HEADER.length);
    const actions = kept.get(i) ?? [];
    for (const action of actions) add(...actionCells(action));
    for (let b = 0; b < BLANK_ACTION_ROWS; b++) add('', '', '', false);
    actionTables.push({ header, first: header + 1, count: actions.length + BLANK_ACTION_ROWS });
  });
  const counts = openActionsFormulas(actionTables);
  grid[openCountRow - 1][1] = counts.open;
  grid[overdueCountRow - 1][1] = counts.overdue;
  for (const { row, q, i } of openLines) {
    openActionLine(actionTables[q].first + i, q + 1).forEach((f, c) => (grid[row - 1][c] = f));
  }
  if (input.exercise) {
    // The seed's title question, from the exercise's Not a partner picks.
    add();
    styled('question', add(TITLE_QUESTION), 1, width);
    const { lines, more } = input.exercise.notAPartner;
    if (lines.length === 0) add('Nobody has picked Not a partner in the segmentation exercise yet.');
    for (const line of lines) add(typedText(`• ${line}`));
    if (more > 0) add(`and ${more} more: see the exercise tab`);
  }
  if (input.learning) {
    add();
    for (const row of input.learning) {
      const at = add(...row.cells);
      if (row.style) styled(row.style, at, 1, row.styled ?? 1);
    }
  }
  add();
  add(
    typedText(`${NOTE_ON_SEGMENTS} Add, rename or remove segments on the "${input.segmentsSheetName}" tab.`),
  );

  const styles: (CellStyle | null)[][] = grid.map(() => Array<CellStyle | null>(width).fill(null));
  const mark = (row: number, from: number, to: number, style: CellStyle) => {
    for (let c = from; c <= to; c++) styles[row - 1][c - 1] = style;
  };
  mark(1, 1, 1, 'title');
  for (const [row, from, to, style] of spans) mark(row, from, to, style);
  for (const row of notesRows) {
    mark(row, 1, 1, 'notesLabel');
    mark(row, 2, width, 'notes');
  }

  const keptDueDates = [...kept.values()].some((list) => list.some((a) => cellText(a.due).trim() !== ''));
  return { values: grid, width, title, notesRows, chart, historyChart, actionTables, keptDueDates, styles };
}

/** A kept action's cells: formulas people typed as those formulas, text as text, a Due date as the date. */
function actionCells(a: Action): SummaryCell[] {
  const cell = (v: unknown, formula: string | null): SummaryCell => {
    if (formula) return formula;
    if (typeof v === 'string') return typedText(v);
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    return v instanceof Object ? (v as Date) : cellText(v);
  };
  return [cell(a.action, a.formulas[0]), cell(a.owner, a.formulas[1]), cell(a.due, a.formulas[2]), a.done];
}

/** The "Segment by level" column of partners at a level the Segments tab no longer lists. */
export const LEVEL_GONE = 'Unlisted level';

/** Some partner (Excluded ones are not in `rows`) is at a level the Segments tab no longer lists. */
function hasLevelGone(rows: SummaryInput['rows'], levels: Catalogue['levels']): boolean {
  const listed = new Set(levels.map((l) => normaliseName(l.name)));
  return rows.some((r) => r.level !== '' && !listed.has(normaliseName(r.level)));
}

/**
 * A COUNTIFS criterion matching `text` exactly: * ? ~ escaped with ~, and a text starting like an operator
 * (< > =) put after "=", so a level named "x*" or "<x" counts only itself.
 * https://support.google.com/docs/answer/3256550 (COUNTIFS criteria, wildcards)
 */
export function exactly(text: string): string {
  const escaped = text.replace(/[~*?]/g, (c) => `~${c}`);
  return /^[<>=]/.test(escaped) ? `=${escaped}` : escaped;
}

export const UNCHANGED_SINCE = 'The evidence under the questions matches the roster as it is now.';

/** The live "changed since generated" line (issue #18): its longest formula, well inside a cell. */
const MAX_STALE_FORMULA = 20_000;

/**
 * A built-in formula that says whether the roster still has what the evidence was made from: the partners, each
 * segment's ticks, each segment's Managed like and the Reviewed ticks, counted as COUNTIFS does (Excluded rows
 * left out), against the counts at generation. A tick moved from one partner to another in the same segment,
 * or a change that leaves every count the same, is not seen; every fill-in, tick or untick is. With very many
 * segments, the Managed like terms stop where the formula would grow past MAX_STALE_FORMULA.
 */
export function unchangedSinceFormula(
  rows: readonly BoardRow[],
  catalogue: Catalogue,
  cols: {
    partner: string;
    managedLike: string;
    reviewed: string;
    segment: (id: string) => string;
    notExcluded: string;
    generatedAt: string;
  },
): string {
  const named = `${cols.partner},"<>",${cols.notExcluded}`;
  const terms = [
    `COUNTIFS(${named})=${rows.length}`,
    `COUNTIFS(${cols.reviewed},TRUE,${named})=${rows.filter((r) => r.reviewed).length}`,
    `COUNTIFS(${cols.managedLike},"<>",${named})=${rows.filter((r) => r.managedLike !== '').length}`,
    ...catalogue.segments.map(
      (s, i) =>
        `COUNTIFS(${cols.segment(s.id)},TRUE,${named})=${rows.filter((r) => r.segments.includes(i)).length}`,
    ),
  ];
  let length = terms.join(',').length;
  for (const s of catalogue.segments) {
    const n = rows.filter((r) => normaliseName(r.managedLike) === normaliseName(s.name)).length;
    const term = `COUNTIFS(${cols.managedLike},${formulaString(exactly(s.name))},${named})=${n}`;
    if (length + term.length > MAX_STALE_FORMULA) break;
    terms.push(term);
    length += term.length + 1;
  }
  const changed =
    `The roster has changed since ${cols.generatedAt}: the evidence under the questions is as it was then ` +
    '(the counts and tables are live). Generate the summary again to bring it up to date.';
  return `=IF(AND(${terms.join(',')}),${formulaString(UNCHANGED_SINCE)},${formulaString(changed)})`;
}
