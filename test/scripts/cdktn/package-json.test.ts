import { CDKTN_CONSTRUCTS, CDKTN_VERSION, TOOLS_NOT_RUN, toCdktnPackageJson } from '../../../scripts/cdktn/package-json';
import projectPackage from '../../../package.json';

describe('toCdktnPackageJson', () => {
  const swapped = toCdktnPackageJson(projectPackage);

  test('aliases cdktf to cdktn, pins constructs for it and points the provider at the alias', () => {
    expect(swapped.devDependencies).toMatchObject({ cdktf: `npm:cdktn@${CDKTN_VERSION}`, constructs: CDKTN_CONSTRUCTS, '@cdktf/provider-aws': projectPackage.devDependencies['@cdktf/provider-aws'] });
    expect(swapped.overrides).toEqual({ '@cdktf/provider-aws': { cdktf: '$cdktf' } });
  });

  test('keeps every other dependency exactly and drops only the tools the tier does not run', () => {
    const kept = Object.entries(projectPackage.devDependencies).filter(([n]) => !TOOLS_NOT_RUN.includes(n) && n !== 'cdktf' && n !== 'constructs');
    expect(Object.entries(swapped.devDependencies ?? {}).filter(([n]) => n !== 'cdktf' && n !== 'constructs')).toEqual(kept);
    expect(swapped.dependencies).toEqual(projectPackage.dependencies);
    expect(swapped.devDependencies).not.toHaveProperty('cdktf-cli');
  });

  test('refuses a package.json it cannot swap safely', () => {
    expect(() => toCdktnPackageJson({ devDependencies: { constructs: '10.4.2' } })).toThrow(/must name cdktf/);
    expect(() => toCdktnPackageJson({ ...projectPackage, overrides: { x: '1' } })).toThrow(/already has overrides/);
  });
});
