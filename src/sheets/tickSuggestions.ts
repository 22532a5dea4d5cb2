// Tick suggestions for unreviewed rows (menu): read the roster, plan (pure), tick in one call.
import { planTickSuggestions, type TickPlan } from '../core/roster/tickSuggestions';
import { UserError } from './errors';
import { withDocumentLock } from './lock';
import { findOwnedSheets } from './metadata';
import { blockA1 } from './ranges';
import { readRosterGrid } from './rosterSheet';

export interface TickReport {
  ticks: number;
  rows: number;
  message: string;
}

function planNow(): { plan: TickPlan; roster: GoogleAppsScript.Spreadsheet.Sheet } {
  const owned = findOwnedSheets(SpreadsheetApp.getActiveSpreadsheet());
  const roster = owned.get('roster');
  if (!roster)
    throw new UserError('Build the roster first (Extensions › Partner Segments › Build or refresh roster).');
  const { keys, values } = readRosterGrid(roster, owned);
  return { plan: planTickSuggestions(values, keys), roster };
}

const rowsText = (n: number) => `${n} unreviewed row${n === 1 ? '' : 's'}`;
const ticksText = (n: number) => `${n} suggested segment${n === 1 ? '' : 's'}`;

/** What ticking would do, without doing it: for the confirmation. */
export function previewTickSuggestions(): TickReport {
  const { plan } = planNow();
  const ticks = plan.cells.length;
  return {
    ticks,
    rows: plan.rows,
    message:
      ticks === 0
        ? 'Every suggestion on an unreviewed In list row is ticked already: nothing to tick.'
        : `Tick ${ticksText(ticks)} on ${rowsText(plan.rows)}, as the Suggested column shows them? Nothing is ` +
          'unticked, and rows ticked Reviewed, Excluded or Not in list are left as they are. (Refresh the roster ' +
          'first to take in new keywords.)',
  };
}

export function tickSuggestions(): TickReport {
  return withDocumentLock(() => {
    // Planned again from what the roster holds now: a row reviewed while the question was open is left alone.
    const { plan, roster } = planNow();
    if (plan.cells.length)
      roster.getRangeList(plan.cells.map((c) => blockA1(c.row, c.column, 1, 1))).setValue(true);
    return {
      ticks: plan.cells.length,
      rows: plan.rows,
      message: `${ticksText(plan.cells.length)} ticked on ${rowsText(plan.rows)}.`,
    };
  });
}
