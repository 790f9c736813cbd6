/**
 * The red-team suite's vocabulary. A case is a Terraform module (one or more
 * files, written as Terraform would read them from a folder) that is insecure
 * in a form Terraform accepts. The gate must never pass it: either the named
 * rules report it as `fail` or `unknown`, or the loader refuses the folder
 * with a coded error. A control is the same kind of module, secure, that the
 * whole gate must pass, so the suite cannot be satisfied by failing everything.
 *
 * Every case and control is also run through `terraform validate` by the e2e
 * tier (test/compliance/red-team/terraform-validate.e2e.ts), which proves the
 * form is one Terraform accepts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TenantformError } from '../../../../core/errors';
import { checkStacks, gateFailures } from '../../../../compliance/engine';
import { loadStacks } from '../../../../compliance/model';
import { allRules } from '../../../../compliance/rules';
import { Finding } from '../../../../compliance/types';

/** File path inside the module folder → JSON value (written with JSON.stringify) or raw text. */
export type ModuleFiles = Readonly<Record<string, unknown>>;

export interface RedTeamCase {
  /** `<category>/<short-name>`, unique across the suite. */
  readonly id: string;
  /** What makes it insecure and which form hides it. */
  readonly why: string;
  readonly files: ModuleFiles;
  /**
   * `{ rules }`: at least one finding of these rules must be `fail` or `unknown`.
   * `{ refused }`: the loader must refuse the folder with this error code.
   */
  readonly expect: { readonly rules: readonly string[] } | { readonly refused: string };
}

export interface RedTeamControl {
  readonly id: string;
  readonly why: string;
  readonly files: ModuleFiles;
}

/** What the gate made of one module folder. */
export type GateVerdict =
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'checked'; readonly findings: readonly Finding[]; readonly failures: readonly Finding[] };

/** Writes the module's files into `dir` (created), the way a user's folder would hold them. */
export function writeModule(dir: string, files: ModuleFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

/** Runs the gate over one folder exactly as `tenantform check <dir>` does. Anything but a coded error propagates. */
export function gateVerdict(dir: string): GateVerdict {
  try {
    const stacks = loadStacks([dir]);
    const findings = checkStacks(stacks, allRules);
    return { kind: 'checked', findings, failures: gateFailures(findings) };
  } catch (e) {
    if (e instanceof TenantformError) return { kind: 'refused', code: e.code, message: e.message };
    throw e;
  }
}

/** A temp root for one test file's modules; call `cleanup()` in afterAll. */
export function moduleWorkspace(prefix: string): { readonly dirFor: (id: string) => string; readonly cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), `tenantform-redteam-${prefix}-`));
  return {
    dirFor: (id) => join(root, id.replace(/[^A-Za-z0-9_-]+/g, '_')),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Why a verdict does not meet the case's expectation, or undefined when it does. */
export function missedExpectation(c: RedTeamCase, verdict: GateVerdict): string | undefined {
  if ('refused' in c.expect) {
    if (verdict.kind === 'refused' && verdict.code === c.expect.refused) return undefined;
    return verdict.kind === 'refused' ? `refused with ${verdict.code}, expected ${c.expect.refused}: ${verdict.message}` : `read and checked, expected a refusal with ${c.expect.refused}; failures: ${describe(verdict.failures)}`;
  }
  if (verdict.kind === 'refused') return `refused with ${verdict.code} (${verdict.message}), expected findings of ${c.expect.rules.join(', ')}`;
  const wanted = new Set(c.expect.rules);
  if (verdict.findings.some((f) => wanted.has(f.ruleId) && (f.status === 'fail' || f.status === 'unknown'))) return undefined;
  return `no fail or unknown from ${c.expect.rules.join(', ')}; failures: ${describe(verdict.failures)}`;
}

function describe(findings: readonly Finding[]): string {
  return findings.length === 0 ? '(none: the gate passed it)' : findings.map((f) => `${f.ruleId} ${f.status} ${f.address}`).join('; ');
}
