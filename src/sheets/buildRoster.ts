// Build or refresh: sheet → read → plan (pure) → write → sheet.
import { compileMatcher } from '../core/matching';
import { describeReading } from '../core/partnerList';
import { segmentIdOf, RETIRED_SUFFIX } from '../core/roster/columns';
import { planRoster, type RosterStats } from '../core/roster/plan';
import { cellText } from '../core/text';
import { readList } from './listSheet';
import { withDocumentLock } from './lock';
import { findOwnedSheets } from './metadata';
import { createOwnedSheet } from './ownedSheets';
import { readRosterState } from './rosterSheet';
import { writeRosterPlan } from './rosterSheet';
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
    const list = readList(ss, [...owned.values()], options.listSheetName);

    const existing = owned.get('roster') ?? null;
    const state = existing ? readRosterState(existing) : null;
    // Segment names still shown on roster columns, by id: a segment added back under that name gets its ticks back.
    const shownNames = new Map<string, string>();
    state?.keys.forEach((key, i) => {
      const id = key ? segmentIdOf(key) : null;
      const header = cellText(state.values[0]?.[i]).trim();
      if (id)
        shownNames.set(
          id,
          header.endsWith(RETIRED_SUFFIX.trim())
            ? header.slice(0, -RETIRED_SUFFIX.trim().length).trim()
            : header,
        );
    });

    const ownedNames = () => new Set([...findOwnedSheets(ss).values()].map((s) => s.getName()));
    let segmentsSheet = owned.get('segments');
    let catalogue;
    if (segmentsSheet) catalogue = readSegmentsTab(segmentsSheet, shownNames);
    else {
      segmentsSheet = createOwnedSheet(ss, 'segments', ownedNames());
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
    const roster = existing ?? createOwnedSheet(ss, 'roster', ownedNames());
    writeRosterPlan(roster, plan, state === null);
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
