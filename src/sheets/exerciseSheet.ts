// The Segment Exercise tab (issue #13): set-up (sheet → read roster, list, tab → plan → write) and bringing
// the group's picks into the roster. Each in a number of calls that grows with participants and segments, never
// with partners: every range of a write comes from one getRangeList, and the participants' dropdown is one rule
// for their whole block. https://developers.google.com/apps-script/guides/support/best-practices
import type { BringInReport, ExerciseReport, ExerciseView } from '../api';
import { bringInDone, bringInQuestion, planBringIn, type BringInPlan } from '../core/exercise/bringIn';
import {
  choicesOf,
  HELP_TEXT,
  isExerciseKey,
  parseParticipants,
  participantOf,
  ParticipantsError,
  type ExerciseKey,
} from '../core/exercise/model';
import {
  ExercisePlanError,
  planExercise,
  readExerciseRows,
  type ExercisePlan,
  type ExerciseRow,
  type ExerciseState,
  type RosterPartner,
} from '../core/exercise/plan';
import { runs } from '../core/roster/a1';
import {
  columnsByKey,
  shownSegmentNames,
  STATUS_EXCLUDED,
  STATUS_NOT_IN_LIST,
  type ColumnKey,
} from '../core/roster/columns';
import { typedText } from '../core/roster/cells';
import { partnerKey } from '../core/roster/plan';
import { shorten } from '../core/limits';
import { cellText, normaliseName } from '../core/text';
import type { Catalogue } from '../core/types';
import { UserError } from './errors';
import { readList } from './listSheet';
import { withDocumentLock } from './lock';
import {
  EXERCISE_COLUMN_KEY,
  EXERCISE_ROW_KEY,
  findOwnedSheets,
  markFinished,
  GOAL_KEY,
  SEGMENT_ID_KEY,
  type OwnedSheets,
} from './metadata';
import { createOwnedSheet, newSheetSize, sheetName } from './ownedSheets';
import { blockA1, RangeBatch, wholeColumnA1, wholeRowA1 } from './ranges';
import { readRosterGrid } from './rosterSheet';
import { buildRule, ourRuleFormula } from './rules';
import { readSegmentsTab } from './segmentsTab';
import { outOfRoom } from './workbookLimit';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_ABOUT = 500;

function buildFirst(): UserError {
  return new UserError('Build the roster first (Extensions › Partner Segments › Build or refresh roster).');
}

interface Inputs {
  ss: Spreadsheet;
  owned: OwnedSheets;
  roster: Sheet;
  rosterGrid: { keys: (ColumnKey | null)[]; values: unknown[][] };
  catalogue: Catalogue;
}

function readInputs(): Inputs {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owned = findOwnedSheets(ss);
  const roster = owned.get('roster');
  const segments = owned.get('segments');
  if (!roster || !segments) throw buildFirst();
  const rosterGrid = readRosterGrid(roster, owned);
  const catalogue = readSegmentsTab(
    segments,
    shownSegmentNames(rosterGrid.values[0] ?? [], rosterGrid.keys),
    owned.rowEntries('segments', SEGMENT_ID_KEY),
    owned.rowEntries('segments', GOAL_KEY),
  );
  return { ss, owned, roster, rosterGrid, catalogue };
}

/**
 * The exercise tab: the sheet whose header row mark names it (no call: the mark carries its grid id), else the
 * sheet with the exercise role (a tab a stopped set-up left before its marks; its grid id is then asked).
 */
export function findExercise(owned: OwnedSheets): { sheet: Sheet; gridId: number | null } | null {
  const role = owned.get('exercise');
  if (!role) return null;
  const marked = owned.selfMarked(EXERCISE_ROW_KEY, 'header');
  return marked ? { sheet: marked.sheet, gridId: marked.gridId } : { sheet: role, gridId: null };
}

