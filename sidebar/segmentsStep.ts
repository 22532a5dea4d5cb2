// Step 2, Segments: the segments and levels from the Segments tab, with add, rename and remove. Segments are
// kept by id on the server, so a rename keeps the roster's ticks. Each row shows its own errors.
import type { SegmentView, SegmentsView } from '../src/api';
import { announce, byId, h, safeColor, showMessage } from './dom';
import { withProgress } from './progress';
import { plainMessage, server } from './server';

export interface SegmentsStep {
  load(): Promise<void>;
}

export function setupSegmentsStep(onChange: (view: SegmentsView) => void): SegmentsStep {
  const listElement = byId<HTMLUListElement>('segment-list');
  const levelList = byId('level-list');
  const addForm = byId<HTMLFormElement>('segment-add-form');
  const addInput = byId<HTMLInputElement>('segment-add-name');
  const addButton = byId<HTMLButtonElement>('segment-add');
  const showTabButton = byId<HTMLButtonElement>('segments-show-tab');

  function render(view: SegmentsView, focusId?: string): void {
    listElement.replaceChildren(...view.segments.map((segment) => segmentRow(segment)));
    levelList.replaceChildren(
      ...view.levels.flatMap((level) => [h('dt', {}, level.name), h('dd', {}, level.meaning)]),
    );
    showTabButton.hidden = view.tab === null;
    byId('segments-tab-hint').textContent =
      view.tab === null
        ? 'Building the roster makes a Segments tab, where you can also edit definitions, how to manage, keywords and colours.'
        : `Editing the ${view.tab} tab works too: definitions, how to manage, keywords and colours.`;
    onChange(view);
    if (focusId)
      listElement.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(focusId)}"] .rename`)?.focus();
  }

  /** One segment: colour, name, Rename and Remove; each switches the row into a small inline form. */
  function segmentRow(segment: SegmentView): HTMLLIElement {
    const row = h('li', { class: 'segment', 'data-segment-id': segment.id });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    const color = safeColor(segment.color);
    // A blank colour means the server's default palette, which the sidebar does not know: show no swatch.
    if (color) swatch.style.backgroundColor = color;
    else swatch.classList.add('no-color');

    function showView(): void {
      const name = h('span', { class: 'segment-name' }, segment.name);
      if (segment.definition) name.title = segment.definition;
      const rename = h(
        'button',
        { type: 'button', class: 'small rename', 'aria-label': `Rename ${segment.name}` },
        'Rename',
      );
      const remove = h(
        'button',
        { type: 'button', class: 'small', 'aria-label': `Remove ${segment.name}` },
        'Remove',
      );
      rename.addEventListener('click', showRename);
      remove.addEventListener('click', showRemove);
      row.replaceChildren(h('div', { class: 'segment-line' }, swatch, name, rename, remove), error);
    }

    function showRename(): void {
      const input = h('input', {
        type: 'text',
        maxlength: '100',
        'aria-label': `New name for ${segment.name}`,
      });
      input.value = segment.name;
      const save = h('button', { type: 'submit', class: 'small action' }, 'Save');
      const cancel = h('button', { type: 'button', class: 'small' }, 'Cancel');
      const form = h('form', { class: 'segment-line' }, input, save, cancel);
      cancel.addEventListener('click', () => {
        showView();
        row.querySelector<HTMLElement>('.rename')?.focus();
      });
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') cancel.click();
      });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (!name) return showMessage(error, 'Type a name for the segment.');
        if (name === segment.name) return cancel.click();
        const view = await withProgress({ button: save, busyText: 'Saving…', errorSlot: error }, () =>
          server.renameSegment(segment.id, name),
        );
        if (!view) return;
        announce(`Renamed ${segment.name} to ${name}.`);
        render(view, segment.id);
      });
      row.replaceChildren(form, error);
      input.focus();
      input.select();
    }

    function showRemove(): void {
      const question = h(
        'p',
        { class: 'confirm' },
        `Remove ${segment.name}? Its roster column stays while partners have it ticked.`,
      );
      const confirm = h('button', { type: 'button', class: 'small danger' }, 'Remove');
      const keep = h('button', { type: 'button', class: 'small' }, 'Keep');
      keep.addEventListener('click', () => {
        showView();
        row.querySelector<HTMLElement>('.rename')?.focus();
      });
      confirm.addEventListener('click', async () => {
        const view = await withProgress({ button: confirm, busyText: 'Removing…', errorSlot: error }, () =>
          server.removeSegment(segment.id),
        );
        if (!view) return;
        announce(`Removed ${segment.name}.`);
        render(view);
        addInput.focus();
      });
      row.replaceChildren(
        h('div', { class: 'segment-line' }, swatch, question),
        h('div', { class: 'inline' }, confirm, keep),
        error,
      );
      keep.focus();
    }

    showView();
    return row;
  }

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = addInput.value.trim();
    const errorSlot = byId('segment-add-error');
    if (!name) return showMessage(errorSlot, 'Type a name for the new segment.');
    const view = await withProgress({ button: addButton, busyText: 'Adding…', errorSlot }, () =>
      server.addSegment(name),
    );
    if (!view) return;
    addInput.value = '';
    announce(`Added ${name}.`);
    render(view);
  });

  showTabButton.addEventListener('click', () => {
    void withProgress(
      { button: showTabButton, busyText: 'Opening…', errorSlot: byId('segments-show-error') },
      () => server.showTab('segments'),
    );
  });

  async function load(): Promise<void> {
    const progress = byId('segments-progress');
    progress.hidden = false;
    try {
      render(await server.getSegments());
      showMessage(byId('segments-error'), null);
    } catch (error) {
      showMessage(byId('segments-error'), plainMessage(error));
    } finally {
      progress.hidden = true;
    }
  }

  return { load };
}
