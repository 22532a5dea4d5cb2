// Step 2, Segments: the segments, levels and goals from the Segments tab, with add, rename and remove (goals: add
// and rename). Segments and goals are kept by id on the server, so a rename keeps the roster's ticks and the
// partners strategic for a goal. Each row shows its own errors.
import type { GoalView, LearnedKeywordView, SegmentView, SegmentsView } from '../src/api';
import { announce, byId, h, icon, ICONS, safeColor, showMessage } from './dom';
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
  const goalList = byId<HTMLUListElement>('goal-list');
  const goalAddForm = byId<HTMLFormElement>('goal-add-form');
  const goalAddInput = byId<HTMLInputElement>('goal-add-name');
  const goalAddButton = byId<HTMLButtonElement>('goal-add');

  /** `describeId`: the segment just added, whose row opens its Definition, How to manage and Keywords. */
  function render(view: SegmentsView, focusId?: string, describeId?: string): void {
    listElement.replaceChildren(
      ...view.segments.map((segment) => segmentRow(segment, segment.id === describeId)),
    );
    goalList.replaceChildren(...view.goals.map((goal) => goalRow(goal)));
    byId('goal-empty').hidden = view.goals.length > 0;
    levelList.replaceChildren(
      ...view.levels.flatMap((level) => [h('dt', {}, level.name), h('dd', {}, level.meaning)]),
    );
    showTabButton.hidden = view.tab === null;
    byId('segments-tab-hint').textContent =
      view.tab === null
        ? 'Building the roster makes a Segments tab, where you can also edit definitions, how to manage, keywords and colours.'
        : `Editing the ${view.tab} tab works too: definitions, how to manage, keywords and colours.`;
    renderLearned(view.learned ?? []);
    onChange(view);
    // Focus only once the row is in the page (focus() on a detached element does nothing).
    if (describeId)
      listElement
        .querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(describeId)}"] .describe-definition`)
        ?.focus();
    else if (focusId)
      listElement.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(focusId)}"] .rename`)?.focus();
  }

  /** One goal: its name (what success looks like as its tooltip) and Rename, which opens a small inline form. */
  function goalRow(goal: GoalView): HTMLLIElement {
    const row = h('li', { class: 'segment goal', 'data-goal-id': goal.id });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });

    function showView(): void {
      const name = h('span', { class: 'segment-name' }, goal.name);
      if (goal.success) name.title = goal.success;
      const label = `Rename ${goal.name}`;
      const rename = h(
        'button',
        { type: 'button', class: 'icon rename', 'aria-label': label, title: label },
        icon(ICONS.edit),
      );
      rename.addEventListener('click', showRename);
      row.replaceChildren(h('div', { class: 'segment-line' }, name, rename), error);
    }

    function showRename(): void {
      const input = h('input', { type: 'text', maxlength: '200', 'aria-label': `New name for ${goal.name}` });
      input.value = goal.name;
      const save = h('button', { type: 'submit', class: 'small action' }, 'Save');
      const cancel = h('button', { type: 'button', class: 'small' }, 'Cancel');
      const form = h(
        'form',
        {},
        h('div', { class: 'segment-line' }, input),
        h('div', { class: 'confirm-actions' }, save, cancel),
      );
      wireRename(
        { form, input, save, cancel, error, row, showView, errorId: `goal-error-${goal.id}` },
        {
          what: 'goal',
          oldName: goal.name,
          rename: (name) => server.renameGoal(goal.id, name),
          done: (view) => {
            render(view);
            goalList.querySelector<HTMLElement>(`[data-goal-id="${CSS.escape(goal.id)}"] .rename`)?.focus();
          },
        },
      );
      row.replaceChildren(form, error);
      input.focus();
      input.select();
    }

    showView();
    return row;
  }

  goalAddForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = goalAddInput.value.trim();
    const errorSlot = byId('goal-add-error');
    if (!name) {
      showMessage(errorSlot, 'Type a name for the new goal.');
      goalAddInput.setAttribute('aria-invalid', 'true');
      return goalAddInput.focus();
    }
    const view = await withProgress({ button: goalAddButton, busyText: 'Adding…', errorSlot }, () =>
      server.addGoal(name),
    );
    goalAddInput.setAttribute('aria-invalid', String(!view));
    if (!view) return goalAddInput.focus();
    goalAddInput.value = '';
    announce(`Added the goal ${name}.`);
    render(view);
  });

  /**
   * One segment: colour, name, Rename and Remove; each switches the row into a small inline form. A segment just
   * added (`describing`) opens its details form, with a hint, so it gets a definition, a way to manage and keywords.
   */
  function segmentRow(segment: SegmentView, describing = false): HTMLLIElement {
    const row = h('li', { class: 'segment', 'data-segment-id': segment.id });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    // The colour the roster's header shows: the segment's own, or the default palette's by its position.
    const color = safeColor(segment.displayColor);
    const swatch = () => {
      const element = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      if (color) element.style.backgroundColor = color;
      else element.classList.add('no-color');
      return element;
    };

    /** A small icon button; its name and tooltip say what it does to which segment. */
    function iconButton(path: string, label: string, className: string): HTMLButtonElement {
      const name = `${label} ${segment.name}`;
      return h(
        'button',
        { type: 'button', class: `icon ${className}`, 'aria-label': name, title: name },
        icon(path),
      );
    }

    function showView(): void {
      const name = h('span', { class: 'segment-name' }, segment.name);
      if (segment.definition) name.title = segment.definition;
      const rename = iconButton(ICONS.edit, 'Rename', 'rename');
      const remove = iconButton(ICONS.remove, 'Remove', 'remove');
      rename.addEventListener('click', showRename);
      remove.addEventListener('click', showRemove);
      const line = h('div', { class: 'segment-line' }, swatch(), name, rename, remove);
      // A segment with neither a definition nor keywords (one added here, its details left for later) offers them.
      if (!segment.definition.trim() && !segment.keywords.trim()) {
        const label = `Add a definition, how to manage and keywords to ${segment.name}`;
        const details = h(
          'button',
          { type: 'button', class: 'small add-details', 'aria-label': label, title: label },
          'Add details',
        );
        details.addEventListener('click', () => {
          showDescribe();
          row.querySelector<HTMLElement>('.describe-definition')?.focus();
        });
        row.replaceChildren(
          line,
          h('p', { class: 'hint segment-missing' }, 'No definition or keywords yet. ', details),
          error,
        );
      } else row.replaceChildren(line, error);
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
      // The name gets the whole line; Save and Cancel go under it, as under the question before a removal.
      const form = h(
        'form',
        {},
        h('div', { class: 'segment-line' }, swatch(), input),
        h('div', { class: 'confirm-actions' }, save, cancel),
      );
      wireRename(
        { form, input, save, cancel, error, row, showView, errorId: `segment-error-${segment.id}` },
        {
          what: 'segment',
          oldName: segment.name,
          rename: (name) => server.renameSegment(segment.id, name),
          done: (view) => render(view, segment.id),
        },
      );
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
        showMessage(error, null);
        showView();
        row.querySelector<HTMLElement>('.remove')?.focus();
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
        h('div', { class: 'segment-line' }, swatch(), question),
        h('div', { class: 'confirm-actions' }, confirm, keep),
        error,
      );
      keep.focus();
    }

    /**
     * The new segment's Definition, How to manage and Keywords, focus on the definition. Save writes them to the
     * segment's row of the Segments tab; Later leaves them blank (the tab can be edited any time).
     */
    function showDescribe(): void {
      const base = `segment-${segment.id}`;
      const field = (label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string) => {
        control.id = `${base}-${label.toLowerCase().replace(/\W+/g, '-')}`;
        const parts: Array<Node | string> = [h('label', { for: control.id }, label), control];
        if (hint) {
          const note = h('p', { class: 'hint', id: `${control.id}-hint` }, hint);
          control.setAttribute('aria-describedby', note.id);
          parts.push(note);
        }
        return h('div', { class: 'field' }, ...parts);
      };
      const definition = h('textarea', { rows: '2', maxlength: '1000', class: 'describe-definition' });
      definition.value = segment.definition;
      const howToManage = h('textarea', { rows: '2', maxlength: '1000', class: 'describe-manage' });
      howToManage.value = segment.howToManage;
      const keywords = h('input', { type: 'text', maxlength: '2000', class: 'describe-keywords' });
      keywords.value = segment.keywords;
      const save = h('button', { type: 'submit', class: 'small action' }, 'Save');
      const later = h('button', { type: 'button', class: 'small' }, 'Later');
      const hint = h(
        'p',
        { class: 'describe-hint', id: `${base}-describe-hint` },
        `${segment.name} is added. Say what it is and how to manage its partners, and give keywords: words ` +
          "in a partner's description that suggest it. Without keywords nothing is suggested for it.",
      );
      const form = h(
        'form',
        { class: 'describe', 'aria-describedby': hint.id },
        h('div', { class: 'segment-line' }, swatch(), h('span', { class: 'segment-name' }, segment.name)),
        hint,
        field('Definition', definition, 'e.g. "Lends us equipment or expertise for free"'),
        field('How to manage', howToManage, 'e.g. "Thank them, keep asks small and specific"'),
        field('Keywords', keywords, 'Comma-separated, e.g. "pro bono, loaned, lends"'),
        h('div', { class: 'confirm-actions' }, save, later),
      );
      later.addEventListener('click', () => {
        showMessage(error, null);
        showView();
        row.querySelector<HTMLElement>('.rename')?.focus();
      });
      form.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') later.click();
      });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const view = await withProgress({ button: save, busyText: 'Saving…', errorSlot: error }, () =>
          server.describeSegment(segment.id, definition.value, howToManage.value, keywords.value),
        );
        if (!view) return definition.focus();
        announce(`Saved the details of ${segment.name}. Refresh the roster to suggest it.`);
        render(view, segment.id);
      });
      row.replaceChildren(form, error);
    }

    if (describing) showDescribe();
    else showView();
    return row;
  }

  /** Keywords the last summary learned: Add for one to consider, Remove for one that misfires. */
  function renderLearned(items: LearnedKeywordView[]): void {
    const box = byId('learned');
    box.hidden = items.length === 0;
    byId('learned-list').replaceChildren(
      ...items.map((item) => {
        const adding = item.kind === 'consider';
        const label = adding
          ? `Add "${item.keyword}" to ${item.segmentName}`
          : `Remove "${item.keyword}" from ${item.segmentName}`;
        const button = h(
          'button',
          {
            type: 'button',
            class: `small${adding ? ' action' : ' danger'}`,
            'aria-label': label,
            title: label,
          },
          adding ? 'Add' : 'Remove',
        );
        const words = h(
          'span',
          { class: 'learned-text' },
          `${item.segmentName}: ${adding ? '' : 'misfiring '}"${item.keyword}"`,
          h('span', { class: 'learned-detail' }, item.detail),
        );
        button.addEventListener('click', async () => {
          const errorSlot = byId('learned-error');
          const view = await withProgress(
            { button, busyText: adding ? 'Adding…' : 'Removing…', errorSlot },
            () =>
              adding
                ? server.addKeyword(item.segmentId, item.keyword)
                : server.removeKeyword(item.segmentId, item.keyword),
          );
          if (!view) return;
          announce(
            adding
              ? `Added "${item.keyword}" to ${item.segmentName}'s keywords. Refresh the roster to use it.`
              : `Removed "${item.keyword}" from ${item.segmentName}'s keywords. Refresh the roster to use it.`,
          );
          render(view);
        });
        return h('li', {}, words, button);
      }),
    );
  }

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = addInput.value.trim();
    const errorSlot = byId('segment-add-error');
    if (!name) {
      showMessage(errorSlot, 'Type a name for the new segment.');
      addInput.setAttribute('aria-invalid', 'true');
      return addInput.focus();
    }
    const view = await withProgress({ button: addButton, busyText: 'Adding…', errorSlot }, () =>
      server.addSegment(name),
    );
    addInput.setAttribute('aria-invalid', String(!view));
    if (!view) return addInput.focus();
    addInput.value = '';
    announce(`Added ${name}. Give it a definition, how to manage and keywords.`);
    // The new segment: the one whose id was not there before (else the one with its name).
    const before = new Set(
      Array.from(listElement.querySelectorAll<HTMLElement>('[data-segment-id]'), (e) => e.dataset.segmentId),
    );
    const added =
      view.segments.find((s) => !before.has(s.id)) ??
      view.segments.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
    render(view, undefined, added?.id);
  });

  showTabButton.addEventListener('click', () => {
    void withProgress(
      { button: showTabButton, busyText: 'Opening…', errorSlot: byId('segments-show-error') },
      () => server.showTab('segments'),
    );
  });

  async function load(): Promise<void> {
    const progress = byId('segments-progress');
    const retryLine = byId('segments-retry-line');
    progress.hidden = false;
    retryLine.hidden = true;
    byId('step-segments-panel').setAttribute('aria-busy', 'true');
    try {
      render(await server.getSegments());
      showMessage(byId('segments-error'), null);
    } catch (error) {
      showMessage(byId('segments-error'), plainMessage(error));
      retryLine.hidden = false;
    } finally {
      progress.hidden = true;
      byId('step-segments-panel').setAttribute('aria-busy', 'false');
    }
  }

  byId('segments-retry').addEventListener('click', () => void load());

  return { load };
}

