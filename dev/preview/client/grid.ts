// Draws one sheet as a table, from the JSON view: values as text, fills and font colours after conditional
// formatting, tick boxes and dropdowns as real controls. Redrawn whole after every action (small sheets).
import { columnToLetters as columnLetter } from '../../standin/a1';
import type { CellView, SheetView } from '../views';

const ROW_NUMBER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export interface GridEvents {
  select(a1: string, cell: CellView): void;
  type(a1: string, text: string): void;
  sort(column: number, ascending: boolean): void;
}

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function header(events: GridEvents, numColumns: number): HTMLTableSectionElement {
  const head = make('thead');
  const row = make('tr');
  row.append(make('th', 'corner row-number'));
  for (let c = 1; c <= numColumns; c++) {
    const letter = columnLetter(c);
    const th = make('th');
    const box = make('div', 'column-head');
    const up = make('button', 'sort-asc', '▲');
    up.type = 'button';
    up.setAttribute('aria-label', `Sort sheet by column ${letter}, A to Z`);
    up.addEventListener('click', () => events.sort(c, true));
    const down = make('button', 'sort-desc', '▼');
    down.type = 'button';
    down.setAttribute('aria-label', `Sort sheet by column ${letter}, Z to A`);
    down.addEventListener('click', () => events.sort(c, false));
    box.append(make('span', undefined, letter), up, down);
    th.append(box);
    row.append(th);
  }
  head.append(row);
  return head;
}

function control(a1: string, cell: CellView, events: GridEvents): HTMLElement | null {
  if (cell.control?.kind === 'checkbox') {
    const box = make('input');
    box.type = 'checkbox';
    box.checked = cell.control.checked;
    box.setAttribute('aria-label', `Tick box ${a1}`);
    box.addEventListener('change', () => events.type(a1, box.checked ? 'TRUE' : 'FALSE'));
    return box;
  }
  if (cell.control?.kind === 'dropdown') {
    const select = make('select');
    select.setAttribute('aria-label', `Dropdown ${a1}`);
    const options = ['', ...cell.control.options];
    if (!options.includes(cell.display)) options.push(cell.display);
    for (const value of options) {
      const option = make('option');
      option.value = value;
      option.text = value;
      select.append(option);
    }
    select.value = cell.display;
    select.addEventListener('change', () => events.type(a1, select.value));
    return select;
  }
  return null;
}

/** Left and right padding of a cell (page.css). */
const CELL_PADDING = 6;
const columnWidth = (sheet: SheetView, column: number) => sheet.columnWidths[column] ?? DEFAULT_COLUMN_WIDTH;

/**
 * How wide a text cell may draw, in pixels, when it overflows: its own width and that of the empty cells right
 * of it, up to the first one with something in it (Sheets' default wrap strategy, OVERFLOW). 0 when it does not
 * overflow: wrapped, merged, numeric or empty, or with nothing empty beside it.
 */
function overflowRoom(sheet: SheetView, cells: CellView[], index: number): number {
  const cell = cells[index];
  if (!cell.display || cell.wrap || cell.numeric || cell.colSpan || cell.rowSpan || cell.covered) return 0;
  const empty = (c: CellView | undefined) =>
    c !== undefined && c.display === '' && !c.control && !c.covered && !c.colSpan && !c.rowSpan;
  let room = columnWidth(sheet, index + 1);
  let next = index + 1;
  // cells[i] is column i + 1.
  while (empty(cells[next])) {
    room += columnWidth(sheet, next + 1);
    next++;
  }
  return next === index + 1 ? 0 : room;
}

