// The preview page: a spreadsheet drawn from the stand-in, the add-on's menu, and its sidebar in an iframe.
// After every action the page asks the server for a fresh view and redraws.
import type { CellView, WorkbookView } from '../views';
import { api, type ActionResult } from './api';
import { renderChart } from './chart';
import { cellOrigin, renderGrid } from './grid';
import { setupMenu } from './menu';
import { setupMessages, showNews } from './messages';

const table = document.getElementById('grid') as HTMLTableElement;
const nameBox = document.getElementById('name-box') as HTMLInputElement;
const formulaInput = document.getElementById('formula-input') as HTMLInputElement;
const editError = document.getElementById('edit-error')!;
const frame = document.getElementById('sidebar-frame') as HTMLIFrameElement;
const panel = document.getElementById('sidebar-panel')!;

let view: WorkbookView | null = null;
let selected = 'A1';

function showEditError(message: string | null): void {
  editError.textContent = message ?? '';
  editError.hidden = !message;
}

function cellAt(a1: string): CellView | null {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match || !view) return null;
  let column = 0;
  for (const ch of match[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return view.sheet.rows[Number(match[2]) - 1]?.[column - 1] ?? null;
}

function draw(): void {
  if (!view) return;
  document.getElementById('doc-title')!.textContent = view.title;
  document.title = `${view.title}: Partner Segments preview`;
  renderGrid(table, view.sheet, selected, {
    select: (a1, cell) => select(a1, cell),
    type: (a1, text) => void act(api.type(view!.active, a1, text)),
    sort: (column, ascending) => void act(api.sort(view!.active, column, ascending)),
  });
  drawCharts(view);
  const tabs = document.getElementById('tabs')!;
  tabs.replaceChildren(
    ...view.tabs.map((tab) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = tab.name;
      button.dataset.sheet = tab.name;
      if (tab.color) button.style.borderBottomColor = tab.color;
      if (tab.name === view!.active) button.setAttribute('aria-current', 'page');
      button.addEventListener('click', () => void act(api.activate(tab.name)));
      return button;
    }),
  );
  updateMenu(view.menu);
  const cell = cellAt(selected);
  nameBox.value = selected;
  if (document.activeElement !== formulaInput) formulaInput.value = cell?.input ?? '';
}

/** The sheet's charts over the grid at their anchor cells, as Sheets floats them. */
function drawCharts(shown: WorkbookView): void {
  const layer = document.getElementById('charts')!;
  layer.replaceChildren(
    ...shown.sheet.charts.map((chart) => {
      const box = document.createElement('figure');
      box.className = 'chart-box';
      const origin = cellOrigin(table, shown.sheet, chart.anchor.row, chart.anchor.column);
      box.style.left = `${origin.x + chart.anchor.offsetX}px`;
      box.style.top = `${origin.y + chart.anchor.offsetY}px`;
      box.append(renderChart(chart));
      return box;
    }),
  );
}

async function refresh(): Promise<void> {
  view = await api.view();
  draw();
  document.body.dataset.version = String(Number(document.body.dataset.version ?? '0') + 1);
}

/** Runs a person's action; a rejection shows above the grid, as Sheets' "Invalid" box would. */
async function act(action: Promise<ActionResult>): Promise<void> {
  const result = await action;
  showEditError(result.ok ? null : result.error);
  await refresh();
}

function select(a1: string, cell?: CellView | null): void {
  selected = a1;
  table.querySelectorAll('td.selected').forEach((td) => td.classList.remove('selected'));
  table.querySelector(`td[data-a1="${a1}"]`)?.classList.add('selected');
  nameBox.value = a1;
  formulaInput.value = (cell ?? cellAt(a1))?.input ?? '';
  if (view) void api.select(view.active, a1);
}

async function runFunction(name: string): Promise<void> {
  const result = await api.run(name);
  showNews(result.news);
  if (!result.ok)
    showNews({ alerts: [{ title: 'Error', prompt: result.error }], toasts: [], sidebarOpened: false });
  if (result.news.sidebarOpened) {
    panel.hidden = false;
    frame.src = '/sidebar.html';
  }
  await refresh();
}

const updateMenu = setupMenu((name) => void runFunction(name));
setupMessages();

formulaInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && view) {
    event.preventDefault();
    const a1 = selected;
    void act(api.type(view.active, a1, formulaInput.value)).then(() => {
      // Move down, as Enter does in Sheets.
      const match = /^([A-Z]+)(\d+)$/.exec(a1);
      if (match) select(`${match[1]}${Number(match[2]) + 1}`);
      formulaInput.blur();
    });
  } else if (event.key === 'Escape') {
    formulaInput.value = cellAt(selected)?.input ?? '';
    formulaInput.blur();
  }
});

nameBox.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  const a1 = nameBox.value.trim().toUpperCase();
  if (/^[A-Z]+\d+$/.test(a1)) {
    select(a1);
    formulaInput.focus();
  }
});

document.getElementById('sidebar-close')!.addEventListener('click', () => {
  panel.hidden = true;
});

// The sidebar's google.script.run shim reports each call; the sheet may have changed.
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  const data = event.data as { source?: string; type?: string; news?: Parameters<typeof showNews>[0] };
  if (data?.source !== 'partner-segments-preview') return;
  if (data.type === 'close') panel.hidden = true;
  if (data.type === 'ran') {
    showNews(data.news);
    void refresh();
  }
});

void refresh();
void fetch('/api/problems')
  .then((response) => response.json() as Promise<string[]>)
  .then((problems) => {
    if (problems.length)
      showNews({
        alerts: [],
        toasts: problems.map((p) => ({ title: 'Preview', message: p, timeoutSeconds: 15 })),
        sidebarOpened: false,
      });
  });
