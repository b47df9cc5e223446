import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appDirectory } from '../paths.js';

/**
 * Where scripts/build-web.mjs writes the bundles and their manifest: the app's dist/web, whether
 * the server runs built (dist/server.js) or from the sources through tsx.
 */
export const webDistDir = join(appDirectory(), 'dist', 'web');

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
