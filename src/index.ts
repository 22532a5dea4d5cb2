// The public surface: every top-level Apps Script function, each a thin call into the modules. gas-webpack-plugin
// turns each `global.X = function` into a top-level `function X` in dist/Code.js, with the JSDoc above it.
import { documentSegments } from './sheets/documentSegments';
import { partnerSegment, partnerSegmentWhy, segmentHowToManage } from './customFunctions';
import * as menu from './menu';
import * as sidebar from './sheets/sidebarApi';

declare const global: Record<string, unknown>;

/**
 * Builds the Partner Segments menu. In AuthMode.NONE it may do nothing else, and it does nothing else.
 * @param {Object} e The onOpen event.
 */
global.onOpen = function (e: GoogleAppsScript.Events.SheetsOnOpen) {
  menu.buildMenu(e);
};

/**
 * Runs when the add-on is installed: builds the menu at once, without reopening the spreadsheet.
 * @param {Object} e The onInstall event.
 */
global.onInstall = function (e: GoogleAppsScript.Events.AddonOnInstall) {
  menu.buildMenu(e);
};

/** Extensions › Partner Segments › Open sidebar. */
global.showSidebar = function () {
  menu.showSidebar();
};

/** Extensions › Partner Segments › Build or refresh roster. */
global.menuBuildRoster = function () {
  menu.buildRosterFromMenu();
};

/** Extensions › Partner Segments › Tick suggestions for unreviewed rows. */
global.menuTickSuggestions = function () {
  menu.tickSuggestionsFromMenu();
};

/** Extensions › Partner Segments › Generate discussion summary. */
global.menuGenerateSummary = function () {
  menu.generateSummaryFromMenu();
};

/** Extensions › Partner Segments › Set up the segmentation exercise. */
global.menuSetUpExercise = function () {
  menu.setUpExerciseFromMenu();
};

/** Extensions › Partner Segments › Bring the group's picks into the roster. */
global.menuBringInPicks = function () {
  menu.bringInPicksFromMenu();
};

/** Extensions › Partner Segments › Turn PARTNER_SEGMENT into values. */
global.menuFormulasToValues = function () {
  menu.formulasToValuesFromMenu();
};

/** Extensions › Partner Segments › Help. */
global.menuHelp = function () {
  menu.showHelp();
};

/**
 * Suggests the partner segment(s) for free text, from the segments' keywords. Several are joined with ", ";
 * none gives "". Give the segments range, e.g. =PARTNER_SEGMENT(B2:B, Segments!A:E), so the results update
 * when the Segments tab changes.
 *
 * @param {string|Array<Array<string>>} text A cell, or a range: one result per row of the range.
 * @param {Array<Array<string>>} segments Optional. A range whose first row has the headers Segment and Keywords,
 *     such as Segments!A:E. Omitted: this spreadsheet's Segments tab, or the default segments.
 * @return {string|Array<Array<string>>} The matching segments.
 * @customfunction
 * @preserve
 */
global.PARTNER_SEGMENT = function (text: unknown, segments?: unknown) {
  return partnerSegment(text, segments, documentSegments);
};

/**
 * Why PARTNER_SEGMENT suggests what it does: for each suggested segment, the keywords that matched, e.g.
 * "Funder: grant, foundation · Advisor: advisory board"; "" when nothing matches. The same matching as
 * PARTNER_SEGMENT and the roster's Why suggested column.
 *
 * @param {string|Array<Array<string>>} text A cell, or a range: one result per row of the range.
 * @param {Array<Array<string>>} segments Optional. A range whose first row has the headers Segment and Keywords,
 *     such as Segments!A:E. Omitted: this spreadsheet's Segments tab, or the default segments.
 * @return {string|Array<Array<string>>} The matching keywords, per suggested segment.
 * @customfunction
 * @preserve
 */
global.PARTNER_SEGMENT_WHY = function (text: unknown, segments?: unknown) {
  return partnerSegmentWhy(text, segments, documentSegments);
};

/**
 * The recommended way to manage a segment's partners: its "How to manage" text from the segments table.
 *
 * @param {string|Array<Array<string>>} segment A segment name (or what PARTNER_SEGMENT gave), or a range of them.
 * @param {Array<Array<string>>} segments Optional. A range whose first row has the headers Segment and
 *     How to manage, such as Segments!A:E. Omitted: this spreadsheet's Segments tab, or the default segments.
 * @return {string|Array<Array<string>>} How to manage that segment.
 * @customfunction
 * @preserve
 */
global.SEGMENT_HOW_TO_MANAGE = function (segment: unknown, segments?: unknown) {
  return segmentHowToManage(segment, segments, documentSegments);
};

// Sidebar calls (src/api.ts). Each checks its arguments: they come from the browser.
global.getOverview = function () {
  return sidebar.getOverview();
};
global.previewList = function (choice: unknown) {
  return sidebar.previewList(choice);
};
global.showHelp = function () {
  menu.showHelp();
};
global.chooseList = function (choice: unknown) {
  return sidebar.chooseList(choice);
};
global.getSegments = function () {
  return sidebar.getSegments();
};
global.addSegment = function (name: unknown) {
  return sidebar.addSegment(name);
};
global.renameSegment = function (id: unknown, name: unknown) {
  return sidebar.renameSegment(id, name);
};
global.removeSegment = function (id: unknown) {
  return sidebar.removeSegment(id);
};
global.addKeyword = function (segmentId: unknown, keyword: unknown) {
  return sidebar.addKeyword(segmentId, keyword);
};
global.describeSegment = function (
  segmentId: unknown,
  definition: unknown,
  howToManage: unknown,
  keywords: unknown,
) {
  return sidebar.describeSegment(segmentId, definition, howToManage, keywords);
};
global.removeKeyword = function (segmentId: unknown, keyword: unknown) {
  return sidebar.removeKeyword(segmentId, keyword);
};
global.addGoal = function (name: unknown) {
  return sidebar.addGoal(name);
};
global.renameGoal = function (id: unknown, name: unknown) {
  return sidebar.renameGoal(id, name);
};
global.buildRosterFromSidebar = function () {
  return sidebar.buildRosterFromSidebar();
};
global.generateSummaryFromSidebar = function () {
  return sidebar.generateSummaryFromSidebar();
};
global.showTab = function (role: unknown) {
  sidebar.showTab(role);
};
global.getExercise = function () {
  return sidebar.getExercise();
};
global.setUpExerciseFromSidebar = function (names: unknown) {
  return sidebar.setUpExerciseFromSidebar(names);
};
global.previewBringIn = function () {
  return sidebar.previewBringIn();
};
global.bringInPicksFromSidebar = function () {
  return sidebar.bringInPicksFromSidebar();
};
