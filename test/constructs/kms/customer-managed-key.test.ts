import { customerManagedKey } from '../../../constructs/kms/customer-managed-key';
import { KEY_ADMIN_ACTIONS } from '../../../constructs/kms/key-admin-actions';
import { DEV, resourcesOf, synthJson } from '../../support/synth';
import { parsePolicy, testStack } from '../identity/helpers';

describe('customerManagedKey', () => {
  const build = (accountMayUse: boolean) => {
    const stack = testStack(DEV);
    const { key, alias } = customerManagedKey(stack, {
      keyId: 'k',
      aliasId: 'k-alias',
      description: 'test key',
      alias: 'tenantform/test',
      partition: 'aws',
      accountId: DEV.accountId,
      accountMayUse,
      statements: [{ Sid: 'LogsUse', Effect: 'Allow', Principal: { Service: 'logs.eu-west-1.amazonaws.com' }, Action: ['kms:Decrypt'], Resource: '*' }],
    });
    return { key, alias, json: synthJson(stack) };
  };

  test('rotates yearly, keeps a deletion window, and creates key and alias under the IDs given (their addresses)', () => {
    const { key, alias, json } = build(false);
    expect(key.node.id).toBe('k');
    expect(alias.node.id).toBe('k-alias');
    const [k] = Object.values(resourcesOf(json, 'aws_kms_key'));
    expect(k).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, description: 'test key' });
    expect(Object.values(resourcesOf(json, 'aws_kms_alias'))[0]).toMatchObject({ name: 'alias/tenantform/test' });
  });

  test('the account statement administers by listed actions (never kms:*), and holds data use only when asked', () => {
    const adminOnly = parsePolicy(Object.values(resourcesOf(build(false).json, 'aws_kms_key'))[0]!.policy).Statement;
    expect(adminOnly[0]).toEqual({ Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV.accountId}:root` }, Action: [...KEY_ADMIN_ACTIONS], Resource: '*' });
    expect(adminOnly[1]!.Sid).toBe('LogsUse');
    const withUse = parsePolicy(Object.values(resourcesOf(build(true).json, 'aws_kms_key'))[0]!.policy).Statement;
    expect(withUse[0]!.Sid).toBe('AccountAdministersViaIam');
    expect(withUse[0]!.Action).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']));
    for (const s of [...adminOnly, ...withUse]) expect(s.Action).not.toContain('kms:*');
  });
});
