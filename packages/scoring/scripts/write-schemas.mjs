// After tsup: writes the published JSON Schemas (package exports "./schemas/*") from the built
// library itself, so the files always match the zod schemas that validate: the rule set schema,
// and the unit list schema of each preset (a unit's fields are its rule set's inputs).
import { mkdir, writeFile } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);
const { unitsJsonSchema, ruleSetJsonSchema, presets } = await import(new URL('index.js', dist).href);

const outDir = new URL('schemas/', dist);
await mkdir(outDir, { recursive: true });
const files = { 'rule-set.schema.json': ruleSetJsonSchema() };
for (const [id, ruleSet] of Object.entries(presets)) files[`units.${id}.schema.json`] = unitsJsonSchema(ruleSet);
for (const [name, schema] of Object.entries(files)) {
  await writeFile(new URL(name, outDir), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(files).length} schemas to dist/schemas/`);
