// The board's actions (issue #14): under each discussion question, a small table Action | Owner | Due | Done
// that people fill in. Like Board notes, the rows are read back before the summary is rewritten and written
// again under the same question, in the order the board left them. Pure: the sheet layer reads and writes.
import { columnLetter } from '../columns';
import { cellText } from '../text';
import { QUESTIONS } from './evidence';

export const ACTIONS_HEADER = ['Action', 'Owner', 'Due', 'Done'] as const;
/** Blank rows written under each question's actions, ready for the next decision. */
export const BLANK_ACTION_ROWS = 2;
export const OPEN_ACTIONS_HEADING = 'Open actions';

/** One row of an action table as people left it: the cells as read (a formula kept as its text). */
export interface Action {
  action: unknown;
  owner: unknown;
  due: unknown;
  done: boolean;
  /** Cells people typed as formulas (0 Action, 1 Owner, 2 Due): written back as those formulas. */
  formulas: readonly (string | null)[];
}

// Two of the four labels where they were: a header people reworded in part ("Actions", "Who") is still ours.
const isHeader = (row: readonly unknown[]) =>
  ACTIONS_HEADER.filter((h, c) => cellText(row[c]).trim().toLowerCase() === h.toLowerCase()).length >= 2;

/** The row of the action table's header, if `row` is one (an edited label: not a table). */
export function isActionsHeader(row: readonly unknown[]): boolean {
  return isHeader(row);
}

const questionOf = (row: readonly unknown[]) => {
  const a = cellText(row[0]).trim();
  return QUESTIONS.findIndex((text) => a === text || a.endsWith(text));
};

/**
 * The actions of an earlier summary, by question. Under each question, the rows after its Action | Owner | Due |
 * Done header, up to a row with nothing in A:D and no checkbox (the blank row the summary leaves after the
 * table) or the next question. Rows with nothing in them are dropped; every other row is kept whole, in order,
 * Done ones too (they are the board's record of what it decided).
 */
export function readActions(
  values: readonly unknown[][],
  formulas: readonly string[][] = [],
): Map<number, Action[]> {
  const actions = new Map<number, Action[]>();
  let question = -1;
  let inTable = false;
  values.forEach((row, r) => {
    const q = questionOf(row);
    if (q >= 0) {
      question = actions.has(q) ? -1 : q; // a question shown twice (people copied it): the first one's table
      inTable = false;
      return;
    }
    if (question < 0) return;
    if (!inTable) {
      if (isHeader(row)) {
        inTable = true;
        actions.set(question, []);
      }
      return;
    }
    const cells = [0, 1, 2, 3].map((c) => row[c]);
    const formulaAt = (c: number) => formulas[r]?.[c] || null;
    const filled = (c: number) => cellText(cells[c]).trim() !== '' || formulaAt(c) !== null;
    const checkbox = typeof cells[3] === 'boolean';
    if (!checkbox && ![0, 1, 2, 3].some(filled)) {
      inTable = false;
      return;
    }
    if (![0, 1, 2].some(filled) && cells[3] !== true) return; // a blank row, ready for the next action
    actions.get(question)!.push({
      action: cells[0],
      owner: cells[1],
      due: cells[2],
      done: cells[3] === true || cellText(cells[3]).trim().toUpperCase() === 'TRUE',
      formulas: [formulaAt(0), formulaAt(1), formulaAt(2)],
    });
  });
  return actions;
}

/** An action not Done with something in its Action cell: what the top of the summary lists. */
export function isOpen(a: Action): boolean {
  return !a.done && (cellText(a.action).trim() !== '' || a.formulas[0] !== null);
}

/** Where one question's action table ended up (1-based rows): its header, then `count` rows of actions. */
export interface ActionTable {
  header: number;
  first: number;
  count: number;
}

const rows = (t: ActionTable, column: number) => {
  const l = columnLetter(column);
  return `${l}${t.first}:${l}${t.first + t.count - 1}`;
};

/**
 * Live counts over every table, built-in formulas only, so a board member sees them move without the add-on:
 * open (something in Action, Done not ticked) and overdue (also a Due date before today). Rows people insert
 * inside a table are counted too: Sheets widens the references.
 * https://support.google.com/docs/answer/3256550 (COUNTIFS)
 */
export function openActionsFormulas(tables: readonly ActionTable[]): { open: string; overdue: string } {
  if (tables.length === 0) return { open: '=0', overdue: '=0' };
  const open = (t: ActionTable) => `COUNTIFS(${rows(t, 1)},"<>",${rows(t, 4)},"<>TRUE")`;
  const overdue = (t: ActionTable) =>
    `COUNTIFS(${rows(t, 1)},"<>",${rows(t, 4)},"<>TRUE",${rows(t, 3)},"<"&TODAY())`;
  return { open: `=${tables.map(open).join('+')}`, overdue: `=${tables.map(overdue).join('+')}` };
}

/**
 * One open action at the top of the summary, as live references to its row under the question: what people
 * change there (the owner, a new date, Done ticked) shows here too.
 */
export function openActionLine(row: number, questionNumber: number): string[] {
  const state =
    `=IF(D${row}=TRUE,"Done",IF(AND(ISNUMBER(C${row}),C${row}<TODAY()),"Overdue","Open"))` +
    `&" (question ${questionNumber})"`;
  const due = `=IF(ISNUMBER(C${row}),TEXT(C${row},"yyyy-mm-dd"),C${row}&"")`;
  return [`=A${row}&""`, `=B${row}&""`, due, state];
}

/**
 * The conditional format of one table's rows: Due before today, not Done, something in Action. Relative to the
 * table's first row (https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition).
 */
export function overdueRuleFormula(t: ActionTable): string {
  const r = t.first;
  return `=AND($A${r}<>"",$D${r}<>TRUE,ISNUMBER($C${r}),$C${r}<TODAY())`;
}

export function actionRowsA1(t: ActionTable): string {
  return `A${t.first}:D${t.first + t.count - 1}`;
}
