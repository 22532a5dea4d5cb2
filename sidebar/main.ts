// The Partner Segments sidebar: five steps (Partner list → Segments → Roster → Discussion → Group exercise) over the server
// functions in src/api.ts. Each step lives in its own module; this file loads the overview and wires them up.
import type { Overview } from '../src/api';
import { byId } from './dom';
import { setupDiscussionStep } from './discussionStep';
import { setupExerciseStep } from './exerciseStep';
import { setupListStep } from './listStep';
import { setupRosterStep } from './rosterStep';
import { setupSegmentsStep } from './segmentsStep';
import { withProgress } from './progress';
import { plainMessage, server } from './server';
import { setupStepper } from './stepper';

const stepper = setupStepper();

const roster = setupRosterStep({
  onBuilt(report) {
    stepper.setStatus('roster', `${report.partners} partners`);
    // The first build makes the Segments tab; reload so its name and "Show the tab" appear.
    void segments.load();
  },
});

const discussion = setupDiscussionStep({
  onGenerated() {
    stepper.setStatus('discussion', 'Generated');
    // The summary learned keywords from the board's decisions: step 2 offers them.
    void segments.load();
  },
});

const exercise = setupExerciseStep({
  onSetUp(report) {
    stepper.setStatus('exercise', `${report.participants.length} participants`);
  },
});

const segments = setupSegmentsStep((view) => {
  stepper.setStatus('segments', `${view.segments.length} segments`);
});

function showOverview(overview: Overview): void {
  stepper.setStatus('list', overview.list ? overview.list.sheet : 'Choose a sheet');
  roster.setTab(overview.tabs.roster);
  roster.setList(overview.list, overview.tabs.segments);
  discussion.setTab(overview.tabs.summary);
  if (overview.tabs.roster) stepper.setStatus('roster', 'Built');
  if (overview.tabs.summary) stepper.setStatus('discussion', 'Generated');
  if (overview.tabs.exercise) stepper.setStatus('exercise', 'Set up');
}

const list = setupListStep({
  onOverview: showOverview,
  onConfirmed: () => stepper.open('segments', true),
});

async function start(): Promise<void> {
  byId('list-retry-line').hidden = true;
  list.showError(null);
  list.showLoading('Looking for your partner list…');
  try {
    const overview = await server.getOverview();
    list.render(overview);
    showOverview(overview);
    // Someone coming back to a built roster most likely wants to refresh it.
    if (overview.tabs.roster) stepper.open('roster');
  } catch (error) {
    list.showError(plainMessage(error));
    byId('list-retry-line').hidden = false;
  } finally {
    list.showLoading(null);
  }
}

byId('list-retry').addEventListener('click', () => void start().then(() => void segments.load()));
// Help: the same dialog as Extensions › Partner Segments › Help, with the steps this sidebar shows.
const helpButton = byId<HTMLButtonElement>('help-open');
helpButton.addEventListener('click', () => {
  void withProgress({ button: helpButton, busyText: 'Opening help…', errorSlot: byId('help-error') }, () =>
    server.showHelp(),
  );
});
byId('segments-next').addEventListener('click', () => stepper.open('roster', true));
byId('roster-next').addEventListener('click', () => stepper.open('discussion', true));

void start();
void segments.load();
void exercise.load();
