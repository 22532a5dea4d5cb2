// The sidebar in the local preview, in a real browser: the four steps by keyboard alone, the roster's ticks
// and fills in the grid, renames that keep ticks, text that looks like HTML, server errors, and the 300 px fit.
import { join } from 'node:path';
import type { Browser, Dialog, Frame, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../dev/preview/server';
import {
  afterRedraw,
  describeInBrowser,
  focusIsVisible,
  launchBrowser,
  overflowingElements,
  readGrid,
  SCREENSHOTS,
  sidebarFrame,
  tabTo,
  type GridCell,
} from './browser';

jest.setTimeout(30_000);

const HTML_NAME = '<img src=x onerror=alert(1)>';

describeInBrowser('sidebar in the preview', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;
  let frame: Frame;
  const dialogs: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const shotSidebar = (name: string) =>
    page.locator('#sidebar-frame').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const expectFits = async () => expect(await overflowingElements(frame)).toEqual([]);
  const openTab = (sheet: string) =>
    afterRedraw(page, () => page.click(`#tabs button[data-sheet="${sheet}"]`));
  /** Opens a sidebar step by its heading, unless it is open already (a second click would close it). */
  const openStep = async (step: string) => {
    if ((await frame.getAttribute(`#step-${step}-toggle`, 'aria-expanded')) !== 'true') {
      await frame.click(`#step-${step}-toggle`);
    }
  };
  const rowOf = (grid: GridCell[][], name: string) => grid.find((row) => row[0]?.text === name);
  const columnOf = (grid: GridCell[][], header: string) => grid[0].findIndex((cell) => cell.text === header);

  beforeAll(async () => {
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ port: 0 })]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Fail at the step that went wrong, well inside jest's own timeout.
    page.setDefaultTimeout(8_000);
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(preview.url);
    frame = await sidebarFrame(page);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('opens on the sample partners with the sidebar beside them', async () => {
    await page.waitForSelector('#grid td[data-a1="A2"]');
    expect(await page.textContent('#grid td[data-a1="A2"]')).toBe('Organization');
    await frame.waitForFunction(() =>
      /\d+ partners/.test(document.getElementById('list-summary')?.textContent ?? ''),
    );
    expect(await frame.textContent('#list-summary')).toMatch(/duplicate/);
    expect(await frame.inputValue('#list-header-row')).toBe('2');
    await expectFits();
    await shotSidebar('step-1-partner-list');
  });

  test('walks all four steps with the keyboard alone', async () => {
    await page.focus('#sidebar-frame');
    await tabTo(page, frame, 'list-use');
    expect(await focusIsVisible(frame)).toBe(true);
    await page.keyboard.press('Enter');
    // Confirming the list opens Segments and puts focus on its heading.
    await frame.waitForFunction(() => document.activeElement?.id === 'step-segments-toggle');
    expect(await frame.getAttribute('#step-segments-toggle', 'aria-expanded')).toBe('true');
    expect(await frame.isHidden('#step-list-panel')).toBe(true);
    await frame.waitForSelector('#segment-list li');
    expect(await frame.locator('#segment-list .segment-name').allTextContents()).toContain('Contractor');
    await expectFits();
    await shotSidebar('step-2-segments');

    await tabTo(page, frame, 'segments-next');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.activeElement?.id === 'step-roster-toggle');
    await tabTo(page, frame, 'roster-build');
    expect(await focusIsVisible(frame)).toBe(true);
    await page.keyboard.press('Enter');
    await frame.waitForSelector('#roster-result:not([hidden])');
    expect(await frame.textContent('#roster-summary')).toMatch(/Built .+: \d+ partners/);
    expect(await frame.locator('#roster-stats dt').allTextContents()).toEqual(
      expect.arrayContaining([
        'New partners',
        'Kept',
        'Not in list',
        'In several segments',
        'Not yet reviewed',
      ]),
    );
    expect(await frame.textContent('#roster-build')).toBe('Refresh roster');
    expect(await frame.isVisible('#roster-show-tab')).toBe(true);
    await expectFits();
    await shotSidebar('step-3-roster');

    await tabTo(page, frame, 'roster-next');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.activeElement?.id === 'step-discussion-toggle');
    await tabTo(page, frame, 'summary-generate');
    await page.keyboard.press('Space');
    await frame.waitForSelector('#summary-result:not([hidden])');
    expect(await frame.textContent('#summary-text')).toMatch(/is ready: \d+ partners/);
    await expectFits();
    await shotSidebar('step-4-discussion');
    await page.waitForSelector('#tabs button[data-sheet="Discussion Summary"]');
  });

  test('a second tick in the roster makes the row stand out', async () => {
    await openTab('Partner Roster');
    let grid = await readGrid(page);
    const advisor = columnOf(grid, 'Advisor');
    const contractor = columnOf(grid, 'Contractor');
    expect(advisor).toBeGreaterThan(0);
    const before = rowOf(grid, 'Blue Ridge Accounting')!;
    expect(before[contractor].checked).toBe(true);
    expect(before[advisor].checked).toBe(false);
    await afterRedraw(page, () => page.click(`#grid td[data-a1="${before[advisor].a1}"] input`));
    grid = await readGrid(page);
    const after = rowOf(grid, 'Blue Ridge Accounting')!;
    expect(after[advisor].checked).toBe(true);
    expect(after[0].background).not.toBe(before[0].background);
    await shot('roster');
  });

  test('a segment renamed in the sidebar keeps its ticks through a refresh', async () => {
    await openStep('segments');
    await frame.click('button[aria-label="Rename Advisor"]');
    await frame.fill('#segment-list input[type=text]', 'Expert adviser');
    await frame.press('#segment-list input[type=text]', 'Enter');
    await frame.waitForFunction(() =>
      Array.from(document.querySelectorAll('.segment-name')).some((e) => e.textContent === 'Expert adviser'),
    );
    await expectFits();

    await openStep('roster');
    await afterRedraw(page, () => frame.click('#roster-build'));
    await frame.waitForFunction(() =>
      /Refreshed/.test(document.getElementById('roster-summary')?.textContent ?? ''),
    );
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#grid td')).some((td) => td.textContent === 'Expert adviser'),
    );
    const grid = await readGrid(page);
    const row = rowOf(grid, 'Blue Ridge Accounting')!;
    expect(row[columnOf(grid, 'Expert adviser')].checked).toBe(true);
    expect(columnOf(grid, 'Advisor')).toBe(-1);
    await expectFits();
  });

  test('names that look like HTML show as text and run nothing', async () => {
    // A partner typed into the list, as a person would…
    await openTab('Partners');
    const grid = await readGrid(page);
    const free = grid.findIndex((row, index) => index > 2 && row.every((cell) => cell.text === ''));
    await page.click(`#grid td[data-a1="A${free + 1}"]`);
    await page.fill('#formula-input', HTML_NAME);
    await afterRedraw(page, () => page.press('#formula-input', 'Enter'));
    expect(await page.textContent(`#grid td[data-a1="A${free + 1}"]`)).toBe(HTML_NAME);

    // …and a segment added in the sidebar.
    await openStep('segments');
    await frame.fill('#segment-add-name', HTML_NAME);
    await frame.press('#segment-add-name', 'Enter');
    await frame.waitForFunction(
      (name) => Array.from(document.querySelectorAll('.segment-name')).some((e) => e.textContent === name),
      HTML_NAME,
    );
    await expectFits();
    await shotSidebar('html-looking-names');

    await openStep('roster');
    await afterRedraw(page, () => frame.click('#roster-build'));
    await frame.waitForSelector('#roster-result:not([hidden])');
    await openTab('Partner Roster');
    const roster = await readGrid(page);
    expect(rowOf(roster, HTML_NAME)).toBeDefined();
    expect(columnOf(roster, HTML_NAME)).toBeGreaterThan(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await frame.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('a server error shows as a message beside the button, and the button comes back', async () => {
    await openStep('roster');
    preview.session.standIn.failOnCall(1);
    await frame.click('#roster-build');
    await frame.waitForSelector('#roster-error:not([hidden])', { timeout: 10_000 });
    expect((await frame.textContent('#roster-error'))?.trim()).not.toBe('');
    expect(await frame.getAttribute('#roster-build', 'aria-disabled')).toBeNull();
    expect(await frame.textContent('#roster-build')).toBe('Refresh roster');
    await expectFits();
    await shotSidebar('server-error');

    // The next try works and clears the message.
    await frame.click('#roster-build');
    await frame.waitForSelector('#roster-error', { state: 'hidden' });
  });

  test('no page or sidebar script opened a dialog', () => {
    expect(dialogs).toEqual([]);
  });
});
