import { normalizePolicy, PolicyStatement, principalIsEveryone } from '../../policy';
import { Rule } from '../../types';
import { isUnknown } from '../../values';
import { companionsOf } from '../_shared/links';
import { decide } from '../_shared/outcomes';
import { resourcesOf } from '../_shared/values';

/** TF-ENC-5: every bucket policy denies requests that do not use TLS. */
export const S3BucketTlsOnly: Rule = {
  meta: {
    id: 'TF-ENC-5',
    title: 'Ensure S3 bucket policies deny requests made without TLS',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
    remediation:
      'Attach an `aws_s3_bucket_policy` with a statement `Effect = "Deny"`, `Principal = "*"`, `Action = "s3:*"`, `Resource = [bucket ARN, "<bucket ARN>/*"]` and `Condition { Bool = { "aws:SecureTransport" = "false" } }`. S3 accepts plain HTTP unless a policy refuses it.',
    references: { cis: 'CIS AWS v5.0.0 3.1.1', cdkNag: ['AwsSolutions-S10'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_s3_bucket').map((bucket) => {
      const { matches, ambiguous } = companionsOf(stack, bucket, ['aws_s3_bucket_policy'], 'bucket', ['bucket']);
      const policies = [...matches.map((m) => m.values.policy), ...(bucket.values.policy !== undefined ? [bucket.values.policy] : [])];
      if (policies.length === 0) {
        return ambiguous
          ? decide(bucket.address, [], ['a bucket policy names a bucket that cannot be resolved'], '')
          : decide(bucket.address, ['no bucket policy, so plain-HTTP requests are accepted'], [], '');
      }
      let sawUnknown = false;
      for (const raw of policies) {
        const doc = normalizePolicy(raw);
        if (doc === undefined) continue;
        if (isUnknown(doc)) {
          sawUnknown = true;
          continue;
        }
        for (const s of doc.statements) {
          const verdict = deniesPlainHttp(s);
          if (verdict === true) return decide(bucket.address, [], [], 'the bucket policy denies requests without TLS');
          if (verdict === 'unknown') sawUnknown = true;
        }
      }
      return sawUnknown
        ? decide(bucket.address, [], ['the bucket policy has unresolved statements'], '')
        : decide(bucket.address, ['the bucket policy has no Deny on aws:SecureTransport = false for all principals and S3 actions'], [], '');
    });
  },
};

/** Whether one statement is the TLS-only deny; `'unknown'` when unresolved parts could make it one. */
function deniesPlainHttp(s: PolicyStatement): boolean | 'unknown' {
  if (isUnknown(s.Effect)) return 'unknown';
  if (s.Effect !== 'Deny') return false;
  if (s.Principal !== undefined && isUnknown(s.Principal)) return 'unknown';
  if (!principalIsEveryone(s.Principal)) return false;
  const actions = s.Action.map((a) => (typeof a === 'string' ? a.toLowerCase() : a));
  const coversAll = actions.some((a) => a === 's3:*' || a === '*');
  if (!coversAll) return actions.some(isUnknown) ? 'unknown' : false;
  const condition = s.Condition;
  if (condition === undefined) return false;
  if (isUnknown(condition)) return 'unknown';
  for (const [operator, byKey] of Object.entries(condition)) {
    if (operator.toLowerCase() !== 'bool') continue;
    for (const [key, values] of Object.entries(byKey)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      if (values.some(isUnknown)) return 'unknown';
      if (values.some((v) => typeof v === 'string' && v.toLowerCase() === 'false')) return true;
    }
  }
  return false;
}
