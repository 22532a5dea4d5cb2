// Generates the Discussion Summary tab: sheet → read (roster, segments, old Board notes) → plan → write.
import type { SummaryReport } from '../api';
import { columnsByKey, headerRowProblem, shownSegmentNames } from '../core/roster/columns';
import { boardRows, managedFits, managedLikeMostlyBlank, serialDay } from '../core/summary/evidence';
import {
  BOARD_NOTES,
  planSummary,
  readBoardNotes,
  type CellStyle,
  type SummaryPlan,
} from '../core/summary/layout';
import { cellText } from '../core/text';
import { exerciseEvidence } from '../core/summary/exercise';
import { findExercise, readExerciseRowsOf } from './exerciseSheet';
import { UserError } from './errors';
import { withDocumentLock } from './lock';
import { findOwnedSheets, GOAL_KEY, markFinished, SEGMENT_ID_KEY } from './metadata';
import { createOwnedSheet, newSheetSize, sheetName } from './ownedSheets';
import { protectGenerated, readProtection } from './protection';
import { blockA1, RangeBatch } from './ranges';
import { readRosterGrid } from './rosterSheet';
import { readSegmentsTab } from './segmentsTab';
import { outOfRoom } from './workbookLimit';
import { loadListSettings } from './settings';
import { learnForSummary } from './learned';
import { HISTORY_CHART_COLUMNS, planHistory, SINCE_PREFIX, sinceLines } from '../core/summary/history';
import { appendHistory, historySheet, readHistoryEnd } from './historySheet';
import {
  ACTIONS_HEADER,
  actionRowsA1,
  isOpen,
  overdueRuleFormula,
  readActions,
} from '../core/summary/actions';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const COLORS = {
  heading: '#d2e3fc',
  question: '#e8f0fe',
  notes: '#fef7e0',
  tableHeader: '#e8eaed',
  /** A line the board should read first (Managed like mostly blank): light yellow under black text. */
  warning: '#fce8b2',
  /** An overdue action's row: light red under black text (about 15:1). */
  overdue: '#f4c7c3',
};
const DUE_FORMAT = 'yyyy-mm-dd';

