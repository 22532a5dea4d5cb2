// Ui and Menu: recorded so tests can read menus, alerts, sidebars and dialogs.
// https://developers.google.com/apps-script/reference/base/ui
// https://developers.google.com/apps-script/reference/base/menu
import type { Core, MenuEntry } from './core';
import { Button, ButtonSet, enumKey } from './enums';
import { unwrap } from './serviceProxy';

export class MenuImpl {
  readonly _items: MenuEntry[] = [];
  constructor(
    readonly _core: Core,
    readonly _caption: string,
    readonly _addon: boolean,
  ) {}
  // Fact 115.
  addItem(caption: string, functionName: string) {
    this._items.push([String(caption), String(functionName)]);
    return this;
  }
  addSeparator() {
    this._items.push('separator');
    return this;
  }
  addSubMenu(menu: unknown) {
    const sub = unwrap(menu) as MenuImpl;
    this._items.push({ submenu: sub._caption, items: sub._items });
    return this;
  }
  addToUi() {
    const menus = this._core.ui.menus;
    const existing = menus.findIndex((m) => m.caption === this._caption && m.addon === this._addon);
    const record = { caption: this._caption, addon: this._addon, items: [...this._items] };
    if (existing >= 0) menus[existing] = record;
    else menus.push(record);
  }
  toString() {
    return 'Menu';
  }
}

function htmlOf(output: unknown): {
  html: string;
  title: string;
  width: number | null;
  height: number | null;
} {
  const raw = unwrap(output) as {
    _content?: string;
    _title?: string;
    _width?: number | null;
    _height?: number | null;
  };
  return {
    html: raw._content ?? String(output),
    title: raw._title ?? '',
    width: raw._width ?? null,
    height: raw._height ?? null,
  };
}

/** alert and prompt take (prompt[, buttons]) or (title, prompt[, buttons]): what a test reads back. */
function dialogRecord(titleOrPrompt: string, promptOrButtons?: unknown, buttons?: unknown) {
  const hasTitle = typeof promptOrButtons === 'string';
  const set = hasTitle ? buttons : promptOrButtons;
  return {
    title: hasTitle ? String(titleOrPrompt) : null,
    prompt: hasTitle ? String(promptOrButtons) : String(titleOrPrompt),
    buttons: set === undefined ? null : enumKey(set),
  };
}

export class UiImpl {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(readonly _core: Core) {}
  createMenu(caption: string) {
    return this._core.wrap(new MenuImpl(this._core, String(caption), false), 'Menu', { counted: false });
  }
  // https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()
  createAddonMenu() {
    return this._core.wrap(new MenuImpl(this._core, 'Partner Segments', true), 'Menu', { counted: false });
  }
  // https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet) — fact 116.
  alert(titleOrPrompt: string, promptOrButtons?: unknown, buttons?: unknown) {
    this._core.ui.alerts.push(dialogRecord(titleOrPrompt, promptOrButtons, buttons));
    const next = this._core.ui.alertResponses.shift() ?? 'OK';
    return Button[next as keyof typeof Button];
  }
  prompt(titleOrPrompt: string, promptOrButtons?: unknown, buttons?: unknown) {
    this._core.ui.prompts.push(dialogRecord(titleOrPrompt, promptOrButtons, buttons));
    const next = this._core.ui.promptResponses.shift() ?? { button: 'OK', text: '' };
    return this._core.wrap(
      {
        getSelectedButton: () => Button[next.button as keyof typeof Button],
        getResponseText: () => next.text,
        toString: () => 'PromptResponse',
      },
      'PromptResponse',
      { counted: false },
    );
  }
  // Fact 118: the sidebar width is fixed (300 px); the requested width is recorded anyway.
  showSidebar(userInterface: unknown) {
    const h = htmlOf(userInterface);
    this._core.ui.sidebars.push({ title: h.title, html: h.html, width: h.width });
  }
  showModalDialog(userInterface: unknown, title: string) {
    const h = htmlOf(userInterface);
    this._core.ui.dialogs.push({
      title: String(title),
      html: h.html,
      modal: true,
      width: h.width,
      height: h.height,
    });
  }
  showModelessDialog(userInterface: unknown, title: string) {
    const h = htmlOf(userInterface);
    this._core.ui.dialogs.push({
      title: String(title),
      html: h.html,
      modal: false,
      width: h.width,
      height: h.height,
    });
  }
  toString() {
    return 'Ui';
  }
}

export function makeUi(core: Core): GoogleAppsScript.Base.Ui {
  return core.wrap(new UiImpl(core), 'Ui', { counted: false }) as unknown as GoogleAppsScript.Base.Ui;
}
