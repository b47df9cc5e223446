// The guides travel inside the package (docs/), with everything they link to — the other guides,
// the decisions, the worked examples — so that their links work wherever the package is read
// (node_modules, an unpacked tarball), not only in the repository.
import { cp, rm } from 'node:fs/promises';

const from = new URL('../../../docs/', import.meta.url);
const to = new URL('../docs/', import.meta.url);
await rm(to, { recursive: true, force: true });
await cp(from, to, { recursive: true });
console.log('copied docs/ into the package');
