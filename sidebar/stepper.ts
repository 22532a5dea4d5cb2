// The five steps as an accordion (WAI-ARIA pattern): each heading holds a button with aria-expanded that opens
// its panel; one step is open at a time so the sidebar stays short. Enter/Space work because these are real
// buttons; Up/Down/Home/End move between the step headings.
import { byId } from './dom';

export const STEPS = ['list', 'segments', 'roster', 'discussion', 'exercise'] as const;
export type StepId = (typeof STEPS)[number];

export interface Stepper {
  /** Opens a step (closing the others); with `focus`, moves keyboard focus to its heading. */
  open(step: StepId, focus?: boolean): void;
  /** The short text beside a step's title, e.g. "8 segments". */
  setStatus(step: StepId, text: string): void;
}

export function setupStepper(): Stepper {
  const toggle = (step: StepId) => byId<HTMLButtonElement>(`step-${step}-toggle`);
  const panel = (step: StepId) => byId(`step-${step}-panel`);

  function setOpen(step: StepId, open: boolean): void {
    toggle(step).setAttribute('aria-expanded', String(open));
    panel(step).hidden = !open;
    byId(`step-${step}`).classList.toggle('open', open);
  }

  function open(step: StepId, focus = false): void {
    for (const other of STEPS) setOpen(other, other === step);
    if (focus) toggle(step).focus();
  }

  STEPS.forEach((step, index) => {
    const button = toggle(step);
    // The page opens with step 1 expanded in its HTML; its look (blue number, border) follows from here.
    setOpen(step, button.getAttribute('aria-expanded') === 'true');
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-expanded') === 'true') setOpen(step, false);
      else open(step);
    });
    button.addEventListener('keydown', (event) => {
      const target =
        event.key === 'ArrowDown'
          ? STEPS[(index + 1) % STEPS.length]
          : event.key === 'ArrowUp'
            ? STEPS[(index + STEPS.length - 1) % STEPS.length]
            : event.key === 'Home'
              ? STEPS[0]
              : event.key === 'End'
                ? STEPS[STEPS.length - 1]
                : null;
      if (!target) return;
      event.preventDefault();
      toggle(target).focus();
    });
  });

  return {
    open,
    setStatus(step, text) {
      const status = byId(`step-${step}-status`);
      status.textContent = text;
      status.title = text;
    },
  };
}