export function generateSummary(): SummaryReport {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const owned = findOwnedSheets(ss);
    const roster = owned.get('roster');
    const segmentsSheet = owned.get('segments');
    if (!roster || !segmentsSheet) {
      throw new UserError(
        'Build the roster first (Extensions › Partner Segments › Build or refresh roster).',
      );
    }
    const { keys, values } = readRosterGrid(roster, owned);
    const moved = owned.isFinished('roster') ? headerRowProblem(values, keys, () => roster.getName()) : null;
    if (moved) throw new UserError(moved);
    const shown = shownSegmentNames(values[0] ?? [], keys);
    const catalogue = readSegmentsTab(
      segmentsSheet,
      shown,
      owned.rowEntries('segments', SEGMENT_ID_KEY),
      owned.rowEntries('segments', GOAL_KEY),
    );
    const timeZone = ss.getSpreadsheetTimeZone();
    // A date-formatted Next review comes back as a Date at midnight in the spreadsheet's time zone.
    const rows = boardRows(values, keys, catalogue, shown, (v) =>
      v instanceof Date ? Utilities.formatDate(v, timeZone, 'yyyy-MM-dd') : serialDay(v),
    );
    const rosterColumns = columnsByKey(keys);
    const segmentsSheetName = segmentsSheet.getName();
    const learned = learnForSummary(ss, catalogue, values, keys, segmentsSheetName);
    const exerciseTab = findExercise(owned);
    const exercise = exerciseTab ? readExerciseRowsOf(exerciseTab, owned, catalogue) : null;
    const fromExercise = exercise
      ? exerciseEvidence(exercise.rows, exercise.participants, exercise.choices)
      : null;

    const existing = owned.get('summary');
    const area = existing ? existing.getDataRange() : null;
    const oldValues = area ? area.getValues() : [];
    const oldFormulas = area ? area.getFormulas() : [];
    const boardNotes = readBoardNotes(oldValues, oldFormulas);
    const actions = readActions(oldValues, oldFormulas);
    const protection = existing ? readProtection(existing) : null;
    const boardNoteFormulas = new Set(
      [...boardNotes].filter(([, note]) => note.startsWith('=')).map(([q]) => q),
    );

    // The history's last rows: what "Since" compares with, and whether this generation's row is there already.
    const historyTab = owned.get('history');
    const historyEnd = readHistoryEnd(historyTab);
    const generatedAt = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
    const history = planHistory(historyEnd.rows, rows, catalogue, generatedAt);
    const since = {
      heading: history.previous
        ? `${SINCE_PREFIX}${history.previous.date}`
        : `${SINCE_PREFIX}the last generation`,
      lines: sinceLines(history.previous?.record ?? null, history.record, catalogue),
    };

    let plan: SummaryPlan;
    try {
      plan = planSummary({
        catalogue,
        rows,
        rosterName: roster.getName(),
        rosterColumns,
        segmentsSheetName,
        listSheetName: loadListSettings()?.sheetName ?? 'your partner list',
        generatedAt,
        boardNotes,
        boardNoteFormulas,
        actions,
        learning: learned.section,
        exercise: fromExercise,
        since,
      });
    } catch (e) {
      throw new UserError(e instanceof Error ? e.message : String(e));
    }
    // Made only now, after planning (nothing half-made when planning refuses), and inside the limit check.
    const made: Sheet[] = [];
    let summary: Sheet;
    try {
      summary = existing ?? createOwnedSheet(ss, 'summary');
      if (!existing) made.push(summary);
      const historyTabNow = historySheet(ss, historyTab);
      if (!historyTab) made.push(historyTabNow);
      // Columns C:I from row 1 to the bottom: each row appended later is drawn with no change to the chart.
      const historyRange = () =>
        historyTabNow.getRange(blockA1(1, HISTORY_CHART_COLUMNS.first, null, HISTORY_CHART_COLUMNS.count));
      writeSummary(summary, plan, historyRange, {
        fresh: !existing,
        oldRows: oldValues.length,
        oldColumns: oldValues[0]?.length ?? 0,
        oldColumnA: oldValues.map((row) => row[0]),
        protection,
        firstWrite: !owned.isFinished('summary'),
      });
      // The run's last write: a run stopped before it appends nothing, one stopped after finds its row.
      if (history.append) appendHistory(historyTabNow, historyEnd.lastRow, history.append);
    } catch (e) {
      throw outOfRoom(ss, e, made, Math.max(plan.values.length, 1000) * 26, 'the discussion summary');
    }

    return {
      summarySheet: sheetName(summary),
      partners: rows.length,
      multiSegment: rows.filter((r) => r.segments.length > 1).length,
      mismatches: rows.filter((r) => managedFits(r, catalogue.segments) === false).length,
      unsegmented: rows.filter((r) => r.segments.length === 0).length,
      managedLikeBlank: rows.filter((r) => !r.managedLike).length,
      managedLikeWarning: managedLikeMostlyBlank(rows),
      boardNotesKept: boardNotes.size,
      actionsKept: [...actions.values()].reduce((n, list) => n + list.length, 0),
      openActions: [...actions.values()].reduce((n, list) => n + list.filter(isOpen).length, 0),
      groupSplit: fromExercise ? fromExercise.splitCount : null,
      notAPartner: fromExercise ? fromExercise.notAPartnerCount : null,
    };
  });
}

/** The heading above the table our chart shows (src/core/summary/layout.ts). */
const CHART_HEADING = 'Partners per segment';

/** The row of the "Partners per segment" table's header in the summary as it was (null: none). */
function oldChartRow(columnA: readonly unknown[]): number | null {
  const heading = columnA.findIndex((v) => cellText(v) === CHART_HEADING);
  return heading < 0 ? null : heading + 2;
}

/** The history's line chart's title. */
const HISTORY_CHART_TITLE = 'Counts over time (Segment History)';

type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/**
 * Our charts among the summary's: the per-segment one, whose data is columns A:B from the per-segment table's
 * header row (as it is now or was before this run; the chart is moved before the values, so a run stopped
 * between them still finds it), and the history's line chart, whose data is the history tab's columns C:I from row 1. Charts people added
 * show other data and are left as they are. One getRanges per chart, until both are found.
 */
function findOurCharts(
  sheet: Sheet,
  headerRows: readonly (number | null | undefined)[],
): {
  segments: Chart | null;
  segmentsRange: GoogleAppsScript.Spreadsheet.Range | null;
  history: Chart | null;
} {
  const found: {
    segments: Chart | null;
    segmentsRange: GoogleAppsScript.Spreadsheet.Range | null;
    history: Chart | null;
  } = { segments: null, segmentsRange: null, history: null };
  for (const chart of sheet.getCharts()) {
    if (found.segments && found.history) break;
    const ranges = chart.getRanges();
    const r = ranges[0];
    if (ranges.length !== 1) continue;
    if (
      !found.segments &&
      r.getColumn() === 1 &&
      r.getNumColumns() === 2 &&
      headerRows.includes(r.getRow())
    ) {
      found.segments = chart;
      found.segmentsRange = r;
    } else if (
      !found.history &&
      r.getColumn() === HISTORY_CHART_COLUMNS.first &&
      r.getNumColumns() === HISTORY_CHART_COLUMNS.count &&
      r.getRow() === 1
    )
      found.history = chart;
  }
  return found;
}

