// Plans a build or refresh of the Partner Roster: pure, from what the sheet layer read to what it must write.
// PRODUCT.md, "Partner Roster" and "Refresh": the add-on writes only what it owns (Partner, ID, Suggested,
// # Segments, Check, Status, new rows, new segment columns, validations, formatting) and never rewrites a cell
// people own, except to carry a renamed segment's name into the dropdowns that chose it.
import { deepestLevel, lighterLevels, segmentColor } from '../catalogue';
import { columnLetter } from '../columns';
import { sheetPrefix } from './a1';
import { cellText, normaliseName, trimSpaces } from '../text';
import type { Catalogue, ListReading, Partner } from '../types';
import { Desired, formula, sameContent, text, value } from './cells';
import {
  ColumnKey,
  FixedRole,
  HEADER_NOTES,
  HEADERS,
  isOpenToPeople,
  isPeopleOwned,
  RETIRED_SUFFIX,
  segmentIdOf,
  segmentKey,
  segmentNote,
  STATUS_EXCLUDED,
  STATUS_IN_LIST,
  STATUS_NOT_IN_LIST,
  STATUSES,
  stripRetired,
} from './columns';
import {
  checkFormulas,
  countFormulas,
  FormulaColumns,
  InvestmentColumns,
  inactiveCondition,
  investmentCondition,
  RowFormula,
  multiSegmentCondition,
  nextReviewFormulas,
  notFittingCondition,
  unknownGoalCondition,
  overdueCondition,
  unsegmentedCondition,
} from './formulas';
import { canonicalKeys, Layout, planLayout, remapRows } from './layout';
import { RuleSpec, sameRules, sameValidation, ValidationSpec } from './specs';
import { CellChanges, CellWrite, groupWrites } from './writes';

/** What the sheet layer read of an existing roster (all coordinates current, 1-based in Sheets). */
export interface RosterSheetState {
  /** getValues of A1 to (lastRow, lastColumn). */
  values: unknown[][];
  /** getFormulas of the same range. */
  formulas: string[][];
  /** Our column key of each current column (index 0 = column A), null where a column has none. */
  keys: (ColumnKey | null)[];
  headerNotes: string[];
  headerBackgrounds: string[];
  /** Our conditional-format rules now on the sheet, in order, and whether every user rule stands before them. */
  ourRules: RuleSpec[];
  userRulesFirst: boolean;
  frozenRows: number;
  frozenColumns: number;
}

export interface RosterInput {
  catalogue: Catalogue;
  reading: ListReading;
  listHasId: boolean;
  /** Indexes (catalogue order) of the segments a partner's description cells suggest. */
  suggest: (descriptions: readonly string[]) => number[];
  /** Why: the keywords behind the suggestion, as Why suggested shows them (the same matcher). '' if absent. */
  explain?: (descriptions: readonly string[]) => string;
  /** null on a first build. */
  state: RosterSheetState | null;
  /** A stopped first build left the roster without its one-time formats: widths for every column of ours. */
  unfinished?: boolean;
  /**
   * Where the Segments table is, for Next review's rhythm lookup: its sheet's name, its name and `Review every
   * (months)` columns (1-based; null without one) and its last row. Without it, Next review stays blank.
   */
  segmentsTable?: { sheetName: string; nameColumn: number; reviewColumn: number | null; lastRow: number };
}

export interface RosterStats {
  partners: number;
  segments: number;
  retiredSegments: number;
  new: number;
  kept: number;
  notInList: number;
  excluded: number;
  multiSegment: number;
  unsegmented: number;
  unreviewed: number;
  mismatches: number;
  /** Strategic for a goal but at a level in the lighter half of the Levels table. */
  strategicTooLight: number;
  /** At the deepest level with Strategic for blank. */
  deepWithoutGoal: number;
  /** Strategic for a goal no longer on the Goals table. */
  unknownGoal: number;
}

