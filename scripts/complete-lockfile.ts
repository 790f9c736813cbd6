/**
 * Adds lock entries for platform-specific optional binaries the install
 * registry does not carry (e.g. @swc/core-darwin-arm64). Without them,
 * `npm ci` refuses a lock made here: it rebuilds the tree from package.json,
 * finds those optional dependencies and reports them missing from the lock.
 * Each added entry names its os and cpu, so npm skips it on other platforms
 * and fetches it normally where it applies.
 *
 * Usage: `npm run lock` (regenerates the lock, then completes it);
 * `tsx scripts/complete-lockfile.ts --check` exits 1 if entries are missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
}

export interface Lockfile {
  packages: Record<string, LockEntry>;
}

/** Platform binaries referenced as optional dependencies but absent from the lock. */
export function missingPlatformEntries(lock: Lockfile): Record<string, LockEntry> {
  const missing: Record<string, LockEntry> = {};
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const hoisted = `node_modules/${name}`;
      if (lock.packages[hoisted] || lock.packages[`${path}/node_modules/${name}`]) continue;
      const parts = name.split('/').pop()!.split('-');
      const os = parts.find((p) => OS.includes(p));
      const cpu = parts.find((p) => CPU.includes(p));
      // Only names that spell out a platform are binaries; anything else is a real gap.
      if (os && cpu) missing[hoisted] = { version, optional: true, os: [os], cpu: [cpu] };
    }
  }
  return missing;
}

function main(): void {
  const file = join(__dirname, '..', 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile;
  const missing = missingPlatformEntries(lock);
  const names = Object.keys(missing);
  if (process.argv.includes('--check')) {
    if (names.length > 0) {
      process.stderr.write(`package-lock.json lacks ${names.length} platform entries (run \`npm run lock\`): ${names.join(', ')}\n`);
      process.exitCode = 1;
    }
    return;
  }
  Object.assign(lock.packages, missing);
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  process.stdout.write(`added ${names.length} platform entries to package-lock.json\n`);
}

if (require.main === module) main();
