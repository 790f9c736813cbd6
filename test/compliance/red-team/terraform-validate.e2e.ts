/**
 * Proves that every red-team case and control is a module real Terraform
 * accepts (`terraform validate` with hashicorp/aws 5.100.0 from the provider
 * mirror), so the suite tests forms an attacker could ship, not forms only our
 * loader would ever see.
 *
 * Speed: loading the aws provider's schema costs a few seconds per
 * `terraform validate`, and there are over a hundred modules. So modules are
 * validated in batches, each module a child module of one root, with one
 * shared plugin cache and lock file so init links the provider instead of
 * copying it. A batch that validates proves each of its modules valid: a
 * child module is held to every rule a root module is (only root-only
 * constructs such as `import` blocks are stricter there, which can only turn
 * a batch invalid). A module that a batch reports errors for, or that a
 * batch error cannot be pinned to, is validated again alone as the root
 * module, and that verdict is the one the test asserts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProviderMirror, writeMirrorCliConfig, AWS_PROVIDER_VERSION } from '../../e2e/support/provider-mirror';
import { tail, Terraform } from '../../e2e/support/terraform';
import { loadCaseFiles } from './support/case-files';
import { ModuleFiles, writeModule } from './support/red-team-case';

/**
 * Cases that are not valid Terraform on purpose although the loader's refusal
 * is not one of the "this is not Terraform JSON" codes below. id → why.
 * Every entry must really be invalid, so the list cannot go stale.
 */
const INVALID_ON_PURPOSE: Readonly<Record<string, string>> = {};

/**
 * Loader refusals that say the content is not Terraform JSON at all (not JSON,
 * a top-level value that is not an object). Such a case must be invalid for
 * Terraform too, unless listed in TERRAFORM_ACCEPTS with why: Terraform 1.11
 * reads a root array of objects as their bodies, for one, while it refuses
 * `null` and numbers ("Root value must be object").
 */
const NOT_TERRAFORM_CODES: ReadonlySet<string> = new Set(['TF-CHK-002', 'TF-CHK-008']);

/** Cases refused as "not Terraform JSON" that Terraform nevertheless accepts. id → why. */
const TERRAFORM_ACCEPTS: Readonly<Record<string, string>> = {
  'syntax/root-array':
    'Terraform reads a root array of objects as their merged bodies (validated: its resources are checked); the loader refuses any root that is not an object (TF-CHK-008), which fails closed',
};

const BATCH_SIZE = 25;
const PARALLEL = 2;

interface Entry {
  readonly id: string;
  readonly kind: 'case' | 'control';
  readonly files: ModuleFiles;
  /** The loader refusal code the case expects, if any. */
  readonly refused?: string;
}

interface Verdict {
  readonly valid: boolean;
  /** Terraform's error summaries, or init's output when init failed. */
  readonly errors: readonly string[];
  readonly alone: boolean;
}

function entries(): Entry[] {
  const out: Entry[] = [];
  for (const [, file] of loadCaseFiles()) {
    for (const c of file.cases ?? []) out.push({ id: c.id, kind: 'case', files: c.files, ...('refused' in c.expect ? { refused: c.expect.refused } : {}) });
    for (const c of file.controls ?? []) out.push({ id: c.id, kind: 'control', files: c.files });
  }
  return out;
}

/** What the test must see from Terraform for this entry. */
function mustBeValid(entry: Entry): boolean {
  if (entry.id in INVALID_ON_PURPOSE) return false;
  if (entry.refused !== undefined && NOT_TERRAFORM_CODES.has(entry.refused)) return entry.id in TERRAFORM_ACCEPTS;
  return true;
}

interface ValidateJson {
  readonly valid: boolean;
  readonly diagnostics: readonly {
    readonly severity: string;
    readonly summary: string;
    readonly detail?: string;
    readonly range?: { readonly filename?: string };
    /** `module.m3` for an error on the call of that module (a variable it requires, say). */
    readonly snippet?: { readonly context?: string | null };
  }[];
}

function parseValidate(stdout: string): ValidateJson {
  try {
    return JSON.parse(stdout) as ValidateJson;
  } catch {
    return { valid: false, diagnostics: [{ severity: 'error', summary: `terraform validate printed no JSON: ${tail(stdout, 5)}` }] };
  }
}

const ALL = entries();
const work = mkdtempSync(join(tmpdir(), 'tenantform-redteam-validate-'));
const verdicts = new Map<string, Verdict>();
let env: NodeJS.ProcessEnv = {};
let lockFile = '';
let batchRuns = 0;
let aloneRuns = 0;

const REQUIRED_AWS = { terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION } } } };

