import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The provider the stacks pin; the mirror must hold exactly this version. */
export const AWS_PROVIDER_VERSION = '5.100.0';
const PROVIDER_DIR = join('registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION);

/**
 * Places a provider filesystem mirror is commonly kept. TENANTFORM_PROVIDER_MIRROR
 * wins over all of them; the list only saves users from setting it by hand.
 */
const WELL_KNOWN_MIRRORS: readonly string[] = [
  '/opt/tf-plugins',
  '/usr/share/terraform/plugins',
  '/usr/local/share/terraform/plugins',
  join(process.env.HOME ?? '', '.terraform.d', 'plugins'),
  join(process.env.HOME ?? '', '.local', 'share', 'terraform', 'plugins'),
];

function holdsAwsProvider(dir: string): boolean {
  return existsSync(join(dir, PROVIDER_DIR));
}

/**
 * Finds a Terraform provider filesystem mirror that holds hashicorp/aws
 * 5.100.0. Throws with the places it looked when there is none, because a
 * tier that silently fell back to the network would hang on an offline CI.
 */
export function findProviderMirror(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.TENANTFORM_PROVIDER_MIRROR;
  if (explicit !== undefined && explicit !== '') {
    if (holdsAwsProvider(explicit)) return explicit;
    throw new Error(
      `TENANTFORM_PROVIDER_MIRROR=${explicit} does not contain ${PROVIDER_DIR}. ` +
        'Point it at a directory laid out by `terraform providers mirror`.',
    );
  }
  const found = WELL_KNOWN_MIRRORS.find(holdsAwsProvider);
  if (found !== undefined) return found;
  throw new Error(
    `No Terraform provider mirror with ${PROVIDER_DIR} found (looked in ${WELL_KNOWN_MIRRORS.join(', ')}). ` +
      'Create one with `terraform providers mirror <dir>` on a machine with network access, ' +
      'then set TENANTFORM_PROVIDER_MIRROR=<dir>.',
  );
}

/**
 * Writes a Terraform CLI config that installs registry providers from the
 * mirror only, never from the network, and returns its path (for TF_CLI_CONFIG_FILE).
 */
export function writeMirrorCliConfig(directory: string, mirror: string): string {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'terraform.tfrc');
  writeFileSync(
    path,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/*/*"]',
      '  }',
      '  direct {',
      '    exclude = ["registry.terraform.io/*/*"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return path;
}
