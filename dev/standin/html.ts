// HtmlService: outputs and templates built from files in the dist directory (facts 111–113).
// https://developers.google.com/apps-script/reference/html/html-service
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Core } from './core';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { exception } from './errors';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class HtmlOutputImpl {
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  constructor(
    readonly _core: Core,
    public _content: string,
  ) {}
  getContent() {
    return this._content;
  }
  setContent(content: string) {
    this._content = String(content);
    return this;
  }
  append(html: string) {
    this._content += String(html);
    return this;
  }
  appendUntrusted(text: string) {
    this._content += escapeHtml(String(text));
    return this;
  }
  clear() {
    this._content = '';
    return this;
  }
  getTitle() {
    return this._title;
  }
  setTitle(title: string) {
    this._title = String(title);
    return this;
  }
  getWidth() {
    return this._width;
  }
  setWidth(width: number) {
    this._width = width;
    return this;
  }
  getHeight() {
    return this._height;
  }
  setHeight(height: number) {
    this._height = height;
    return this;
  }
  setSandboxMode() {
    return this;
  }
  setXFrameOptionsMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
  setFaviconUrl() {
    return this;
  }
  getBlob() {
    const content = this._content;
    return { getContentType: () => 'text/html', getDataAsString: () => content };
  }
  toString() {
    return 'HtmlOutput';
  }
}

/**
 * Templates: `<?= expr ?>` prints escaped, `<?!= expr ?>` prints raw, `<? code ?>` runs code; properties set
 * on the template are variables. Evaluated with node:vm in a fresh context.
 * https://developers.google.com/apps-script/guides/html/templates
 */
export class HtmlTemplateImpl {
  [variable: string]: unknown;
  constructor(
    readonly _core: Core,
    readonly _source: string,
  ) {}
  getRawContent() {
    return this._source;
  }
  getCode() {
    return compileTemplate(this._source);
  }
  evaluate() {
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (!key.startsWith('_')) vars[key] = this[key];
    const context = vm.createContext({ ...vars, __out: [] as string[], __esc: escapeHtml });
    vm.runInContext(compileTemplate(this._source), context);
    return makeHtmlOutput(this._core, (context.__out as string[]).join(''));
  }
  toString() {
    return 'HtmlTemplate';
  }
}

function compileTemplate(source: string): string {
  const parts: string[] = [];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    parts.push(`__out.push(${JSON.stringify(source.slice(last, m.index))});`);
    if (m[1] === '=') parts.push(`__out.push(__esc(String(${m[2]})));`);
    else if (m[1] === '!=') parts.push(`__out.push(String(${m[2]}));`);
    else parts.push(m[2]);
    last = m.index + m[0].length;
  }
  parts.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return parts.join('\n');
}

export function makeHtmlOutput(core: Core, content: string) {
  return core.wrap(new HtmlOutputImpl(core, content), 'HtmlOutput', { counted: false });
}

function readHtmlFile(core: Core, name: string): string {
  const path = join(core.options.distDir, `${name}.html`);
  if (!existsSync(path)) throw exception(`No HTML file named ${name} was found.`);
  return readFileSync(path, 'utf8');
}

export class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(readonly _core: Core) {}
  createHtmlOutput(html?: string) {
    return makeHtmlOutput(this._core, html === undefined ? '' : String(html));
  }
  // Fact 112.
  createHtmlOutputFromFile(filename: string) {
    return makeHtmlOutput(this._core, readHtmlFile(this._core, String(filename)));
  }
  createTemplate(html: string) {
    return this._core.wrap(new HtmlTemplateImpl(this._core, String(html)), 'HtmlTemplate', {
      counted: false,
    });
  }
  createTemplateFromFile(filename: string) {
    return this.createTemplate(readHtmlFile(this._core, String(filename)));
  }
  toString() {
    return 'HtmlService';
  }
}

export function makeHtmlService(core: Core): GoogleAppsScript.HTML.HtmlService {
  return core.wrap(new HtmlServiceImpl(core), 'HtmlService', {
    counted: false,
  }) as unknown as GoogleAppsScript.HTML.HtmlService;
}
