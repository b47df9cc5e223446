import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every ```ts sample of the documentation runs, as a reader would paste it into their project:
 * imported from the published package names, compiled by tsx, in a child process. A line
 * `console.log(…); // → text` says what the sample prints: the printed lines must be exactly these,
 * in order. A sample whose output is not shown prints nothing.
 */

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const documents = [
  ...readdirSync(join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(repo, 'docs', f)),
  join(repo, 'README.md'),
  join(repo, 'packages/scoring/README.md'),
  join(repo, 'packages/stats-io/README.md'),
];

interface Sample {
  file: string;
  line: number;
  code: string;
  expected: string[];
}

function samplesOf(file: string): Sample[] {
  const text = readFileSync(file, 'utf8');
  const out: Sample[] = [];
  const fence = /^```ts\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    const code = m[1] as string;
    const expected = code
      .split('\n')
      .map((l) => /\/\/ → (.*)$/.exec(l)?.[1])
      .filter((l): l is string => l !== undefined);
    out.push({ file, line: text.slice(0, m.index).split('\n').length, code, expected });
  }
  return out;
}

const samples = documents.flatMap(samplesOf);

describe('the documentation\u2019s code samples', () => {
  it('are found in the guides', () => {
    const count = (name: string) => samples.filter((s) => s.file.endsWith(name)).length;
    expect(count('docs/library.md')).toBeGreaterThanOrEqual(6);
    expect(count('packages/scoring/README.md')).toBe(1);
    expect(count('packages/stats-io/README.md')).toBe(1);
  });

  it.each(samples.map((s) => [`${relative(repo, s.file)}:${s.line}`, s] as const))('%s runs and prints what it says', (_name, sample) => {
    // Run where the imported package resolves by its own name: stats-io's samples in stats-io.
    const home = /@thidua\/stats-io/.test(sample.code) ? 'packages/stats-io' : 'packages/scoring';
    const dir = join(repo, home, '.tmp', 'doc-samples');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${relative(repo, sample.file).replace(/\W+/g, '-')}-${sample.line}.mts`);
    writeFileSync(file, sample.code);
    try {
      const r = spawnSync(process.execPath, ['--import', tsx, file], { cwd: join(repo, home), encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr, r.stderr).toBe('');
      expect(r.status).toBe(0);
      const printed = r.stdout.split('\n').filter((l) => l !== '');
      expect(printed).toEqual(sample.expected);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
