// Snapshots: the document as JSON (schema: dev/snapshot.schema.json), and CSV loading.
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cellA1, columnToLetters, parseRange, quoteSheetName, rangeA1 } from './a1';
import type { CellValue } from './cellValues';
import { effectiveFormats } from './conditionalFormat';
import { createStandIn, type StandIn, type StandInOptions } from './index';
import { isDate } from './realm';
import type {
  ChartData,
  ConditionFormat,
  ConditionalRuleData,
  GridRect,
  MetadataEntry,
  ProtectionData,
  SheetModel,
  ValidationData,
  WorkbookModel,
} from './workbook';

export type SnapshotValue = string | number | boolean | { date: string };

export interface SnapshotValidation {
  a1: string;
  kind: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
  showDropdown?: boolean;
}

/** A rule as the schema writes it: its ranges in A1, its condition, and the format it applies (ConditionFormat). */
export interface SnapshotConditionalFormat extends ConditionFormat {
  ranges: string[];
  formula?: string;
  criteria?: string;
  values?: unknown[];
  gradient?: Record<string, unknown>;
}

export interface SnapshotMetadata {
  key: string;
  value: string | null;
  location: string;
  visibility?: 'DOCUMENT' | 'PROJECT';
}

/**
 * An embedded chart as the builder recorded it (charts are recorded, not drawn).
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 */
export interface SnapshotChart {
  /** The Charts.ChartType key: COLUMN, BAR, PIE, … */
  type: string;
  /** Data ranges in the order added: `A12:B20` on this sheet, `'Other sheet'!A1:B9` on another. */
  ranges: string[];
  /** setPosition(anchorRow, anchorColumn, offsetX, offsetY). */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  /** setOption / setTitle / setLegendPosition… as option paths (`title`, `legend.position`). */
  options: Record<string, unknown>;
  hiddenDimensionStrategy?: string;
  mergeStrategy?: string;
  numHeaders?: number;
  transposeRowsAndColumns?: boolean;
}

/**
 * A protection: a whole sheet (with the ranges left open) or one range.
 * https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
export interface SnapshotProtection {
  type: 'SHEET' | 'RANGE';
  /** RANGE only: the protected range. */
  range?: string;
  description: string;
  warningOnly: boolean;
  /** SHEET only: setUnprotectedRanges. */
  unprotected: string[];
  rangeName?: string | null;
}

export interface SnapshotSheet {
  name: string;
  maxRows?: number;
  maxColumns?: number;
  values: SnapshotValue[][];
  formulas: string[][];
  notes: string[][];
  backgrounds: string[][];
  effectiveBackgrounds?: string[][];
  fontColors: string[][];
  merged: string[];
  validations: SnapshotValidation[];
  conditionalFormats: SnapshotConditionalFormat[];
  metadata: SnapshotMetadata[];
  frozenRows: number;
  frozenColumns: number;
  charts?: SnapshotChart[];
  protections?: SnapshotProtection[];
}

export interface Snapshot {
  properties: Record<string, string>;
  metadata?: SnapshotMetadata[];
  sheets: SnapshotSheet[];
}

const KINDS: Record<string, string> = {
  CHECKBOX: 'checkbox',
  VALUE_IN_LIST: 'list',
  VALUE_IN_RANGE: 'range',
  CUSTOM_FORMULA: 'formula',
};

function toSnapshotValue(v: CellValue | ''): SnapshotValue {
  return isDate(v) ? { date: v.toISOString() } : v;
}

function fromSnapshotValue(v: SnapshotValue): unknown {
  return v !== null && typeof v === 'object' && 'date' in v ? new Date(v.date) : v;
}

function rectA1(rect: GridRect): string {
  return rangeA1(rect.row, rect.column, rect.numRows, rect.numColumns, {
    startRowBounded: true,
    startColumnBounded: true,
    endRowBounded: true,
    endColumnBounded: true,
  });
}

