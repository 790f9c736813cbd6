import { normalizePolicy, PolicyStatement, PolicyValue, principalIsEveryone } from '../../policy';
import { checkEach, decide, defineRule, isUnknown, type Tri } from '../../rule-kit';
import { ResourceModel } from '../../types';
import { companionIndex } from '../../rule-helpers/links';

/** What part of a bucket a `Resource` entry covers. */
interface Coverage {
  bucket: Tri;
  objects: Tri;
}

function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === 'unknown' || b === 'unknown' ? 'unknown' : false;
}

/** Whether a `Resource` entry names the bucket itself and/or its objects. */
function covers(entry: PolicyValue, bucket: ResourceModel): Coverage {
  const text = isUnknown(entry) ? entry.$unknown : entry;
  if (text === '*' || text === 'arn:aws:s3:::*') return { bucket: true, objects: true };
  const ref = String.raw`\$\{\s*${bucket.address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
  const forms = [`${ref}\\.arn\\s*\\}`, `arn:aws:s3:::${ref}\\.(?:id|bucket)\\s*\\}`];
  const name = bucket.values.bucket;
  if (typeof name === 'string' && !name.includes('${')) forms.push(`arn:aws:s3:::${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  for (const form of forms) {
    if (new RegExp(`^${form}$`).test(text)) return { bucket: true, objects: false };
    if (new RegExp(`^${form}/\\*$`).test(text)) return { bucket: false, objects: true };
  }
  // Another bucket's literal ARN covers nothing here; an expression could be this bucket.
  return isUnknown(entry) || text.includes('${') ? { bucket: 'unknown', objects: 'unknown' } : { bucket: false, objects: false };
}

/**
 * Whether a statement denies every S3 action to everyone when
 * `aws:SecureTransport` is false, with no other condition narrowing it.
 * `'unknown'` when unresolved parts could make it one, or extra conditions
 * narrow it in ways this rule does not judge.
 */
function isTlsDeny(s: PolicyStatement, notes: Set<string>): Tri {
  if (isUnknown(s.Effect)) return 'unknown';
  if (s.Effect !== 'Deny' || s.NotPrincipal !== undefined || s.NotAction !== undefined || s.NotResource !== undefined) return false;
  if (s.Principal !== undefined && isUnknown(s.Principal)) return 'unknown';
  if (!principalIsEveryone(s.Principal)) return false;
  const actions = s.Action.map((a) => (typeof a === 'string' ? a.toLowerCase() : a));
  if (!actions.some((a) => a === 's3:*' || a === '*')) return actions.some(isUnknown) ? 'unknown' : false;
  const condition = s.Condition;
  if (condition === undefined) return false;
  if (isUnknown(condition)) return 'unknown';
  let tls: Tri = false;
  let extra = false;
  for (const [operator, byKey] of Object.entries(condition)) {
    for (const [key, values] of Object.entries(byKey)) {
      const isTlsKey = ['bool', 'boolifexists'].includes(operator.toLowerCase()) && key.toLowerCase() === 'aws:securetransport';
      if (!isTlsKey) {
        extra = true;
        continue;
      }
      if (values.some(isUnknown)) tls = or(tls, 'unknown');
      else if (values.some((v) => typeof v === 'string' && v.toLowerCase() === 'false')) tls = true;
    }
  }
  if (tls === true && extra) {
    notes.add('a TLS deny carries further conditions that may keep it from applying');
    return 'unknown';
  }
  return tls;
}

/** TF-ENC-5: every bucket policy denies requests that do not use TLS. */
export const S3BucketTlsOnly = defineRule(
  {
    id: 'TF-ENC-5',
    title: 'Ensure S3 bucket policies deny requests made without TLS',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
    remediation:
      'Attach an `aws_s3_bucket_policy` with a statement `Effect = "Deny"`, `Principal = "*"`, `Action = "s3:*"`, `Resource = [bucket ARN, "<bucket ARN>/*"]` and `Condition { Bool = { "aws:SecureTransport" = "false" } }`, with no other condition. S3 accepts plain HTTP unless a policy refuses it, for the bucket and for its objects.',
    references: { cis: 'CIS AWS v5.0.0 2.1.1', cdkNag: ['AwsSolutions-S10'] },
  },
  (stack) => {
    const policiesOf = companionIndex(stack, ['aws_s3_bucket'], ['aws_s3_bucket_policy'], 'bucket', ['bucket']);
    return checkEach(stack, ['aws_s3_bucket'], (bucket) => {
      const { matches, ambiguous } = policiesOf(bucket);
      const policies = [...matches.map((m) => m.values.policy), ...(bucket.values.policy !== undefined ? [bucket.values.policy] : [])];
      if (policies.length === 0) {
        return ambiguous
          ? decide(bucket.address, [], ['a bucket policy names a bucket that cannot be resolved'], '')
          : decide(bucket.address, ['no bucket policy, so plain-HTTP requests are accepted'], [], '');
      }
      const coverage: Coverage = { bucket: false, objects: false };
      const notes = new Set<string>();
      for (const raw of policies) {
        const doc = normalizePolicy(raw);
        if (doc === undefined) continue;
        if (isUnknown(doc)) {
          coverage.bucket = or(coverage.bucket, 'unknown');
          coverage.objects = or(coverage.objects, 'unknown');
          continue;
        }
        for (const s of doc.statements) {
          const deny = isTlsDeny(s, notes);
          if (deny === false) continue;
          if (s.Resource.length === 0) {
            coverage.bucket = or(coverage.bucket, 'unknown');
            coverage.objects = or(coverage.objects, 'unknown');
          }
          for (const entry of s.Resource) {
            const c = covers(entry, bucket);
            coverage.bucket = or(coverage.bucket, deny === true ? c.bucket : c.bucket === false ? false : 'unknown');
            coverage.objects = or(coverage.objects, deny === true ? c.objects : c.objects === false ? false : 'unknown');
          }
        }
      }
      if (coverage.bucket === true && coverage.objects === true) return decide(bucket.address, [], [], 'the bucket policy denies requests without TLS');
      const missing = [coverage.bucket === false ? 'the bucket' : undefined, coverage.objects === false ? 'its objects' : undefined].filter((m): m is string => m !== undefined);
      if (missing.length > 0) return decide(bucket.address, [`no Deny on aws:SecureTransport = false for all principals and S3 actions covers ${missing.join(' and ')}`], [], '');
      return decide(bucket.address, [], notes.size > 0 ? [...notes] : ['the bucket policy has unresolved statements'], '');
    });
  },
);
