// onOpen in AuthMode.NONE may only build the menu: it must not read or write the document.
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
import { createStandIn } from '../../dev/standin/index';
import { loadAddon } from '../../dev/standin/loader';

test('onOpen in AuthMode.NONE builds the add-on menu and touches no data', () => {
  const s = createStandIn();
  s.addSheet('Partners', [['Name'], ['Acme']]);
  const addon = loadAddon({ standIn: s });
  s.calls.reset();
  const none = (s.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).AuthMode.NONE;
  addon.run('onOpen', { authMode: none });
  expect(s.ui.menus).toHaveLength(1);
  expect(s.ui.menus[0].addon).toBe(true);
  expect(s.ui.menus[0].items.filter((i) => Array.isArray(i)).map((i) => (i as [string, string])[0])).toEqual([
    'Open sidebar',
    'Build or refresh roster',
    'Tick suggestions for unreviewed rows',
    'Generate discussion summary',
    'Set up the segmentation exercise',
    "Bring the group's picks into the roster",
    'Turn PARTNER_SEGMENT into values',
    'Help',
  ]);
  expect(Object.keys(s.calls.byMethod).filter((m) => /^(Spreadsheet|Sheet|Range)\./.test(m))).toEqual([]);
  expect(s.sheetNames()).toEqual(['Sheet1', 'Partners']);
});

test('onInstall builds the same menu at once', () => {
  const s = createStandIn();
  loadAddon({ standIn: s }).run('onInstall', {});
  expect(s.ui.menus).toHaveLength(1);
});
