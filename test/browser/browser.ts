// Shared set-up for the browser tests: Debian's Chromium through playwright-core. Without it the tests are
// skipped with a line saying how to install it, except under CI=true, where a missing browser fails the run.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page, type Route } from 'playwright-core';

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

/** The sidebar's width in Sheets. */
export const SIDEBAR_WIDTH = 300;

/**
 * Elements of the sidebar whose box reaches past the visible width (at most 300 px, less a scrollbar when
 * there is one) or starts left of 0, described for a message; also a page wider than its window, and a
 * window that is not `width` wide (so the check cannot pass by looking at a wider sidebar).
 */
export function overflowingElements(frame: Frame, width = SIDEBAR_WIDTH): Promise<string[]> {
  return frame.evaluate((width) => {
    const found: string[] = [];
    if (window.innerWidth !== width) found.push(`window is ${window.innerWidth} px wide, not ${width}`);
    const limit = Math.min(width, document.documentElement.clientWidth) + 0.5;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > limit || box.left < -0.5) {
        found.push(`${describe(element)} left=${Math.round(box.left)} right=${Math.round(box.right)}`);
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) {
      found.push(`page scrollWidth ${document.documentElement.scrollWidth}`);
    }
    return found;

    function describe(element: Element): string {
      const id = element.id ? `#${element.id}` : '';
      const cls =
        typeof element.className === 'string' && element.className
          ? `.${element.className.split(' ')[0]}`
          : '';
      return `${element.tagName.toLowerCase()}${id}${cls}`;
    }
  }, width);
}

/**
 * Visible text that is cut off: an element whose content is wider than its box while its overflow is hidden
 * (e.g. a button label ending in "…"). An ellipsis on purpose is allowed only where a tooltip gives the whole
 * text (title equal to the text), as the step statuses do.
 */
export function clippedElements(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (element.closest('.visually-hidden') || element.getClientRects().length === 0) continue;
      if (element instanceof HTMLSelectElement || element instanceof HTMLInputElement) continue;
      const style = getComputedStyle(element);
      const hides = (o: string) => o === 'hidden' || o === 'clip';
      const wide = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const tall = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if (!wide && !tall) continue;
      if (element.title && element.title === element.textContent) continue;
      found.push(
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}: ${element.textContent}`,
      );
    }
    return found;
  });
}

/**
 * Visible controls and text blocks whose boxes overlap without one holding the other (in the DOM), e.g. a
 * button drawn over a name, described for a message.
 */
export function overlappingElements(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const selector =
      'button, input, select, label, p, dt, dd, code, h2, h3, li, .swatch, .segment-name, .step-number, .step-status';
    const boxes = Array.from(document.body.querySelectorAll<HTMLElement>(selector))
      .filter((element) => !element.closest('.visually-hidden, [hidden]'))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 1 && box.height > 1);
    const found: string[] = [];
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}"`;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
        const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (width > 1 && height > 1) found.push(`${name(a.element)} overlaps ${name(b.element)}`);
      }
    }
    return found;
  });
}

/** Saves the whole sidebar, however long, as an image: the window grows until the sidebar needs no scrolling. */
export async function screenshotSidebar(page: Page, frame: Frame, path: string): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('The page has no viewport size.');
  const iframe = page.locator('#sidebar-frame');
  const box = await iframe.boundingBox();
  const content = await frame.evaluate(() => document.documentElement.scrollHeight);
  if (!box) throw new Error('The sidebar is not shown.');
  const height = Math.max(viewport.height, Math.ceil(viewport.height - box.height + content));
  // The pointer goes to a corner of the page, so no hover colour shows where a click left it.
  await page.mouse.move(0, 0);
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await iframe.screenshot({ path, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.setViewportSize(viewport);
  }
}

/**
 * Presses Tab until the element with this id (or matching this selector) has focus. Every element Tab stops at
 * on the way must show a visible focus ring; returns those that did not (expected to be none).
 */
export async function tabTo(page: Page, frame: Frame, target: string, limit = 60): Promise<string[]> {
  const selector = /^[\w-]+$/.test(target) ? `#${target}` : target;
  const withoutRing: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    const stop = await frame.evaluate((selector) => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      return {
        here: element.matches(selector),
        name: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? ''}`,
      };
    }, selector);
    if (stop && !(await focusIsVisible(frame))) withoutRing.push(stop.name);
    if (stop?.here) return withoutRing;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** True when the focused element in the frame shows a visible focus ring (an outline, not transparent). */
export function focusIsVisible(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return (
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) >= 1 &&
      !/rgba\(.*,\s*0\)$|transparent/.test(style.outlineColor)
    );
  });
}

export interface HeldCall {
  /** Resolves when the sidebar has sent the call (it is then running, as far as the sidebar knows). */
  arrived: Promise<void>;
  /** How many calls of this function were sent while it was held. */
  count(): number;
  /** Lets the call go on to the server and stops holding further calls. */
  release(): Promise<void>;
}

export type HoldServerCall = (name: string) => HeldCall;

/**
 * Lets a test hold the sidebar's calls of a server function, so it can see what the sidebar shows while a call
 * runs (Apps Script calls take seconds; the preview's take milliseconds). One route for the page's life,
 * installed before the page loads; `hold(name)` then catches the next calls of that function.
 */
export async function serverCallHolds(page: Page): Promise<HoldServerCall> {
  const holds = new Map<string, (route: Route) => Promise<void>>();
  await page.route('**/api/run', (route) => {
    const body = route.request().postDataJSON() as { name?: string } | null;
    const hold = body?.name === undefined ? undefined : holds.get(body.name);
    return hold ? hold(route) : route.continue();
  });
  return (name) => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve, reject) => {
      arrive = resolve;
      setTimeout(() => reject(new Error(`The sidebar never called ${name}.`)), 8_000).unref();
    });
    arrived.catch(() => undefined);
    const pending: Array<Promise<void>> = [];
    holds.set(name, (route) => {
      arrive();
      const done = gate.then(() => route.continue());
      pending.push(done);
      return done;
    });
    return {
      arrived,
      count: () => pending.length,
      async release() {
        holds.delete(name);
        open();
        await Promise.all(pending);
      },
    };
  };
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