async function initAndValidate(dir: string): Promise<ValidateJson> {
  writeFileSync(join(dir, '.terraform.lock.hcl'), lockFile);
  const tf = new Terraform(dir, env);
  const init = await tf.run(['init', '-backend=false', '-input=false', '-no-color']);
  if (init.code !== 0) return { valid: false, diagnostics: [{ severity: 'error', summary: `terraform init failed: ${tail(init.stderr || init.stdout, 8)}` }] };
  return parseValidate((await tf.run(['validate', '-json', '-no-color'])).stdout);
}

async function validateAlone(entry: Entry, slot: string): Promise<void> {
  const dir = join(work, 'alone', slot);
  writeModule(dir, entry.files);
  aloneRuns++;
  const result = await initAndValidate(dir);
  verdicts.set(entry.id, { valid: result.valid, errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.summary), alone: true });
  rmSync(dir, { recursive: true, force: true });
}

/** Needs the root: a child module cannot stand in for it. */
function needsRoot(entry: Entry): boolean {
  return JSON.stringify(entry.files).includes('configuration_aliases');
}

async function validateBatch(batch: readonly Entry[], index: number): Promise<void> {
  const dir = join(work, `batch-${index}`);
  const module: Record<string, { source: string }> = {};
  batch.forEach((entry, i) => {
    writeModule(join(dir, 'cases', `m${i}`), entry.files);
    module[`m${i}`] = { source: `./cases/m${i}` };
  });
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ ...REQUIRED_AWS, module }));
  batchRuns++;
  const result = await initAndValidate(dir);
  const suspects = new Set<number>();
  if (!result.valid) {
    for (const d of result.diagnostics.filter((x) => x.severity === 'error')) {
      const m = /(?:^|\/)cases\/m(\d+)\//.exec(d.range?.filename ?? '') ?? /^module\.m(\d+)\b/.exec(d.snippet?.context ?? '');
      if (m === null) batch.forEach((_, i) => suspects.add(i));
      else suspects.add(Number(m[1]));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  batch.forEach((entry, i) => {
    if (!suspects.has(i)) verdicts.set(entry.id, { valid: true, errors: [], alone: false });
  });
  for (const i of [...suspects].sort((a, b) => a - b)) await validateAlone(batch[i]!, `b${index}-m${i}`);
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await run(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const started = Date.now();

beforeAll(async () => {
  const cliConfig = writeMirrorCliConfig(work, findProviderMirror());
  const cache = join(work, 'plugin-cache');
  mkdirSync(cache, { recursive: true });
  env = { TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: cache };
  // One init fills the cache and writes the lock file every other module reuses.
  const seed = join(work, 'seed');
  mkdirSync(seed, { recursive: true });
  writeFileSync(join(seed, 'main.tf.json'), JSON.stringify(REQUIRED_AWS));
  await new Terraform(seed, env).must(['init', '-backend=false', '-input=false', '-no-color']);
  lockFile = readFileSync(join(seed, '.terraform.lock.hcl'), 'utf8');
  const batched = ALL.filter((e) => !needsRoot(e));
  const batches: Entry[][] = [];
  for (let i = 0; i < batched.length; i += BATCH_SIZE) batches.push(batched.slice(i, i + BATCH_SIZE));
  await inParallel(batches, PARALLEL, validateBatch);
  await inParallel(ALL.filter(needsRoot), PARALLEL, (e, i) => validateAlone(e, `root-${i}`));
}, 15 * 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

test('there are red-team modules to validate, each id once', () => {
  expect(ALL.length).toBeGreaterThan(0);
  expect(new Set(ALL.map((e) => e.id)).size).toBe(ALL.length);
});

test('the exception lists name only existing entries', () => {
  const ids = new Set(ALL.map((e) => e.id));
  expect([...Object.keys(INVALID_ON_PURPOSE), ...Object.keys(TERRAFORM_ACCEPTS)].filter((id) => !ids.has(id))).toEqual([]);
});

test.each(ALL.map((e) => [`${e.kind} ${e.id}${e.refused !== undefined ? ` (refused ${e.refused})` : ''}`, e] as const))('%s: terraform validate agrees', (_name, entry) => {
  const verdict = verdicts.get(entry.id);
  expect(verdict).toBeDefined();
  const expected = mustBeValid(entry);
  // The errors are in the assertion so a failure says what Terraform objected to.
  expect({ id: entry.id, valid: verdict!.valid, errors: verdict!.valid === expected ? [] : verdict!.errors }).toEqual({ id: entry.id, valid: expected, errors: [] });
});

test('report: counts', () => {
  const all = [...verdicts.entries()];
  const summary = {
    cases: ALL.filter((e) => e.kind === 'case').length,
    controls: ALL.filter((e) => e.kind === 'control').length,
    refusedCases: ALL.filter((e) => e.refused !== undefined).length,
    valid: all.filter(([, v]) => v.valid).length,
    invalid: all.filter(([, v]) => !v.valid).length,
    batchRuns,
    aloneRuns,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`red-team terraform validate: ${JSON.stringify(summary)}\n`);
  expect(summary.valid + summary.invalid).toBe(ALL.length);
});
