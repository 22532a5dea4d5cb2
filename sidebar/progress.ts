// Progress for a server call started by a button: the button says what is happening and cannot be pressed
// again, screen readers hear it, and whatever happens the button comes back and an error is shown beside it.
import { announce, h, showMessage } from './dom';
import { plainMessage } from './server';

export interface ProgressOptions {
  button: HTMLButtonElement;
  /** What the button says while the call runs, e.g. "Building…". */
  busyText: string;
  /** Where a failure is shown, next to the button. */
  errorSlot: HTMLElement;
}

/** True while the button's call runs. aria-disabled (not `disabled`) keeps keyboard focus on the button. */
export function isBusy(button: HTMLButtonElement): boolean {
  return button.getAttribute('aria-disabled') === 'true';
}

/** Runs `work` with progress on the button; resolves to its result, or undefined after showing the failure. */
export async function withProgress<T>(
  options: ProgressOptions,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const { button, busyText, errorSlot } = options;
  if (isBusy(button)) return undefined;
  const label = Array.from(button.childNodes);
  button.setAttribute('aria-disabled', 'true');
  button.classList.add('busy');
  button.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), busyText);
  showMessage(errorSlot, null);
  announce(busyText);
  try {
    return await work();
  } catch (error) {
    const message = plainMessage(error);
    showMessage(errorSlot, message);
    announce(message);
    return undefined;
  } finally {
    if (button.dataset.label) button.textContent = button.dataset.label;
    else button.replaceChildren(...label);
    delete button.dataset.label;
    button.classList.remove('busy');
    button.removeAttribute('aria-disabled');
  }
}

/** Sets a button's label, also when it is busy (the label comes back after the call). */
export function setButtonLabel(button: HTMLButtonElement, text: string): void {
  if (isBusy(button)) button.dataset.label = text;
  else button.textContent = text;
}
