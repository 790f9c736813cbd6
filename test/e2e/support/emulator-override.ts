/**
 * The e2e tier's emulator override is the library's (stacks/emulator.ts), so
 * a change to the provider settings a user gets is tested on every example:
 * this file only adapts it to the tier's SynthesizedStack and keeps the
 * terraform process environment, which is the harness's business.
 */
import { dirname } from 'node:path';
import { writeEmulatorOverride as writeLibraryOverride } from '../../../stacks/emulator';
import { SynthesizedStack } from './examples';

export { pointAtEmulator, EMULATOR_OVERRIDE_FILE } from '../../../stacks/emulator';

/**
 * Writes the library's override into the stack's folder: every service
 * endpoint set to `endpoint`, and state (with the local cross-stack reads
 * that follow it) in `<outdir>.emulator-state/`, one folder per output
 * folder, because examples reuse stack names.
 */
export function writeEmulatorOverride(stack: SynthesizedStack, endpoint: string): string {
  const outdir = dirname(dirname(stack.directory));
  return writeLibraryOverride(stack.directory, { endpoint, stateDirectory: `${outdir}.emulator-state` });
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
