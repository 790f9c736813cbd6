/**
 * `npm run test:cdktn`: proves tenantform on CDK Terrain (cdktn).
 *
 * Copies the project (the files git would commit) into a temporary folder,
 * swaps the runtime there with the npm alias and override a user would write,
 * installs from a lock derived from ours, type-checks, synthesizes every
 * example with both runtimes, fails on any difference in the output other
 * than the runtime's version stamp, and runs the gate under cdktn. Only the
 * npm registry is reached. The folder is removed at the end, pass or fail.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CDKTN_CONSTRUCTS, CDKTN_VERSION, toCdktnPackageJson } from './cdktn/package-json';
import { diffSynthOutputs } from './cdktn/synth-diff';

const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tenantform-cdktn-'));
const copy = join(work, 'project');
const cleanup = (): void => rmSync(work, { recursive: true, force: true });
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

const timings: [string, number][] = [];
function phase<T>(name: string, run: () => T): T {
  const start = Date.now();
  process.stdout.write(`== cdktn: ${name}\n`);
  try {
    return run();
  } finally {
    timings.push([name, (Date.now() - start) / 1000]);
  }
}

class TierFailure extends Error {}

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new TierFailure(`${command} ${args.join(' ')} (in ${options.cwd}) exited with ${result.status ?? result.signal}`);
}

const synthEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TENANTFORM_FROZEN_LOCK: '1' };

function copyProject(): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new TierFailure(`git ls-files failed: ${listed.stderr}`);
  const files = listed.stdout.split('\0').filter((f) => f !== '' && existsSync(join(root, f)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(root, file), join(copy, file));
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(copy, 'package.json'), `${JSON.stringify(toCdktnPackageJson(pkg), null, 2)}\n`);
}

/** Refuses a tree in which anything but cdktn answers to the name cdktf. */
function checkInstalledRuntime(): void {
  const lock = JSON.parse(readFileSync(join(copy, 'package-lock.json'), 'utf8')) as { packages: Record<string, { name?: string; version?: string }> };
  const runtimes = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/cdktf$/.test(path));
  const wrong = runtimes.filter(([path, e]) => path !== 'node_modules/cdktf' || e.name !== 'cdktn' || e.version !== CDKTN_VERSION);
  if (runtimes.length !== 1 || wrong.length > 0) throw new TierFailure(`expected one cdktf in the tree, cdktn@${CDKTN_VERSION}; the lock has ${JSON.stringify(runtimes)}`);
  const constructs = lock.packages['node_modules/constructs']?.version;
  const nested = Object.keys(lock.packages).filter((p) => /\/node_modules\/constructs$/.test(p));
  if (constructs !== CDKTN_CONSTRUCTS || nested.length > 0) throw new TierFailure(`expected constructs ${CDKTN_CONSTRUCTS} only; found ${constructs} and nested ${JSON.stringify(nested)}`);
}

/**
 * The copy must run the very versions our lock pins for everything the swap
 * does not touch; otherwise a difference could come from a drifted tool.
 */
function checkLockKeptVersions(): void {
  type Lock = { packages: Record<string, { version?: string }> };
  const ours = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;
  const theirs = JSON.parse(readFileSync(join(copy, 'package-lock.json'), 'utf8')) as Lock;
  // The swapped runtime brings its own nested dependencies.
  const swapped = /(^|\/)node_modules\/(cdktf|constructs)(\/|$)/;
  const drifted = Object.entries(theirs.packages)
    .filter(([path, e]) => path !== '' && !swapped.test(path) && ours.packages[path] !== undefined && ours.packages[path]?.version !== e.version)
    .map(([path, e]) => `${path} ${ours.packages[path]?.version} -> ${e.version}`);
  if (drifted.length > 0) throw new TierFailure(`the derived lock moved packages our lock pins: ${drifted.join(', ')}`);
}

function examples(): string[] {
  return readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'examples', d.name, 'cdktf.json')))
    .map((d) => d.name)
    .sort();
}

function synth(projectRoot: string, example: string, outdir: string): void {
  const dir = join(projectRoot, 'examples', example);
  const { app } = JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')) as { app: string };
  // The runtime creates the output folder but not its parents.
  mkdirSync(dirname(outdir), { recursive: true });
  run(app, [], { cwd: dir, shell: true, env: { ...synthEnv, CDKTF_OUTDIR: outdir } });
}

/** Runs `step`; a TierFailure is recorded and printed, and the tier goes on. */
const failures: string[] = [];
function attempt(step: () => void): boolean {
  try {
    step();
    return true;
  } catch (e) {
    if (!(e instanceof TierFailure)) throw e;
    failures.push(e.message);
    process.stderr.write(`FAIL ${e.message}\n`);
    return false;
  }
}

function main(): void {
  const start = Date.now();
  phase('copy the project', copyProject);
  // Nothing else can run without the install, so its failure ends the tier.
  phase('lock and install (alias + override)', () => {
    copyFileSync(join(root, 'package-lock.json'), join(copy, 'package-lock.json'));
    const quiet = ['--ignore-scripts', '--no-audit', '--no-fund'];
    run('npm', ['install', '--package-lock-only', ...quiet], { cwd: copy });
    checkInstalledRuntime();
    checkLockKeptVersions();
    run('npm', ['ci', ...quiet], { cwd: copy });
  });
  phase('type-check', () => attempt(() => run(process.execPath, [join(copy, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', copy], { cwd: copy })));
  for (const example of examples()) {
    const outCdktf = join(work, 'out', 'cdktf', example);
    const outCdktn = join(work, 'out', 'cdktn', example);
    const synthesized = phase(`synth ${example} with cdktf and cdktn`, () => attempt(() => synth(root, example, outCdktf)) && attempt(() => synth(copy, example, outCdktn)));
    if (!synthesized) continue;
    const found = diffSynthOutputs(outCdktf, outCdktn);
    for (const d of found.slice(0, 50)) process.stdout.write(`DIFF ${example} ${d.file} ${d.path}\n  cdktf: ${d.cdktf}\n  cdktn: ${d.cdktn}\n`);
    if (found.length > 50) process.stdout.write(`… and ${found.length - 50} more differences in ${example}\n`);
    const stacks = existsSync(join(outCdktn, 'stacks')) ? readdirSync(join(outCdktn, 'stacks')).length : 0;
    process.stdout.write(`${found.length === 0 && stacks > 0 ? 'ok' : 'FAIL'} ${example}: ${stacks} stacks, ${found.length} differences beyond the version stamp\n`);
    if (found.length > 0) failures.push(`${example}: ${found.length} differences between the cdktf and cdktn output`);
    if (stacks === 0) failures.push(`${example}: the cdktn synth wrote no stacks`);
  }
  phase('gate under cdktn', () => attempt(() => run('npm', ['run', '--silent', 'gate'], { cwd: copy, env: synthEnv })));
  const total = (Date.now() - start) / 1000;
  process.stdout.write(`${timings.map(([n, s]) => `  ${s.toFixed(1)} s  ${n}`).join('\n')}\n`);
  process.stdout.write(`== cdktn tier: ${failures.length === 0 ? 'ok' : `FAIL (${failures.length})`} in ${total.toFixed(1)} s\n${failures.map((f) => `  - ${f}\n`).join('')}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

try {
  main();
} catch (e) {
  if (!(e instanceof TierFailure)) throw e;
  process.stderr.write(`FAIL cdktn tier: ${e.message}\n`);
  process.exitCode = 1;
}