const STYLE: Record<CellStyle, { background: string | null; bold: boolean; wrap: boolean }> = {
  title: { background: null, bold: true, wrap: false },
  heading: { background: COLORS.heading, bold: true, wrap: false },
  tableHeader: { background: COLORS.tableHeader, bold: true, wrap: false },
  question: { background: COLORS.question, bold: true, wrap: true },
  notesLabel: { background: null, bold: true, wrap: false },
  notes: { background: COLORS.notes, bold: false, wrap: true },
  warning: { background: COLORS.warning, bold: true, wrap: false },
};

/**
 * Rewrites everything but the Board notes (already read): values, formats, merges, the chart. Formats go as one
 * grid per property (setBackgrounds, setFontWeights, setWraps) and every range comes from one getRangeList, so
 * the number of calls is fixed. https://developers.google.com/apps-script/guides/support/best-practices
 */
function writeSummary(
  sheet: Sheet,
  plan: SummaryPlan,
  /** The history's chart data (fetched only when the chart is made). */
  historyRange: () => GoogleAppsScript.Spreadsheet.Range,
  before: {
    fresh: boolean;
    oldRows: number;
    oldColumns: number;
    /** Column A of the summary before this run, to tell the Board notes rows we opened. */
    oldColumnA: readonly unknown[];
    protection: GoogleAppsScript.Spreadsheet.Protection | null;
    /** A new tab, or one a stopped first generation left without its one-time formats. */
    firstWrite: boolean;
  },
): void {
  const { fresh, protection, firstWrite } = before;
  const rows = plan.values.length;
  const width = plan.width;
  // A tab this run inserted has the default size: two calls fewer at a first summary.
  const size = newSheetSize(sheet);
  const maxRows = size ? size.rows : sheet.getMaxRows();
  const maxColumns = size ? size.columns : sheet.getMaxColumns();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);

  const batch = new RangeBatch(sheet);
  // The new values over the old area too ('' where the new summary is smaller): one write replaces the old
  // content, and nothing is cleared before it lands, so a run stopped earlier leaves the Board notes in place.
  const covered = { rows: Math.max(rows, before.oldRows), columns: Math.max(width, before.oldColumns) };
  // The whole grid is broken apart and cleared of formats: a stopped run may have left merges below the data.
  const everything = batch.add(blockA1(1, 1, Math.max(maxRows, rows), Math.max(maxColumns, width)));
  const all = batch.add(blockA1(1, 1, rows, width));
  const cover = batch.add(blockA1(1, 1, covered.rows, covered.columns));
  // Due and Done (columns C:D) of the whole grid: one grid of rules puts the tables' rules where they are now
  // and takes them off where they were (a stopped run's too).
  const gridRows = Math.max(maxRows, rows);
  const ruleColumns = batch.add(blockA1(1, 3, gridRows, 2));
  const tables = plan.actionTables.map((t) => batch.add(actionRowsA1(t)));
  const title = batch.add(plan.title);
  const notes = plan.notesRows.map((r) => blockA1(r, 2, 1, width - 1));
  const merges = notes.map((a1) => batch.add(a1));
  const chartData = plan.chart ? batch.add(plan.chart.dataRange) : -1;
  let ourChart: Chart | null = null;
  let ourChartRange: GoogleAppsScript.Spreadsheet.Range | null = null;
  let historyChart: Chart | null = null;
  if (!fresh) {
    batch.get(everything).breakApart();
    const charts = findOurCharts(sheet, [plan.chart?.anchorRow, oldChartRow(before.oldColumnA)]);
    ourChart = charts.segments;
    ourChartRange = charts.segmentsRange;
    historyChart = charts.history;
  }
  // The charts before the values: a run stopped between them leaves our chart on the rows the table is about to
  // take, which the next run looks at (the plan's header row), so it is found and never drawn twice.
  if (plan.chart && ourChart) {
    // Ours is updated in place: people's title, colours or position for it stay; their own charts are not touched.
    // Its range read back the same (the table did not move or change length): nothing to update.
    const was = ourChartRange;
    const same =
      was !== null &&
      was.getRow() === plan.chart.anchorRow &&
      was.getNumRows() === batch.get(chartData).getNumRows() &&
      was.getNumColumns() === 2;
    // When the table moved (the sections above it grew or shrank), the chart moves with it, so it stays beside
    // its table and off the rows below; otherwise the position people gave it is kept.
    const moved = was !== null && was.getRow() !== plan.chart.anchorRow;
    if (!same) {
      const builder = ourChart.modify().clearRanges().addRange(batch.get(chartData));
      if (moved) builder.setPosition(plan.chart.anchorRow, plan.chart.anchorColumn, 0, 0);
      sheet.updateChart(builder.build());
    }
  } else if (ourChart) sheet.removeChart(ourChart);
  else if (plan.chart) {
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setTitle(CHART_HEADING)
      .setLegendPosition(Charts.Position.NONE)
      .addRange(batch.get(chartData))
      .setPosition(plan.chart.anchorRow, plan.chart.anchorColumn, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
  // Found, the line chart is left as it is (people's styling and position stay): its range reaches the bottom.
  if (plan.historyChart && !historyChart) {
    sheet.insertChart(
      sheet
        .newChart()
        .asLineChart()
        .setTitle(HISTORY_CHART_TITLE)
        .addRange(historyRange())
        .setNumHeaders(1)
        .setPosition(plan.historyChart.anchorRow, plan.historyChart.anchorColumn, 0, 0)
        .build(),
    );
  }
  const padded = Array.from({ length: covered.rows }, (_, r) =>
    Array.from({ length: covered.columns }, (_, c) => plan.values[r]?.[c] ?? ''),
  );
  batch.get(cover).setValues(padded);
  if (!fresh) batch.get(everything).clearFormat();

  const block = batch.get(all);
  const styleOf = <T>(pick: (s: (typeof STYLE)[CellStyle]) => T, plain: T) =>
    plan.styles.map((row) => row.map((style) => (style ? pick(STYLE[style]) : plain)));
  block.setBackgrounds(styleOf((s) => s.background, null));
  block.setFontWeights(styleOf((s) => (s.bold ? 'bold' : null), null));
  block.setWraps(styleOf((s) => s.wrap, false));
  batch.get(title).setFontSize(16);
  for (const at of merges) batch.get(at).merge();
  writeActionRules(
    sheet,
    plan,
    batch.get(ruleColumns),
    gridRows,
    tables.map((i) => batch.get(i)),
  );
  if (firstWrite) {
    // Widths and the frozen title only on a new tab: a regeneration keeps what people adjusted.
    sheet.setColumnWidth(1, 380);
    sheet.setColumnWidths(2, width - 1, 110);
    sheet.setFrozenRows(1);
  }

  // Ours: a Board notes row of the summary as it was (its label in column A), from column B; or a Board notes
  // cell's shape (one row, B to the summary's last column) where a run stopped after its new values landed and
  // before this protection was updated: the old label is gone from that row, but the range is still ours.
  // An action table's rows (A:D, under its header) are ours too, wherever an earlier layout had them.
  const ours = (r: GoogleAppsScript.Spreadsheet.Range) =>
    (r.getNumRows() === 1 &&
      r.getColumn() === 2 &&
      (cellText(before.oldColumnA[r.getRow() - 1]) === BOARD_NOTES || r.getLastColumn() === width)) ||
    (r.getColumn() === 1 && r.getNumColumns() === ACTIONS_HEADER.length);
  const open = [...merges, ...tables];
  protectGenerated(
    sheet,
    { a1s: [...notes, ...plan.actionTables.map(actionRowsA1)], ranges: () => open.map((i) => batch.get(i)) },
    protection,
    ours,
  );
  if (firstWrite) markFinished(sheet, 'summary');
}

/**
 * The action tables' rules, in three calls whatever their number: Due a date and Done a checkbox, as one grid
 * over columns C:D of the whole area (null elsewhere, which also takes off the rules where the tables were);
 * an overdue row highlighted by one conditional format per table (the summary's conditional formats are the
 * add-on's, like its other formats); and, when kept actions carry dates, the Due cells' date format, which
 * clearFormat took off.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidations(DataValidation)
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
 */
function writeActionRules(
  sheet: Sheet,
  plan: SummaryPlan,
  columnsCD: GoogleAppsScript.Spreadsheet.Range,
  rows: number,
  tables: GoogleAppsScript.Spreadsheet.Range[],
): void {
  const date = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText('A date, for example 2027-03-31.')
    .build();
  const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  const grid: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = Array.from({ length: rows }, () => [
    null,
    null,
  ]);
  for (const t of plan.actionTables) {
    for (let r = t.first; r < t.first + t.count; r++) grid[r - 1] = [date, checkbox];
  }
  columnsCD.setDataValidations(grid);
  sheet.setConditionalFormatRules(
    plan.actionTables.map((t, i) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(overdueRuleFormula(t))
        .setBackground(COLORS.overdue)
        .setRanges([tables[i]])
        .build(),
    ),
  );
  if (plan.keptDueDates) {
    sheet
      .getRangeList(plan.actionTables.map((t) => `C${t.first}:C${t.first + t.count - 1}`))
      .setNumberFormat(DUE_FORMAT);
  }
}
