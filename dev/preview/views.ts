// The plain JSON the preview page draws: the active sheet as a grid (what a person sees: display values,
// formulas, fills after conditional formatting, tick boxes, dropdowns) plus the tabs and the add-on menu.
import { cellA1 } from '../standin/a1';
import type { StandIn } from '../standin/index';
import type { ChartData, GridRect } from '../standin/workbook';

export type CellControl = { kind: 'checkbox'; checked: boolean } | { kind: 'dropdown'; options: string[] };

export interface CellView {
  display: string;
  /** What the formula bar shows: the formula, or the value as typed. */
  input: string;
  background: string;
  color: string;
  bold: boolean;
  italic: boolean;
  /** Numbers and dates sit on the right, as in Sheets. */
  numeric: boolean;
  control?: CellControl;
  note?: string;
  error?: string;
  /** Wrap strategy WRAP: the text wraps and the row grows, as in Sheets. */
  wrap?: true;
  /** The top-left cell of a merge: how many rows and columns it covers. */
  rowSpan?: number;
  colSpan?: number;
  /** A cell inside a merge, not its top-left: Sheets draws nothing of it. */
  covered?: true;
}

/** One data series of a chart: its header (or "Series n") and a number or null per category. */
export interface ChartSeriesView {
  name: string;
  values: Array<number | null>;
}

/** An embedded chart with its data read from its ranges, as Sheets would draw it. */
export interface ChartView {
  /** COLUMN, BAR, LINE, AREA, PIE, SCATTER, TABLE… (EmbeddedChart.getType). */
  type: string;
  title: string;
  /** "Partners per segment" column chart: for a text caption and tests. */
  label: string;
  /** The anchor cell (1-based) and the offset from its top-left corner, in pixels. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  legend: boolean;
  colors: string[];
  categories: string[];
  series: ChartSeriesView[];
}

export interface SheetView {
  name: string;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Record<number, number>;
  /** Heights the add-on set (setRowHeight); other rows are 21 px, or taller where wrapped text needs it. */
  rowHeights: Record<number, number>;
  rows: CellView[][];
  charts: ChartView[];
}

export interface MenuItemView {
  caption: string;
  functionName: string;
}

export interface WorkbookView {
  title: string;
  tabs: Array<{ name: string; color: string | null }>;
  active: string;
  sheet: SheetView;
  menu: { caption: string; items: Array<MenuItemView | 'separator'> } | null;
}

/** A few empty rows and columns beyond the data, as in Sheets, so a person can type past the end. */
const SPARE_ROWS = 5;
const SPARE_COLUMNS = 2;
const MIN_ROWS = 30;
const MIN_COLUMNS = 8;

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Sheets' size for a new embedded chart when no width or height option is set. */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 };
/** Sheets' default series colours, in order. */
const DEFAULT_CHART_COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043'];

const isBlank = (value: unknown) => value === '' || value === null || value === undefined;

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

/**
 * A chart's table: its ranges side by side (MERGE_COLUMNS, the default) or one under the other (MERGE_ROWS), raw
 * values and display text, cut to the data the range's sheet holds (a range "C1:I" reaches the bottom).
 */
