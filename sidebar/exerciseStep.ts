// Step 5, Group exercise: set up (or extend) the Segment Exercise tab from the participants' names, and bring
// the group's majority picks into the roster after a confirmation that says what will change.
import type { BringInReport, ExerciseReport, ExerciseView } from '../src/api';
import { announce, byId, showMessage } from './dom';
import { isBusy, setButtonLabel, withProgress } from './progress';
import { server } from './server';
import { renderStats } from './stats';

export interface ExerciseStep {
  /** Loads the tab's name and participants (the names box starts with them). */
  load(): Promise<void>;
}

export function setupExerciseStep(events: { onSetUp(report: ExerciseReport): void }): ExerciseStep {
  const form = byId<HTMLFormElement>('exercise-form');
  const names = byId<HTMLTextAreaElement>('exercise-names');
  const setUpButton = byId<HTMLButtonElement>('exercise-set-up');
  const showTabButton = byId<HTMLButtonElement>('exercise-show-tab');
  const bringInButton = byId<HTMLButtonElement>('exercise-bring-in');
  const confirm = byId('exercise-confirm');
  const yes = byId<HTMLButtonElement>('exercise-confirm-yes');
  const no = byId<HTMLButtonElement>('exercise-confirm-no');
  const bringInResult = byId('exercise-bring-in-result');

  function setTab(view: ExerciseView): void {
    setButtonLabel(
      setUpButton,
      view.exerciseSheet ? 'Update the segmentation exercise' : 'Set up the segmentation exercise',
    );
    showTabButton.hidden = view.exerciseSheet === null;
    if (view.participants.length && names.value.trim() === '') names.value = view.participants.join('\n');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (isBusy(setUpButton)) return;
    names.removeAttribute('aria-invalid');
    byId('exercise-result').hidden = true;
    const report = await withProgress(
      { button: setUpButton, busyText: 'Setting up…', errorSlot: byId('exercise-error') },
      () => server.setUpExerciseFromSidebar(names.value),
    );
    if (!report) {
      names.setAttribute('aria-invalid', 'true');
      return;
    }
    setTab({ exerciseSheet: report.exerciseSheet, participants: report.participants });
    names.value = report.participants.join('\n');
    byId('exercise-summary').textContent =
      `${report.exerciseSheet} is ready: ${report.partners} partners, ${report.participants.length} ` +
      'participants. Share the spreadsheet; each person picks in their own column.';
    const stats: Array<[string, number]> = [
      ['New participants', report.newParticipants],
      ['New partners', report.newPartners],
    ];
    if (report.leftRoster > 0) stats.push(['Rows kept, no longer in the roster', report.leftRoster]);
    renderStats(byId('exercise-stats'), stats);
    byId('exercise-result').hidden = false;
    announce(byId('exercise-summary').textContent ?? '');
    events.onSetUp(report);
  });

  showTabButton.addEventListener('click', () => {
    void withProgress(
      { button: showTabButton, busyText: 'Opening…', errorSlot: byId('exercise-show-error') },
      () => server.showTab('exercise'),
    );
  });

  const hideConfirm = () => {
    confirm.hidden = true;
  };

  bringInButton.addEventListener('click', async () => {
    if (isBusy(bringInButton)) return;
    bringInResult.hidden = true;
    hideConfirm();
    const preview = await withProgress(
      { button: bringInButton, busyText: 'Counting picks…', errorSlot: byId('exercise-bring-in-error') },
      () => server.previewBringIn(),
    );
    if (!preview) return;
    byId('exercise-confirm-text').textContent = preview.message;
    const nothing = preview.ticks === 0 && preview.primaries === 0;
    yes.hidden = nothing;
    no.textContent = nothing ? 'OK' : 'Cancel';
    confirm.hidden = false;
    announce(preview.message);
    (nothing ? no : yes).focus();
  });

  no.addEventListener('click', () => {
    hideConfirm();
    bringInButton.focus();
  });

  yes.addEventListener('click', async () => {
    const report: BringInReport | undefined = await withProgress(
      { button: yes, busyText: 'Bringing in…', errorSlot: byId('exercise-bring-in-error') },
      () => server.bringInPicksFromSidebar(),
    );
    hideConfirm();
    if (!report) return;
    showMessage(bringInResult, report.message);
    announce(report.message);
    bringInButton.focus();
  });

  async function load(): Promise<void> {
    try {
      setTab(await server.getExercise());
    } catch {
      // Nothing to show yet: the form works without it.
    }
  }

  return { load };
}
