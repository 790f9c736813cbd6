/**
 * Terraform's JSON configuration syntax, read as Terraform reads it: every
 * object and array form of every block, duplicate keys, the files of a
 * module folder and their override files. See README.md for the rules.
 */
import { collectBlocks } from './blocks';
import { isCanonical, mergeModule } from './merge';
import { TerraformConfig } from './types';

export type { Body, TerraformConfig } from './types';
export type { DocumentBlocks, LabeledBlock } from './blocks';
export type { ModuleDocument } from './merge';
export { collectBlocks } from './blocks';
export { mergeModule } from './merge';
export { parseTerraformJson } from './parse';
export { blockLocation } from './locations';
export type { BlockLocation } from './locations';

/**
 * The canonical form of one Terraform JSON document (see TerraformConfig).
 * Pure, linear in the document's size, and idempotent: cdktf's own output
 * comes back equal. `where` names the document in error messages. Throws a
 * TenantformError (TF-CHK-008, -010, -011) for what Terraform would reject.
 */
export function normalizeDocument(json: unknown, where: string): TerraformConfig {
  if (isCanonical(json)) return json as TerraformConfig;
  return mergeModule([{ file: where, blocks: collectBlocks(json, where) }]);
}
