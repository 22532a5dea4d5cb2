// Step 3, Roster: build or refresh the Partner Roster tab, then say what happened in numbers. Also teaches the
// PARTNER_SEGMENT formula with its explicit Segments range (custom functions only recalculate when their
// arguments change).
import type { ListView, RosterReport } from '../src/api';
import { announce, byId } from './dom';
import { partnerSegmentFormula } from './formula';
import { isBusy, setButtonLabel, withProgress } from './progress';
import { server } from './server';
import { renderStats } from './stats';

export interface RosterStep {
  /** The roster tab's name, or null when there is none yet. */
  setTab(tab: string | null): void;
  /** The list and the Segments tab the formula to copy reads (null: not known yet). */
  setList(list: ListView | null, segmentsTab: string | null): void;
}

export function setupRosterStep(events: { onBuilt(report: RosterReport): void }): RosterStep {
  const buildButton = byId<HTMLButtonElement>('roster-build');
  const showTabButton = byId<HTMLButtonElement>('roster-show-tab');

  function setTab(tab: string | null): void {
    setButtonLabel(buildButton, tab ? 'Refresh roster' : 'Build roster');
    showTabButton.hidden = tab === null;
  }

  function showReport(report: RosterReport): void {
    const verb = report.firstBuild ? 'Built' : 'Refreshed';
    byId('roster-summary').textContent =
      `${verb} ${report.rosterSheet}: ${report.partners} partners, ${report.segments} segments.`;
    byId('roster-list-summary').textContent = `From your list: ${report.listSummary}.`;
    const stats: Array<[string, number]> = [
      ['New partners', report.new],
      ['Kept', report.kept],
      ['Not in list', report.notInList],
      ['In several segments', report.multiSegment],
      ['Managed unlike their segment', report.mismatches],
      ['No segment', report.unsegmented],
      ['Not yet reviewed', report.unreviewed],
    ];
    if (report.excluded > 0) stats.push(['Excluded', report.excluded]);
    // The investment flags, shown once they happen (most lists have no goals at first).
    if (report.strategicTooLight > 0)
      stats.push(['Strategic but at a light level', report.strategicTooLight]);
    if (report.deepWithoutGoal > 0) stats.push(['Deepest level, no goal needs it', report.deepWithoutGoal]);
    if (report.unknownGoal > 0) stats.push(['Strategic for a removed goal', report.unknownGoal]);
    renderStats(byId('roster-stats'), stats);
    byId('roster-result').hidden = false;
  }

  buildButton.addEventListener('click', async () => {
    if (isBusy(buildButton)) return;
    const refreshing = buildButton.textContent?.startsWith('Refresh') ?? false;
    // The last build's numbers go while this one runs, so a failure is not shown beside old success.
    byId('roster-result').hidden = true;
    const report = await withProgress(
      {
        button: buildButton,
        busyText: refreshing ? 'Refreshing…' : 'Building…',
        errorSlot: byId('roster-error'),
      },
      () => server.buildRosterFromSidebar(),
    );
    if (!report) return;
    setTab(report.rosterSheet);
    showReport(report);
    announce(byId('roster-summary').textContent ?? '');
    events.onBuilt(report);
  });

  showTabButton.addEventListener('click', () => {
    void withProgress(
      { button: showTabButton, busyText: 'Opening…', errorSlot: byId('roster-show-error') },
      () => server.showTab('roster'),
    );
  });

  byId('formula-copy').addEventListener('click', () => void copyFormula());

  function setList(list: ListView | null, segmentsTab: string | null): void {
    byId('formula').textContent = partnerSegmentFormula(list, segmentsTab);
  }

  return { setTab, setList };
}

/** Copies the formula; where the clipboard is not allowed (some iframes), selects it for Ctrl+C instead. */
async function copyFormula(): Promise<void> {
  const code = byId('formula');
  const done = byId('formula-copied');
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    done.textContent = 'Copied. Paste it into a cell of any sheet.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    done.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
}
