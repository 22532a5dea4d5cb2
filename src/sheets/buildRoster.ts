// Build or refresh: sheet → read → plan (pure) → write → sheet.
import { compileMatcher } from '../core/matching';
import { describeReading } from '../core/partnerList';
import { headerRowProblem, shownSegmentNames } from '../core/roster/columns';
import { planRoster, type RosterPlan, type RosterStats } from '../core/roster/plan';
import { readList } from './listSheet';
import { withDocumentLock } from './lock';
import { findOwnedSheets, GOAL_KEY, SEGMENT_ID_KEY } from './metadata';
import { createOwnedSheet, sheetName } from './ownedSheets';
import { readRosterState, RowsMovedError, writeRosterPlan } from './rosterSheet';
import { openSegmentsTab, recordGoalNames } from './segmentsTab';
import { saveListSettings } from './settings';
import { outOfRoom } from './workbookLimit';
import { UserError } from './errors';
import { CellTooLongError } from '../core/limits';
import { DEFAULT_SEGMENTS } from '../core/catalogue';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface BuildResult {
  rosterSheet: string;
  segmentsSheet: string;
  listSheet: string;
  /** "143 partners in Contacts; 2 duplicate names merged; 3 blank rows skipped" */
  listSummary: string;
  firstBuild: boolean;
  stats: RosterStats;
}

export function buildRoster(options: { listSheetName?: string } = {}): BuildResult {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const first = findOwnedSheets(ss);
    const list = readList(ss, first.ids(), options.listSheetName);
    // People sorting the roster between the read and the write: read and plan again (a few times at most).
    for (let attempt = 1; ; attempt++) {
      try {
        return refreshOnce(ss, attempt === 1 ? first : findOwnedSheets(ss), list);
      } catch (e) {
        if (!(e instanceof RowsMovedError)) throw e;
        if (attempt === MAX_ATTEMPTS)
          throw new UserError(
            'The roster kept moving while it was being refreshed (someone sorting or moving rows?). Nothing of ' +
              'this refresh was written into its rows; refresh again in a moment.',
          );
      }
    }
  });
}

const MAX_ATTEMPTS = 3;

function refreshOnce(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  owned: ReturnType<typeof findOwnedSheets>,
  list: ReturnType<typeof readList>,
): BuildResult {
  const existing = owned.get('roster') ?? null;
  const read = existing ? readRosterState(existing, owned) : null;
  const state = read?.state ?? null;
  const moved =
    existing && state && owned.isFinished('roster')
      ? headerRowProblem(state.values, state.keys, () => existing.getName())
      : null;
  if (moved) throw new UserError(moved);
  const shownNames = state ? shownSegmentNames(state.values[0] ?? [], state.keys) : new Map<string, string>();
  // Read before any write: a column the write deletes takes its metadata with it.
  const goalEntries = owned.rowEntries('segments', GOAL_KEY);

  // Cells a roster of this list needs, about: for the message when the spreadsheet has no room left.
  const needed = (list.reading.partners.length + 2) * (DEFAULT_SEGMENTS.length + 17) + 1000 * 26;
  const made: Sheet[] = [];
  let segmentsSheet: Sheet;
  let segmentsName: string;
  let roster: Sheet;
  let plan: RosterPlan;
  try {
    const tab = openSegmentsTab(
      ss,
      owned.get('segments'),
      shownNames,
      owned.rowEntries('segments', SEGMENT_ID_KEY),
      owned.rowEntries('segments', GOAL_KEY),
      owned.isFinished('segments'),
    );
    segmentsSheet = tab.sheet;
    segmentsName = sheetName(segmentsSheet);
    if (tab.made) made.push(tab.sheet);
    const catalogue = tab.rows.catalogue;
    const { columns } = tab.rows;
    const matcher = compileMatcher(catalogue.segments);
    plan = plainWords(() =>
      planRoster({
        catalogue,
        reading: list.reading,
        listHasId: list.layout.idColumn !== null,
        suggest: (descriptions) => matcher.matchCells(descriptions),
        explain: (descriptions) => matcher.explain(descriptions),
        state,
        unfinished: read !== null && !owned.isFinished('roster'),
        segmentsTable: {
          sheetName: segmentsName,
          nameColumn: columns.get('name') ?? 1,
          reviewColumn: columns.get('reviewMonths') ?? null,
          lastRow: tab.rows.lastRow,
        },
      }),
    );
    roster = existing ?? createOwnedSheet(ss, 'roster');
    if (!existing) made.push(roster);
    writeRosterPlan(roster, plan, read, !owned.isFinished('roster'));
    // Last: the goals' marks learn the names the roster's cells now use (renames carried).
    if (!tab.made) recordGoalNames(tab.rows, goalEntries);
  } catch (e) {
    if (e instanceof RowsMovedError) throw e;
    throw outOfRoom(ss, e, made, needed, 'the roster');
  }
  saveListSettings({
    sheetId: list.sheetId,
    sheetName: list.sheetName,
    layout: list.detected ? null : list.layout,
    headers: list.headers,
  });

  return {
    rosterSheet: sheetName(roster),
    segmentsSheet: segmentsName,
    listSheet: list.sheetName,
    listSummary: describeReading(list.reading, list.sheetName),
    firstBuild: state === null,
    stats: plan.stats,
  };
}

/** Text too long for a cell is the user's to fix: said as it is, not as an internal error. */
function plainWords<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof CellTooLongError) throw new UserError(e.message);
    throw e;
  }
}