export interface RosterPlan {
  layout: Layout;
  /** Metadata to attach to new columns (final coordinates). */
  newColumns: { column: number; key: ColumnKey }[];
  writes: CellWrite[];
  /** The whole header row's notes and fills (final width), or null when they are already right. */
  headerNotes: string[] | null;
  headerBackgrounds: string[] | null;
  /**
   * The rules of our checkbox and dropdown columns, put back at every build and refresh over every data row
   * without reading any cell's rule: one block per run of adjacent columns with the same rule (the segment
   * checkboxes are one block however many segments), one setDataValidation call each.
   */
  validations: ValidationBlock[];
  /** Our rules, to stand after the user's; null when the sheet already has exactly these. */
  rules: RuleSpec[] | null;
  frozen: { rows: number; columns: number } | null;
  /** Widths of new columns, as runs of adjacent columns of one width (one setColumnWidths call each). */
  widths: { column: number; count: number; width: number }[];
  /**
   * Columns whose cells wrap (Check: its phrases are read whole, not cut off at the column's edge), set on a first
   * build, a new column, and whenever our formatting rules are rewritten (as at the first refresh after an
   * update); null otherwise. One call.
   */
  wrap: number[] | null;
  /** Last row with a partner once the plan is written. */
  lastRow: number;
  /** Columns whose data cells people may edit without a warning: theirs, our people-owned ones, and Status. */
  openColumns: number[];
  /**
   * The Partner and ID columns of the existing rows as the read found them (final coordinates, rows 2 on): the
   * writer re-reads them just before writing, so rows people sorted meanwhile are not written as if they had
   * not moved (null when no write touches an existing row).
   */
  rowsAsRead: { row: number; columns: number[]; values: string[][] } | null;
  stats: RosterStats;
}

export interface ValidationBlock {
  row: number;
  numRows: number;
  column: number;
  numColumns: number;
  /** The one rule of every cell of the block. */
  spec: ValidationSpec;
}

export const COLORS = {
  header: '#e8eaed',
  multiSegment: '#fce8b2',
  notFittingBackground: '#f4c7c3',
  notFittingFont: '#a50e0e',
  // Every text/background pair at least 4.5:1 (WCAG 2 AA, test/roster/colors.test.ts): #80868b was 3.7:1.
  dimmedFont: '#5f6368',
  inactiveBackground: '#dadce0',
  inactiveFont: '#3c4043',
};

const WIDTHS: Partial<Record<FixedRole, number>> = {
  partner: 220,
  suggested: 170,
  why: 170, // as Suggested's: the two make one run of widths, one call
  check: 260,
  notes: 240,
};

const FIRST_ROW = 2;

export function partnerKey(name: unknown, id: unknown): string {
  // The same identity readPartners gives a list row (src/core/partnerList.ts).
  const idText = trimSpaces(cellText(id));
  return idText ? `id:${idText}` : `name:${normaliseName(trimSpaces(cellText(name)))}`;
}

