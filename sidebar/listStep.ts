// Step 1, Partner list: shows what was detected (sheet, header row, name, ID and description columns, and the
// count sentence) and lets every guess be changed. Changing the sheet or header row asks the server to look
// again at once (previewList, which saves nothing), since the columns depend on them; "Use this list" sends the
// whole choice and is the only thing that saves it.
import type { ListChoice, Overview } from '../src/api';
import { columnLabel } from './columns';
import { announce, byId, h, setOptions, showMessage } from './dom';
import { withProgress } from './progress';
import { plainMessage, server } from './server';

export interface ListStepEvents {
  /** A new overview came back (the roster and summary steps read its tabs). */
  onOverview(overview: Overview): void;
  /** The user confirmed the list: move on. */
  onConfirmed(): void;
}

export interface ListStep {
  render(overview: Overview): void;
  showLoading(text: string | null): void;
  showError(message: string | null): void;
}

export function setupListStep(events: ListStepEvents): ListStep {
  const sheetSelect = byId<HTMLSelectElement>('list-sheet');
  const headerRowInput = byId<HTMLInputElement>('list-header-row');
  const nameSelect = byId<HTMLSelectElement>('list-name');
  const idSelect = byId<HTMLSelectElement>('list-id');
  const descriptionBox = byId('list-description');
  const useButton = byId<HTMLButtonElement>('list-use');
  const errorSlot = byId('list-error');
  let current: Overview | null = null;
  // Only the answer to the latest re-read counts; an older one arriving late is ignored.
  let rereads = 0;

  function showLoading(text: string | null): void {
    byId('list-progress').hidden = text === null;
    byId('list-progress-text').textContent = text ?? '';
    byId('step-list-panel').setAttribute('aria-busy', String(text !== null));
    if (text) announce(text);
  }

  function renderDescriptions(checked: Set<number>): void {
    const list = current?.list ?? current?.draft;
    if (!list) return descriptionBox.replaceChildren();
    const name = Number(nameSelect.value);
    const id = idSelect.value === '' ? null : Number(idSelect.value);
    const candidates = list.columns.filter((c) => c.column !== name && c.column !== id);
    descriptionBox.replaceChildren(
      ...candidates.map((c) => {
        const box = h('input', {
          type: 'checkbox',
          value: String(c.column),
          id: `list-description-${c.column}`,
        });
        box.checked = checked.has(c.column);
        return h('label', { class: 'check', for: box.id }, box, h('span', {}, columnLabel(c)));
      }),
    );
    if (candidates.length === 0) descriptionBox.append(h('p', { class: 'hint' }, 'No other columns.'));
  }

  function checkedDescriptions(): number[] {
    return Array.from(descriptionBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
      .filter((box) => box.checked)
      .map((box) => Number(box.value));
  }

  function render(overview: Overview): void {
    current = overview;
    // No list found: the fields still show, from a draft (the sheet's first row, its first column as names),
    // so every guess can be set by hand.
    const list = overview.list ?? overview.draft;
    byId('list-summary').textContent = overview.list ? overview.list.summary : (overview.listProblem ?? '');
    byId('list-summary').classList.toggle('problem', !overview.list);
    byId('list-detected').hidden = !overview.list?.detected;
    const sheets = overview.sheets.map((sheet) => ({ value: sheet, label: sheet }));
    setOptions(sheetSelect, list ? sheets : [{ value: '', label: 'Choose a sheet…' }, ...sheets]);
    sheetSelect.value = list ? list.sheet : '';
    byId('list-columns').hidden = !list;
    useButton.hidden = !list;
    if (!list) return;
    headerRowInput.value = String(list.headerRow);
    const columns = list.columns.map((c) => ({ value: String(c.column), label: columnLabel(c) }));
    setOptions(nameSelect, columns);
    nameSelect.value = String(list.nameColumn);
    setOptions(idSelect, [{ value: '', label: 'None (match partners by name)' }, ...columns]);
    idSelect.value = list.idColumn === null ? '' : String(list.idColumn);
    renderDescriptions(new Set(list.descriptionColumns));
  }

  /**
   * Asks the server to look at another sheet or header row; it guesses the columns again. Nothing is saved:
   * only "Use this list" saves (issue 18: a typed header row was saved, and a menu build used it).
   */
  async function reread(choice: ListChoice, text: string, field: HTMLElement): Promise<void> {
    const mine = ++rereads;
    clearFieldErrors();
    showMessage(errorSlot, null);
    showLoading(text);
    try {
      const overview = await server.previewList(choice);
      if (mine !== rereads) return;
      render(overview);
      events.onOverview(overview);
      announce(overview.list?.summary ?? overview.listProblem ?? '');
    } catch (error) {
      if (mine !== rereads) return;
      // Put the controls back to what the server last said, and say why next to the one that was changed.
      if (current) render(current);
      showFieldError(field, plainMessage(error));
    } finally {
      if (mine === rereads) showLoading(null);
    }
  }

  /** Errors about one field are shown right under it, and the field is marked invalid for screen readers. */
  function showFieldError(field: HTMLElement, message: string | null): void {
    showMessage(byId(`${field.id}-error`), message);
    field.setAttribute('aria-invalid', String(message !== null));
  }

  function clearFieldErrors(): void {
    showFieldError(sheetSelect, null);
    showFieldError(headerRowInput, null);
  }

  sheetSelect.addEventListener('change', () => {
    if (sheetSelect.value === '') return;
    void reread({ sheet: sheetSelect.value }, `Reading ${sheetSelect.value}…`, sheetSelect);
  });

  /** The header row typed, or null after saying under the field what is wrong with it. */
  function headerRow(): number | null {
    const row = Number(headerRowInput.value);
    if (headerRowInput.value.trim() !== '' && Number.isInteger(row) && row >= 1) return row;
    showFieldError(headerRowInput, 'The header row is a whole number, 1 or more.');
    return null;
  }

  headerRowInput.addEventListener('change', () => {
    const row = headerRow();
    if (row === null) return;
    void reread(
      { sheet: sheetSelect.value, headerRow: row },
      `Reading headers in row ${row}…`,
      headerRowInput,
    );
  });

  // The name and ID columns cannot also be description columns.
  const keepDescriptions = () => renderDescriptions(new Set(checkedDescriptions()));
  nameSelect.addEventListener('change', keepDescriptions);
  idSelect.addEventListener('change', keepDescriptions);

  useButton.addEventListener('click', async () => {
    if (!current?.list && !current?.draft) return;
    const row = headerRow();
    if (row === null) return headerRowInput.focus();
    const choice: ListChoice = {
      sheet: sheetSelect.value,
      headerRow: row,
      nameColumn: Number(nameSelect.value),
      idColumn: idSelect.value === '' ? null : Number(idSelect.value),
      descriptionColumns: checkedDescriptions(),
    };
    const overview = await withProgress(
      { button: useButton, busyText: 'Saving…', errorSlot: byId('list-use-error') },
      () => server.chooseList(choice),
    );
    if (!overview) return;
    render(overview);
    events.onOverview(overview);
    announce(`Partner list saved. ${overview.list?.summary ?? ''}`);
    if (overview.list) events.onConfirmed();
  });

  return { render, showLoading, showError: (message) => showMessage(errorSlot, message) };
}
