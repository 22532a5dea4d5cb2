// Help (issue 18): the dialog's numbered steps are the sidebar's steps, by their titles, and the sidebar's Help
// link opens the same dialog through showHelp.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp } from './helpers';

/** The sidebar's step titles, in order, from sidebar/index.html ("Step 1: </span>Partner list"). */
function sidebarSteps(): string[] {
  const html = readFileSync(join(__dirname, '../../sidebar/index.html'), 'utf8');
  return Array.from(html.matchAll(/Step (\d+): <\/span>([^<]+)<\/span>/g), (m) => `${m[1]}. ${m[2].trim()}`);
}

/** The dialog's numbered steps: "1. Partner list" from "1. Partner list: check…" (an "(optional)" dropped). */
function helpSteps(text: string): string[] {
  return Array.from(text.matchAll(/^(\d+)\. ([^:(]+?)(?: \(optional\))?:/gm), (m) => `${m[1]}. ${m[2]}`);
}

test("the Help dialog's steps are the sidebar's steps", () => {
  const { s, addon } = setUp([['Name'], ['Acme']]);
  addon.run('menuHelp');
  expect(s.ui.alerts).toHaveLength(1);
  const steps = sidebarSteps();
  expect(steps).toEqual([
    '1. Partner list',
    '2. Segments',
    '3. Roster',
    '4. Discussion',
    '5. Group exercise',
  ]);
  expect(helpSteps(s.ui.alerts[0].prompt)).toEqual(steps);
});

test("the sidebar's Help link opens the same dialog", () => {
  const { s, addon } = setUp([['Name'], ['Acme']]);
  addon.run('menuHelp');
  addon.run('showHelp');
  expect(s.ui.alerts).toHaveLength(2);
  expect(s.ui.alerts[1]).toEqual(s.ui.alerts[0]);
  const html = readFileSync(join(__dirname, '../../sidebar/index.html'), 'utf8');
  expect(html).toMatch(/<button[^>]*id="help-open"[^>]*>Help<\/button>/);
});
