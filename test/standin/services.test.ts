// Properties, Lock, Ui, Html, Session, Utilities.
import { expectException, loadSource, setup } from './helpers';

describe('PropertiesService', () => {
  // https://developers.google.com/apps-script/reference/properties/properties — facts 101–104.
  test('stores strings, returns null for missing keys, copies, and setProperties(obj, true) replaces', () => {
    const { standIn } = setup();
    const svc = standIn.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    const props = svc.getDocumentProperties();
    expect(props.getProperty('nope')).toBeNull();
    props.setProperty('n', 5 as unknown as string).setProperty('s', 'x');
    expect(props.getProperty('n')).toBe('5');
    const copy = props.getProperties();
    copy.n = 'changed';
    expect(props.getProperty('n')).toBe('5');
    props.setProperties({ only: 'this' }, true);
    expect(props.getKeys()).toEqual(['only']);
    expect(svc.getScriptProperties().getKeys()).toEqual([]);
    expect(standIn.properties.document.get('only')).toBe('this');
  });
});

describe('LockService', () => {
  // https://developers.google.com/apps-script/reference/lock/lock — facts 108–110.
  test('hasLock before and after, tryLock again in the same execution, release at the end of the execution', () => {
    const { addon } = loadSource(`
      function take() {
        var lock = LockService.getDocumentLock();
        var before = lock.hasLock();
        var first = lock.tryLock(0);
        var again = LockService.getDocumentLock().tryLock(0);
        return [before, first, again, lock.hasLock()];
      }
      function check() { return LockService.getDocumentLock().hasLock(); }
      function release() { var l = LockService.getDocumentLock(); l.waitLock(0); l.releaseLock(); return l.hasLock(); }
    `);
    expect(addon.run('take')).toEqual([false, true, true, true]);
    // The execution ended, so the next one does not hold it and can take it.
    expect(addon.run('check')).toBe(false);
    expect(addon.run('release')).toBe(false);
  });

  test('waitLock from a nested execution throws while the outer holds the lock', () => {
    const { standIn, addon } = loadSource(`
      function build() {
        var lock = LockService.getDocumentLock();
        lock.waitLock(30000);
        SpreadsheetApp.getActiveSpreadsheet().getSheets();
        return 'built';
      }
    `);
    const nested: string[] = [];
    standIn.onServiceCall((info) => {
      if (info.method !== 'getSheets' || nested.length > 0) return;
      try {
        nested.push(String(addon.run('build')));
      } catch (e) {
        nested.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    });
    expect(addon.run('build')).toBe('built');
    expect(nested).toEqual(['Exception: Lock timeout: another process was holding the lock for too long.']);
    // A later execution gets the lock again.
    expect(addon.run('build')).toBe('built');
  });
});

describe('Ui and HtmlService', () => {
  // https://developers.google.com/apps-script/reference/base/ui — facts 115, 116.
  test('menus, alerts, toasts and sidebars are recorded', () => {
    const { standIn, addon } = loadSource(
      `
      function onOpen(e) {
        SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator()
          .addItem('Help', 'menuHelp').addToUi();
      }
      function showSidebar() {
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Partner Segments'));
      }
      function menuHelp() {
        SpreadsheetApp.getActive().toast('Hi', 'Title');
        return SpreadsheetApp.getUi().alert('Help text') === SpreadsheetApp.getUi().Button.OK;
      }
    `,
      {},
      { 'sidebar.html': '<p>hello</p>' },
    );
    addon.run('onOpen', { authMode: 'NONE' });
    expect(standIn.ui.menus).toEqual([
      {
        caption: 'Partner Segments',
        addon: true,
        items: [['Open sidebar', 'showSidebar'], 'separator', ['Help', 'menuHelp']],
      },
    ]);
    addon.run('showSidebar');
    expect(standIn.ui.sidebars).toEqual([{ title: 'Partner Segments', html: '<p>hello</p>', width: null }]);
    expect(addon.run('menuHelp')).toBe(true);
    expect(standIn.ui.alerts[0].prompt).toBe('Help text');
    expect(standIn.ui.toasts).toEqual([{ message: 'Hi', title: 'Title', timeoutSeconds: null }]);
  });

  // Fact 6.
  test('getUi throws without an editor UI', () => {
    const { app } = setup({ ui: false });
    expectException(() => app.getUi(), 'Cannot call SpreadsheetApp.getUi() from this context.');
  });

  // Facts 111–113.
  test('HtmlService: missing file, output chaining, templates', () => {
    const { standIn } = setup({ distDir: '/nonexistent' });
    const html = standIn.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
    expectException(() => html.createHtmlOutputFromFile('Index'), 'No HTML file named Index was found.');
    const out = html.createHtmlOutput('<b>x</b>').setTitle('T').setWidth(300).setHeight(200);
    expect([out.getContent(), out.getTitle(), out.getWidth(), out.getHeight()]).toEqual([
      '<b>x</b>',
      'T',
      300,
      200,
    ]);
    expect(html.createHtmlOutput('').getTitle()).toBe('');
    const t = html.createTemplate(
      'Hello <?= name ?><? if (n > 1) { ?>!<? } ?>',
    ) as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    t.name = '<Gemini>';
    t.n = 2;
    expect(t.evaluate().getContent()).toBe('Hello &lt;Gemini&gt;!');
  });
});

describe('Session, Utilities, Logger', () => {
  test('time zone, user key, formatDate, uuid, logs', () => {
    const { standIn } = setup({ timeZone: 'Europe/Paris' });
    const session = standIn.globals.Session as GoogleAppsScript.Base.Session;
    const utilities = standIn.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    expect(session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(session.getTemporaryActiveUserKey()).toBeTruthy();
    const d = new Date(Date.UTC(2024, 6, 4, 22, 5, 9));
    expect(utilities.formatDate(d, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2024-07-05T00:05:09');
    expect(utilities.formatDate(d, 'UTC', 'MMM d, yyyy h:mm a')).toBe('Jul 4, 2024 10:05 PM');
    expect(utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    (standIn.globals.Logger as GoogleAppsScript.Base.Logger).log('hello');
    expect(standIn.logs).toEqual(['hello']);
  });

  // https://developers.google.com/apps-script/guides/logging: an error logged reads as its message (and stack),
  // not as the JSON of its own fields, which would be {"name":"Exception"} for an Apps Script exception.
  test('console.error of an error shows its name and message', () => {
    const { standIn } = setup();
    const error = new Error('We are sorry');
    error.name = 'Exception';
    error.stack = undefined;
    (standIn.globals.console as Console).error(error);
    (standIn.globals.console as Console).error({ plain: 1 });
    expect(standIn.logs).toEqual(['[error] Exception: We are sorry', '[error] {"plain":1}']);
  });
});
