// The local preview: `npm start [-- list.csv]`. Serves on 127.0.0.1 a page that shows the stand-in's
// spreadsheet (tabs, grid, tick boxes, dropdowns, the add-on's menu) beside the real dist/sidebar.html, whose
// google.script.run calls come back here and run dist/Code.js in the stand-in.
// Tests start it in-process with startPreview({ port: 0 }).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { createSession, messageOf, type Session } from './session';
import { withShim } from './shim';

export interface PreviewOptions {
  /** 0 picks a free port; a busy port makes it try the next ones. Default: PORT or 8080. */
  port?: number;
  /** The partner list to open. Default: dev/samples/partners.csv. */
  csvPath?: string;
  /** The repository root (holds dist/ and dev/). Default: the current directory. */
  root?: string;
}

export interface Preview {
  url: string;
  session: Session;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const PORT_TRIES = 20;

async function pageHtml(root: string): Promise<string> {
  const client = join(root, 'dev', 'preview', 'client');
  const bundle = await esbuild.build({
    entryPoints: [join(client, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  });
  const script = bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(join(client, 'page.css'), 'utf8');
  return readFileSync(join(client, 'page.html'), 'utf8')
    .replace('<!-- inline:style -->', () => `<style>${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${script}</script>`);
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json', JSON.stringify(value));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  // Only JSON posts: a form on another site cannot send this content type without a preflight.
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new Error('Expected a JSON request.');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('Expected a JSON object.');
  return value as Record<string, unknown>;
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new Error(`Missing ${key}.`);
  return value;
}

function handler(session: Session, page: string, root: string) {
  const sidebar = () => {
    const html = session.sidebarHtml() ?? readFileSync(join(root, 'dist', 'sidebar.html'), 'utf8');
    return withShim(html, session.entryPoints);
  };
  // A person's action on the sheet; a rejection (e.g. a dropdown's "Invalid" message) goes back as words.
  const act = (response: ServerResponse, action: () => void) => {
    try {
      action();
      sendJson(response, 200, { ok: true });
    } catch (error) {
      sendJson(response, 200, { ok: false, error: messageOf(error) });
    }
  };

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    try {
      if (request.method === 'GET') {
        if (url.pathname === '/') return send(response, 200, 'text/html', page);
        if (url.pathname === '/sidebar.html') return send(response, 200, 'text/html', sidebar());
        if (url.pathname === '/api/view') {
          return sendJson(response, 200, session.view(url.searchParams.get('sheet') ?? undefined));
        }
        if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
        if (url.pathname === '/api/problems') return sendJson(response, 200, session.problems);
        return send(response, 404, 'text/plain', 'Not found');
      }
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
      const body = await readJson(request);
      switch (url.pathname) {
        case '/api/run': {
          const args = Array.isArray(body.args) ? body.args : [];
          const from = body.from === 'menu' ? 'menu' : 'sidebar';
          return sendJson(response, 200, session.run(text(body, 'name'), args, from));
        }
        case '/api/type':
          return act(response, () => session.type(text(body, 'sheet'), text(body, 'a1'), text(body, 'text')));
        case '/api/sort':
          return act(response, () =>
            session.sort(text(body, 'sheet'), Number(body.column), body.ascending !== false),
          );
        case '/api/activate':
          return act(response, () => session.activate(text(body, 'sheet')));
        case '/api/select':
          return act(response, () => session.select(text(body, 'sheet'), text(body, 'a1')));
        default:
          return send(response, 404, 'text/plain', 'Not found');
      }
    } catch (error) {
      sendJson(response, 400, { ok: false, error: messageOf(error) });
    }
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/** Listens on `wanted`, or the next free port after it (0: any free port). */
async function listenFrom(server: Server, wanted: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listen(server, wanted === 0 ? 0 : wanted + attempt);
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || wanted === 0 || attempt + 1 >= PORT_TRIES) throw error;
    }
  }
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const root = resolve(options.root ?? process.cwd());
  const csvPath = resolve(options.csvPath ?? join(root, 'dev', 'samples', 'partners.csv'));
  if (!existsSync(join(root, 'dist', 'Code.js')))
    throw new Error('No dist/Code.js: run `npm run build` first.');
  if (!existsSync(csvPath)) throw new Error(`No such file: ${csvPath}`);
  const session = createSession({ csvPath, root });
  // The add-on opens as a person would open it: Extensions › Partner Segments › Open sidebar.
  if (session.entryPoints.includes('showSidebar')) {
    const opened = session.run('showSidebar', [], 'menu');
    if (!opened.ok) session.problems.push(`showSidebar failed: ${opened.error}`);
  }
  const page = await pageHtml(root);
  const handle = handler(session, page, root);
  const server = createServer((request, response) => void handle(request, response));
  const wanted = options.port ?? Number(process.env.PORT ?? 8080);
  const port = await listenFrom(server, wanted);
  return {
    url: `http://${HOST}:${port}/`,
    session,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// `node --import tsx dev/preview/server.ts [list.csv]` (npm start). Detected without import.meta so that jest
// (CommonJS) can import this file too.
if (/[\\/]dev[\\/]preview[\\/]server\.ts$/.test(process.argv[1] ?? '')) {
  const csvPath = process.argv[2];
  startPreview({ csvPath }).then(
    (preview) => {
      console.log(`Partner Segments preview: ${preview.url}`);
      for (const problem of preview.session.problems) console.log(`  note: ${problem}`);
      console.log('  Press Ctrl+C to stop.');
    },
    (error: unknown) => {
      console.error(`The preview could not start: ${messageOf(error)}`);
      process.exit(1);
    },
  );
}
