// Plans a set-up of the Segment Exercise tab: pure, from what the sheet layer read to what it must write.
// The add-on writes only its own cells (title and tally, headers, Partner, ID, About, Roster, Picks, Agreement);
// a participant's cells are never written, so re-running set-up keeps every pick.
import { columnLetter } from '../columns';
import { formulaString } from '../roster/a1';
import { typedText } from '../roster/cells';
import { markedCondition } from '../roster/formulas';
import { RuleSpec } from '../roster/specs';
import { cellText, normaliseName } from '../text';
import {
  agreementFormula,
  ALL_AGREE,
  choicesOf,
  countPicks,
  EXCLUDED_IN_ROSTER,
  FIXED_ORDER,
  FixedExerciseKey,
  HEADER_NOTES,
  HEADERS,
  MAX_FORMULA,
  IN_ROSTER,
  INSTRUCTIONS,
  LEFT_ROSTER,
  participantCountProblem,
  participantKey,
  participantNote,
  participantOf,
  picksFormula,
  TALLY_LABELS,
  type ExerciseKey,
} from './model';

/** A partner of the roster: its identity, as the roster's rows give it, and how it stands there. */
export interface RosterPartner {
  key: string;
  name: string;
  id: string;
  about: string;
  standing: 'in' | 'excluded' | 'notInList';
}

/** What the sheet layer read of an existing tab. */
export interface ExerciseState {
  /** getValues from A1. */
  values: unknown[][];
  /** Our key of each column (index 0 = column A), null where a column has none. */
  keys: (ExerciseKey | null)[];
  /** The rows our row metadata marks (null where the mark is missing: a set-up stopped before it). */
  titleRow: number | null;
  headerRow: number | null;
  /** The tab's first write finished (its finished mark). */
  finished: boolean;
}

export interface ExerciseInput {
  segmentNames: string[];
  /** Every partner of the roster, in roster order. */
  partners: RosterPartner[];
  /** The roster has an ID column. */
  hasId: boolean;
  /** Names as the facilitator typed them (parseParticipants). */
  participants: string[];
  state: ExerciseState | null;
}

export interface Block {
  row: number;
  column: number;
  values: (string | number | boolean)[][];
}

export interface ExercisePlan {
  titleRow: number;
  headerRow: number;
  /** Row metadata to add (the marks missing): row → value. */
  newRowMarks: { row: number; mark: 'title' | 'header' }[];
  /** Columns to insert before the first new participant (people's columns stand right of the block). */
  insert: { after: number; count: number } | null;
  /** Column metadata to add (final coordinates). */
  newColumns: { column: number; key: ExerciseKey }[];
  writes: Block[];
  /** The header row's notes over the final width (people's columns keep theirs: null there). */
  headerNotes: (string | null)[];
  width: number;
  lastRow: number;
  /** The participants' block (final coordinates), data rows: one dropdown rule for it all. */
  participants: { first: number; last: number; names: string[] };
  choices: string[];
  rules: RuleSpec[];
  /** One-time formats of a new tab (or one a stopped first set-up left). */
  firstWrite: boolean;
  widths: { column: number; count: number; width: number }[];
  frozen: { rows: number; columns: number };
  stats: ExerciseStats;
}

export interface ExerciseStats {
  participants: number;
  newParticipants: number;
  partners: number;
  newPartners: number;
  leftRoster: number;
}

export class ExercisePlanError extends Error {}

export const COLORS = {
  split: '#fce8b2',
  agree: '#ceead6',
  dimmed: '#80868b',
  header: '#e8eaed',
  participant: '#e8f0fe',
};

const DEFAULT_TITLE_ROW = 1;
const TALLY_ROWS = TALLY_LABELS.length;
const DEFAULT_HEADER_ROW = DEFAULT_TITLE_ROW + TALLY_ROWS + 2;