/** The parts of an inline rename form a segment's or a goal's row shows. */
interface RenameParts {
  form: HTMLFormElement;
  input: HTMLInputElement;
  save: HTMLButtonElement;
  cancel: HTMLButtonElement;
  error: HTMLElement;
  row: HTMLElement;
  /** Puts the row back as it shows when not renaming. */
  showView: () => void;
  errorId: string;
}

/**
 * One behaviour for renaming a segment or a goal: Cancel or Escape goes back, a blank name is refused under the
 * field, an unchanged one just closes the form, and the server's refusal stays under the field with focus on it.
 */
function wireRename(
  parts: RenameParts,
  how: {
    what: 'segment' | 'goal';
    oldName: string;
    rename: (name: string) => Promise<SegmentsView>;
    done: (view: SegmentsView) => void;
  },
): void {
  const { form, input, save, cancel, error, row, showView } = parts;
  error.id = parts.errorId;
  input.setAttribute('aria-describedby', error.id);
  const fail = (message: string | null) => {
    showMessage(error, message);
    input.setAttribute('aria-invalid', String(message !== null));
  };
  cancel.addEventListener('click', () => {
    showMessage(error, null);
    showView();
    row.querySelector<HTMLElement>('.rename')?.focus();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel.click();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) {
      fail(`Type a name for the ${how.what}.`);
      return input.focus();
    }
    if (name === how.oldName) return cancel.click();
    fail(null);
    const view = await withProgress({ button: save, busyText: 'Saving…', errorSlot: error }, () =>
      how.rename(name),
    );
    if (!view) {
      input.setAttribute('aria-invalid', 'true');
      return input.focus();
    }
    announce(`Renamed ${how.oldName} to ${name}.`);
    how.done(view);
  });
}
