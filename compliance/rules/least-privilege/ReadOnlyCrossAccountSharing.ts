import { ELB_LOG_DELIVERY_ACCOUNTS } from '../../../core/elb-log-accounts';
import { accountOf } from '../../iam/principals';
import { normalizePolicy } from '../../policy';
import { checkEach, decide, defineRule, isSpecificUnknown, isUnknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';
import { readOnlyShareStatement, readOnlyTableGrant } from '../../rule-helpers/trust-edges';

/** AWS-owned accounts that write into buckets as a service (ELB access logs), not data consumers. */
const SERVICE_ACCOUNTS: ReadonlySet<string> = new Set(Object.values(ELB_LOG_DELIVERY_ACCOUNTS));

const TYPES = ['aws_s3_bucket_policy', 'aws_s3_bucket', 'aws_lakeformation_permissions'];

function bucketPolicy(stack: StackModel, r: ResourceModel): RuleOutcome {
  const doc = normalizePolicy(r.values.policy);
  if (doc === undefined) return decide(r.address, [], [], 'no bucket policy');
  if (isUnknown(doc)) return decide(r.address, [], [`the policy cannot be read (${doc.$unknown})`], '');
  const problems: string[] = [];
  const unknowns: string[] = [];
  for (const s of doc.statements) {
    if (s.Effect === 'Deny') continue;
    const principal = s.Principal;
    if (principal === undefined) continue;
    if (isUnknown(principal)) {
      unknowns.push(`a principal cannot be resolved (${principal.$unknown})`);
      continue;
    }
    for (const p of principal.AWS ?? []) {
      if (isUnknown(p)) {
        if (!isSpecificUnknown(p)) unknowns.push(`principal ${p.$unknown} cannot be resolved`);
        continue;
      }
      const account = accountOf(p);
      if (account === undefined || stack.accounts.includes(account) || SERVICE_ACCOUNTS.has(account)) continue;
      if (!readOnlyShareStatement(s)) problems.push(`account ${account} is granted ${s.NotAction !== undefined ? 'everything but NotAction' : s.Action.map(String).join(', ')}, more than reading`);
    }
  }
  return decide(r.address, [...new Set(problems)], [...new Set(unknowns)], 'other accounts may only read');
}

function tableGrant(stack: StackModel, r: ResourceModel): RuleOutcome {
  const principal = r.values.principal;
  if (isUnknown(principal) && !isSpecificUnknown(principal)) return decide(r.address, [], [`principal ${principal.$unknown} cannot be resolved`], '');
  const account = typeof principal === 'string' ? accountOf(principal) : undefined;
  if (account === undefined || stack.accounts.includes(account)) return decide(r.address, [], [], 'a grant inside the account');
  const readOnly = readOnlyTableGrant(r.values);
  if (readOnly === 'unknown') return decide(r.address, [], ['its permissions cannot be read'], '');
  return decide(r.address, readOnly ? [] : [`account ${account} is granted more than SELECT and DESCRIBE, or a grant option`], [], 'another account may only select and describe');
}

/** TF-LP-31: data shared with another account is shared read-only. */
export const ReadOnlyCrossAccountSharing = defineRule(
  {
    id: 'TF-LP-31',
    title: 'Ensure bucket policies and Lake Formation grants give other accounts read-only access',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: TYPES,
    remediation:
      "Grant another account only s3:GetObject (and GetObjectVersion, GetObjectTagging) on the shared prefix and s3:ListBucket limited to it, or Lake Formation SELECT and DESCRIBE without a grant option. A consumer that can write, delete or re-grant can change or leak the owner's data; the owner's account stays the only writer.",
    references: {},
  },
  (stack) => checkEach(stack, TYPES, (r) => (r.type === 'aws_lakeformation_permissions' ? tableGrant(stack, r) : bucketPolicy(stack, r))),
);
