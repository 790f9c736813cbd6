/**
 * Where IAM policies live in Terraform JSON, so every rule reads the same set:
 * identity policies (managed, inline on roles/users/groups, role inline_policy
 * blocks, SSO permission sets) and trust policies (role assume_role_policy).
 */
import { normalizePolicy, PolicyDocument } from '../policy';
import { ResourceModel, StackModel } from '../types';
import { blocks, isRecord, UnknownValue } from '../values';

export interface LocatedPolicy {
  readonly resource: ResourceModel;
  /** Attribute path within the resource, e.g. `policy` or `inline_policy[0].policy`. */
  readonly attribute: string;
  readonly document: PolicyDocument | UnknownValue;
}

/** Resource type → attribute holding an identity policy. */
const IDENTITY_POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
  aws_ssoadmin_permission_set_inline_policy: 'inline_policy',
};

export const IDENTITY_POLICY_TYPES: readonly string[] = [...Object.keys(IDENTITY_POLICY_ATTRIBUTES), 'aws_iam_role'];

/** Every identity policy of the stack, in address order. */
export function identityPolicies(stack: StackModel): LocatedPolicy[] {
  const out: LocatedPolicy[] = [];
  for (const r of stack.resources.values()) {
    const attribute = IDENTITY_POLICY_ATTRIBUTES[r.type];
    if (attribute !== undefined) {
      const document = normalizePolicy(r.values[attribute]);
      if (document !== undefined) out.push({ resource: r, attribute, document });
    } else if (r.type === 'aws_iam_role') {
      blocks(r.values.inline_policy).forEach((block, i) => {
        const document = normalizePolicy(isRecord(block) ? block.policy : block);
        if (document !== undefined) out.push({ resource: r, attribute: `inline_policy[${i}].policy`, document });
      });
    }
  }
  return out;
}

/** Identity policies grouped per resource, so a rule emits one outcome per address. */
export function identityPoliciesByResource(stack: StackModel): Map<ResourceModel, LocatedPolicy[]> {
  const out = new Map<ResourceModel, LocatedPolicy[]>();
  for (const p of identityPolicies(stack)) {
    const list = out.get(p.resource) ?? [];
    list.push(p);
    out.set(p.resource, list);
  }
  return out;
}

/** Trust policies of every role, in address order. */
export function trustPolicies(stack: StackModel): LocatedPolicy[] {
  const out: LocatedPolicy[] = [];
  for (const r of stack.resources.values()) {
    if (r.type !== 'aws_iam_role') continue;
    const document = normalizePolicy(r.values.assume_role_policy);
    // A role without a trust policy is a plan-time error in Terraform; the model calls it unknown.
    out.push({ resource: r, attribute: 'assume_role_policy', document: document ?? { $unknown: '(missing assume_role_policy)', refs: [] } });
  }
  return out;
}

/**
 * Resource type → attribute holding a resource-based policy (who else may
 * use the resource). `aws_lambda_permission` states its principal as an
 * argument instead and is read separately.
 */
export const RESOURCE_POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_s3_bucket: 'policy',
  aws_s3_access_point: 'policy',
  aws_kms_replica_key: 'policy',
  aws_api_gateway_rest_api: 'policy',
  aws_cloudwatch_event_bus_policy: 'policy',
  aws_kms_key: 'policy',
  aws_kms_key_policy: 'policy',
  aws_s3_bucket_policy: 'policy',
  aws_sqs_queue: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_sns_topic: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_secretsmanager_secret: 'policy',
  aws_secretsmanager_secret_policy: 'policy',
  aws_ecr_repository_policy: 'policy',
  aws_ecr_registry_policy: 'policy',
  aws_opensearch_domain: 'access_policies',
  aws_opensearch_domain_policy: 'access_policies',
  aws_efs_file_system_policy: 'policy',
  aws_backup_vault_policy: 'policy',
  aws_api_gateway_rest_api_policy: 'policy',
  aws_cloudwatch_log_resource_policy: 'policy_document',
  aws_glacier_vault: 'access_policy',
};

/** Every resource-based policy of the stack, in address order. */
export function resourcePolicies(stack: StackModel): LocatedPolicy[] {
  const out: LocatedPolicy[] = [];
  for (const r of stack.resources.values()) {
    const attribute = RESOURCE_POLICY_ATTRIBUTES[r.type];
    if (attribute === undefined) continue;
    const document = normalizePolicy(r.values[attribute]);
    if (document !== undefined) out.push({ resource: r, attribute, document });
  }
  return out.sort((a, b) => a.resource.address.localeCompare(b.resource.address));
}