/** The tab as it is: values, our keys per column, its marked rows, and whether its first write finished. */
export function readExerciseState(
  found: { sheet: Sheet; gridId: number | null },
  owned: OwnedSheets,
): ExerciseState {
  const data = found.sheet.getDataRange().getValues();
  const values = data.length === 1 && data[0].every((v) => v === '') ? [] : data;
  const along = (key: string, dimension: 'column' | 'row') =>
    found.gridId === null
      ? dimension === 'column'
        ? owned.columnValues('exercise', key)
        : new Map([...owned.rowEntries('exercise', key)].map(([at, md]) => [at, md.getValue() as string]))
      : owned.onGrid(found.gridId, key, dimension);
  const keyed = along(EXERCISE_COLUMN_KEY, 'column');
  const width = Math.max(values[0]?.length ?? 0, ...keyed.keys());
  const keys = Array.from({ length: width }, (_, i): ExerciseKey | null => {
    const v = keyed.get(i + 1);
    return v && isExerciseKey(v) ? v : null;
  });
  const marks = along(EXERCISE_ROW_KEY, 'row');
  const rowOf = (mark: string) => [...marks].find(([, v]) => v.split('@')[0] === mark)?.[0] ?? null;
  return {
    values,
    keys,
    titleRow: rowOf('title'),
    headerRow: rowOf('header'),
    finished: owned.isFinished('exercise'),
  };
}

/** Every roster partner, with the description its list gives (when the list can be read). */
function rosterPartners(inputs: Inputs): { partners: RosterPartner[]; hasId: boolean } {
  const { keys, values } = inputs.rosterGrid;
  const at = columnsByKey(keys);
  const partnerCol = at.get('partner');
  const idCol = at.get('id');
  const statusCol = at.get('status');
  const about = new Map<string, string>();
  try {
    const list = readList(inputs.ss, inputs.owned.ids());
    for (const p of list.reading.partners) about.set(p.key, shorten(p.descriptions.join(' · '), MAX_ABOUT));
  } catch (e) {
    // A list that cannot be read now (renamed, emptied) leaves the About column blank: the roster is enough.
    if (!(e instanceof UserError)) throw e;
  }
  const partners: RosterPartner[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const name = partnerCol ? cellText(row[partnerCol - 1]).trim() : '';
    const id = idCol ? cellText(row[idCol - 1]).trim() : '';
    if (!name && !id) continue;
    const key = partnerKey(name, id);
    if (seen.has(key)) continue;
    seen.add(key);
    const status = normaliseName(statusCol ? cellText(row[statusCol - 1]) : '');
    partners.push({
      key,
      name: name || id,
      id,
      about: about.get(key) ?? '',
      standing:
        status === normaliseName(STATUS_EXCLUDED)
          ? 'excluded'
          : status === normaliseName(STATUS_NOT_IN_LIST)
            ? 'notInList'
            : 'in',
    });
  }
  return { partners, hasId: idCol !== undefined };
}

/** The facilitator's names, checked, with plain words for what is wrong. */
function participantsFrom(raw: unknown): string[] {
  try {
    return parseParticipants(raw);
  } catch (e) {
    if (e instanceof ParticipantsError) throw new UserError(e.message);
    throw e;
  }
}

export function setUpExercise(rawNames: unknown): ExerciseReport {
  const names = participantsFrom(rawNames);
  return withDocumentLock(() => {
    const inputs = readInputs();
    const { ss, owned } = inputs;
    const { partners, hasId } = rosterPartners(inputs);
    const found = findExercise(owned);
    const existing = found?.sheet;
    const state = found ? readExerciseState(found, owned) : null;
    let plan: ExercisePlan;
    try {
      plan = planExercise({
        segmentNames: inputs.catalogue.segments.map((s) => s.name),
        partners,
        hasId,
        participants: names,
        state,
      });
    } catch (e) {
      if (e instanceof ExercisePlanError) throw new UserError(e.message);
      throw e;
    }
    const made: Sheet[] = [];
    let sheet: Sheet;
    try {
      const userRules = existing
        ? existing.getConditionalFormatRules().filter((rule) => ourRuleFormula(rule) === null)
        : [];
      sheet = existing ?? createOwnedSheet(ss, 'exercise');
      if (!existing) made.push(sheet);
      writeExercise(sheet, plan, userRules);
    } catch (e) {
      throw outOfRoom(ss, e, made, (plan.lastRow + 1) * (plan.width + 2), 'the exercise tab');
    }
    const { participants: _count, ...stats } = plan.stats;
    return { exerciseSheet: sheetName(sheet), participants: plan.participants.names, ...stats };
  });
}

