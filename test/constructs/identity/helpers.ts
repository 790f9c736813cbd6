import { Environment } from '../../../core/environment';
import { TenantformStack } from '../../../stacks/tenantform-stack';
import { newApp, PROD, TerraformJson } from '../../support/synth';

/** A bare stack to hang identity constructs on. */
export class IdentityTestStack extends TenantformStack {}

export function testStack(environment: Environment = PROD, id = `${environment.name}-identity`): IdentityTestStack {
  return new IdentityTestStack(newApp(), id, { environment });
}

/** A policy document string from the synthesized JSON, parsed. */
export function parsePolicy(value: unknown): { Version: string; Statement: Record<string, unknown>[] } {
  return JSON.parse(value as string) as { Version: string; Statement: Record<string, unknown>[] };
}

/** Every IAM statement in a stack: inline role/group/user policies, managed policies and trust policies. */
export function allStatements(json: TerraformJson): { address: string; statement: Record<string, unknown> }[] {
  const out: { address: string; statement: Record<string, unknown> }[] = [];
  const fields: Record<string, string[]> = {
    aws_iam_role: ['assume_role_policy'],
    aws_iam_role_policy: ['policy'],
    aws_iam_group_policy: ['policy'],
    aws_iam_user_policy: ['policy'],
    aws_iam_policy: ['policy'],
    aws_kms_key: ['policy'],
    aws_s3_bucket_policy: ['policy'],
    aws_organizations_policy: ['content'],
  };
  for (const [type, keys] of Object.entries(fields)) {
    for (const [name, resource] of Object.entries(json.resource?.[type] ?? {})) {
      for (const key of keys) {
        if (typeof resource[key] !== 'string') continue;
        for (const statement of parsePolicy(resource[key]).Statement) out.push({ address: `${type}.${name}`, statement });
      }
    }
  }
  return out;
}
