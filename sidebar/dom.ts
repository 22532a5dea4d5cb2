// DOM helpers that only ever put data into the page as text: sheet content (partner, segment and sheet names,
// server messages) is never parsed as HTML, so a name like `<img onerror=…>` shows as typed and runs nothing.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The sidebar page has no #${id}.`);
  return element as T;
}

type Attributes = Record<string, string | boolean | undefined>;

/** Creates an element; string children become text nodes. Attribute names come from code, never from data. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** Shows a message in an error slot, or hides the slot when the message is null. */
export function showMessage(slot: HTMLElement, message: string | null): void {
  slot.textContent = message ?? '';
  slot.hidden = !message;
}

/** Says something to screen readers through the page's polite live region. */
export function announce(text: string): void {
  const region = byId('announcer');
  // Clearing first makes a repeated message ("Roster refreshed") be read again.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/** Replaces the options of a select; labels are set as text. */
export function setOptions(
  select: HTMLSelectElement,
  options: Array<{ value: string; label: string }>,
): void {
  select.replaceChildren(
    ...options.map((option) => {
      const element = document.createElement('option');
      element.value = option.value;
      element.text = option.label;
      return element;
    }),
  );
}

const SVG = 'http://www.w3.org/2000/svg';

/** A 18 px Material icon (its path from code, never from data), hidden from screen readers. */
export function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS(SVG, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

/** Material icons "edit" and "delete" (Apache 2.0). */
export const ICONS = {
  edit: 'M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z',
  remove: 'M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z',
} as const;

/** A #rrggbb colour from the sheet, or null: only a plain hex colour may reach a style property. */
export function safeColor(color: string): string | null {
  return /^#[0-9a-f]{6}$/i.test(color.trim()) ? color.trim() : null;
}
