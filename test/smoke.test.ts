import { readFileSync } from 'node:fs';
test('dist has PARTNER_SEGMENT', () => {
  expect(readFileSync('dist/Code.js', 'utf8')).toMatch(/\nfunction PARTNER_SEGMENT\(text, segments\)/);
});
