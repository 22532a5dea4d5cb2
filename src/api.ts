// The one typed boundary between the sidebar and the server. Every function here is a top-level Apps Script
// function (src/index.ts) the sidebar calls through gas-client's promise wrapper. Arguments and results are
// plain data only: google.script.run carries no Dates or functions.
// https://developers.google.com/apps-script/guides/html/reference/run

import type { RosterStats } from './core/roster/plan';
import type { BringInStats } from './core/exercise/bringIn';

export type TabRole = 'list' | 'segments' | 'roster' | 'summary' | 'exercise';

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
  /**
   * When no list could be read: a sheet's columns under its first (or the chosen) row, to start from, so every
   * field can still be set by hand ("row 1, column A"). null when a list is shown, or there is no sheet.
   */
  draft: ListView | null;
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

export interface GoalView {
  id: string;
  name: string;
  /** What success looks like. */
  success: string;
}

export interface SegmentsView {
  segments: SegmentView[];
  /** What the last summary proposes that is still to do: keywords to add, misfiring ones to remove. */
  learned: LearnedKeywordView[];
  /** Lightest first: the order of the rows is the order of depth. */
  levels: { name: string; meaning: string }[];
  /** The Goals table's goals, by id (a rename keeps the id, and the partners strategic for it). */
  goals: GoalView[];
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
  /** Partners whose Managed like is blank, and what the summary's top says when that is at least half. */
  managedLikeBlank: number;
  managedLikeWarning: string | null;
  boardNotesKept: number;
  /** The board's actions kept under the questions, and those of them not Done. */
  actionsKept: number;
  openActions: number;
  /** Partners the segmentation exercise split on (null without the exercise tab). */
  groupSplit: number | null;
  /** Partners someone picked Not a partner for in the exercise (null without the exercise tab). */
  notAPartner: number | null;
}

/** What setting up the segmentation exercise did. */
export interface ExerciseReport {
  exerciseSheet: string;
  /** Every participant on the tab, in column order. */
  participants: string[];
  newParticipants: number;
  partners: number;
  newPartners: number;
  /** Rows kept for partners no longer In list (or Excluded) in the roster. */
  leftRoster: number;
}

/** The exercise tab, for the sidebar: its name (null before set-up) and participants. */
export interface ExerciseView {
  exerciseSheet: string | null;
  participants: string[];
}

/** What bringing the group's picks into the roster will do (done: false) or did (done: true). */
export interface BringInReport extends BringInStats {
  /** The confirmation's question, or what was done, in words. */
  message: string;
  done: boolean;
}

/** The server functions the sidebar may call. */
export interface ServerFunctions {
  getOverview(): Overview;
  /** What the list would be with this choice; saves nothing. */
  previewList(choice: ListChoice): Overview;
  /** "Use this list": saves the choice. */
  chooseList(choice: ListChoice): Overview;
  /** Opens the Help dialog (the same as Extensions › Partner Segments › Help). */
  showHelp(): void;
  getSegments(): SegmentsView;
  addSegment(name: string): SegmentsView;
  renameSegment(id: string, name: string): SegmentsView;
  removeSegment(id: string): SegmentsView;
  addKeyword(segmentId: string, keyword: string): SegmentsView;
  /** Writes a segment's Definition, How to manage and Keywords cells ('' clears one). */
  describeSegment(segmentId: string, definition: string, howToManage: string, keywords: string): SegmentsView;
  removeKeyword(segmentId: string, keyword: string): SegmentsView;
  addGoal(name: string): SegmentsView;
  renameGoal(id: string, name: string): SegmentsView;
  buildRosterFromSidebar(): RosterReport;
  generateSummaryFromSidebar(): SummaryReport;
  showTab(role: TabRole): void;
  getExercise(): ExerciseView;
  setUpExerciseFromSidebar(names: string): ExerciseReport;
  previewBringIn(): BringInReport;
  bringInPicksFromSidebar(): BringInReport;
}
