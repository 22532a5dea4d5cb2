// The one typed boundary between the sidebar and the server. Every function here is a top-level Apps Script
// function (src/index.ts) the sidebar calls through gas-client's promise wrapper. Arguments and results are
// plain data only: google.script.run carries no Dates or functions.
// https://developers.google.com/apps-script/guides/html/reference/run

import type { RosterStats } from './core/roster/plan';

export type TabRole = 'list' | 'segments' | 'roster' | 'summary';

export interface ListColumnView {
  /** 1-based sheet column. */
  column: number;
  /** The header text, or "Column F" when it has none. */
  label: string;
}

export interface ListView {
  sheet: string;
  headerRow: number;
  nameColumn: number;
  idColumn: number | null;
  descriptionColumns: number[];
  columns: ListColumnView[];
  /** "143 partners in Contacts; 2 duplicate names merged; 3 blank rows skipped" */
  summary: string;
  /** true when these are the add-on's guesses, false when someone chose them. */
  detected: boolean;
}

export interface Overview {
  /** The user's sheets, never the add-on's own. */
  sheets: string[];
  list: ListView | null;
  /** Why no list is shown, in plain words (null when one is). */
  listProblem: string | null;
  tabs: Record<Exclude<TabRole, 'list'>, string | null>;
}

export interface ListChoice {
  sheet: string;
  headerRow?: number;
  nameColumn?: number;
  idColumn?: number | null;
  descriptionColumns?: number[];
}

export interface SegmentView {
  id: string;
  name: string;
  definition: string;
  howToManage: string;
  keywords: string;
  /** As typed on the Segments tab ('' for the default palette). */
  color: string;
  /** The '#rrggbb' the roster header and the chart use: `color`, else the default palette's by position. */
  displayColor: string;
}

/** A keyword the last discussion summary learned from the board's decisions (issue #15). */
export interface LearnedKeywordView {
  segmentId: string;
  segmentName: string;
  keyword: string;
  /** consider: the segment's reviewed partners share it (Add); misfire: it suggested the segment wrongly (Remove). */
  kind: 'consider' | 'misfire';
  /** Its counts, in words. */
  detail: string;
}

export interface SegmentsView {
  segments: SegmentView[];
  /** What the last summary proposes that is still to do: keywords to add, misfiring ones to remove. */
  learned: LearnedKeywordView[];
  levels: { name: string; meaning: string }[];
  /** The Segments tab's name; null before the first build made it. */
  tab: string | null;
}

/** What a build or refresh did: the roster's counts (RosterStats) and where. */
export interface RosterReport extends RosterStats {
  rosterSheet: string;
  listSummary: string;
  firstBuild: boolean;
}

export interface SummaryReport {
  summarySheet: string;
  partners: number;
  multiSegment: number;
  mismatches: number;
  unsegmented: number;
  boardNotesKept: number;
}

/** The server functions the sidebar may call. */
export interface ServerFunctions {
  getOverview(): Overview;
  chooseList(choice: ListChoice): Overview;
  getSegments(): SegmentsView;
  addSegment(name: string): SegmentsView;
  renameSegment(id: string, name: string): SegmentsView;
  removeSegment(id: string): SegmentsView;
  addKeyword(segmentId: string, keyword: string): SegmentsView;
  removeKeyword(segmentId: string, keyword: string): SegmentsView;
  buildRosterFromSidebar(): RosterReport;
  generateSummaryFromSidebar(): SummaryReport;
  showTab(role: TabRole): void;
}
