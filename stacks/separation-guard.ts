import { IConstruct, TerraformResource, TerraformStack } from '../core/cdktf';
import { Environment, holdsCustomerData } from '../core/environment';
import { ErrorCode, TenantformError, TenantformErrorDetails } from '../core/errors';
import { DATA_CLASS_TAG } from '../core/tags';

/**
 * Synth-time check that a stack never points from its environment at another
 * environment's account or state. It reads the stack's resolved Terraform JSON,
 * the same thing the compliance suite reads, and compares it with the
 * environments the app's other stacks are bound to.
 *
 * Codes:
 * - TF-SEP-001 IAM trust or resource-policy principal (or provider role) in another environment's account
 * - TF-SEP-002 KMS key policy or grant principal in another environment's account
 * - TF-SEP-003 S3 replication into another environment's account or state bucket
 * - TF-SEP-004 terraform_remote_state reading another environment's state
 * - TF-SEP-005 customer data in an environment that may not hold it
 * - TF-SEP-006 identity policy granting access into another environment's account
 */

/** A stack bound to one environment; `TenantformStack` is one. */
export interface GuardedStack extends IConstruct {
  readonly environment: Environment;
  toTerraform(): unknown;
}

type Json = Record<string, unknown>;
type Blocks = Record<string, Record<string, Json>>;

/** Resource fields that name who may act on a resource (trust and resource policies). */
const PRINCIPAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role: ['assume_role_policy'],
  aws_s3_bucket_policy: ['policy'],
  aws_sqs_queue_policy: ['policy'],
  aws_sns_topic_policy: ['policy'],
  aws_ecr_repository_policy: ['policy'],
  aws_secretsmanager_secret_policy: ['policy'],
  aws_lambda_permission: ['principal', 'source_account'],
};
const KMS_FIELDS: Readonly<Record<string, readonly string[]>> = {
  aws_kms_key: ['policy'],
  aws_kms_key_policy: ['policy'],
  aws_kms_replica_key: ['policy'],
  aws_kms_grant: ['grantee_principal', 'retiring_principal'],
};
const IDENTITY_POLICY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role_policy: ['policy'],
  aws_iam_policy: ['policy'],
  aws_iam_group_policy: ['policy'],
  aws_iam_user_policy: ['policy'],
};

export class SeparationGuard {
  constructor(private readonly stack: GuardedStack) {}

  /** Called by cdktf before synthesis; each message carries its TF-SEP code. */
  public validate(): string[] {
    const env = this.stack.environment;
    const others = otherEnvironments(this.stack, env);
    const where = `SeparationGuard ${this.stack.node.path}`;
    const errors: TenantformErrorDetails[] = [];
    if (!holdsCustomerData(env)) this.checkCustomerData(env, where, errors);
    // Resolving the stack is the expensive part; with no other environment there is nothing to point at.
    if (others.length === 0) return errors.map((e) => new TenantformError(e).message);

    const json = this.stack.toTerraform() as Json;
    const resources = (json.resource ?? {}) as Blocks;
    const data = (json.data ?? {}) as Blocks;
    const policyDocs = policyDocumentData(data);
    const check = (fields: Readonly<Record<string, readonly string[]>>, code: ErrorCode, what: string) => {
      for (const [type, keys] of Object.entries(fields)) {
        for (const [name, body] of Object.entries(resources[type] ?? {})) {
          for (const key of keys) {
            const text = expandPolicyReferences(stringify(body[key]), policyDocs);
            for (const other of others) {
              if (mentionsAccount(text, other.accountId)) {
                errors.push({ code, where, problem: `${what} in ${type}.${name}.${key} names the account of environment "${other.name}" from environment "${env.name}".`, value: other.accountId, fix: `keep ${env.name} and ${other.name} independent: give each environment its own ${what.toLowerCase()}.` });
              }
            }
          }
        }
      }
    };
    check(PRINCIPAL_FIELDS, 'TF-SEP-001', 'Trust or resource policy');
    check(KMS_FIELDS, 'TF-SEP-002', 'KMS key policy or grant');
    check(IDENTITY_POLICY_FIELDS, 'TF-SEP-006', 'Identity policy');
    for (const [name, role] of Object.entries(resources.aws_iam_role ?? {})) {
      const trust = stringify(role.assume_role_policy);
      for (const other of others) {
        if (trust.includes(`:environment:${other.name}"`)) {
          errors.push({ code: 'TF-SEP-001', where, problem: `aws_iam_role.${name} in environment "${env.name}" trusts CI jobs of GitHub environment "${other.name}".`, value: other.name, fix: `trust only the "${env.name}" GitHub environment here.` });
        }
      }
    }
    for (const provider of ((json.provider as Json | undefined)?.aws ?? []) as Json[]) {
      const assumed = stringify(provider.assume_role) + stringify(provider.assume_role_with_web_identity);
      for (const other of others) {
        if (mentionsAccount(assumed, other.accountId)) {
          errors.push({ code: 'TF-SEP-001', where, problem: `an AWS provider of environment "${env.name}" assumes a role in the account of "${other.name}".`, value: other.accountId, fix: 'each stack deploys only into its own environment account.' });
        }
      }
    }
    this.checkReplication(resources, others, env, where, errors);
    for (const [name, remote] of Object.entries(data.terraform_remote_state ?? {})) {
      const config = stringify(remote.config);
      for (const other of others) {
        const bucket = other.state.kind === 's3' ? other.state.bucket : undefined;
        if ((bucket && config.includes(`"${bucket}"`)) || mentionsAccount(config, other.accountId)) {
          errors.push({ code: 'TF-SEP-004', where, problem: `data.terraform_remote_state.${name} in environment "${env.name}" reads the state of environment "${other.name}".`, value: remote.config, fix: 'do not reference resources of another environment\'s stacks; pass values that belong to this environment.' });
        }
      }
    }

    return errors.map((e) => new TenantformError(e).message);
  }

