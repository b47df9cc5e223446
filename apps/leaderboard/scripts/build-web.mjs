#!/usr/bin/env node
/**
 * Bundles the Lit front end (src/web/entries/*.ts) into dist/web/ for @fastify/static: ES modules,
 * minified, shared code split into chunks, every file named by its content hash (served with a
 * one-year immutable cache). dist/web/manifest.json tells the server which file each page loads
 * and which chunks to preload.
 */
import { rm, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/web');
const pages = ['home', 'public', 'unit', 'admin'];

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(pages.map((p) => [p, `src/web/entries/${p}.ts`])),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome111', 'firefox115', 'safari16'],
  // No syntax minification: esbuild would fold constants into tagged template literals
  // (svg`x1=${left}` → svg`x1=44`), changing the template strings whose digest Lit's hydration
  // compares with the server's render. Whitespace and identifiers are still minified.
  minifyWhitespace: true,
  minifyIdentifiers: true,
  minifySyntax: false,
  sourcemap: 'linked',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  legalComments: 'linked',
  // Lit's production build (no dev-mode warnings) and the browser build of its packages.
  conditions: ['browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});

const outputs = result.metafile.outputs;
/** Every chunk a file needs, static or dynamic, transitively: the page preloads them all. */
const closure = (file, seen = new Set()) => {
  for (const i of outputs[file]?.imports ?? []) {
    if ((i.kind === 'import-statement' || i.kind === 'dynamic-import') && !seen.has(i.path)) {
      seen.add(i.path);
      closure(i.path, seen);
    }
  }
  return seen;
};
const manifest = {};
for (const [file, output] of Object.entries(outputs)) {
  const page = output.entryPoint && basename(output.entryPoint, '.ts');
  if (!page || !pages.includes(page) || !output.entryPoint.startsWith('src/web/entries/') || !file.endsWith('.js')) continue;
  manifest[page] = {
    file: relative(outdir, join(root, file)),
    imports: [...closure(file)].map((i) => relative(outdir, join(root, i))),
  };
}
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const [page, entry] of Object.entries(manifest)) {
  console.error(`› web ${page}: ${entry.file}${entry.imports.length ? ` + ${entry.imports.join(', ')}` : ''}`);
}