export function planRoster(input: RosterInput): RosterPlan {
  const { catalogue, reading, listHasId, state } = input;
  const segments = catalogue.segments;
  const activeIds = new Set(segments.map((s) => s.id));

  // 1. Columns: which we have, which a retired segment keeps (it still has ticks), which are new.
  const currentKeys = state?.keys ?? [];
  const currentValues = state?.values ?? [];
  const keep = new Set<ColumnKey>();
  const retiredNames = new Map<ColumnKey, string>();
  currentKeys.forEach((key, i) => {
    const id = key ? segmentIdOf(key) : null;
    if (!key || id === null || activeIds.has(id)) return;
    const ticked = currentValues.slice(1).some((row) => {
      const v = row[i];
      return v !== '' && v !== false && v !== null && v !== undefined;
    });
    if (ticked) {
      keep.add(key);
      retiredNames.set(key, stripRetired(cellText(currentValues[0]?.[i])));
    }
  });
  const hasIdColumn = listHasId || currentKeys.includes('id');
  const layout = planLayout(
    currentKeys,
    canonicalKeys(
      segments.map((s) => s.id),
      hasIdColumn,
    ),
    keep,
  );
  const { slots, columnOf } = layout;
  const width = slots.length;
  const col = (key: ColumnKey) => columnOf.get(key) as number;

  // The current content seen through the final layout.
  const values = remapRows(currentValues, slots, '' as unknown);
  const formulas = remapRows(state?.formulas ?? [], slots, '');
  const header = values[0] ?? [];
  const lastRowNow = values.length;

  const segmentColumns = segments.map((s) => col(segmentKey(s.id)));
  const goals = catalogue.goals ?? [];
  const investment: InvestmentColumns = {
    level: col('level'),
    strategicFor: col('strategicFor'),
    lighter: lighterLevels(catalogue.levels).map((l) => l.name),
    deepest: deepestLevel(catalogue.levels)?.name ?? null,
    goals: goals.map((g) => g.name),
  };
  const table = input.segmentsTable;
  const tableRange = (column: number) => {
    const l = columnLetter(column);
    return `${sheetPrefix(table!.sheetName)}$${l}$2:$${l}$${Math.max(table!.lastRow, 2)}`;
  };
  const cols: FormulaColumns = {
    segmentColumns,
    count: col('count'),
    primary: col('primary'),
    managedLike: col('managedLike'),
    reviewed: col('reviewed'),
    level: col('level'),
    levels: catalogue.levels.map((l) => l.name),
    investment,
    upkeep: {
      status: col('status'),
      owner: col('owner'),
      lastContact: col('lastContact'),
      nextReview: col('nextReview'),
      rhythms:
        table && table.reviewColumn !== null
          ? { names: tableRange(table.nameColumn), months: tableRange(table.reviewColumn) }
          : null,
    },
  };
  // Renamed goals: the Strategic for cells still name a goal as the roster last knew it; they follow the rename.
  const renamedGoals = new Map<string, string>();
  for (const g of goals)
    if (g.rosterName && g.rosterName !== g.name) renamedGoals.set(normaliseName(g.rosterName), g.name);

  // 2. Renamed segments: the header still shows the old name; the dropdowns that chose it follow the rename.
  const renamed = new Map<string, string>();
  segments.forEach((s, i) => {
    const slot = slots[segmentColumns[i] - 1];
    if (slot.current === null) return;
    const old = stripRetired(cellText(header[segmentColumns[i] - 1]));
    if (old && old !== s.name) renamed.set(normaliseName(old), s.name);
  });

  // 3. Rows: existing roster rows matched to partners by key, then by name; the rest of the list is new.
  const byKey = new Map<string, Partner>();
  for (const p of reading.partners) byKey.set(p.key, p);
  // By name: only for rows their key does not find (an ID added or changed in the list), so made on first need.
  let byNameMap: Map<string, Partner> | null = null;
  const byName = (name: string): Partner | undefined => {
    if (!byNameMap) {
      byNameMap = new Map();
      for (const p of reading.partners) {
        const n = normaliseName(p.name);
        if (!byNameMap.has(n)) byNameMap.set(n, p);
      }
    }
    return byNameMap.get(normaliseName(name));
  };
  const matched = new Set<Partner>();
  // By row: its partner, null for a partner gone from the list, undefined for a row without one.
  const rowPartner: (Partner | null | undefined)[] = [];
  let partnerRows = 0;
  const partnerCol = col('partner');
  const idCol = columnOf.get('id');
  for (let r = FIRST_ROW; r <= lastRowNow; r++) {
    const row = values[r - 1];
    const name = row[partnerCol - 1];
    const id = idCol ? row[idCol - 1] : '';
    if (cellText(name).trim() === '' && cellText(id).trim() === '') continue;
    let p = byKey.get(partnerKey(name, hasIdColumn ? id : ''));
    if (!p || matched.has(p)) {
      const alt = byName(cellText(name));
      p = alt && !matched.has(alt) && (!listHasId || !cellText(id).trim()) ? alt : undefined;
    }
    if (p) matched.add(p);
    rowPartner[r] = p ?? null;
    partnerRows++;
  }
  const newPartners = reading.partners.filter((p) => !matched.has(p));
  const keyColumns = idCol ? [partnerCol, idCol] : [partnerCol];
  const lastRow = lastRowNow < 1 ? 1 + newPartners.length : lastRowNow + newPartners.length;
  const firstNewRow = Math.max(lastRowNow, 1) + 1;

  // 4. What each cell should hold. `owned` columns are compared on every row; people's only where we must.
  const changes = new CellChanges();
  const whole: (Desired[] | undefined)[] = []; // by column
  const want = (row: number, column: number, d: Desired) => {
    // New rows hold nothing yet: only existing rows are compared.
    if (
      row <= lastRowNow &&
      sameContent(d, values[row - 1]?.[column - 1], formulas[row - 1]?.[column - 1] ?? '')
    )
      return;
    changes.set(row, column, d);
  };

  // Header row: every column we own.
  for (let c = 1; c <= width; c++) {
    const key = slots[c - 1].key;
    if (!key) continue;
    want(1, c, text(headerText(key, catalogue, retiredNames)));
  }

  const suggestions = new Map<Partner, number[]>();
  const suggestedOf = (p: Partner) => {
    let s = suggestions.get(p);
    if (!s) suggestions.set(p, (s = input.suggest(p.descriptions)));
    return s;
  };
  // Partners share a few sets of suggestions: each set's text is made once, by its bits up to 30 segments.
  const textOfSet = new Map<number, string>();
  const suggestedText = (p: Partner) => {
    const found = suggestedOf(p);
    const make = () => found.map((i) => segments[i].name).join(', ');
    if (segments.length > 30) return make();
    let bits = 0;
    for (const i of found) bits |= 1 << i;
    let t = textOfSet.get(bits);
    if (t === undefined) textOfSet.set(bits, (t = make()));
    return t;
  };

  const statusCol = col('status');
  // Owned columns may be written whole in one call when changes are scattered, so we note every row's content.
  const recordWhole = (row: number, column: number, d: Desired) => {
    let list = whole[column];
    if (!list) whole[column] = list = [];
    list[row - FIRST_ROW] = d;
  };
  const ownedWhole = (row: number, column: number, d: Desired) => {
    recordWhole(row, column, d);
    want(row, column, d);
  };
  // Text in an owned column of an existing row: nothing made when the cell already holds it (most rows).
  const ownedText = (row: number, column: number, t: string) => {
    if (formulas[row - 1][column - 1] === '' && values[row - 1][column - 1] === t && t !== '')
      recordWhole(row, column, AS_IS);
    else ownedWhole(row, column, text(t));
  };
  // # Segments and Check on an existing row: compared with their column's template; a row that matches is
  // noted as FROM_TEMPLATE, and completeWhole makes its text only if the column is written whole.
  const countTemplate = countFormulas(cols);
  const checkTemplate = checkFormulas(cols);
  const nextReviewTemplate = nextReviewFormulas(cols);
  const nextReviewCol = col('nextReview');
  const templates = new Map<number, RowFormula>([
    [cols.count, countTemplate],
    [col('check'), checkTemplate],
    [nextReviewCol, nextReviewTemplate],
  ]);
  const ownedFormula = (row: number, column: number, template: RowFormula) => {
    if (template.matches(formulas[row - 1]?.[column - 1] ?? '', row)) recordWhole(row, column, FROM_TEMPLATE);
    else ownedWhole(row, column, formula(template.at(row)));
  };
  // Status is ours and may be written whole, but people set Excluded in it: its writes are guarded (below).
  const whyCol = col('why');
  const whyText = (p: Partner) => (input.explain ? input.explain(p.descriptions) : '');
  const ownedColumns = [
    partnerCol,
    idCol,
    col('suggested'),
    whyCol,
    cols.count,
    nextReviewCol,
    col('check'),
    statusCol,
  ].filter((c): c is number => c !== undefined);

  const stats: RosterStats = {
    partners: 0,
    segments: segments.length,
    retiredSegments: keep.size,
    new: newPartners.length,
    kept: 0,
    notInList: 0,
    excluded: 0,
    multiSegment: 0,
    unsegmented: 0,
    unreviewed: 0,
    mismatches: 0,
    strategicTooLight: 0,
    deepWithoutGoal: 0,
    unknownGoal: 0,
  };
  const lighterSet = new Set(investment.lighter.map(normaliseName));
  const deepest = investment.deepest === null ? null : normaliseName(investment.deepest);
  const goalSet = new Set(investment.goals.map(normaliseName));
  /** The investment flags of a row, as its Check shows them once written (renames carried). */
  const tallyInvestment = (levelText: string, goalText: string) => {
    const level = normaliseName(levelText);
    const goal = normaliseName(goalText);
    if (goal && goalSet.has(goal) && lighterSet.has(level)) stats.strategicTooLight++;
    if (!goal && deepest !== null && level === deepest) stats.deepWithoutGoal++;
    if (goal && !goalSet.has(goal)) stats.unknownGoal++;
  };

  const suggestedCol = col('suggested');
  const checkCol = col('check');
  const reviewedCol = col('reviewed');
  const choiceColumns = [cols.primary, cols.managedLike];
  // Segments whose column this plan adds: no cell of it was ever set by anyone.
  const freshSegments = segments.flatMap((_, s) =>
    slots[segmentColumns[s] - 1].current === null ? [s] : [],
  );
  for (let r = FIRST_ROW; r <= lastRowNow; r++) {
    const row = values[r - 1];
    const p = rowPartner[r];
    if (p === undefined) {
      // A row without a partner is left alone; a whole-column write keeps what it holds.
      for (const c of ownedColumns) recordWhole(r, c, keepAsIs(row[c - 1], formulas[r - 1][c - 1]));
      continue;
    }
    const status = cellText(row[statusCol - 1]).trim();
    const excluded = status.toLowerCase() === STATUS_EXCLUDED.toLowerCase();
    const reviewed = row[reviewedCol - 1] === true;
    // A segment column new to the roster holds nothing anyone set: an unreviewed In list partner gets its
    // suggestion ticked, as a new row does; reviewed, Excluded and Not in list rows get an unticked box.
    const freshTicks = p && !excluded && !reviewed && freshSegments.length > 0 ? suggestedOf(p) : [];
    for (const s of freshSegments) want(r, segmentColumns[s], value(freshTicks.includes(s)));
    if (p && status === '') {
      // Status lands with a new row's last cells: a partner without one was appended by a run that stopped.
      // Its cells still blank get what a new partner gets (nobody has typed into a blank checkbox).
      const suggested = new Set(suggestedOf(p));
      segments.forEach((_, s) => {
        if (row[segmentColumns[s] - 1] === '' && !freshSegments.includes(s))
          want(r, segmentColumns[s], value(suggested.has(s)));
      });
      for (const key of keep) if (row[col(key) - 1] === '') want(r, col(key), value(false));
      if (row[reviewedCol - 1] === '') want(r, reviewedCol, value(false));
    }
    if (p) {
      ownedText(r, partnerCol, p.name);
      if (idCol) ownedText(r, idCol, p.id);
      ownedText(r, suggestedCol, suggestedText(p));
      ownedText(r, whyCol, whyText(p));
      stats.kept++;
    } else {
      ownedWhole(r, partnerCol, keepAsIs(row[partnerCol - 1], formulas[r - 1][partnerCol - 1]));
      if (idCol) ownedWhole(r, idCol, keepAsIs(row[idCol - 1], formulas[r - 1][idCol - 1]));
      ownedWhole(r, suggestedCol, keepAsIs(row[suggestedCol - 1], formulas[r - 1][suggestedCol - 1]));
      ownedWhole(r, whyCol, keepAsIs(row[whyCol - 1], formulas[r - 1][whyCol - 1]));
    }
    ownedFormula(r, cols.count, countTemplate);
    ownedFormula(r, nextReviewCol, nextReviewTemplate);
    ownedFormula(r, checkCol, checkTemplate);
    const nextStatus = excluded ? STATUS_EXCLUDED : p ? STATUS_IN_LIST : STATUS_NOT_IN_LIST;
    ownedText(r, statusCol, nextStatus);
    // Renamed segments: the choices follow (a translation, not an overwrite: other choices stay as they are).
    if (renamed.size > 0)
      for (const c of choiceColumns) {
        const chosen = normaliseName(cellText(row[c - 1]));
        const to = renamed.get(chosen);
        if (to !== undefined && formulas[r - 1][c - 1] === '') want(r, c, text(to));
      }
    const strategicCol = investment.strategicFor;
    let goalText = cellText(row[strategicCol - 1]);
    if (renamedGoals.size > 0) {
      const to = renamedGoals.get(normaliseName(goalText));
      if (to !== undefined && formulas[r - 1][strategicCol - 1] === '') {
        want(r, strategicCol, text(to));
        goalText = to;
      }
    }
    if (!excluded) tallyInvestment(cellText(row[investment.level - 1]), goalText);
    const ticks = segmentColumns.map((c, s) => row[c - 1] === true || freshTicks.includes(s));
    tally(stats, ticks, excluded, !p, reviewed, managedFits(row, cols, segments, ticks, renamed));
  }

  // New rows: every cell of ours, the same kinds on every row (shared, never mutated), people's columns left out.
  // They hold nothing to compare with, so each column's new cells go in as one run.
  const peopleOwnedColumn = slots.map((slot) => !!slot.key && isPeopleOwned(slot.key));
  const newCells: Desired[][] = [];
  const put = (c: number, v: Desired) => (newCells[c] ??= []).push(v);
  const TICKED = value(true);
  const UNTICKED = value(false);
  const BLANK = text('');
  const IN_LIST = text(STATUS_IN_LIST);
  const keptColumns = [...keep].map((key) => col(key));
  const levelCol = col('level');
  const notesCol = col('notes');
  const ownerCol = col('owner');
  const lastContactCol = col('lastContact');
  newPartners.forEach((p, i) => {
    const r = firstNewRow + i;
    const suggested = suggestedOf(p);
    put(partnerCol, text(p.name));
    if (idCol) put(idCol, text(p.id));
    put(suggestedCol, text(suggestedText(p)));
    put(whyCol, text(whyText(p)));
    const ticks = segments.map((_, s) => suggested.includes(s));
    for (let s = 0; s < segments.length; s++) put(segmentColumns[s], ticks[s] ? TICKED : UNTICKED);
    for (const c of keptColumns) put(c, UNTICKED);
    put(cols.count, formula(countTemplate.at(r)));
    put(cols.primary, BLANK);
    put(levelCol, BLANK);
    put(investment.strategicFor, BLANK);
    put(cols.managedLike, BLANK);
    put(ownerCol, BLANK);
    put(lastContactCol, BLANK);
    put(nextReviewCol, formula(nextReviewTemplate.at(r)));
    put(checkCol, formula(checkTemplate.at(r)));
    put(reviewedCol, UNTICKED);
    put(notesCol, BLANK);
    put(statusCol, IN_LIST);
    tally(stats, ticks, false, false, false, true);
  });
  newCells.forEach((cells, c) => {
    changes.setRun(firstNewRow, c, cells);
    if (peopleOwnedColumn[c - 1]) return;
    cells.forEach((d, i) => recordWhole(firstNewRow + i, c, d));
  });
  stats.partners = partnerRows + newPartners.length;

  const writes = groupWrites(
    changes,
    (c) =>
      completeWhole(whole[c], lastRow, (d, r) =>
        d === FROM_TEMPLATE
          ? formula(templates.get(c)!.at(r))
          : keepAsIs(values[r - 1][c - 1], formulas[r - 1][c - 1]),
      ),
    FIRST_ROW,
  );
  // Cells people may set while a refresh runs (Status → Excluded, a dropdown choice) that the refresh rewrites
  // on existing rows: the writer re-reads them just before writing and keeps any that changed since this read.
  const guardedColumns = [statusCol, cols.primary, cols.managedLike, investment.strategicFor];
  for (const w of writes) {
    const rows = Math.min(w.values.length, lastRowNow - w.row + 1);
    const columns = guardedColumns.map((c) => c - w.column).filter((i) => i >= 0 && i < w.values[0].length);
    if (rows < 1 || columns.length === 0) continue;
    w.guard = {
      columns,
      expected: Array.from({ length: rows }, (_, r) =>
        columns.map((i) => cellText(values[w.row + r - 1]?.[w.column + i - 1])),
      ),
    };
  }

  // 5. Validations: every rule of ours, on every data row.
  const segmentNames = segments.map((s) => s.name);
  const checkbox: ValidationSpec = { kind: 'checkbox' };
  const list = (vals: string[], help: string): ValidationSpec => ({
    kind: 'list',
    values: vals,
    allowInvalid: false,
    helpText: help,
  });
  const wantedValidations: [number, ValidationSpec][] = [
    ...segmentColumns.map((c): [number, ValidationSpec] => [c, checkbox]),
    ...[...keep].map((k): [number, ValidationSpec] => [col(k), checkbox]),
    [
      cols.primary,
      list(segmentNames, 'Choose the segment that matters most for this partner, from the Segments tab.'),
    ],
    [
      col('level'),
      list(
        catalogue.levels.map((l) => l.name),
        'Choose a level of partnership, from the Levels table on the Segments tab.',
      ),
    ],
    // No goals yet (a new Goals table holds only its hint): no dropdown, since a list needs an entry.
    ...(goals.length
      ? [
          [
            investment.strategicFor,
            list(
              investment.goals.slice(),
              'Choose the goal this partner is required to meet, from the Goals table on the Segments tab; blank when none.',
            ),
          ] as [number, ValidationSpec],
        ]
      : []),
    [
      cols.managedLike,
      list(segmentNames, 'How do we manage this partner today? Choose a segment from the Segments tab.'),
    ],
    [
      col('lastContact'),
      {
        kind: 'date',
        helpText:
          'Type the date of the last contact, such as 2026-03-01. Anything that is not a date is rejected.',
      },
    ],
    [col('reviewed'), checkbox],
    [
      statusCol,
      list(
        STATUSES,
        'In list and Not in list are set by Partner Segments; choose Excluded to leave a partner out of the summary.',
      ),
    ],
  ];
  const dataRows = lastRow - 1;
  // The add-on owns these columns' rules, so it puts them back whole rather than reading each cell's rule to find
  // the ones a paste wiped or replaced (2–3 getters a cell, about 300,000 at 10,000 partners, of a cost nobody
  // has published). Setting a rule leaves every cell's value as it is, so nobody's tick or choice changes
  // (https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation)).
  // Adjacent columns with the same rule share a block; people's columns and our generated ones are never spanned.
  const validations: ValidationBlock[] = [];
  if (dataRows > 0)
    for (const [column, spec] of [...wantedValidations].sort((a, b) => a[0] - b[0])) {
      const prev = validations[validations.length - 1];
      if (prev && prev.column + prev.numColumns === column && sameValidation(prev.spec, spec))
        prev.numColumns++;
      else validations.push({ row: FIRST_ROW, numRows: dataRows, column, numColumns: 1, spec });
    }

  // 6. Header notes and fills; user columns keep theirs.
  const notesNow = slots.map((s) => (s.current === null ? '' : (state?.headerNotes[s.current - 1] ?? '')));
  const fillsNow = slots.map((s) =>
    s.current === null ? '#ffffff' : (state?.headerBackgrounds[s.current - 1] ?? '#ffffff'),
  );
  const notes = slots.map((s, i) => (s.key ? headerNote(s.key, catalogue) : notesNow[i]));
  const fills = slots.map((s, i) => (s.key ? headerFill(s.key, catalogue) : fillsNow[i]));

  // 7. Conditional formatting, in priority order: rows out of the summary (greyed whole, no flag), a choice that
  // does not fit, then whole rows.
  const rows = Math.max(dataRows, 1);
  const rules: RuleSpec[] = [
    {
      ranges: [{ row: FIRST_ROW, column: 1, numRows: rows, numColumns: width }],
      formula: inactiveCondition(statusCol),
      background: COLORS.inactiveBackground,
      fontColor: COLORS.inactiveFont,
    },
    {
      ranges: [{ row: FIRST_ROW, column: investment.level, numRows: rows, numColumns: 1 }],
      formula: investmentCondition(investment),
      background: COLORS.notFittingBackground,
      fontColor: COLORS.notFittingFont,
    },
    {
      ranges: [{ row: FIRST_ROW, column: investment.strategicFor, numRows: rows, numColumns: 1 }],
      formula: unknownGoalCondition(investment),
      background: COLORS.notFittingBackground,
      fontColor: COLORS.notFittingFont,
    },
    {
      ranges: [{ row: FIRST_ROW, column: cols.managedLike, numRows: rows, numColumns: 1 }],
      formula: notFittingCondition('managed like a segment it is not in', cols.managedLike, cols),
      background: COLORS.notFittingBackground,
      fontColor: COLORS.notFittingFont,
    },
    {
      ranges: [{ row: FIRST_ROW, column: cols.primary, numRows: rows, numColumns: 1 }],
      formula: notFittingCondition('primary segment not ticked', cols.primary, cols),
      background: COLORS.notFittingBackground,
      fontColor: COLORS.notFittingFont,
    },
    {
      ranges: [{ row: FIRST_ROW, column: nextReviewCol, numRows: rows, numColumns: 1 }],
      formula: overdueCondition(cols.upkeep!),
      background: COLORS.notFittingBackground,
      fontColor: COLORS.notFittingFont,
    },
    {
      ranges: [{ row: FIRST_ROW, column: 1, numRows: rows, numColumns: width }],
      formula: multiSegmentCondition(cols),
      background: COLORS.multiSegment,
      fontColor: null,
    },
    {
      ranges: [{ row: FIRST_ROW, column: 1, numRows: rows, numColumns: width }],
      formula: unsegmentedCondition(cols, partnerCol),
      background: null,
      fontColor: COLORS.dimmedFont,
    },
  ];
  const rulesSame = state !== null && state.userRulesFirst && sameRules(state.ourRules, rules);

  // At least the header row and the Partner column; a larger freeze people set is theirs and kept.
  const frozen = state
    ? { rows: Math.max(1, state.frozenRows), columns: Math.max(partnerCol, state.frozenColumns) }
    : { rows: 1, columns: partnerCol };
  const frozenSame =
    state !== null && state.frozenRows === frozen.rows && state.frozenColumns === frozen.columns;

  return {
    layout,
    newColumns: slots.flatMap((s, i) => (s.current === null && s.key ? [{ column: i + 1, key: s.key }] : [])),
    writes,
    headerNotes: notes.every((n, i) => n === notesNow[i]) ? null : notes,
    headerBackgrounds: fills.every((f, i) => f === fillsNow[i]) ? null : fills,
    validations,
    rules: rulesSame ? null : rules,
    wrap: !rulesSame || input.unfinished || slots[col('check') - 1].current === null ? [col('check')] : null,
    frozen: frozenSame ? null : frozen,
    widths: slots
      .flatMap((s, i) => {
        if ((s.current !== null && !input.unfinished) || !s.key) return [];
        const w = segmentIdOf(s.key) !== null ? 110 : WIDTHS[s.key as FixedRole];
        return w ? [{ column: i + 1, count: 1, width: w }] : [];
      })
      .reduce<RosterPlan['widths']>((runs, w) => {
        const last = runs[runs.length - 1];
        if (last && last.column + last.count === w.column && last.width === w.width) last.count += 1;
        else runs.push(w);
        return runs;
      }, []),
    lastRow,
    openColumns: slots.flatMap((s, i) => (isOpenToPeople(s.key) ? [i + 1] : [])),
    rowsAsRead: writes.some((w) => w.row <= lastRowNow)
      ? {
          row: FIRST_ROW,
          columns: keyColumns,
          values: values
            .slice(FIRST_ROW - 1, lastRowNow)
            .map((row) => keyColumns.map((c) => cellText(row[c - 1]))),
        }
      : null,
    stats,
  };
}