function chartTable(standIn: StandIn, chart: ChartData): { raw: unknown[][]; shown: string[][] } {
  const blocks = chart.ranges.map((rect) => {
    const sheet = standIn.workbook.sheetById(rect.sheetId);
    if (!sheet) return { raw: [], shown: [] };
    const values = standIn.sheetValues(sheet.name);
    const display = standIn.sheetDisplayValues(sheet.name);
    const rows = Math.max(0, Math.min(rect.numRows, values.length - rect.row + 1));
    const cut = <T>(grid: T[][], blank: T) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from(
          { length: rect.numColumns },
          (_, c) => grid[rect.row - 1 + r]?.[rect.column - 1 + c] ?? blank,
        ),
      );
    return { raw: cut<unknown>(values, ''), shown: cut(display, '') };
  });
  const byRows = chart.mergeStrategy === 'MERGE_ROWS';
  const raw: unknown[][] = [];
  const shown: string[][] = [];
  if (byRows) {
    for (const b of blocks) {
      raw.push(...b.raw);
      shown.push(...b.shown);
    }
  } else {
    const height = Math.max(0, ...blocks.map((b) => b.raw.length));
    for (let r = 0; r < height; r++) {
      raw.push(blocks.flatMap((b, i) => b.raw[r] ?? Array(chart.ranges[i].numColumns).fill('')));
      shown.push(blocks.flatMap((b, i) => b.shown[r] ?? Array(chart.ranges[i].numColumns).fill('')));
    }
  }
  // Rows with nothing in them draw nothing (a range to the bottom of the sheet).
  const keep = raw.map((row) => row.some((v) => !isBlank(v)));
  const transpose = <T>(grid: T[][]) => (grid[0] ?? []).map((_, c) => grid.map((row) => row[c]));
  const table = { raw: raw.filter((_, r) => keep[r]), shown: shown.filter((_, r) => keep[r]) };
  return chart.transposeRowsAndColumns ? { raw: transpose(table.raw), shown: transpose(table.shown) } : table;
}

/**
 * What Sheets draws from a chart's data: the first column as the categories (when it is not all numbers, or
 * when there are more columns), the others as series, the first row as their names when the chart says so
 * (setNumHeaders) or, by default, when it is text above numbers.
 */
export function chartView(standIn: StandIn, chart: ChartData): ChartView {
  const { raw, shown } = chartTable(standIn, chart);
  const width = raw[0]?.length ?? 0;
  const firstRowIsText =
    raw.length > 1 && raw[0].slice(width > 1 ? 1 : 0).every((v) => !isBlank(v) && numberOf(v) === null);
  const headers =
    chart.numHeaders === undefined || chart.numHeaders < 0 ? (firstRowIsText ? 1 : 0) : chart.numHeaders;
  const body = raw.slice(headers);
  const bodyShown = shown.slice(headers);
  const domain = width > 1 || body.some((row) => numberOf(row[0]) === null);
  const first = domain ? 1 : 0;
  const categories = domain ? bodyShown.map((row) => row[0]) : body.map((_, i) => String(i + 1));
  const series: ChartSeriesView[] = [];
  for (let c = first; c < width; c++) {
    const name =
      headers > 0
        ? shown
            .slice(0, headers)
            .map((row) => row[c])
            .join(' ')
        : `Series ${c - first + 1}`;
    series.push({ name, values: body.map((row) => numberOf(row[c])) });
  }
  const option = (key: string) => chart.options[key];
  const size = (key: 'width' | 'height') => {
    const value = option(key);
    return typeof value === 'number' && value > 0 ? value : DEFAULT_CHART_SIZE[key];
  };
  const title = typeof option('title') === 'string' ? (option('title') as string) : '';
  const colors = Array.isArray(option('colors')) ? (option('colors') as unknown[]).map(String) : [];
  return {
    type: chart.chartType,
    title,
    label: `${title ? `"${title}" ` : ''}${chart.chartType.toLowerCase()} chart`,
    anchor: { ...chart.position },
    width: size('width'),
    height: size('height'),
    legend: option('legend.position') !== 'none',
    colors: colors.length ? colors : DEFAULT_CHART_COLORS,
    categories,
    series,
  };
}

/** Where a merge covers a cell: 'anchor' with its size at its top-left, 'covered' elsewhere. */
function mergeMap(
  merges: readonly GridRect[],
): Map<string, { rowSpan: number; colSpan: number } | 'covered'> {
  const map = new Map<string, { rowSpan: number; colSpan: number } | 'covered'>();
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.numRows; r++) {
      for (let c = m.column; c < m.column + m.numColumns; c++) map.set(`${r},${c}`, 'covered');
    }
    map.set(`${m.row},${m.column}`, { rowSpan: m.numRows, colSpan: m.numColumns });
  }
  return map;
}

function dropdownOptions(standIn: StandIn, values: unknown[], criteria: string): string[] {
  if (criteria === 'VALUE_IN_LIST') return (values[0] as unknown[]).map(String);
  return standIn.internal(() =>
    (values[0] as Range)
      .getDisplayValues()
      .flat()
      .filter((v) => v !== ''),
  );
}

