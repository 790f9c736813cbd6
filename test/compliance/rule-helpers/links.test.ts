import { companionIndex } from '../../../compliance/rule-helpers/links';
import { fixtureStack, ref } from '../../support/rules-fixtures';

describe('companionIndex', () => {
  const stack = fixtureStack({
    aws_s3_bucket: { a: { bucket: 'bucket-a' }, b: {} },
    aws_s3_bucket_policy: {
      by_ref: { bucket: ref('aws_s3_bucket.b.id'), policy: '{}' },
      by_name: { bucket: 'bucket-a', policy: '{}' },
      elsewhere: { bucket: 'someone-else', policy: '{}' },
    },
  });

  it('matches companions by bare reference and by literal identifier, in one pass', () => {
    const of = companionIndex(stack, ['aws_s3_bucket'], ['aws_s3_bucket_policy'], 'bucket', ['bucket']);
    expect(of(stack.resources.get('aws_s3_bucket.a')!).matches.map((m) => m.address)).toEqual(['aws_s3_bucket_policy.by_name']);
    expect(of(stack.resources.get('aws_s3_bucket.b')!).matches.map((m) => m.address)).toEqual(['aws_s3_bucket_policy.by_ref']);
    expect(of(stack.resources.get('aws_s3_bucket.a')!).ambiguous).toBe(false);
  });

  it('a conditional, a variable or a literal that may name a computed-name subject is ambiguous', () => {
    const conditional = fixtureStack({ aws_vpc: { a: {}, b: {} }, aws_flow_log: { f: { vpc_id: ref('var.x ? aws_vpc.a.id : aws_vpc.b.id') } } });
    const of = companionIndex(conditional, ['aws_vpc'], ['aws_flow_log'], 'vpc_id', []);
    expect(of(conditional.resources.get('aws_vpc.a')!)).toEqual({ matches: [], ambiguous: true });

    const computedName = fixtureStack({ aws_s3_bucket: { c: { bucket: ref('var.name') } }, aws_s3_bucket_policy: { p: { bucket: 'literal-name', policy: '{}' } } });
    const byName = companionIndex(computedName, ['aws_s3_bucket'], ['aws_s3_bucket_policy'], 'bucket', ['bucket']);
    expect(byName(computedName.resources.get('aws_s3_bucket.c')!)).toEqual({ matches: [], ambiguous: true });
  });

  it('joins 5,000 buckets to their policies, half by reference and half by name (how its time grows: bench/gate-linearity.bench.ts)', () => {
    const buckets: Record<string, Record<string, unknown>> = {};
    const policies: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 5000; i += 1) {
      buckets[`b${i}`] = { bucket: `bucket-${i}` };
      policies[`p${i}`] = { bucket: i % 2 === 0 ? ref(`aws_s3_bucket.b${i}.id`) : `bucket-${i}`, policy: '{}' };
    }
    const big = fixtureStack({ aws_s3_bucket: buckets, aws_s3_bucket_policy: policies });
    const of = companionIndex(big, ['aws_s3_bucket'], ['aws_s3_bucket_policy'], 'bucket', ['bucket']);
    let matched = 0;
    for (const r of big.resources.values()) if (r.type === 'aws_s3_bucket') matched += of(r).matches.length;
    expect(matched).toBe(5000);
  });
});
