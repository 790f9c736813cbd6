import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { App } from '../../../core/cdktf';
import { findProviderMirror, writeMirrorCliConfig } from '../../e2e/support/provider-mirror';
import { stacksOf } from './gate';

/** Terraform JSON of every stack of an app, keyed by stack name: what `terraform validate` is run on. */
export function stackJsonOf(app: App): Record<string, unknown> {
  return Object.fromEntries(stacksOf(app).map((s) => [s.node.id, s.toTerraform()]));
}

/** A module on disk, and the provider aliases its resources use (passed in from the root). */
interface StoredModule {
  readonly name: string;
  readonly dir: string;
  readonly aliases: readonly string[];
}

/**
 * Modules on disk to be run through `terraform validate`, written as they
 * are added so thousands of outputs do not sit in memory. Outputs with the
 * same text are kept once: many hostile values build the same Terraform.
 *
 * Terraform starts one provider process per provider configuration, so
 * hundreds of modules that each configure the provider would start hundreds
 * of processes. Each output's provider blocks are therefore split off: the
 * resources are validated as a module that receives its providers from the
 * root, and each distinct set of provider blocks is validated once, as a
 * module of its own.
 */
export class ValidationSet {
  private readonly seen = new Set<string>();
  private readonly modules: StoredModule[] = [];
  private readonly providerBlocks = new Set<string>();

  public constructor(private readonly work: string) {}

  /** Distinct outputs held. */
  public get size(): number {
    return this.modules.filter((m) => !m.name.startsWith(PROVIDERS_OF)).length;
  }

  public add(name: string, json: unknown): void {
    const text = JSON.stringify(json);
    const digest = createHash('sha256').update(text).digest('hex');
    if (this.seen.has(digest)) return;
    this.seen.add(digest);
    const { provider, ...rest } = json as { provider?: Record<string, readonly { alias?: string }[]>; terraform?: { required_providers?: Record<string, Record<string, unknown>>; backend?: unknown } };
    const aliases: string[] = [];
    const requiredProviders = { ...(rest.terraform?.required_providers ?? {}) };
    for (const [type, blocks] of Object.entries(provider ?? {})) {
      const own = blocks.filter((b) => b.alias !== undefined).map((b) => `${type}.${b.alias}`);
      aliases.push(...own);
      requiredProviders[type] = { ...(requiredProviders[type] ?? { source: type }), configuration_aliases: own };
    }
    // A backend in a called module has no effect (Terraform warns once per module), so it is dropped to keep the report readable.
    const { backend: _backend, ...terraform } = rest.terraform ?? {};
    this.store(name, { ...rest, terraform: { ...terraform, required_providers: requiredProviders } }, aliases);
    const blocks = JSON.stringify({ terraform: { required_providers: rest.terraform?.required_providers ?? {} }, provider, data: usersOf(provider ?? {}) });
    if (provider !== undefined && !this.providerBlocks.has(blocks)) {
      this.providerBlocks.add(blocks);
      this.store(`${PROVIDERS_OF}${name}`, JSON.parse(blocks), []);
    }
  }