export function renderGrid(
  table: HTMLTableElement,
  sheet: SheetView,
  selected: string,
  events: GridEvents,
): void {
  const numColumns = sheet.rows[0]?.length ?? 0;
  const body = make('tbody');
  sheet.rows.forEach((cells, index) => {
    const r = index + 1;
    const tr = make('tr');
    if (r === sheet.frozenRows) tr.className = 'frozen-edge';
    const height = sheet.rowHeights[r];
    tr.append(make('th', 'row-number', String(r)));
    cells.forEach((cell, cIndex) => {
      const a1 = `${columnLetter(cIndex + 1)}${r}`;
      const td = make('td');
      td.dataset.a1 = a1;
      td.dataset.column = String(cIndex + 1);
      // A cell inside a merge stays in the DOM (so cells keep their index in the row) but takes no place.
      if (cell.covered) {
        td.hidden = true;
        td.classList.add('merged-away');
        tr.append(td);
        return;
      }
      if (cell.colSpan && cell.colSpan > 1) td.colSpan = cell.colSpan;
      if (cell.rowSpan && cell.rowSpan > 1) td.rowSpan = cell.rowSpan;
      if (cell.colSpan || cell.rowSpan) td.classList.add('merged');
      if (cell.wrap) td.classList.add('wrap');
      if (height) td.style.height = `${height}px`;
      td.style.background = cell.background;
      td.style.color = cell.color;
      if (cell.bold) td.style.fontWeight = 'bold';
      if (cell.italic) td.style.fontStyle = 'italic';
      if (cIndex + 1 === sheet.frozenColumns) td.classList.add('frozen-column-edge');
      if (a1 === selected) td.classList.add('selected');
      if (cell.error) {
        td.classList.add('error-cell');
        td.title = cell.error;
      } else if (cell.note) {
        td.classList.add('has-note');
        td.title = cell.note;
      } else if (cell.display) td.title = cell.display;
      const widget = control(a1, cell, events);
      const room = widget ? 0 : overflowRoom(sheet, cells, cIndex);
      if (widget) td.append(widget);
      else if (room > 0) {
        // Text runs on over the empty cells to its right, as Sheets draws an overflowing cell.
        td.classList.add('overflow');
        td.append(make('span', 'overflow-text', cell.display));
        (td.lastChild as HTMLElement).style.width = `${room - CELL_PADDING}px`;
      } else {
        td.textContent = cell.display;
        if (cell.numeric) td.style.textAlign = 'right';
      }
      td.addEventListener('click', () => events.select(a1, cell));
      tr.append(td);
    });
    body.append(tr);
  });
  // Fixed layout with explicit column widths, as Sheets draws them (100 px unless the add-on set one).
  const colgroup = make('colgroup');
  const widths = [
    ROW_NUMBER_WIDTH,
    ...Array.from({ length: numColumns }, (_, i) => sheet.columnWidths[i + 1] ?? DEFAULT_COLUMN_WIDTH),
  ];
  for (const width of widths) {
    const col = make('col');
    col.style.width = `${width}px`;
    colgroup.append(col);
  }
  table.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;
  table.replaceChildren(colgroup, header(events, numColumns), body);
  freezePanes(table, sheet);
}

/** Frozen rows and columns stay in view while the grid scrolls, as in Sheets (sticky at their drawn place). */
function freezePanes(table: HTMLTableElement, sheet: SheetView): void {
  const rows = Array.from(table.tBodies[0].rows);
  const headCells = Array.from(table.tHead?.rows[0]?.cells ?? []);
  headCells.slice(1, sheet.frozenColumns + 1).forEach((th) => {
    th.classList.add('frozen');
    th.style.left = `${th.offsetLeft}px`;
  });
  const headHeight = table.tHead?.offsetHeight ?? 0;
  rows.forEach((tr, index) => {
    const frozenRow = index < sheet.frozenRows;
    Array.from(tr.cells).forEach((cell) => {
      const c = Number(cell.dataset.column ?? '0'); // 0: the row number
      const frozenColumn = c >= 1 && c <= sheet.frozenColumns;
      if (frozenRow) {
        cell.classList.add('frozen');
        cell.style.top = `${headHeight + tr.offsetTop - (rows[0]?.offsetTop ?? 0)}px`;
      }
      if (frozenColumn) {
        cell.classList.add('frozen');
        cell.style.left = `${cell.offsetLeft}px`;
      }
      if (frozenRow && frozenColumn) cell.style.zIndex = '2';
    });
  });
}

/**
 * The top-left corner of a cell in the grid area's coordinates (the table's offset included), where Sheets
 * anchors a chart. Past the drawn rows it continues at 21 px a row.
 */
export function cellOrigin(
  table: HTMLTableElement,
  sheet: SheetView,
  row: number,
  column: number,
): { x: number; y: number } {
  let x = table.offsetLeft + ROW_NUMBER_WIDTH;
  for (let c = 1; c < column; c++) x += sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH;
  const rows = table.tBodies[0]?.rows;
  const drawn = rows?.length ?? 0;
  let y: number;
  if (rows && row <= drawn) y = table.offsetTop + rows[row - 1].offsetTop;
  else {
    const last = rows?.[drawn - 1];
    const end = last ? last.offsetTop + last.offsetHeight : (table.tHead?.offsetHeight ?? 0);
    y = table.offsetTop + end + (row - drawn - 1) * DEFAULT_ROW_HEIGHT;
  }
  return { x, y };
}
