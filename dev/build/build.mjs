// Builds dist/ for `clasp push`: Code.js (webpack + esbuild-loader + gas-webpack-plugin),
// appsscript.json, and sidebar.html (one self-contained file, script and style inline).
// Then test-output/live/ for `npm run test:live` (dev/live/README.md): the same three files, the manifest with
// an API-executable entry for `clasp run-function`, and SelfCheck.js, whose one top-level function runSelfCheck
// runs the end-to-end scenarios. dist/ never holds test code; test-output/ is ignored by git, eslint, prettier.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import GasPlugin from 'gas-webpack-plugin';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const distLive = join(root, 'test-output', 'live');
const quiet = process.argv.includes('--quiet');

function buildCode({ entry = './src/index.ts', path = dist, filename = 'Code.js', check } = {}) {
  const config = {
    mode: 'none',
    context: root,
    entry,
    devtool: false,
    target: ['web', 'es2020'],
    output: { path, filename, clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'esbuild-loader',
          // Legal comments (`/** @preserve … */`) survive, so gas-webpack-plugin can copy each custom
          // function's JSDoc onto its top-level declaration; Sheets reads @customfunction from there.
          options: { target: 'es2020', legalComments: 'inline' },
        },
      ],
    },
    optimization: { minimize: false, concatenateModules: true },
    performance: { hints: false },
    plugins: [new GasPlugin({ comment: true, include: [entry.replace(/^\.\//, '')] })],
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      const problem = check?.(stats);
      if (problem) return reject(new Error(problem));
      resolve();
    });
  });
}

async function buildSidebar() {
  const entry = join(root, 'sidebar', 'main.ts');
  const page = join(root, 'sidebar', 'index.html');
  if (!existsSync(entry) || !existsSync(page)) return;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    legalComments: 'none',
  });
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const cssPath = join(root, 'sidebar', 'style.css');
  const css = existsSync(cssPath)
    ? (await esbuild.transform(readFileSync(cssPath, 'utf8'), { loader: 'css', minify: true })).code
    : '';
  const html = readFileSync(page, 'utf8')
    .replace('<!-- inline:style -->', () => `<style>${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${script}</script>`);
  writeFileSync(join(dist, 'sidebar.html'), html);
}

/**
 * test-output/live/: a copy of dist/ plus SelfCheck.js, for a scratch Apps Script project. The self-check calls the
 * add-on only through its top-level functions, so its bundle must hold none of src/: it tests the real
 * Code.js beside it, never a copy of the add-on compiled into itself.
 */
async function buildLive() {
  rmSync(distLive, { recursive: true, force: true });
  mkdirSync(distLive, { recursive: true });
  const srcDir = join(root, 'src');
  await buildCode({
    entry: './dev/live/selfCheck.ts',
    path: distLive,
    filename: 'SelfCheck.js',
    check: (stats) => {
      const fromSrc = [...stats.compilation.modules]
        .map((m) => m.resource ?? '')
        .filter((r) => r.startsWith(srcDir));
      return fromSrc.length > 0
        ? `dev/live must import only types from src/ (found ${fromSrc.join(', ')} in SelfCheck.js)`
        : null;
    },
  });
  for (const file of ['Code.js', 'sidebar.html']) {
    if (existsSync(join(dist, file))) copyFileSync(join(dist, file), join(distLive, file));
  }
  // clasp run-function goes through the Apps Script API, which runs only API-executable projects; MYSELF keeps
  // it to the script's owner. https://developers.google.com/apps-script/manifest#executionapi
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  manifest.executionApi = { access: 'MYSELF' };
  writeFileSync(join(distLive, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await buildCode();
writeFileSync(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
await buildSidebar();
if (!quiet)
  console.log(
    `built ${dist}: Code.js, appsscript.json${existsSync(join(dist, 'sidebar.html')) ? ', sidebar.html' : ''}`,
  );
await buildLive();
if (!quiet) console.log(`built ${distLive}: the same, with SelfCheck.js (npm run test:live)`);
