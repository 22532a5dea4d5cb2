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

/** A #rrggbb colour from the sheet, or null: only a plain hex colour may reach a style property. */
export function safeColor(color: string): string | null {
  return /^#[0-9a-f]{6}$/i.test(color.trim()) ? color.trim() : null;
}
