// Step 4, Discussion: generate (or regenerate) the Discussion Summary tab and say what it found.
import type { SummaryReport } from '../src/api';
import { announce, byId } from './dom';
import { isBusy, setButtonLabel, withProgress } from './progress';
import { server } from './server';
import { renderStats } from './stats';

export interface DiscussionStep {
  setTab(tab: string | null): void;
}

export function setupDiscussionStep(events: { onGenerated(report: SummaryReport): void }): DiscussionStep {
  const generateButton = byId<HTMLButtonElement>('summary-generate');
  const showTabButton = byId<HTMLButtonElement>('summary-show-tab');

  function setTab(tab: string | null): void {
    setButtonLabel(generateButton, tab ? 'Regenerate discussion summary' : 'Generate discussion summary');
    showTabButton.hidden = tab === null;
  }

  generateButton.addEventListener('click', async () => {
    if (isBusy(generateButton)) return;
    // The last summary's numbers go while this one runs, so a failure is not shown beside old success.
    byId('summary-result').hidden = true;
    const report = await withProgress(
      { button: generateButton, busyText: 'Generating…', errorSlot: byId('summary-error') },
      () => server.generateSummaryFromSidebar(),
    );
    if (!report) return;
    setTab(report.summarySheet);
    byId('summary-text').textContent =
      `${report.summarySheet} is ready: ${report.partners} partners and five questions for your meeting.`;
    const stats: Array<[string, number]> = [
      ['In several segments', report.multiSegment],
      ['Managed unlike their segment', report.mismatches],
      ['No segment', report.unsegmented],
    ];
    if (report.groupSplit !== null) stats.push(['Split in the group exercise', report.groupSplit]);
    if (report.notAPartner !== null) stats.push(['Not a partner, for someone', report.notAPartner]);
    if (report.boardNotesKept > 0) stats.push(['Board notes kept', report.boardNotesKept]);
    if (report.actionsKept > 0) stats.push(['Actions still open', report.openActions]);
    renderStats(byId('summary-stats'), stats);
    // Said up front: with Managed like mostly blank, questions 2, 3 and 5 are near-empty (text, never HTML).
    const warning = byId('summary-warning');
    warning.textContent = report.managedLikeWarning ?? '';
    warning.hidden = !report.managedLikeWarning;
    byId('summary-result').hidden = false;
    announce(byId('summary-text').textContent ?? '');
    events.onGenerated(report);
  });

  showTabButton.addEventListener('click', () => {
    void withProgress(
      { button: showTabButton, busyText: 'Opening…', errorSlot: byId('summary-show-error') },
      () => server.showTab('summary'),
    );
  });

  return { setTab };
}
