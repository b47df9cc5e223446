// After tsup: writes the published JSON Schemas (package exports "./schemas/*.json") from the
// built library itself, so the files always match the zod schemas that validate.
import { mkdir, writeFile } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);
const { unitsJsonSchema, ruleSetJsonSchema } = await import(new URL('index.js', dist).href);

const outDir = new URL('schemas/', dist);
await mkdir(outDir, { recursive: true });
const files = {
  'units.schema.json': unitsJsonSchema(),
  'rule-set.schema.json': ruleSetJsonSchema(),
};
for (const [name, schema] of Object.entries(files)) {
  await writeFile(new URL(name, outDir), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote dist/schemas/${name}`);
}
