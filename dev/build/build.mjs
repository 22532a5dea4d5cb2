// Builds dist/ for `clasp push`: Code.js (webpack + esbuild-loader + gas-webpack-plugin),
// appsscript.json, and sidebar.html (one self-contained file, script and style inline).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import GasPlugin from 'gas-webpack-plugin';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const quiet = process.argv.includes('--quiet');

function buildCode() {
  const config = {
    mode: 'none',
    context: root,
    entry: './src/index.ts',
    devtool: false,
    target: ['web', 'es2020'],
    output: { path: dist, filename: 'Code.js', clean: false },
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
    plugins: [new GasPlugin({ comment: true, include: ['src/index.ts'] })],
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
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

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await buildCode();
writeFileSync(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
await buildSidebar();
if (!quiet)
  console.log(
    `built ${dist}: Code.js, appsscript.json${existsSync(join(dist, 'sidebar.html')) ? ', sidebar.html' : ''}`,
  );