function metadataLocationText(entry: MetadataEntry): string {
  const loc = entry.location;
  if (loc.type === 'SPREADSHEET') return 'spreadsheet';
  if (loc.type === 'SHEET') return 'sheet';
  return loc.type === 'ROW' ? `row ${loc.index}` : `column ${columnToLetters(loc.index)}`;
}

function validationEntry(
  sheet: StandIn['workbook']['sheets'][number],
  rect: GridRect,
  data: ValidationData,
  standIn: StandIn,
) {
  const entry: SnapshotValidation = {
    a1: rectA1(rect),
    kind: KINDS[data.criteria] ?? data.criteria,
    values: data.values,
    allowInvalid: data.allowInvalid,
    helpText: data.helpText,
  };
  if (data.criteria === 'VALUE_IN_LIST') {
    entry.values = [...(data.values[0] as string[])];
    entry.showDropdown = data.values[1] !== false;
  } else if (data.criteria === 'VALUE_IN_RANGE') {
    const range = data.values[0] as GoogleAppsScript.Spreadsheet.Range;
    const a1 = standIn.internal(
      () => `${quoteSheetName(range.getSheet().getName())}!${range.getA1Notation()}`,
    );
    entry.values = [a1];
    entry.showDropdown = data.values[1] !== false;
  } else entry.values = data.values.map((v) => (isDate(v) ? { date: v.toISOString() } : v));
  void sheet;
  return entry;
}

/** Validation rules grouped into vertical runs of one column that share a rule. */
function validations(sheet: SheetModel, standIn: StandIn): SnapshotValidation[] {
  const out: SnapshotValidation[] = [];
  // Array.from, not map: a loaded sheet's rows may be sparse, and map keeps the holes (Math.max of a hole is NaN).
  const width = Math.max(0, ...Array.from(sheet.rows, (l) => l?.length ?? 0));
  for (let c = 1; c <= width; c++) {
    let start = 0;
    let current: ValidationData | undefined;
    const flush = (end: number) => {
      if (current)
        out.push(validationEntry(sheet, sheet.rect(start, c, end - start + 1, 1), current, standIn));
    };
    for (let r = 1; r <= sheet.rows.length + 1; r++) {
      const v = sheet.cell(r, c)?.validation;
      const same =
        v &&
        current &&
        JSON.stringify(v.values, replacer) === JSON.stringify(current.values, replacer) &&
        v.criteria === current.criteria &&
        v.allowInvalid === current.allowInvalid &&
        v.helpText === current.helpText;
      if (same) continue;
      flush(r - 1);
      current = v;
      start = r;
    }
  }
  return out;
}

function replacer(_key: string, value: unknown) {
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { getA1Notation?: unknown }).getA1Notation === 'function'
  ) {
    return (value as GoogleAppsScript.Spreadsheet.Range).getA1Notation();
  }
  return value;
}

