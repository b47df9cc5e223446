import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpErrors } from '../src/server/errors.js';

/** docs/errors-http.md has a row for every error the server can answer with, at its status. */
const doc = readFileSync(new URL('../../../docs/errors-http.md', import.meta.url), 'utf8');

describe('docs/errors-http.md', () => {
  it.each(Object.entries(httpErrors))('documents `%s`', (code, e) => {
    expect(doc).toMatch(new RegExp(`\\| ${e.status} \\| \`${code}\` \\|`));
  });
});