/** Widths of a new tab's wide columns (the others keep Sheets' 100 pixels). */
const WIDTHS: Partial<Record<FixedExerciseKey, number>> = { partner: 200, about: 260, agreement: 260 };
const PARTICIPANT_WIDTH = 130;

/** The identity a row of the tab has, the same as the roster's (partnerKey in roster/plan.ts). */
export function rowKey(name: unknown, id: unknown): string {
  const idText = cellText(id).trim();
  return idText ? `id:${idText}` : `name:${normaliseName(cellText(name).trim())}`;
}

export function planExercise(input: ExerciseInput): ExercisePlan {
  const { state } = input;
  const values = state?.values ?? [];
  const keys = [...(state?.keys ?? [])];
  const firstWrite = !state || !state.finished;
  const titleRow = state?.titleRow ?? DEFAULT_TITLE_ROW;
  const headerRow = state?.headerRow ?? DEFAULT_HEADER_ROW;
  const usedWidth = Math.max(values[0]?.length ?? 0, ...values.map((r) => r.length), keys.length);

  // 1. Columns. Ours are found by their keys; a fixed one missing goes where a new tab has it when that column is
  // free (a stopped first set-up), else at the right end.
  const columnOf = new Map<ExerciseKey, number>();
  keys.forEach((k, i) => {
    if (k && !columnOf.has(k)) columnOf.set(k, i + 1);
  });
  const fixedWanted = FIXED_ORDER.filter((k) => k !== 'id' || input.hasId || columnOf.has('id'));
  const newColumns: { column: number; key: ExerciseKey }[] = [];
  const isFree = (c: number) =>
    !keys[c - 1] &&
    !newColumns.some((n) => n.column === c) &&
    values.every((row) => cellText(row[c - 1]) === '');
  let end = usedWidth;
  fixedWanted.forEach((key, i) => {
    if (columnOf.has(key)) return;
    const canonical = i + 1;
    const column = firstWrite && isFree(canonical) ? canonical : ++end;
    if (column > end) end = column;
    columnOf.set(key, column);
    newColumns.push({ column, key });
  });

  // Participants: those on the tab (by key, in column order), then the newly typed ones.
  const existing = keys
    .map((k, i) => ({ k, column: i + 1 }))
    .filter((x): x is { k: ExerciseKey; column: number } => !!x.k && participantOf(x.k) !== null);
  const known = new Set<string>();
  for (const p of existing) {
    known.add(normaliseName(participantOf(p.k) as string));
    const header = cellText(values[headerRow - 1]?.[p.column - 1]).trim();
    if (header) known.add(normaliseName(header));
  }
  const added = input.participants.filter((name) => !known.has(normaliseName(name)));
  const problem = participantCountProblem(existing.length + added.length, existing.length);
  if (problem) throw new ExercisePlanError(problem);

  const fixedLast = Math.max(...fixedWanted.map((k) => columnOf.get(k) as number));
  const blockEnd = existing.length ? Math.max(...existing.map((p) => p.column)) : fixedLast;
  // New participants go right after the block: into the blank columns standing there (a stopped run may have
  // inserted them), then into columns inserted before the first column something stands in.
  const taken = (c: number) =>
    !!keys[c - 1] ||
    newColumns.some((n) => n.column === c) ||
    values.some((row) => cellText(row[c - 1]) !== '');
  let blank = 0;
  while (blank < added.length && blockEnd + blank < end && !taken(blockEnd + blank + 1)) blank++;
  const occupied = Array.from(
    { length: Math.max(0, end - blockEnd - blank) },
    (_, i) => blockEnd + blank + i + 1,
  ).some(taken);
  const missing = added.length - blank;
  const insert = missing > 0 && occupied ? { after: blockEnd + blank, count: missing } : null;
  if (insert) {
    const shift = (c: number) => (c > insert.after ? c + insert.count : c);
    for (const [k, c] of columnOf) columnOf.set(k, shift(c));
    for (const n of newColumns) n.column = shift(n.column);
    for (const p of existing) p.column = shift(p.column);
    end += insert.count;
  }
  /** Where a column of the final layout stands now (null: one this run inserts). */
  const now = (c: number): number | null =>
    !insert || c <= insert.after ? c : c <= insert.after + insert.count ? null : c - insert.count;
  const currentAt = (row: number, c: number): unknown => {
    const at = now(c);
    return at === null ? undefined : values[row - 1]?.[at - 1];
  };
  added.forEach((name, i) => {
    const column = blockEnd + 1 + i;
    newColumns.push({ column, key: participantKey(name) });
  });
  const width = Math.max(end, blockEnd + added.length);
  const participantColumns = [
    ...existing.map((p) => ({ column: p.column, name: headerName(values, headerRow, p) })),
    ...added.map((name, i) => ({ column: blockEnd + 1 + i, name })),
  ];
  const first = existing.length ? Math.min(...existing.map((p) => p.column)) : blockEnd + 1;
  const last = blockEnd + added.length;
  const col = (k: FixedExerciseKey) => columnOf.get(k) as number;

  // 2. Rows: the tab's partners (matched to the roster by key, then by name), then the roster's new ones.
  const byKey = new Map(input.partners.map((p) => [p.key, p]));
  const byName = new Map<string, RosterPartner>();
  for (const p of input.partners)
    if (!byName.has(normaliseName(p.name))) byName.set(normaliseName(p.name), p);
  const matched = new Set<RosterPartner>();
  const idCol = columnOf.get('id');
  const rows: { row: number; partner: RosterPartner | null; name: unknown; id: unknown; about: unknown }[] =
    [];
  for (let r = headerRow + 1; r <= values.length; r++) {
    const name = currentAt(r, col('partner')) ?? '';
    const id = idCol ? (currentAt(r, idCol) ?? '') : '';
    if (cellText(name).trim() === '' && cellText(id).trim() === '') continue;
    let p = byKey.get(rowKey(name, id));
    if (!p || matched.has(p)) {
      const alt = byName.get(normaliseName(cellText(name).trim()));
      p = alt && !matched.has(alt) && !cellText(id).trim() ? alt : undefined;
    }
    if (p) matched.add(p);
    rows.push({ row: r, partner: p ?? null, name, id, about: currentAt(r, col('about')) ?? '' });
  }
  const lastUsed = Math.max(values.length, headerRow);
  const fresh = input.partners.filter((p) => p.standing === 'in' && !matched.has(p));
  fresh.forEach((p, i) =>
    rows.push({ row: lastUsed + 1 + i, partner: p, name: p.name, id: p.id, about: p.about }),
  );
  const lastRow = Math.max(headerRow + 1, ...rows.map((x) => x.row));

  // 3. What our cells hold: every fixed column from the header row down, rewritten whole (they are ours).
  const choices = choicesOf(input.segmentNames);
  const cols = { picks: col('picks'), first, last };
  if (agreementFormula(lastRow, cols, choices).length > MAX_FORMULA) {
    throw new ExercisePlanError(
      `With ${input.segmentNames.length} segments the exercise's Agreement formula would be longer than a cell ` +
        'holds (50,000 characters). Remove the segments you do not need from the Segments tab, then set up again.',
    );
  }
  const byRow = new Map(rows.map((x) => [x.row, x]));
  const columnValues = (key: FixedExerciseKey): (string | number | boolean)[] => {
    const out: (string | number | boolean)[] = [HEADERS[key]];
    for (let r = headerRow + 1; r <= lastRow; r++) {
      const x = byRow.get(r);
      const current = currentAt(r, col(key));
      if (!x) {
        // A row without a partner is left as it is (a whole-column write keeps what it holds).
        out.push(current === undefined ? '' : (current as string | number | boolean));
        continue;
      }
      const p = x.partner;
      switch (key) {
        case 'partner':
          out.push(typedText(p ? p.name : cellText(x.name)));
          break;
        case 'id':
          out.push(typedText(p ? p.id : cellText(x.id)));
          break;
        case 'about':
          out.push(typedText(p ? p.about : cellText(x.about)));
          break;
        case 'roster':
          out.push(
            !p || p.standing === 'notInList'
              ? LEFT_ROSTER
              : p.standing === 'excluded'
                ? EXCLUDED_IN_ROSTER
                : IN_ROSTER,
          );
          break;
        case 'picks':
          out.push(picksFormula(r, cols, choices));
          break;
        case 'agreement':
          out.push(agreementFormula(r, cols, choices));
          break;
      }
    }
    return out;
  };
  const writes: Block[] = fixedWanted.map((key) => ({
    row: headerRow,
    column: col(key),
    values: columnValues(key).map((v) => [v]),
  }));
  // Contiguous fixed columns go as one block.
  const merged: Block[] = [];
  for (const w of [...writes].sort((a, b) => a.column - b.column)) {
    const prev = merged[merged.length - 1];
    if (prev && prev.column + prev.values[0].length === w.column)
      prev.values.forEach((row, i) => row.push(w.values[i][0]));
    else merged.push({ ...w, values: w.values.map((r) => [...r]) });
  }
  // Participants' headers: a new one's name, and the name again where a header is blank (a stopped run keyed the
  // column before writing it); a header people changed stays as they typed it.
  const headerOf = new Map(participantColumns.map((p) => [p.column, p.name]));
  merged.push({
    row: headerRow,
    column: first,
    values: [
      Array.from({ length: last - first + 1 }, (_, i) => {
        const current = currentAt(headerRow, first + i);
        const name = headerOf.get(first + i);
        return cellText(current).trim() === '' && name !== undefined
          ? typedText(name)
          : ((current ?? '') as string | number | boolean);
      }),
    ],
  });

  // Title and tally: live counts over the tab's own rows.
  const dataRows = (c: number) => `$${columnLetter(c)}$${headerRow + 1}:$${columnLetter(c)}`;
  const inRoster = `${dataRows(col('roster'))},${formulaString(IN_ROSTER)}`;
  const everyone = `COLUMNS($${columnLetter(first)}$${headerRow}:$${columnLetter(last)}$${headerRow})`;
  // The tally stands above the header row; if people moved rows so there is no room, it is left out.
  if (titleRow + TALLY_ROWS < headerRow)
    merged.push({
      row: titleRow,
      column: 1,
      values: [
        ['Segment exercise', INSTRUCTIONS],
        [
          TALLY_LABELS[0],
          `=COUNTIFS(${inRoster},${dataRows(col('agreement'))},${formulaString(`${ALL_AGREE}*`)})`,
        ],
        [TALLY_LABELS[1], `=COUNTIFS(${inRoster},${dataRows(col('agreement'))},${formulaString('Split*')})`],
        [TALLY_LABELS[2], `=COUNTIFS(${inRoster},${dataRows(col('picks'))},"<"&${everyone})`],
      ],
    });

  const headerNotes: (string | null)[] = Array.from({ length: width }, () => null);
  for (const key of fixedWanted) headerNotes[col(key) - 1] = HEADER_NOTES[key];
  for (const p of participantColumns) headerNotes[p.column - 1] = participantNote(p.name);

  // 4. Conditional formatting over the data rows: split rows, full agreement, rows no longer in the roster.
  const rowsCount = Math.max(1, lastRow - headerRow);
  const area = [{ row: headerRow + 1, column: 1, numRows: rowsCount, numColumns: width }];
  const at = (c: number) => `$${columnLetter(c)}${headerRow + 1}`;
  const rules: RuleSpec[] = [
    {
      ranges: area,
      formula: markedCondition('group split', `LEFT(${at(col('agreement'))},5)="Split"`),
      background: COLORS.split,
      fontColor: null,
    },
    {
      ranges: area,
      formula: markedCondition(
        'group agrees',
        `LEFT(${at(col('agreement'))},${ALL_AGREE.length})=${formulaString(ALL_AGREE)}`,
      ),
      background: COLORS.agree,
      fontColor: null,
    },
    {
      ranges: area,
      formula: markedCondition(
        'not in roster',
        `AND(${at(col('roster'))}<>"",${at(col('roster'))}<>${formulaString(IN_ROSTER)})`,
      ),
      background: null,
      fontColor: COLORS.dimmed,
    },
  ];

  const newRowMarks: ExercisePlan['newRowMarks'] = [];
  if (!state || state.titleRow === null) newRowMarks.push({ row: titleRow, mark: 'title' });
  if (!state || state.headerRow === null) newRowMarks.push({ row: headerRow, mark: 'header' });

  const widths: ExercisePlan['widths'] = firstWrite
    ? fixedWanted.flatMap((k) => {
        const w = WIDTHS[k];
        return w ? [{ column: col(k), count: 1, width: w }] : [];
      })
    : [];
  const newParticipantColumns = firstWrite
    ? participantColumns.map((p) => p.column)
    : added.map((_, i) => blockEnd + 1 + i);
  if (newParticipantColumns.length)
    widths.push({
      column: Math.min(...newParticipantColumns),
      count: newParticipantColumns.length,
      width: PARTICIPANT_WIDTH,
    });

  return {
    titleRow,
    headerRow,
    newRowMarks,
    insert,
    newColumns,
    writes: merged,
    headerNotes,
    width,
    lastRow,
    participants: { first, last, names: participantColumns.map((p) => p.name) },
    choices,
    rules,
    firstWrite,
    widths,
    frozen: { rows: headerRow, columns: col('partner') },
    stats: {
      participants: participantColumns.length,
      newParticipants: added.length,
      partners: rows.length,
      newPartners: fresh.length,
      leftRoster: rows.filter((x) => !x.partner || x.partner.standing !== 'in').length,
    },
  };
}

