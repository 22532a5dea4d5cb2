// The preview page itself: the add-on's menu, alerts and toasts, typing a PARTNER_SEGMENT formula, dropdowns
// and sorting, all against the real dist/Code.js in the stand-in.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../dev/preview/server';
import {
  afterRedraw,
  describeInBrowser,
  launchBrowser,
  readGrid,
  SCREENSHOTS,
  sidebarFrame,
} from './browser';

jest.setTimeout(30_000);

describeInBrowser('the local preview', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  const typeInto = async (a1: string, text: string) => {
    await page.click(`#grid td[data-a1="${a1}"]`);
    await page.fill('#formula-input', text);
    await afterRedraw(page, () => page.press('#formula-input', 'Enter'));
  };
  const runMenuItem = async (caption: string) => {
    await page.click('#extensions-button');
    await afterRedraw(page, () => page.click(`#extensions-menu .menu-item:text-is("${caption}")`));
  };

  beforeAll(async () => {
    [browser, preview] = await Promise.all([launchBrowser(), startPreview({ port: 0 })]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(8_000);
    await page.goto(preview.url);
    await page.waitForSelector('#grid td[data-a1="A2"]');
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  test('shows the menu the add-on built in onOpen, and its alerts', async () => {
    await page.click('#extensions-button');
    expect(await page.locator('#extensions-menu .menu-item').allTextContents()).toEqual([
      'Open sidebar',
      'Build or refresh roster',
      'Generate discussion summary',
      'Set up the segmentation exercise',
      "Bring the group's picks into the roster",
      'Turn PARTNER_SEGMENT into values',
      'Help',
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-menu.png') });
    await afterRedraw(page, () => page.click('#extensions-menu .menu-item:text-is("Help")'));
    await page.waitForSelector('#alert-dialog[open]');
    expect(await page.textContent('#alert-title')).toBe('Partner Segments');
    await page.click('#alert-ok');
    await page.waitForSelector('#alert-dialog', { state: 'hidden' });
  });

  test('computes a PARTNER_SEGMENT formula typed into a cell', async () => {
    await typeInto('J3', '=PARTNER_SEGMENT(D3)');
    expect(await page.textContent('#grid td[data-a1="J3"]')).toBe('Funder');
    await page.click('#grid td[data-a1="J3"]');
    expect(await page.inputValue('#formula-input')).toBe('=PARTNER_SEGMENT(D3)');
  });

  test('runs a menu item and shows its toast', async () => {
    await runMenuItem('Build or refresh roster');
    await page.waitForSelector('.toast:has-text("Roster built")');
    expect(await page.getAttribute('#tabs button[aria-current=page]', 'data-sheet')).toBe('Partner Roster');
  });

  test('picks from a dropdown and sorts by a column', async () => {
    let grid = await readGrid(page);
    const level = grid[0].findIndex((cell) => cell.text === 'Level');
    const cell = grid[1][level];
    await afterRedraw(page, () => page.selectOption(`#grid td[data-a1="${cell.a1}"] select`, 'Cooperating'));
    grid = await readGrid(page);
    expect(grid[1][level].text).toBe('Cooperating');

    const names = grid
      .slice(1)
      .map((row) => row[0].text)
      .filter(Boolean);
    await afterRedraw(page, () =>
      page.click('#grid thead button[aria-label="Sort sheet by column A, Z to A"]'),
    );
    grid = await readGrid(page);
    expect(grid[0][0].text).toBe('Partner');
    expect(grid[1][0].text).toBe([...names].sort((a, b) => b.localeCompare(a))[0]);
    await page.locator('#grid-area').evaluate((area) => area.scrollTo(300, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-sorted-roster.png') });
  });

  test('sets up the segmentation exercise, and participants pick from their dropdowns on its tab', async () => {
    await runMenuItem('Build or refresh roster'); // a refresh when the test above built it
    await runMenuItem('Open sidebar');
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('#step-exercise-toggle');
    await frame.click('#step-exercise-toggle');
    await frame.fill('#exercise-names', 'Ann, Bob, Cy');
    await afterRedraw(page, () => frame.click('#exercise-set-up'));
    await frame.waitForSelector('#exercise-result:not([hidden])');
    await afterRedraw(page, () => page.click('#tabs button[data-sheet="Segment Exercise"]'));
    let grid = await readGrid(page);
    const headerRow = grid.findIndex((row) => row[0].text === 'Partner');
    const header = grid[headerRow].map((cell) => cell.text);
    expect(header.slice(0, 9)).toEqual([
      'Partner',
      'ID',
      'About',
      'Roster',
      'Picks',
      'Agreement',
      'Ann',
      'Bob',
      'Cy',
    ]);
    const at = (name: string) => header.indexOf(name);
    const first = grid[headerRow + 1];
    expect(first[at('Agreement')].text).toBe('No picks yet');
    // Each participant picks in their own column, from the dropdown.
    const options = await page
      .locator(`#grid td[data-a1="${first[at('Ann')].a1}"] select option`)
      .allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Funder', 'Advisor', 'Not a partner', "Don't know"]));
    for (const [person, choice] of [
      ['Ann', 'Funder'],
      ['Bob', 'Funder'],
      ['Cy', 'Advisor'],
    ]) {
      await afterRedraw(page, () =>
        page.selectOption(`#grid td[data-a1="${first[at(person)].a1}"] select`, choice),
      );
    }
    grid = await readGrid(page);
    expect(grid[headerRow + 1][at('Picks')].text).toBe('3');
    expect(grid[headerRow + 1][at('Agreement')].text).toBe('Split: Advisor 1, Funder 2');
    // The split row stands out (conditional formatting), the others do not.
    expect(grid[headerRow + 1][0].background).toBe('rgb(252, 232, 178)');
    expect(grid[headerRow + 2][0].background).toBe('rgb(255, 255, 255)');
    expect(grid.find((row) => row[0].text === 'Partners the group split on')?.[1].text).toBe('1');
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-segment-exercise.png') });
  });
});
