import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sheetMessages } from '../src/index.js';

/** docs/errors.md has a row for every code a sheet or file can be refused with. */
const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it.each([...Object.keys(sheetMessages), 'json_syntax', 'invalid_campaign'])('documents `%s`', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });
});
