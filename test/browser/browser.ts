// Shared set-up for the browser tests: Debian's Chromium through playwright-core. Without it the tests are
// skipped with a line saying how to install it, except under CI=true, where a missing browser fails the run.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');

export const browserAvailable = existsSync(CHROMIUM);

/** `describe`, or `describe.skip` with a console line when there is no browser (a failure under CI). */
export function describeInBrowser(name: string, body: () => void): void {
  if (browserAvailable) return describe(name, body);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      test('needs Chromium', () => {
        throw new Error(`No browser at ${CHROMIUM}: install it with apt-get install -y chromium.`);
      });
    });
  }
  console.log(
    `Browser tests skipped: no ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`,
  );
  describe.skip(name, body);
}

export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** The sidebar's frame inside the preview page. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The sidebar iframe has no document.');
  return frame;
}

/** Elements of the sidebar whose box reaches past the body's right edge (300 px), described for a message. */
export function overflowingElements(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const limit = document.body.getBoundingClientRect().right + 0.5;
    const found: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > limit) {
        const id = element.id ? `#${element.id}` : '';
        const cls =
          typeof element.className === 'string' && element.className
            ? `.${element.className.split(' ')[0]}`
            : '';
        found.push(`${element.tagName.toLowerCase()}${id}${cls} right=${Math.round(box.right)}`);
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) {
      found.push(`page scrollWidth ${document.documentElement.scrollWidth}`);
    }
    return found;
  });
}

/** Presses Tab until the element with this id has focus; returns how many presses it took. */
export async function tabTo(page: Page, frame: Frame, id: string, limit = 60): Promise<number> {
  for (let presses = 0; presses < limit; presses++) {
    if ((await frame.evaluate(() => document.activeElement?.id ?? '')) === id) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** True when the focused element in the frame shows a visible focus ring. */
export function focusIsVisible(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  });
}

export interface GridCell {
  a1: string;
  text: string;
  background: string;
  checked: boolean | null;
}

/** The grid as the page shows it: rows of cells (text, fill, tick state). */
export function readGrid(page: Page): Promise<GridCell[][]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#grid tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => {
        const box = td.querySelector<HTMLInputElement>('input[type=checkbox]');
        const select = td.querySelector('select');
        return {
          a1: td.dataset.a1 ?? '',
          text: select ? select.value : (td.textContent ?? ''),
          background: getComputedStyle(td).backgroundColor,
          checked: box ? box.checked : null,
        };
      }),
    ),
  );
}

/** Runs an action and waits until the page has redrawn the grid after it. */
export async function afterRedraw(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = Number(await page.evaluate(() => document.body.dataset.version ?? '0'));
  await action();
  await page.waitForFunction((v) => Number(document.body.dataset.version ?? '0') > v, before);
}
