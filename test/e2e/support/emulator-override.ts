import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SynthesizedStack } from './examples';

/** Terraform merges `*_override.tf.json` over the stack's own JSON; the synthesized file stays untouched. */
export const OVERRIDE_FILE = 'emulator_override.tf.json';

/**
 * Points every AWS provider of the stack at the emulator without touching
 * what the stack declares: `allowed_account_ids`, region and default tags
 * stay as synthesized, so the account pin is really exercised (the provider
 * still asks STS for the caller's account). The endpoint itself comes from
 * AWS_ENDPOINT_URL in the terraform process's environment.
 */
export function writeEmulatorOverride(stack: SynthesizedStack): void {
  const providers = (stack.json.provider?.aws ?? []).map((p) => ({
    ...(p.alias !== undefined ? { alias: p.alias } : {}),
    skip_credentials_validation: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    // moto serves buckets by path, not by virtual host.
    s3_use_path_style: true,
    // Fail in seconds, not minutes, when the emulator rejects a call.
    max_retries: 1,
  }));
  const override: Record<string, unknown> = { provider: { aws: providers } };
  const backend = stack.json.terraform?.backend ?? {};
  if (!('local' in backend)) {
    // Examples without a local-state switch still must not reach a real state bucket.
    override.terraform = { backend: { local: { path: `terraform.${stack.name}.tfstate` } } };
  }
  writeFileSync(join(stack.directory, OVERRIDE_FILE), `${JSON.stringify(override, null, 2)}\n`);
}

/** The terraform process environment for a stack served by the emulator at `endpoint`. */
export function emulatorEnv(endpoint: string, cliConfig: string): NodeJS.ProcessEnv {
  return {
    TF_CLI_CONFIG_FILE: cliConfig,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'moto',
    AWS_SECRET_ACCESS_KEY: 'moto',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}