function headerText(key: ColumnKey, catalogue: Catalogue, retired: Map<ColumnKey, string>): string {
  const id = segmentIdOf(key);
  if (id === null) return HEADERS[key as FixedRole];
  const s = catalogue.segments.find((x) => x.id === id);
  return s ? s.name : `${retired.get(key) ?? id}${RETIRED_SUFFIX}`;
}

function headerNote(key: ColumnKey, catalogue: Catalogue): string {
  const id = segmentIdOf(key);
  if (id === null) return HEADER_NOTES[key as FixedRole];
  const s = catalogue.segments.find((x) => x.id === id);
  return s
    ? segmentNote(s.definition)
    : 'This segment was removed from the Segments tab. Its column stays while it has ticks and is left out of counts.';
}

function headerFill(key: ColumnKey, catalogue: Catalogue): string {
  const id = segmentIdOf(key);
  const i = id === null ? -1 : catalogue.segments.findIndex((x) => x.id === id);
  return i >= 0 ? segmentColor(catalogue.segments[i], i) : COLORS.header;
}

function keepAsIs(current: unknown, currentFormula: string): Desired {
  if (currentFormula) return formula(currentFormula);
  if (typeof current === 'number' || typeof current === 'boolean') return value(current);
  return text(cellText(current));
}

