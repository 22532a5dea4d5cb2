// Generates the Discussion Summary tab: sheet → read (roster, segments, old Board notes) → plan → write.
import type { SummaryReport } from '../api';
import { columnLetter } from '../core/columns';
import { columnsByKey, shownSegmentNames } from '../core/roster/columns';
import { boardRows, managedFits } from '../core/summary/evidence';
import { planSummary, readBoardNotes, type SummaryPlan } from '../core/summary/layout';
import { UserError } from './errors';
import { withDocumentLock } from './lock';
import { findOwnedSheets } from './metadata';
import { createOwnedSheet } from './ownedSheets';
import { protectGenerated } from './protection';
import { readRosterKeys } from './rosterSheet';
import { readSegmentsTab } from './segmentsTab';
import { loadListSettings } from './settings';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const COLORS = { heading: '#d2e3fc', question: '#e8f0fe', notes: '#fef7e0', tableHeader: '#e8eaed' };

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
    const { keys, lastRow } = readRosterKeys(roster);
    const values =
      lastRow > 0 && keys.length > 0 ? roster.getRange(1, 1, lastRow, keys.length).getValues() : [];
    const catalogue = readSegmentsTab(segmentsSheet, shownSegmentNames(values[0] ?? [], keys));
    const rows = boardRows(values, keys, catalogue);
    const rosterColumns = columnsByKey(keys);

    const existing = owned.get('summary');
    const summary = existing ?? createOwnedSheet(ss, 'summary');
    const area = existing && existing.getLastRow() > 0 ? existing.getDataRange() : null;
    const boardNotes = area
      ? readBoardNotes(area.getValues(), area.getFormulas())
      : new Map<number, string>();
    const boardNoteFormulas = new Set(
      [...boardNotes].filter(([, note]) => note.startsWith('=')).map(([q]) => q),
    );

    let plan: SummaryPlan;
    try {
      plan = planSummary({
        catalogue,
        rows,
        rosterName: roster.getName(),
        rosterColumns,
        segmentsSheetName: segmentsSheet.getName(),
        listSheetName: loadListSettings()?.sheetName ?? 'your partner list',
        generatedAt: Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm'),
        boardNotes,
        boardNoteFormulas,
      });
    } catch (e) {
      throw new UserError(e instanceof Error ? e.message : String(e));
    }
    writeSummary(summary, plan);

    return {
      summarySheet: summary.getName(),
      partners: rows.length,
      multiSegment: rows.filter((r) => r.segments.length > 1).length,
      mismatches: rows.filter((r) => managedFits(r, catalogue.segments) === false).length,
      unsegmented: rows.filter((r) => r.segments.length === 0).length,
      boardNotesKept: boardNotes.size,
    };
  });
}

function writeSummary(sheet: Sheet, plan: SummaryPlan): void {
  const rows = plan.values.length;
  const width = plan.width;
  // Everything but the Board notes (already read) is rewritten: values, formats, merges, the chart.
  sheet.clear();
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  sheet.getRange(1, 1, maxRows, maxColumns).breakApart();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns < width) sheet.insertColumnsAfter(maxColumns, width - maxColumns);

  sheet.getRange(1, 1, rows, width).setValues(plan.values);
  sheet.getRange(plan.title).setFontSize(16).setFontWeight('bold');
  sheet.getRangeList(plan.headings).setFontWeight('bold').setBackground(COLORS.heading);
  sheet.getRangeList(plan.tableHeaders).setFontWeight('bold').setBackground(COLORS.tableHeader);
  sheet.getRangeList(plan.questions).setFontWeight('bold').setBackground(COLORS.question).setWrap(true);
  const notes = plan.notesRows.map((r) => `B${r}:${columnLetter(width)}${r}`);
  sheet.getRangeList(notes).setBackground(COLORS.notes).setWrap(true);
  for (const a1 of notes) sheet.getRange(a1).merge();
  sheet.getRangeList(plan.notesRows.map((r) => `A${r}`)).setFontWeight('bold');
  sheet.setColumnWidth(1, 380);
  sheet.setColumnWidths(2, width - 1, 110);
  sheet.setFrozenRows(1);

  if (plan.chart) {
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setTitle('Partners per segment')
      .setLegendPosition(Charts.Position.NONE)
      .addRange(sheet.getRange(plan.chart.dataRange))
      .setPosition(plan.chart.anchorRow, plan.chart.anchorColumn, 0, 0)
      .build();
    sheet.insertChart(chart);
  }
  protectGenerated(sheet, notes);
}