/**
 * Writes a set-up: the grid grown first, then metadata (so a stopped run leaves a tab the next one knows as its
 * own, columns and rows included), values, notes, the one dropdown rule, conditional formats, and on a first
 * write the one-time formats and the finished mark as the last call.
 */
function writeExercise(
  sheet: Sheet,
  plan: ExercisePlan,
  userRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[],
): void {
  if (plan.insert) sheet.insertColumnsAfter(plan.insert.after, plan.insert.count);
  const grid = newSheetSize(sheet);
  const maxColumns = grid ? grid.columns : sheet.getMaxColumns();
  if (maxColumns < plan.width) sheet.insertColumnsAfter(maxColumns, plan.width - maxColumns);
  const maxRows = grid ? grid.rows : sheet.getMaxRows();
  if (maxRows < plan.lastRow + 1) sheet.insertRowsAfter(maxRows, plan.lastRow + 1 - maxRows);
  // Widths before the metadata: a run stopped after that knows its new columns as new, and sets them again.
  for (const w of plan.widths) sheet.setColumnWidths(w.column, w.count, w.width);
  // The header mark carries the tab's grid id, so later runs find the tab and its columns without asking it.
  const gridId = plan.newRowMarks.some((m) => m.mark === 'header') ? sheet.getSheetId() : 0;

  const batch = new RangeBatch(sheet);
  const rowMarks = plan.newRowMarks.map((m) => ({ mark: m.mark, at: batch.add(wholeRowA1(m.row)) }));
  const keyed = plan.newColumns.map((c) => ({ key: c.key, at: batch.add(wholeColumnA1(c.column)) }));
  const writes = plan.writes.map((w) => ({
    values: w.values,
    at: batch.add(blockA1(w.row, w.column, w.values.length, w.values[0].length)),
  }));
  const noteRuns = runs(plan.headerNotes.flatMap((n, i) => (n === null ? [] : [i + 1]))).map(
    ([from, to]) => ({
      notes: plan.headerNotes.slice(from - 1, to) as string[],
      at: batch.add(blockA1(plan.headerRow, from, 1, to - from + 1)),
    }),
  );
  const { first, last } = plan.participants;
  const dataRows = plan.lastRow - plan.headerRow;
  const picks = batch.add(blockA1(plan.headerRow + 1, first, dataRows, last - first + 1));
  const rules = plan.rules.map((spec) => ({
    spec,
    at: spec.ranges.map((g) => batch.add(blockA1(g.row, g.column, g.numRows, g.numColumns))),
  }));
  const header = plan.firstWrite ? batch.add(blockA1(plan.headerRow, 1, 1, plan.width)) : -1;
  const title = plan.firstWrite ? batch.add(blockA1(plan.titleRow, 1, 4, 1)) : -1;

  for (const { mark, at } of rowMarks) {
    batch.get(at).addDeveloperMetadata(EXERCISE_ROW_KEY, mark === 'header' ? `header@${gridId}` : mark);
  }
  for (const { key, at } of keyed) batch.get(at).addDeveloperMetadata(EXERCISE_COLUMN_KEY, key);
  for (const { values, at } of writes) batch.get(at).setValues(values);
  for (const { notes, at } of noteRuns) batch.get(at).setNotes([notes]);
  // One rule for the participants' whole block: the segments, Not a partner and Don't know, typed text refused.
  const dropdown = SpreadsheetApp.newDataValidation()
    .requireValueInList(plan.choices, true)
    .setAllowInvalid(false)
    .setHelpText(HELP_TEXT)
    .build();
  batch.get(picks).setDataValidation(dropdown);
  sheet.setConditionalFormatRules([
    ...userRules,
    ...rules.map((r) =>
      buildRule(
        r.spec,
        r.at.map((i) => batch.get(i)),
      ),
    ),
  ]);
  if (plan.firstWrite) {
    batch.get(header).setFontWeight('bold').setWrap(true);
    batch.get(title).setFontWeight('bold');
    sheet.setFrozenRows(plan.frozen.rows);
    sheet.setFrozenColumns(plan.frozen.columns);
  }
  if (plan.firstWrite) markFinished(sheet, 'exercise');
}

