import { ExternalIdSecret } from '../../../constructs/cross-account';
import { IamRole } from '../../../core/aws';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { resourcesOf } from '../../support/synth';

const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555';

describe('ExternalIdSecret', () => {
  test('a random UUID drawn once, under the given key, that later applies never change; a grant reads only this secret', () => {
    const { stack, json } = buildIn((s) => {
      const secret = new ExternalIdSecret(s, 'linked', { name: 'linked-analytics', kmsKeyArn: KEY });
      secret.grantRead(new IamRole(s, 'platform', { name: 'platform', assumeRolePolicy: '{}' }));
      return secret;
    });
    const [secret] = Object.values(resourcesOf(json, 'aws_secretsmanager_secret'));
    expect(secret).toMatchObject({ name: 'tenantform/dev/external-id/linked-analytics', kms_key_id: KEY, recovery_window_in_days: 30 });
    const [version] = Object.values(resourcesOf(json, 'aws_secretsmanager_secret_version'));
    expect(version).toMatchObject({ secret_string: '${uuid()}', lifecycle: { ignore_changes: ['secret_string'] } });
    const policy = JSON.parse(Object.values(resourcesOf(json, 'aws_iam_role_policy'))[0]!.policy as string) as { Statement: { Resource: string[] }[] };
    expect(policy.Statement[0]!.Resource).toEqual([expect.stringMatching(/^\$\{aws_secretsmanager_secret\.linked_secret_[0-9A-F]+\.arn\}$/)]);
    expect(gateProblemsOf(stack).filter((p) => p.includes('secretsmanager'))).toEqual([]);
  });

  test.each([
    ['an uppercase name', { name: 'Linked', kmsKeyArn: KEY }, /\[TF-XAC-006\].*Got: "Linked"/],
    ['an empty key', { name: 'linked', kmsKeyArn: '' }, /\[TF-PRP-/],
    ['a key that is not an ARN', { name: 'linked', kmsKeyArn: 'alias/x' }, /\[TF-PRP-012\]/],
  ])('refuses %s', (_why, props, message) => {
    expect(() => buildIn((s) => new ExternalIdSecret(s, 'x', props))).toThrow(message);
  });
});
