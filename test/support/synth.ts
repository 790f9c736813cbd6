import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack, Testing } from '../../core/cdktf';
import { Environment } from '../../core/environment';

/** A minimal valid environment for tests; override any field. */
export function testEnvironment(overrides: Partial<Environment> = {}): Environment {
  return {
    name: 'dev',
    accountId: '222222222222',
    region: 'eu-west-1',
    state: { kind: 's3', bucket: 'acme-dev-tfstate', kmsKeyId: 'alias/acme-dev-tfstate' },
    ...overrides,
  };
}

export const PROD = testEnvironment({
  name: 'prod',
  accountId: '111111111111',
  state: { kind: 's3', bucket: 'acme-prod-tfstate', kmsKeyId: 'alias/acme-prod-tfstate' },
});
export const DEV = testEnvironment();

/** Terraform JSON of one stack, parsed. */
export type TerraformJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
  output?: Record<string, unknown>;
};

/**
 * The stack's Terraform JSON as `cdktf synth` writes it, "//" metadata included
 * (Testing.synth strips it, and suppressions live there).
 */
export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(JSON.stringify(stack.toTerraform())) as TerraformJson;
}

/** All resources of one type, keyed by their Terraform name. */
export function resourcesOf(json: TerraformJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/**
 * One temporary folder per test file for every app's output. cdktf's
 * `Testing.app()` makes a `cdktf.outdir.*` folder per app and never removes
 * it (one full run left thousands); these go when the file's tests end.
 */
let outdirRoot: string | undefined;
if (typeof afterAll === 'function') {
  afterAll(() => {
    if (outdirRoot !== undefined) rmSync(outdirRoot, { recursive: true, force: true });
    outdirRoot = undefined;
  });
}

/** A test app whose output folder is removed after the test file. */
export function newApp(): App {
  outdirRoot ??= mkdtempSync(join(tmpdir(), 'tenantform-test-apps-'));
  return Testing.app({ outdir: mkdtempSync(join(outdirRoot, 'app-')) });
}
