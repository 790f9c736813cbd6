import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lockfile, missingPlatformEntries } from '../../scripts/complete-lockfile';

describe('complete-lockfile', () => {
  test('adds an os/cpu-scoped optional entry for each absent platform binary, and nothing else', () => {
    const lock: Lockfile = {
      packages: {
        'node_modules/@swc/core': { version: '1.0.0', optionalDependencies: { '@swc/core-darwin-arm64': '1.0.0', '@swc/core-linux-x64-gnu': '1.0.0', helper: '2.0.0' } },
        'node_modules/@swc/core-linux-x64-gnu': { version: '1.0.0' },
      },
    };
    expect(missingPlatformEntries(lock)).toEqual({
      'node_modules/@swc/core-darwin-arm64': { version: '1.0.0', optional: true, os: ['darwin'], cpu: ['arm64'] },
    });
  });

  test('the committed package-lock.json is complete, so `npm ci` accepts it', () => {
    const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as Lockfile;
    expect(Object.keys(missingPlatformEntries(lock))).toEqual([]);
  });
});