function headerName(
  values: readonly unknown[][],
  headerRow: number,
  p: { k: ExerciseKey; column: number },
): string {
  return cellText(values[headerRow - 1]?.[p.column - 1]).trim() || (participantOf(p.k) as string);
}

/** One row of the tab as the group left it: for the summary and the bring-in action. */
export interface ExerciseRow {
  key: string;
  partner: string;
  inRoster: boolean;
  /** Counts per choice (choicesOf order). */
  counts: number[];
}

/**
 * Reads the tab's rows (values from A1, our key per column) for the summary and the bring-in: the picks of the
 * participants' columns found by their keys, counted against `choices`.
 */
export function readExerciseRows(
  values: readonly unknown[][],
  keys: readonly (ExerciseKey | null)[],
  headerRow: number,
  choices: readonly string[],
): { rows: ExerciseRow[]; participants: number } {
  const at = new Map<string, number>();
  const participantCols: number[] = [];
  keys.forEach((k, i) => {
    if (!k) return;
    if (participantOf(k) !== null) participantCols.push(i);
    else if (!at.has(k)) at.set(k, i);
  });
  const cell = (row: readonly unknown[], key: FixedExerciseKey) => {
    const c = at.get(key);
    return c === undefined ? '' : row[c];
  };
  const rows: ExerciseRow[] = [];
  for (let r = headerRow; r < values.length; r++) {
    const row = values[r];
    const partner = cellText(cell(row, 'partner')).trim();
    const id = cellText(cell(row, 'id')).trim();
    if (!partner && !id) continue;
    rows.push({
      key: rowKey(partner, id),
      partner: partner || id,
      inRoster: cellText(cell(row, 'roster')).trim() === IN_ROSTER,
      counts: countPicks(
        participantCols.map((c) => row[c]),
        choices,
      ),
    });
  }
  return { rows, participants: participantCols.length };
}
