// The plain JSON the preview page draws: the active sheet as a grid (what a person sees: display values,
// formulas, fills after conditional formatting, tick boxes, dropdowns) plus the tabs and the add-on menu.
import { cellA1 } from '../standin/a1';
import type { StandIn } from '../standin/index';

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
}

export interface SheetView {
  name: string;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Record<number, number>;
  rows: CellView[][];
  charts: string[];
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
    rows,
    charts: model.charts.map((chart) => {
      const title = typeof chart.options.title === 'string' ? `"${chart.options.title}" ` : '';
      return `${title}${chart.chartType.toLowerCase()} chart`;
    }),
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
