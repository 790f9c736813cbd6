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

export function newApp(): App {
  return Testing.app();
}
