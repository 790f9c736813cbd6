import { RequiredTagsPresent } from '../../../../compliance/rules/account-separation/RequiredTagsPresent';
import { stackFromJson } from '../../../../compliance/model';
import { byStatus, runRule } from '../../support/compliance-fixtures';

const ACCOUNT = '222222222222';

function stack(resource: Record<string, unknown>, defaults: Record<string, string> = { environment: 'dev', 'cost-center': 'data' }, requiredTagKeys = ['cost-center', 'owner']) {
  return stackFromJson(
    {
      '//': { tenantform: { environment: { name: 'dev', accountId: ACCOUNT, posture: 'non-production', trusts: [], sharesAccountWith: [], iamUsers: 'allowed', requiredTagKeys } } },
      provider: {
        aws: [
          { region: 'eu-west-1', allowed_account_ids: [ACCOUNT], default_tags: [{ tags: defaults }] },
          { alias: 'us-east-1', region: 'us-east-1', allowed_account_ids: [ACCOUNT], default_tags: [{ tags: { environment: 'dev' } }] },
        ],
      },
      variable: { tags: { type: 'map(string)' } },
      resource,
    },
    'dev',
    'dev',
  );
}

describe('TF-SEP-9 required tag keys on every taggable resource', () => {
  test('GIVEN default tags and resource tags THEN a key from either counts, a missing or nulled key fails, unresolved tags are unknown', () => {
    const s = stack({
      aws_sqs_queue: {
        both: { tags: { owner: 'team-a' } },
        missing_owner: {},
        nulls_default: { tags: { owner: 'team-a', 'cost-center': null } },
        from_var: { tags: '${var.tags}' },
        other_region: { provider: 'aws.us-east-1', tags: { owner: 'team-a' } },
      },
      // Not taggable in the provider schema: never judged.
      aws_iam_role_policy_attachment: { a: { role: 'r', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
    });
    expect(byStatus(runRule(RequiredTagsPresent, s))).toEqual({
      fail: ['aws_sqs_queue.missing_owner', 'aws_sqs_queue.nulls_default', 'aws_sqs_queue.other_region'],
      unknown: ['aws_sqs_queue.from_var'],
      suppressed: [],
      pass: ['aws_sqs_queue.both'],
    });
  });

  test('the finding names the missing keys', () => {
    const [f] = runRule(RequiredTagsPresent, stack({ aws_s3_bucket: { b: {} } }, { environment: 'dev' }));
    expect(f!.message).toMatch(/lacks the required tag keys cost-center, owner/);
  });

  test('GIVEN no required keys, or no declaration THEN the rule does not apply', () => {
    expect(runRule(RequiredTagsPresent, stack({ aws_s3_bucket: { b: {} } }, {}, []))).toEqual([]);
    expect(runRule(RequiredTagsPresent, stackFromJson({ resource: { aws_s3_bucket: { b: {} } } }, 'x', 'x'))).toEqual([]);
  });
});