  /**
   * Reads tags from the constructs' inputs rather than the resolved JSON:
   * a data-class tag is always a literal, and this avoids a resolve pass.
   */
  private checkCustomerData(env: Environment, where: string, errors: TenantformErrorDetails[]): void {
    for (const c of this.stack.node.findAll()) {
      if (!TerraformResource.isTerraformResource(c)) continue;
      const tags = (c as { tagsInput?: Record<string, unknown> }).tagsInput;
      if (tags?.[DATA_CLASS_TAG] === 'customer') {
        const address = `${c.terraformResourceType}.${c.friendlyUniqueId}`;
        errors.push({ code: 'TF-SEP-005', where, problem: `${address} is tagged as customer data, but environment "${env.name}" may not hold customer data.`, value: { [DATA_CLASS_TAG]: 'customer' }, fix: `use ${DATA_CLASS_TAG}=synthetic test data here, or mark the environment holdsCustomerData: true if it really is production.` });
      }
    }
  }

  private checkReplication(resources: Blocks, others: readonly Environment[], env: Environment, where: string, errors: TenantformErrorDetails[]): void {
    const sources: [string, unknown][] = [
      ...Object.entries(resources.aws_s3_bucket_replication_configuration ?? {}).map(([n, b]) => [`aws_s3_bucket_replication_configuration.${n}`, b.rule] as [string, unknown]),
      ...Object.entries(resources.aws_s3_bucket ?? {}).map(([n, b]) => [`aws_s3_bucket.${n}`, b.replication_configuration] as [string, unknown]),
    ];
    for (const [address, rules] of sources) {
      if (rules === undefined) continue;
      const text = stringify(rules);
      for (const other of others) {
        const bucket = other.state.kind === 's3' ? other.state.bucket : undefined;
        if (mentionsAccount(text, other.accountId) || (bucket && text.includes(`:::${bucket}"`))) {
          errors.push({ code: 'TF-SEP-003', where, problem: `${address} in environment "${env.name}" replicates into environment "${other.name}".`, value: other.accountId, fix: 'replicate only within the environment\'s own account (for example to another region).' });
        }
      }
    }
  }
}

/** Environments of the app's other stacks (by name), read from the stacks themselves. */
function otherEnvironments(stack: GuardedStack, env: Environment): Environment[] {
  const byName = new Map<string, Environment>();
  // Stacks are children of the app; walking every construct here made synth quadratic in the stack count.
  for (const c of stack.node.root.node.children) {
    if (!TerraformStack.isStack(c)) continue;
    const candidate = (c as Partial<GuardedStack>).environment;
    if (candidate && typeof candidate.accountId === 'string' && candidate.name !== env.name) byName.set(candidate.name, candidate);
  }
  // An environment sharing this account is TF-ENV-004's business, not a pointer across environments.
  return [...byName.values()].filter((o) => o.accountId !== env.accountId);
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function mentionsAccount(text: string, accountId: string): boolean {
  return new RegExp(`(^|[^0-9])${accountId}([^0-9]|$)`).test(text);
}

/** `data.aws_iam_policy_document` bodies by name, so `${data...json}` references can be checked too. */
function policyDocumentData(data: Blocks): Record<string, string> {
  return Object.fromEntries(Object.entries(data.aws_iam_policy_document ?? {}).map(([n, b]) => [n, JSON.stringify(b)]));
}

function expandPolicyReferences(text: string, docs: Record<string, string>): string {
  return text.replace(/\$\{data\.aws_iam_policy_document\.([^.}]+)\.json\}/g, (whole, name: string) => docs[name] ?? whole);
}