  private store(name: string, json: unknown, aliases: readonly string[]): void {
    // The module lives at modules/m<N>, which is how a diagnostic's file names it.
    const dir = join(this.work, 'modules', `m${this.modules.length}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(json));
    this.modules.push({ name, dir, aliases });
  }

  /**
   * Validates every module: each batch is one root that calls BATCH modules,
   * so the provider's schema is loaded once per batch rather than once per
   * output. A diagnostic is laid at the module its `m<N>/` file names; one
   * that names no module fails the whole batch, so nothing is lost. Returns
   * the failures as text.
   */
  public validate(): string[] {
    const cliConfig = writeMirrorCliConfig(join(this.work, 'cli'), findProviderMirror());
    const cache = join(this.work, 'plugin-cache');
    mkdirSync(cache, { recursive: true });
    const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: cache, CHECKPOINT_DISABLE: '1' };
    const failures: string[] = [];
    for (let start = 0; start < this.modules.length; start += BATCH) {
      const batch = this.modules.slice(start, start + BATCH);
      const root = join(this.work, `root${start / BATCH}`);
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, 'main.tf.json'), JSON.stringify(rootOf(batch)));
      try {
        execFileSync('terraform', [`-chdir=${root}`, 'init', '-backend=false', '-input=false', '-no-color'], { env, stdio: 'pipe' });
        // Two hundred modules' warnings outgrow execFileSync's 1 MB default, and a cut-off report cannot be read.
        execFileSync('terraform', [`-chdir=${root}`, 'validate', '-json', '-no-color'], { env, stdio: 'pipe', maxBuffer: 512 * 1024 * 1024 });
      } catch (e) {
        const err = e as { stdout?: Buffer; stderr?: Buffer };
        failures.push(...attribute(this.modules, batch, String(err.stdout ?? ''), String(err.stderr ?? '')));
      }
    }
    return failures;
  }
}

/**
 * Terraform checks a provider block only when something uses it, so the
 * provider-block module reads one `aws_partition` through each block. Only
 * the AWS provider has such a data source here: another type fails loudly.
 */
function usersOf(provider: Record<string, readonly { alias?: string }[]>): Record<string, Record<string, Record<string, string>>> {
  const users: Record<string, Record<string, string>> = {};
  for (const [type, blocks] of Object.entries(provider)) {
    if (type !== 'aws') throw new Error(`ValidationSet: no data source known to exercise a "${type}" provider block; add one here`);
    blocks.forEach((b, i) => (users[`p${i}`] = b.alias === undefined ? {} : { provider: `aws.${b.alias}` }));
  }
  return { aws_partition: users };
}

/** Name prefix of the modules that hold an output's provider blocks alone. */
const PROVIDERS_OF = 'provider blocks of ';

/** Modules per `terraform validate` root. */
const BATCH = 200;

/** A root that calls each module of the batch, configuring once every provider alias they use (the configuration itself is validated in the provider-block modules). */
function rootOf(batch: readonly StoredModule[]): unknown {
  const aliases = [...new Set(batch.flatMap((m) => m.aliases))];
  const provider: Record<string, Record<string, unknown>[]> = {};
  for (const a of aliases) {
    const [type, alias] = a.split('.') as [string, string];
    (provider[type] ??= []).push(type === 'aws' ? { alias, region: 'us-east-1' } : { alias });
  }
  // Local module sources must be relative; absolute ones would be fetched (copied) like remote ones.
  const module = Object.fromEntries(
    batch.map((m) => [basename(m.dir), { source: `../modules/${basename(m.dir)}`, ...(m.aliases.length > 0 ? { providers: Object.fromEntries(m.aliases.map((a) => [a, a])) } : {}) }]),
  );
  return Object.keys(provider).length > 0 ? { provider, module } : { module };
}
interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename?: string };
}

/** Lays each error diagnostic of a failed batch at its module; an error it cannot place, or a failed init, fails the batch as a whole. */
function attribute(all: readonly StoredModule[], batch: readonly StoredModule[], stdout: string, stderr: string): string[] {
  let diagnostics: Diagnostic[];
  try {
    diagnostics = (JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  } catch {
    return [`batch of ${batch.length} starting at ${batch[0]!.name}: ${stderr}${stdout}`.slice(0, 4000)];
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [`batch of ${batch.length} starting at ${batch[0]!.name}: validate failed without an error diagnostic: ${stderr}`.slice(0, 4000)];
  return errors.map((d) => {
    const index = /(?:^|\/)m(\d+)\/main\.tf\.json$/.exec(d.range?.filename ?? '')?.[1];
    const module = index === undefined ? undefined : all[Number(index)];
    const text = `${d.summary}: ${d.detail ?? ''}`.slice(0, 1000);
    return module === undefined ? `batch starting at ${batch[0]!.name} (${d.range?.filename ?? 'no file'}): ${text}` : `${module.name}: ${text}`;
  });
}
