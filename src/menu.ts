// Menu handlers: run the work, then tell the user in plain words. Nothing here runs from onOpen but the menu.
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
import { buildRoster } from './sheets/buildRoster';
import { bringInPicks, previewBringIn, setUpExercise } from './sheets/exerciseSheet';
import { UserError } from './sheets/errors';
import { formulasToValues, OUR_FUNCTIONS, type OurFunction } from './sheets/formulasToValues';
import { generateSummary } from './sheets/summarySheet';
import { previewTickSuggestions, tickSuggestions } from './sheets/tickSuggestions';

const TITLE = 'Partner Segments';

export function buildMenu(_e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  // Identical in every auth mode: building a menu needs no authorization and touches no data.
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Build or refresh roster', 'menuBuildRoster')
    .addItem('Tick suggestions for unreviewed rows', 'menuTickSuggestions')
    .addItem('Generate discussion summary', 'menuGenerateSummary')
    .addItem('Set up the segmentation exercise', 'menuSetUpExercise')
    .addItem("Bring the group's picks into the roster", 'menuBringInPicks')
    .addSeparator()
    .addItem('Turn PARTNER_SEGMENT into values', 'menuFormulasToValues')
    .addItem('Help', 'menuHelp')
    .addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Runs a menu action; a problem the user can fix is shown as it is, anything else as what went wrong. */
function reporting(action: () => void): void {
  try {
    action();
  } catch (e) {
    const message =
      e instanceof UserError
        ? e.message
        : `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
    if (!(e instanceof UserError)) console.error(e);
    SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
  }
}

export function buildRosterFromMenu(): void {
  reporting(() => {
    const result = buildRoster();
    const s = result.stats;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName(result.rosterSheet)?.activate();
    ss.toast(
      `${result.listSummary}. ${s.new} new, ${s.kept} kept, ${s.notInList} not in list; ` +
        `${s.multiSegment} in several segments, ${s.unsegmented} with none.`,
      result.firstBuild ? 'Roster built' : 'Roster refreshed',
      8,
    );
  });
}

export function generateSummaryFromMenu(): void {
  reporting(() => {
    const result = generateSummary();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName(result.summarySheet)?.activate();
    ss.toast(
      result.partners === 0
        ? 'No partners to discuss yet: the roster has none, or every one is Excluded.'
        : `${result.partners} partners: ${result.multiSegment} in several segments, ${result.mismatches} managed ` +
            `unlike their segments, ${result.unsegmented} without a segment.`,
      'Discussion summary generated',
      8,
    );
  });
}

export function setUpExerciseFromMenu(): void {
  reporting(() => {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(
      'Set up the segmentation exercise',
      "Type the participants' names (2 to 30), separated by commas. Running it again adds new names and " +
        'new partners and keeps every pick.',
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const result = setUpExercise(answer.getResponseText());
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName(result.exerciseSheet)?.activate();
    ss.toast(
      `${plural(result.partners, 'partner')}, ${plural(result.participants.length, 'participant')} ` +
        `(${result.newParticipants} new, ${result.newPartners} new partners). Share the spreadsheet: each ` +
        'person picks in their own column.',
      'Segmentation exercise ready',
      8,
    );
  });
}

export function bringInPicksFromMenu(): void {
  reporting(() => {
    const ui = SpreadsheetApp.getUi();
    const preview = previewBringIn();
    if (preview.ticks === 0 && preview.primaries === 0) {
      ui.alert(TITLE, preview.message, ui.ButtonSet.OK);
      return;
    }
    if (
      ui.alert("Bring the group's picks into the roster", preview.message, ui.ButtonSet.YES_NO) !==
      ui.Button.YES
    )
      return;
    const result = bringInPicks();
    SpreadsheetApp.getActiveSpreadsheet().toast(result.message, "Group's picks brought in", 8);
  });
}

export function tickSuggestionsFromMenu(): void {
  reporting(() => {
    const ui = SpreadsheetApp.getUi();
    const preview = previewTickSuggestions();
    if (preview.ticks === 0) {
      ui.alert(TITLE, preview.message, ui.ButtonSet.OK);
      return;
    }
    if (
      ui.alert('Tick suggestions for unreviewed rows', preview.message, ui.ButtonSet.YES_NO) !== ui.Button.YES
    )
      return;
    const result = tickSuggestions();
    SpreadsheetApp.getActiveSpreadsheet().toast(result.message, 'Suggestions ticked', 8);
  });
}

export function formulasToValuesFromMenu(): void {
  reporting(() => {
    const result = formulasToValues(SpreadsheetApp.getActiveSpreadsheet().getActiveRange());
    SpreadsheetApp.getActiveSpreadsheet().toast(
      result.formulas === 0
        ? 'No PARTNER_SEGMENT, PARTNER_SEGMENT_WHY or SEGMENT_HOW_TO_MANAGE formulas in the selection.'
        : `${convertedFormulas(result.byFunction)} on ${result.sheet} replaced by ` +
            `${plural(result.cells, 'value')}: it reads the same for people without the add-on.`,
      TITLE,
      6,
    );
  });
}

/** "4 PARTNER_SEGMENT formulas", or "4 formulas (3 PARTNER_SEGMENT, 1 SEGMENT_HOW_TO_MANAGE)": what was converted. */
function convertedFormulas(byFunction: Partial<Record<OurFunction, number>>): string {
  const counts = OUR_FUNCTIONS.filter((name) => byFunction[name]).map(
    (name) => [name, byFunction[name] ?? 0] as const,
  );
  if (counts.length === 1) return plural(counts[0][1], `${counts[0][0]} formula`);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return `${plural(total, 'formula')} (${counts.map(([name, n]) => `${n} ${name}`).join(', ')})`;
}

/**
 * The Help dialog (menu's Help, and the sidebar's Help link). Its numbered steps are the sidebar's steps, by
 * the same titles (test/addon/help.test.ts reads them from sidebar/index.html).
 */
export const HELP_TEXT =
  'Partner Segments turns your partner list into a segmented roster for a staff or board discussion. ' +
  'Extensions › Partner Segments › Open sidebar, then follow its steps:\n\n' +
  '1. Partner list: check the sheet, header row and columns it found (change any guess), then Use this list.\n' +
  '2. Segments: rename, add or remove segments and keywords (also on the Segments tab).\n' +
  '3. Roster: build the roster, then tick segments, choose Primary segment, Level and Managed like.\n' +
  '4. Discussion: generate the discussion summary for the meeting; the board reads it top to bottom and ' +
  'writes under each question.\n' +
  '5. Group exercise (optional): each participant picks segments in their own column, and the ' +
  "group's majority picks can be brought into the roster.\n\n" +
  'In any cell: =PARTNER_SEGMENT(B2:B, Segments!A:E) suggests segments from text (step 3 gives it for your ' +
  'list). Your partner list is never changed.';

export function showHelp(): void {
  SpreadsheetApp.getUi().alert(TITLE, HELP_TEXT, SpreadsheetApp.getUi().ButtonSet.OK);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
