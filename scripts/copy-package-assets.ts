/**
 * `tsc` compiles TypeScript only; the CLI also reads data files at run time.
 * Copies each into dist/ beside the module that reads it, so the packed
 * tarball holds everything the installed CLI needs (a test packs and checks).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Source paths, relative to the repository root, that must sit at the same path under dist/. */
export const RUNTIME_ASSETS: readonly string[] = ['compliance/checkov/skip-list.json'];

export function copyPackageAssets(root: string): void {
  for (const asset of RUNTIME_ASSETS) {
    const target = join(root, 'dist', asset);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, asset), target);
  }
}

if (require.main === module) copyPackageAssets(join(__dirname, '..'));