export function sheetView(standIn: StandIn, name: string): SheetView {
  const model = standIn.workbook.sheetByName(name);
  if (!model) throw new Error(`No sheet named ${name}`);
  const values = standIn.sheetValues(name);
  const display = standIn.sheetDisplayValues(name);
  const formulas = standIn.sheetFormulas(name);
  const backgrounds = standIn.effectiveBackgrounds(name);
  const colors = standIn.effectiveFontColors(name);
  const numRows = Math.min(model.maxRows, Math.max(MIN_ROWS, values.length + SPARE_ROWS));
  const numColumns = Math.min(
    model.maxColumns,
    Math.max(MIN_COLUMNS, (values[0]?.length ?? 0) + SPARE_COLUMNS),
  );
  const merges = mergeMap(model.merges);
  const rows: CellView[][] = [];
  for (let r = 1; r <= numRows; r++) {
    const line: CellView[] = [];
    for (let c = 1; c <= numColumns; c++) {
      const cell = model.cell(r, c);
      const value = values[r - 1]?.[c - 1] ?? '';
      const shown = display[r - 1]?.[c - 1] ?? '';
      const view: CellView = {
        display: shown,
        input: formulas[r - 1]?.[c - 1] || shown,
        background: backgrounds[r - 1]?.[c - 1] ?? cell?.format?.background ?? '#ffffff',
        color: colors[r - 1]?.[c - 1] ?? cell?.format?.fontColor ?? '#000000',
        bold: cell?.format?.fontWeight === 'bold',
        italic: cell?.format?.fontStyle === 'italic',
        numeric: typeof value === 'number' || Object.prototype.toString.call(value) === '[object Date]',
      };
      const rule = cell?.validation;
      if (rule?.criteria === 'CHECKBOX') view.control = { kind: 'checkbox', checked: value === true };
      else if (
        (rule?.criteria === 'VALUE_IN_LIST' || rule?.criteria === 'VALUE_IN_RANGE') &&
        rule.values[1] !== false
      ) {
        view.control = { kind: 'dropdown', options: dropdownOptions(standIn, rule.values, rule.criteria) };
      }
      if (cell?.note) view.note = cell.note;
      if (cell?.format?.wrapStrategy === 'WRAP') view.wrap = true;
      const merge = merges.get(`${r},${c}`);
      if (merge === 'covered') view.covered = true;
      else if (merge) {
        // Cut to the drawn grid, so a merge reaching past it never asks for cells that are not there.
        view.rowSpan = Math.min(merge.rowSpan, numRows - r + 1);
        view.colSpan = Math.min(merge.colSpan, numColumns - c + 1);
      }
      if (cell?.formula !== undefined) {
        const error = standIn.cellError(name, cellA1(r, c));
        if (error) view.error = error;
      }
      line.push(view);
    }
    rows.push(line);
  }
  return {
    name,
    frozenRows: model.frozenRows,
    frozenColumns: model.frozenColumns,
    columnWidths: Object.fromEntries(model.columnWidths),
    rowHeights: Object.fromEntries(model.rowHeights),
    rows,
    charts: model.charts.map((chart) => chartView(standIn, chart)),
  };
}

export function workbookView(standIn: StandIn, sheetName?: string): WorkbookView {
  const workbook = standIn.workbook;
  const active =
    (sheetName && workbook.sheetByName(sheetName)) ||
    workbook.sheetById(workbook.activeSheetId) ||
    workbook.sheets[0];
  const addonMenu = standIn.ui.menus.find((menu) => menu.addon) ?? null;
  return {
    title: workbook.name,
    tabs: workbook.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, color: s.tabColor })),
    active: active.name,
    sheet: sheetView(standIn, active.name),
    menu: addonMenu && {
      caption: addonMenu.caption,
      items: addonMenu.items.flatMap((item): Array<MenuItemView | 'separator'> =>
        item === 'separator'
          ? ['separator']
          : Array.isArray(item)
            ? [{ caption: item[0], functionName: item[1] }]
            : [],
      ),
    },
  };
}