/** The tab's rows as the group left them, and the answers counted (for the summary and the bring-in). */
export function readExerciseRowsOf(
  found: { sheet: Sheet; gridId: number | null },
  owned: OwnedSheets,
  catalogue: Catalogue,
): { rows: ExerciseRow[]; participants: number; choices: string[] } {
  const state = readExerciseState(found, owned);
  const choices = choicesOf(catalogue.segments.map((s) => s.name));
  // A tab a stopped first set-up left without its header mark has no rows to count yet.
  const headerRow = state.headerRow ?? state.values.length;
  const { rows, participants } = readExerciseRows(state.values, state.keys, headerRow, choices);
  return { rows, participants, choices };
}

function bringInPlanOf(inputs: Inputs): { plan: BringInPlan; sheet: Sheet } {
  const found = findExercise(inputs.owned);
  if (!found)
    throw new UserError(
      'Set up the segmentation exercise first (Extensions › Partner Segments › Set up the segmentation exercise).',
    );
  const { rows, participants, choices } = readExerciseRowsOf(found, inputs.owned, inputs.catalogue);
  return {
    sheet: found.sheet,
    plan: planBringIn(rows, participants, choices, inputs.catalogue.segments, inputs.rosterGrid),
  };
}

/** What bringing the picks in would do, without doing it: for the confirmation. */
export function previewBringIn(): BringInReport {
  const inputs = readInputs();
  const { plan } = bringInPlanOf(inputs);
  return { ...plan.stats, message: bringInQuestion(plan.stats), done: false };
}

export function bringInPicks(): BringInReport {
  return withDocumentLock(() => {
    const inputs = readInputs();
    const { plan } = bringInPlanOf(inputs);
    const { roster } = inputs;
    let primaries = plan.primaries;
    if (primaries.length) {
      // Primary segment may have been chosen while this ran: its column is read again just before, and a cell
      // no longer blank is left as it is.
      const column = primaries[0].column;
      const now = roster.getRange(blockA1(1, column, roster.getLastRow(), 1)).getValues();
      primaries = primaries.filter((p) => cellText(now[p.row - 1]?.[0]).trim() === '');
    }
    const groups = new Map<string, string[]>();
    for (const p of primaries) {
      const list = groups.get(p.segment) ?? [];
      list.push(blockA1(p.row, p.column, 1, 1));
      groups.set(p.segment, list);
    }
    // Ticks: one call for them all (setValue(true) on a checkbox ticks it); Primary: one per segment.
    if (plan.ticks.length)
      roster.getRangeList(plan.ticks.map((t) => blockA1(t.row, t.column, 1, 1))).setValue(true);
    for (const [segment, a1s] of groups) roster.getRangeList(a1s).setValue(typedText(segment));
    const stats = { ...plan.stats, primaries: primaries.length };
    return { ...stats, message: bringInDone(stats), done: true };
  });
}

/** The tab's name and its participants, for the sidebar (null names before set-up). */
export function getExercise(): ExerciseView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owned = findOwnedSheets(ss);
  const found = findExercise(owned);
  if (!found) return { exerciseSheet: null, participants: [] };
  const state = readExerciseState(found, owned);
  const header = state.values[(state.headerRow ?? 0) - 1] ?? [];
  const participants = state.keys.flatMap((k, i) => {
    const name = k ? participantOf(k) : null;
    return name === null ? [] : [cellText(header[i]).trim() || name];
  });
  return { exerciseSheet: found.sheet.getName(), participants };
}