function conditionalFormat(rule: ConditionalRuleData): SnapshotConditionalFormat {
  const out: SnapshotConditionalFormat = { ranges: rule.ranges.map(rectA1) };
  if (rule.condition?.criteria === 'CUSTOM_FORMULA') out.formula = String(rule.condition.values[0]);
  else if (rule.condition) {
    out.criteria = rule.condition.criteria;
    out.values = rule.condition.values.map((v) =>
      isDate(v) ? { date: v.toISOString() } : typeof v === 'object' && v !== null ? String(v) : v,
    );
  }
  if (rule.gradient) out.gradient = { ...rule.gradient };
  for (const key of ['background', 'fontColor', 'bold', 'italic', 'strikethrough', 'underline'] as const) {
    if (rule.format[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = rule.format[key];
  }
  return out;
}

/** A chart's data range: plain A1 on the chart's own sheet, sheet-qualified on another. */
function chartRangeA1(workbook: WorkbookModel, sheet: SheetModel, rect: GridRect): string {
  if (rect.sheetId === sheet.id) return rectA1(rect);
  const other = workbook.sheetById(rect.sheetId);
  if (!other) throw new Error(`snapshot: a chart on "${sheet.name}" reads a sheet that is gone`);
  return `${quoteSheetName(other.name)}!${rectA1(rect)}`;
}

function chartEntry(workbook: WorkbookModel, sheet: SheetModel, chart: ChartData): SnapshotChart {
  const entry: SnapshotChart = {
    type: chart.chartType,
    ranges: chart.ranges.map((r) => chartRangeA1(workbook, sheet, r)),
    position: { ...chart.position },
    options: JSON.parse(JSON.stringify(chart.options)) as Record<string, unknown>,
  };
  if (chart.hiddenDimensionStrategy !== undefined)
    entry.hiddenDimensionStrategy = chart.hiddenDimensionStrategy;
  if (chart.mergeStrategy !== undefined) entry.mergeStrategy = chart.mergeStrategy;
  if (chart.numHeaders !== undefined) entry.numHeaders = chart.numHeaders;
  if (chart.transposeRowsAndColumns !== undefined)
    entry.transposeRowsAndColumns = chart.transposeRowsAndColumns;
  return entry;
}

function protectionEntry(p: ProtectionData): SnapshotProtection {
  const entry: SnapshotProtection = {
    type: p.type,
    description: p.description,
    warningOnly: p.warningOnly,
    unprotected: p.type === 'SHEET' ? p.unprotected.map(rectA1) : [],
  };
  if (p.type === 'RANGE') entry.range = rectA1(p.rect);
  if (p.rangeName !== null) entry.rangeName = p.rangeName;
  return entry;
}

/** The document as a snapshot (see dev/snapshot.schema.json). */
export function saveSnapshot(standIn: StandIn): Snapshot {
  const { workbook, core } = standIn;
  return standIn.internal(() => ({
    properties: Object.fromEntries(standIn.properties.document),
    metadata: workbook.metadata
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => ({ key: m.key, value: m.value, location: 'spreadsheet', visibility: m.visibility })),
    sheets: workbook.sheets.map((sheet) => {
      const data = core.sheet(sheet).getDataRange();
      const numRows = data.getNumRows();
      const numColumns = data.getNumColumns();
      const values = data.getValues() as Array<Array<CellValue | ''>>;
      const effective = effectiveFormats(core, sheet, numRows, numColumns, (r, c) => values[r - 1][c - 1]);
      return {
        name: sheet.name,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        values: values.map((row) => row.map(toSnapshotValue)),
        formulas: data.getFormulas(),
        notes: data.getNotes(),
        backgrounds: data.getBackgrounds(),
        effectiveBackgrounds: effective.backgrounds,
        fontColors: data.getFontColors(),
        merged: sheet.merges.map(rectA1),
        validations: validations(sheet, standIn),
        conditionalFormats: sheet.conditionalRules.map(conditionalFormat),
        metadata: workbook.metadata
          .filter((m) => m.location.type !== 'SPREADSHEET' && m.location.sheetId === sheet.id)
          .map((m) => ({
            key: m.key,
            value: m.value,
            location: metadataLocationText(m),
            visibility: m.visibility,
          })),
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        charts: sheet.charts.map((c) => chartEntry(workbook, sheet, c)),
        protections: sheet.protections.map(protectionEntry),
      };
    }),
  }));
}

function gridRectOf(sheet: SheetModel, a1: string): GridRect {
  const p = parseRange(a1);
  if (!p) throw new Error(`snapshot: bad range ${a1}`);
  const row = p.startRow ?? 1;
  const column = p.startColumn ?? 1;
  return sheet.rect(
    row,
    column,
    (p.endRow ?? sheet.maxRows) - row + 1,
    (p.endColumn ?? sheet.maxColumns) - column + 1,
  );
}

/** A stand-in holding the document a snapshot describes. */
export function loadSnapshot(snapshot: Snapshot, options: StandInOptions = {}): StandIn {
  const standIn = createStandIn({ ...options, initialSheet: null });
  const { workbook } = standIn;
  for (const [k, v] of Object.entries(snapshot.properties ?? {}))
    standIn.properties.document.set(k, String(v));
  for (const s of snapshot.sheets) {
    const grid = s.values.map((row) => row.map(fromSnapshotValue));
    const sheet = standIn.addSheet(s.name, grid, { maxRows: s.maxRows, maxColumns: s.maxColumns });
    s.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) sheet.setContent(r + 1, c + 1, { formula: f });
      }),
    );
    const each = (
      grid: string[][] | undefined,
      fn: (cell: ReturnType<SheetModel['ensureCell']>, v: string) => void,
      skip: string,
    ) =>
      grid?.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== skip && v !== '') fn(sheet.ensureCell(r + 1, c + 1), v);
        }),
      );
    each(s.notes, (cell, v) => (cell.note = v), '');
    each(s.backgrounds, (cell, v) => ((cell.format ??= {}).background = v), '#ffffff');
    each(s.fontColors, (cell, v) => ((cell.format ??= {}).fontColor = v), '#000000');
    sheet.merges = (s.merged ?? []).map((a1) => gridRectOf(sheet, a1));
    sheet.frozenRows = s.frozenRows ?? 0;
    sheet.frozenColumns = s.frozenColumns ?? 0;
  }
  // Second pass: rules that may point at other sheets.
  for (const s of snapshot.sheets) {
    const sheet = workbook.sheetByName(s.name)!;
    for (const v of s.validations ?? []) {
      const criteria = Object.entries(KINDS).find(([, kind]) => kind === v.kind)?.[0] ?? v.kind;
      let values: unknown[] = v.values.map((x) =>
        x && typeof x === 'object' && 'date' in (x as object) ? new Date((x as { date: string }).date) : x,
      );
      if (criteria === 'VALUE_IN_LIST') values = [v.values.map(String), v.showDropdown ?? true];
      if (criteria === 'VALUE_IN_RANGE') {
        const ref = parseRange(String(v.values[0]));
        const target = workbook.sheetByName(ref?.sheetName ?? s.name)!;
        values = [
          standIn.core.rangeOfRect(gridRectOf(target, String(v.values[0]).replace(/^.*!/, ''))),
          v.showDropdown ?? true,
        ];
      }
      const rect = gridRectOf(sheet, v.a1);
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
          sheet.ensureCell(r, c).validation = {
            criteria,
            values: [...values],
            allowInvalid: v.allowInvalid,
            helpText: v.helpText,
          };
        }
      }
    }
    sheet.conditionalRules = (s.conditionalFormats ?? []).map((f) => {
      const format: ConditionalRuleData['format'] = {};
      for (const key of [
        'background',
        'fontColor',
        'bold',
        'italic',
        'strikethrough',
        'underline',
      ] as const) {
        if (f[key] !== undefined) (format as Record<string, unknown>)[key] = f[key];
      }
      const rule: ConditionalRuleData = { ranges: f.ranges.map((a1) => gridRectOf(sheet, a1)), format };
      if (f.formula !== undefined) rule.condition = { criteria: 'CUSTOM_FORMULA', values: [f.formula] };
      else if (f.criteria) rule.condition = { criteria: f.criteria, values: [...(f.values ?? [])] };
      if (f.gradient) rule.gradient = { ...f.gradient };
      return rule;
    });
    for (const m of s.metadata ?? []) addMetadata(standIn, sheet, m);
    sheet.charts = (s.charts ?? []).map((c) => chartData(workbook, sheet, c));
    sheet.protections = (s.protections ?? []).map((p) => protectionData(workbook, sheet, p));
  }
  for (const m of snapshot.metadata ?? []) addMetadata(standIn, null, m);
  workbook.activeSheetId = workbook.sheets[0]?.id ?? 0;
  workbook.structureChanged();
  return standIn;
}

