// Build or refresh: sheet → read → plan (pure) → write → sheet.
import { compileMatcher } from '../core/matching';
import { describeReading } from '../core/partnerList';
import { shownSegmentNames } from '../core/roster/columns';
import { planRoster, type RosterStats } from '../core/roster/plan';
import { readList } from './listSheet';
import { withDocumentLock } from './lock';
import { findOwnedSheets, SEGMENT_ID_KEY } from './metadata';
import { createOwnedSheet } from './ownedSheets';
import { readRosterState, writeRosterPlan } from './rosterSheet';
import { readSegmentsTab, writeDefaultSegments } from './segmentsTab';
import { saveListSettings } from './settings';

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
    const owned = findOwnedSheets(ss);
    const list = readList(ss, owned.ids(), options.listSheetName);

    const existing = owned.get('roster') ?? null;
    const read = existing ? readRosterState(existing, owned) : null;
    const state = read?.state ?? null;
    const shownNames = state
      ? shownSegmentNames(state.values[0] ?? [], state.keys)
      : new Map<string, string>();

    let segmentsSheet = owned.get('segments');
    let catalogue;
    if (segmentsSheet)
      catalogue = readSegmentsTab(segmentsSheet, shownNames, owned.rowValues('segments', SEGMENT_ID_KEY));
    else {
      segmentsSheet = createOwnedSheet(ss, 'segments');
      catalogue = writeDefaultSegments(segmentsSheet);
    }

    const matcher = compileMatcher(catalogue.segments);
    const plan = planRoster({
      catalogue,
      reading: list.reading,
      listHasId: list.layout.idColumn !== null,
      suggest: (descriptions) => matcher.matchCells(descriptions),
      state,
    });
    const roster = existing ?? createOwnedSheet(ss, 'roster');
    writeRosterPlan(roster, plan, read ? read.userRules : null);
    saveListSettings({
      sheetId: list.sheetId,
      sheetName: list.sheetName,
      layout: list.detected ? null : list.layout,
    });

    return {
      rosterSheet: roster.getName(),
      segmentsSheet: segmentsSheet.getName(),
      listSheet: list.sheetName,
      listSummary: describeReading(list.reading, list.sheetName),
      firstBuild: state === null,
      stats: plan.stats,
    };
  });
}
