/**
 * The e2e tier's emulator override is the library's (stacks/emulator.ts):
 * this file only adapts it to the tier's SynthesizedStack and keeps the
 * terraform process environment, which is the harness's business.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EMULATOR_OVERRIDE_FILE, writeEmulatorOverride as writeLibraryOverride } from '../../../stacks/emulator';
import { SynthesizedStack } from './examples';

export { pointAtEmulator, EMULATOR_OVERRIDE_FILE } from '../../../stacks/emulator';
/** Terraform merges `*_override.tf.json` over the stack's own JSON; the synthesized file stays untouched. */
export const OVERRIDE_FILE = EMULATOR_OVERRIDE_FILE;

/**
 * Writes the library's override into the stack's folder, with every service
 * endpoint set to `endpoint` and state beside the output folder, in
 * `<outdir>.emulator-state/` (one per output folder: examples reuse stack names).
 *
 * Callers that do not pass the endpoint yet (they learn it after writing)
 * get the override the tier used before the library had one: the same
 * provider flags, no endpoints (terraform takes AWS_ENDPOINT_URL from
 * emulatorEnv) and the stack's own local state. Pass the endpoint instead.
 */
export function writeEmulatorOverride(stack: SynthesizedStack, endpoint?: string): void {
  if (endpoint !== undefined) {
    const outdir = dirname(dirname(stack.directory));
    writeLibraryOverride(stack.directory, { endpoint, stateDirectory: `${outdir}.emulator-state` });
    return;
  }
  const providers = (stack.json.provider?.aws ?? []).map((p) => ({
    ...(p.alias !== undefined ? { alias: p.alias } : {}),
    skip_credentials_validation: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    s3_use_path_style: true,
    // As the library's override (stacks/emulator.ts): a few retries ride out the HTTP 500 that moto's
    // threaded server answers now and then under load (seen: DescribeRouteTables during a destroy, with
    // two e2e files on 2 cores); a call moto refuses for good still fails in seconds.
    max_retries: 5,
  }));
  const override: Record<string, unknown> = { provider: { aws: providers } };
  const backend = stack.json.terraform?.backend ?? {};
  if (!('local' in backend)) override.terraform = { backend: { local: { path: `terraform.${stack.name}.tfstate` } } };
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
