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
  /** Toasts gone, so a screenshot shows the sheet. */
  const clearToasts = () =>
    page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
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
      'Tick suggestions for unreviewed rows',
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

  test('draws what the board sees: wrapped headers, merged Board notes, the summary charts', async () => {
    // The roster's header row wraps (setWrap): its text is whole, on several lines, and the row is taller.
    await runMenuItem('Build or refresh roster'); // a refresh when the tests above built it
    await afterRedraw(page, () => page.click('#tabs button[data-sheet="Partner Roster"]'));
    const header = page.locator('#grid tbody tr').first();
    const headerCells = header.locator('td.wrap');
    expect(await headerCells.count()).toBeGreaterThan(5);
    const headerHeight = (await header.boundingBox())!.height;
    const plainHeight = (await page.locator('#grid tbody tr').nth(1).boundingBox())!.height;
    expect(headerHeight).toBeGreaterThan(plainHeight + 8);
    expect(await headerCells.first().evaluate((td) => getComputedStyle(td).whiteSpace)).toBe('pre-wrap');
    // Why suggested has a tick box beside it: its long text stays in its cell (no overflow over the box).
    const why = await page
      .locator('#grid tbody tr')
      .first()
      .locator('td', { hasText: 'Why suggested' })
      .getAttribute('data-a1');
    const whyColumn = why!.replace(/\d+$/, '');
    const whyCell = page.locator(`#grid td[data-a1="${whyColumn}2"]`);
    expect((await whyCell.getAttribute('class')) ?? '').not.toContain('overflow');
    expect(await whyCell.locator('.overflow-text').count()).toBe(0);
    await page.locator('#grid-area').evaluate((area) => area.scrollTo(0, 0));
    await clearToasts();
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-roster.png') });

    // Twice: the second generation has a Since section and the history's line chart beside it.
    await runMenuItem('Generate discussion summary');
    await runMenuItem('Generate discussion summary');
    expect(await page.getAttribute('#tabs button[aria-current=page]', 'data-sheet')).toBe(
      'Discussion Summary',
    );
    const view = preview.session.view('Discussion Summary').sheet;

    // Board notes: one cell merged from B to the summary's last column, drawn as one cell.
    const notesRow = view.rows.findIndex((row) => row[0].display === 'Board notes') + 1;
    expect(notesRow).toBeGreaterThan(0);
    const notes = page.locator(`#grid td[data-a1="B${notesRow}"]`);
    expect(Number(await notes.getAttribute('colspan'))).toBe(view.rows[notesRow - 1][1].colSpan);
    expect(view.rows[notesRow - 1][1].colSpan).toBeGreaterThan(1);
    expect(await page.locator(`#grid td[data-a1="C${notesRow}"]`).isHidden()).toBe(true);
    const notesBox = (await notes.boundingBox())!;
    const columnB = (await page.locator('#grid thead th').nth(2).boundingBox())!;
    expect(notesBox.width).toBeGreaterThan(columnB.width * 2);

    // A discussion question wraps in its cell: all its words are on the page, on more than one line.
    const question = view.rows.findIndex(
      (row, r) => r > 0 && row[0].wrap === true && row[0].display.length > 60,
    );
    expect(question).toBeGreaterThan(0);
    const questionCell = page.locator(`#grid td[data-a1="A${question + 1}"]`);
    expect(await questionCell.textContent()).toBe(view.rows[question][0].display);
    expect((await questionCell.boundingBox())!.height).toBeGreaterThan(plainHeight + 8);

    // Text overflows into the empty cells beside it, as in Sheets: the heading line of the summary (A2) reads
    // on past column A; a roster cell with a tick box beside it stays cut at its edge (checked above the fold).
    const textRow = view.rows.findIndex(
      (row, r) => r > 0 && !row[0].wrap && row[0].display.length > 60 && row[1].display === '',
    );
    expect(textRow).toBeGreaterThan(0);
    const lineCell = page.locator(`#grid td[data-a1="A${textRow + 1}"]`);
    expect(await lineCell.getAttribute('class')).toContain('overflow');
    const lineText = (await lineCell.locator('.overflow-text').boundingBox())!;
    const columnA = (await page.locator('#grid thead th').nth(1).boundingBox())!;
    expect(lineText.width).toBeGreaterThan(columnA.width * 1.5);
    expect(await lineCell.textContent()).toBe(view.rows[textRow][0].display);

    // The charts, drawn: the column chart's bars are the per-segment counts; the line chart has its lines.
    const charts = page.locator('#charts svg.chart');
    expect(await charts.count()).toBe(2);
    const column = page.locator('#charts svg.chart[data-type="COLUMN"]');
    expect(await column.locator('.chart-title').textContent()).toBe('Partners per segment');
    const bars = await column.locator('.chart-bar title').allTextContents();
    const perSegment = view.rows.findIndex((row) => row[0].display === 'Partners per segment') + 2;
    const expected = view.rows
      .slice(perSegment, perSegment + 8)
      .filter((row) => Number(row[1].display) > 0)
      .map((row) => `${row[0].display}: ${row[1].display}`);
    expect(expected.length).toBeGreaterThan(2);
    expect(bars).toEqual(expected);
    const tallest = await column
      .locator('.chart-bar')
      .evaluateAll((rects) => Math.max(...rects.map((r) => r.getBoundingClientRect().height)));
    expect(tallest).toBeGreaterThan(100);
    const line = page.locator('#charts svg.chart[data-type="LINE"]');
    expect(await line.locator('.chart-title').textContent()).toBe('Counts over time (Segment History)');
    // One point per count (six) per generation in the history tab, one line per count.
    const generations = preview.session.standIn
      .sheetDisplayValues('Segment History')
      .slice(1)
      .filter((row) => row[2] !== '').length;
    expect(generations).toBeGreaterThan(0);
    expect(await line.locator('.chart-point').count()).toBe(6 * generations);
    expect(await line.locator('.chart-line').count()).toBe(6);
    expect(await line.locator('.chart-legend-item title').allTextContents()).toEqual([
      'Partners',
      'Segmented',
      'In more than one segment',
      'Without a segment',
      'Mismatched',
      'Reviewed',
    ]);
    // Whole on the chart too (wrapped, not cut short).
    const legendLines = await line
      .locator('.chart-legend-item text')
      .evaluateAll((texts) =>
        texts.map((t) => Array.from(t.querySelectorAll('tspan'), (span) => span.textContent).join(' ')),
      );
    expect(legendLines).toContain('In more than one segment');
    // The column chart sits at its anchor (column D of the table's header row), over the cells.
    const anchor = view.charts.find((c) => c.type === 'COLUMN')!.anchor;
    const anchorCell = (await page
      .locator(`#grid td[data-a1="${String.fromCharCode(64 + anchor.column)}${anchor.row}"]`)
      .boundingBox())!;
    const columnBox = (await column.boundingBox())!;
    expect(Math.abs(columnBox.x - anchorCell.x)).toBeLessThan(3);
    expect(Math.abs(columnBox.y - anchorCell.y)).toBeLessThan(3);

    await page.setViewportSize({ width: 1600, height: 1400 });
    await page.locator('#grid-area').evaluate((area) => area.scrollTo(0, 0));
    await clearToasts();
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-discussion-summary.png') });
    const chartTop = columnBox.y;
    await page.locator('#grid-area').evaluate((area, top) => area.scrollTo(0, top - 200), chartTop);
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-discussion-summary-chart.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("the sidebar's close button hides it, and google.script.host.close does too", async () => {
    await runMenuItem('Open sidebar');
    const panel = page.locator('#sidebar-panel');
    await panel.waitFor({ state: 'visible' });
    await page.click('#sidebar-close');
    await panel.waitFor({ state: 'hidden' });
    expect(await panel.isVisible()).toBe(false);
    // The grid takes the room the sidebar left.
    const area = (await page.locator('#grid-area').boundingBox())!;
    expect(area.width).toBeGreaterThan(1200);

    await runMenuItem('Open sidebar');
    await panel.waitFor({ state: 'visible' });
    const frame = await sidebarFrame(page);
    await frame.waitForFunction(() => typeof (window as unknown as { google?: unknown }).google === 'object');
    await frame.evaluate(() =>
      (window as unknown as { google: { script: { host: { close(): void } } } }).google.script.host.close(),
    );
    await panel.waitFor({ state: 'hidden' });
  });
});
