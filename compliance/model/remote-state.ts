/**
 * Where a stack keeps its state, and which stack a `terraform_remote_state`
 * data source reads: the same location string for a backend block and for a
 * data source pointing at it, so the cross-stack linker can match them and a
 * finding can name the producer when it is missing from the input.
 */
import { isRecord } from '../values';

/** `s3://bucket/key` or `local://file`; undefined when the config does not pin it. */
export function backendLocation(type: unknown, config: unknown): string | undefined {
  if (!isRecord(config)) return undefined;
  if (type === 's3' && typeof config.bucket === 'string' && typeof config.key === 'string') return `s3://${config.bucket}/${config.key}`;
  if (type === 'local' && typeof config.path === 'string') return `local://${config.path.split('/').pop()}`;
  return undefined;
}

const CDKTF_INPUT = /^cross-stack-reference-input-(.+)$/;

/**
 * The producing stack's name: cdktf names the data source after it; otherwise
 * the state file's name (`tenantform/dev-platform.tfstate` → `dev-platform`,
 * `dev-platform/terraform.tfstate` → `dev-platform`).
 */
export function producerName(dataSource: string, config: unknown): string | undefined {
  const cdktf = CDKTF_INPUT.exec(dataSource);
  if (cdktf) return cdktf[1];
  if (!isRecord(config)) return undefined;
  const file = typeof config.key === 'string' ? config.key : typeof config.path === 'string' ? config.path : undefined;
  if (file === undefined) return undefined;
  const parts = file.split('/').filter((p) => p !== '');
  const last = parts.pop();
  if (last === undefined) return undefined;
  if (last === 'terraform.tfstate') return parts.pop();
  return last.replace(/\.tfstate$/, '');
}
