// `npm run deploy`: push dist/ with clasp, but only once .clasp.json names a real script.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const { scriptId } = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!scriptId || /REPLACE|YOUR/i.test(scriptId)) {
  console.error(
    'Not deploying: .clasp.json still holds the placeholder scriptId. Put the ID of your Apps Script project ' +
      '(Extensions › Apps Script › Project Settings › Script ID) in .clasp.json, then run npm run deploy again. ' +
      'Do not commit a real scriptId.',
  );
  process.exit(1);
}
const push = spawnSync('npx', ['clasp', 'push', '--force'], { stdio: 'inherit' });
process.exit(push.status ?? 1);
