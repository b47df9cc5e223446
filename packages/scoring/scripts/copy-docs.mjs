// The guides the package README links to travel inside the package (docs/), so that its links work
// wherever the package is read — node_modules, an unpacked tarball — and not only in the repository.
import { copyFile, mkdir } from 'node:fs/promises';

const from = new URL('../../../docs/', import.meta.url);
const to = new URL('../docs/', import.meta.url);
await mkdir(to, { recursive: true });
const guides = ['rules.md', 'library.md', 'adopting.md', 'errors.md'];
for (const name of guides) await copyFile(new URL(name, from), new URL(name, to));
console.log(`copied ${guides.length} guides to docs/`);
