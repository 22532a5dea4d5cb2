// Extensions › Partner Segments: the menu the add-on's onOpen recorded, each item running its function.
import type { WorkbookView } from '../views';

export function setupMenu(run: (functionName: string) => void): (menu: WorkbookView['menu']) => void {
  const button = document.getElementById('extensions-button') as HTMLButtonElement;
  const panel = document.getElementById('extensions-menu')!;
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) panel.querySelector<HTMLElement>('.menu-item')?.focus();
  };
  button.addEventListener('click', () => setOpen(panel.hidden));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!panel.hidden && !panel.contains(event.target as Node) && event.target !== button) setOpen(false);
  });

  return (menu) => {
    panel.replaceChildren();
    if (!menu) {
      const empty = document.createElement('div');
      empty.className = 'menu-caption';
      empty.textContent = 'The add-on made no menu (onOpen).';
      panel.append(empty);
      return;
    }
    const caption = document.createElement('div');
    caption.className = 'menu-caption';
    caption.textContent = menu.caption;
    panel.append(caption);
    for (const item of menu.items) {
      if (item === 'separator') {
        panel.append(document.createElement('hr'));
        continue;
      }
      const entry = document.createElement('button');
      entry.type = 'button';
      entry.className = 'menu-item';
      entry.setAttribute('role', 'menuitem');
      entry.textContent = item.caption;
      entry.dataset.function = item.functionName;
      entry.addEventListener('click', () => {
        setOpen(false);
        run(item.functionName);
      });
      panel.append(entry);
    }
  };
}
