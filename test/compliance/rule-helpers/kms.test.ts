import { keyKind } from '../../../compliance/rule-helpers/kms';
import { fixtureStack, ref } from '../../support/rules-fixtures';

describe('keyKind', () => {
  const stack = fixtureStack(
    { aws_kms_key: { k: { enable_key_rotation: true } }, aws_kms_alias: { a: { name: 'alias/team', target_key_id: ref('aws_kms_key.k.key_id') } } },
    { data: { aws_kms_key: { managed: { key_id: 'alias/aws/ebs' }, looked_up: { key_id: ref('aws_kms_key.k.id') } }, aws_kms_alias: { mine: { name: 'alias/team' } } } },
  );

  it.each([
    ['a key of the stack by ARN', ref('aws_kms_key.k.arn'), 'customer-managed'],
    ['an alias of the stack', ref('aws_kms_alias.a.arn'), 'customer-managed'],
    ['a literal customer key ARN', 'arn:aws:kms:eu-west-1:111111111111:key/1', 'customer-managed'],
    ['an AWS-managed alias', 'alias/aws/sqs', 'aws-managed'],
    ['an AWS-managed alias ARN', 'arn:aws:kms:eu-west-1:111111111111:alias/aws/ebs', 'aws-managed'],
    ['a data source looking up an AWS-managed key', ref('data.aws_kms_key.managed.arn'), 'aws-managed'],
    ['a data source looking up a customer alias', ref('data.aws_kms_alias.mine.target_key_arn'), 'customer-managed'],
    ['nothing', undefined, 'none'],
    ['an empty string', '', 'none'],
    ['a key that is not in the stack', ref('aws_kms_key.gone.arn'), 'unknown'],
    ['a non-identifier attribute of a key', ref('aws_kms_key.k.policy'), 'unknown'],
    ['a conditional that may pick an AWS-managed key', ref('var.x ? aws_kms_key.k.arn : "alias/aws/sqs"'), 'unknown'],
    ['a variable', ref('var.key'), 'unknown'],
    ['a data source whose lookup is computed', ref('data.aws_kms_key.looked_up.arn'), 'unknown'],
  ])('%s is %s', (_what, value, expected) => {
    expect(keyKind(stack, value)).toBe(expected);
  });
});
