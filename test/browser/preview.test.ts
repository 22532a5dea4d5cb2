// The preview page itself: the add-on's menu, alerts and toasts, typing a PARTNER_SEGMENT formula, dropdowns
// and sorting, all against the real dist/Code.js in the stand-in.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../dev/preview/server';
import { afterRedraw, describeInBrowser, launchBrowser, readGrid, SCREENSHOTS } from './browser';

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
    await afterRedraw(page, () => page.selectOption(`#grid td[data-a1="${cell.a1}"] select`, 'Strategic'));
    grid = await readGrid(page);
    expect(grid[1][level].text).toBe('Strategic');

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
});