/** A chart range from a snapshot: on the chart's sheet, or on the sheet its prefix names. */
function chartRect(workbook: WorkbookModel, sheet: SheetModel, a1: string): GridRect {
  const name = parseRange(a1)?.sheetName;
  const target = name === undefined ? sheet : workbook.sheetByName(name);
  if (!target) throw new Error(`snapshot: a chart on "${sheet.name}" reads a sheet that is not there: ${a1}`);
  return gridRectOf(target, a1.replace(/^.*!/, ''));
}

function chartData(workbook: WorkbookModel, sheet: SheetModel, c: SnapshotChart): ChartData {
  const data: ChartData = {
    id: workbook.nextObjectId++,
    chartType: c.type,
    ranges: c.ranges.map((a1) => chartRect(workbook, sheet, a1)),
    options: JSON.parse(JSON.stringify(c.options ?? {})) as Record<string, unknown>,
    position: { ...c.position },
  };
  if (c.hiddenDimensionStrategy !== undefined) data.hiddenDimensionStrategy = c.hiddenDimensionStrategy;
  if (c.mergeStrategy !== undefined) data.mergeStrategy = c.mergeStrategy;
  if (c.numHeaders !== undefined) data.numHeaders = c.numHeaders;
  if (c.transposeRowsAndColumns !== undefined) data.transposeRowsAndColumns = c.transposeRowsAndColumns;
  return data;
}

