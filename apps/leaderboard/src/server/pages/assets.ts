import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where scripts/build-web.mjs writes the bundles and their manifest: dist/web, beside the built
 * server (dist/server.js), or seen from the sources (src/server/pages) when run through tsx.
 */
export const webDistDir = existsSync(join(here, 'web', 'manifest.json')) ? join(here, 'web') : join(here, '../../../dist/web');

/** One page's script: the entry file and the chunks it imports (preloaded to save a round trip). */
export interface PageScript {
  file: string;
  imports: string[];
}

export type PageName = 'home' | 'public' | 'unit' | 'admin';

export type AssetManifest = Partial<Record<PageName, PageScript>>;

/** The build's manifest, or an empty one when the web bundle has not been built (pages still render, without scripts). */
export function loadManifest(dir = webDistDir): AssetManifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as AssetManifest;
}
