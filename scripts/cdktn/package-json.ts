/**
 * The package.json of the cdktn copy: the project's own, with the runtime
 * swapped the way a user swaps it (an npm alias plus an override), and with
 * dev tools the tier never runs left out so the install stays small.
 */

/** The CDK Terrain release the tier proves. */
export const CDKTN_VERSION = '0.24.0';
/**
 * cdktn 0.24.0 asks for constructs `>=10.6.0 <10.8.0` and is built against
 * 10.6.0; the tier pins that one so a constructs release cannot move it.
 */
export const CDKTN_CONSTRUCTS = '10.6.0';

/**
 * Dev tools the tier does not run. cdktf-cli in particular depends on the real
 * cdktf 0.21 and would put a second runtime in the tree.
 */
export const TOOLS_NOT_RUN: readonly string[] = [
  'cdktf-cli',
  '@stryker-mutator/core',
  '@stryker-mutator/jest-runner',
  'eslint',
  '@eslint/js',
  'typescript-eslint',
];

export interface PackageJson {
  devDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * Returns the cdktn variant of `pkg`. Throws when `pkg` does not have the
 * shape the swap assumes, so a change to package.json cannot silently make the
 * tier test the wrong runtime.
 */
export function toCdktnPackageJson(pkg: PackageJson): PackageJson {
  const dev = pkg.devDependencies;
  if (dev === undefined || dev.cdktf === undefined || dev.constructs === undefined || dev['@cdktf/provider-aws'] === undefined) {
    throw new Error('package.json: devDependencies must name cdktf, constructs and @cdktf/provider-aws for the cdktn swap');
  }
  if (pkg.overrides !== undefined) {
    throw new Error(`package.json already has overrides (${JSON.stringify(pkg.overrides)}); merge them with the cdktn override in scripts/cdktn/package-json.ts`);
  }
  const devDependencies = Object.fromEntries(Object.entries(dev).filter(([name]) => !TOOLS_NOT_RUN.includes(name)));
  devDependencies.cdktf = `npm:cdktn@${CDKTN_VERSION}`;
  devDependencies.constructs = CDKTN_CONSTRUCTS;
  // The provider bindings peer-depend on cdktf ^0.21; `$cdktf` points that
  // edge at the alias, so one runtime serves both.
  return { ...pkg, devDependencies, overrides: { '@cdktf/provider-aws': { cdktf: '$cdktf' } } };
}