function protectionData(workbook: WorkbookModel, sheet: SheetModel, p: SnapshotProtection): ProtectionData {
  if (p.type === 'RANGE' && !p.range)
    throw new Error(`snapshot: a RANGE protection on "${sheet.name}" has no range`);
  return {
    id: workbook.nextObjectId++,
    type: p.type,
    rect:
      p.type === 'SHEET' ? sheet.rect(1, 1, sheet.maxRows, sheet.maxColumns) : gridRectOf(sheet, p.range!),
    description: p.description ?? '',
    warningOnly: p.warningOnly ?? false,
    unprotected: p.type === 'SHEET' ? (p.unprotected ?? []).map((a1) => gridRectOf(sheet, a1)) : [],
    rangeName: p.rangeName ?? null,
  };
}

function addMetadata(standIn: StandIn, sheet: SheetModel | null, m: SnapshotMetadata) {
  const { workbook } = standIn;
  const match = /^(row|column) (\w+)$/.exec(m.location);
  let location: MetadataEntry['location'];
  if (m.location === 'spreadsheet' || !sheet) location = { type: 'SPREADSHEET' };
  else if (m.location === 'sheet') location = { type: 'SHEET', sheetId: sheet.id };
  else if (match && match[1] === 'row')
    location = { type: 'ROW', sheetId: sheet.id, index: Number(match[2]) };
  else if (match)
    location = { type: 'COLUMN', sheetId: sheet.id, index: parseRange(`${match[2]}1`)!.startColumn! };
  else throw new Error(`snapshot: bad metadata location ${m.location}`);
  workbook.metadata.push({
    id: workbook.newMetadataId(),
    key: m.key,
    value: m.value,
    visibility: m.visibility ?? 'DOCUMENT',
    location,
  });
}

/**
 * A stand-in with one sheet loaded from CSV (a file path or CSV text). The sheet is named after the file
 * without extension (or `sheetName`). Cells load as text, except plain numbers and TRUE/FALSE (any case);
 * nothing loads as a formula (`=1+1` stays text).
 */
export function loadCsv(pathOrText: string, sheetName?: string, standIn?: StandIn): StandIn {
  const isFile = !pathOrText.includes('\n') && existsSync(pathOrText);
  const text = isFile ? readFileSync(pathOrText, 'utf8') : pathOrText;
  const name = sheetName ?? (isFile ? basename(pathOrText, extname(pathOrText)) : 'Sheet1');
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  const grid = rows.map((row) =>
    row.map((cell) => {
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell.trim())) return Number(cell.trim());
      if (/^(true|false)$/i.test(cell.trim())) return cell.trim().toLowerCase() === 'true';
      return cell;
    }),
  );
  const target = standIn ?? createStandIn({ initialSheet: null });
  target.addSheet(name, grid);
  if (!standIn) target.workbook.activeSheetId = target.workbook.sheetByName(name)!.id;
  return target;
}

export { cellA1 };