/**
 * In a column's whole content, a row whose cell already holds what it should (AS_IS) or its column's formula
 * (FROM_TEMPLATE): noted without making the content, which completeWhole makes only if the column is written whole.
 */
const AS_IS: Desired = { kind: 'text', text: '' };
const FROM_TEMPLATE: Desired = { kind: 'formula', formula: '' };

/** A column's content on every data row (`made` gives the noted rows'), or undefined where a row's is unknown. */
function completeWhole(
  list: Desired[] | undefined,
  lastRow: number,
  made: (d: Desired, row: number) => Desired,
): Desired[] | undefined {
  if (!list || list.length !== lastRow - 1) return undefined;
  const full: Desired[] = [];
  for (let i = 0; i < lastRow - 1; i++) {
    const d = list[i];
    if (d === undefined) return undefined;
    full.push(d === AS_IS || d === FROM_TEMPLATE ? made(d, i + FIRST_ROW) : d);
  }
  return full;
}

function managedFits(
  row: readonly unknown[],
  cols: FormulaColumns,
  segments: Catalogue['segments'],
  ticks: boolean[],
  renamed: Map<string, string>,
): boolean {
  const chosen = normaliseName(cellText(row[cols.managedLike - 1]));
  if (!chosen) return true;
  const name = renamed.get(chosen) ?? chosen;
  const i = segments.findIndex((s) => normaliseName(s.name) === normaliseName(name));
  return i >= 0 && ticks[i];
}

function tally(
  stats: RosterStats,
  ticks: boolean[],
  excluded: boolean,
  notInList: boolean,
  reviewed: boolean,
  fits: boolean,
): void {
  if (excluded) {
    stats.excluded++;
    return;
  }
  if (notInList) stats.notInList++;
  let n = 0;
  for (const ticked of ticks) if (ticked) n++;
  if (n > 1) stats.multiSegment++;
  if (n === 0) stats.unsegmented++;
  if (!reviewed) stats.unreviewed++;
  if (!fits) stats.mismatches++;
}
