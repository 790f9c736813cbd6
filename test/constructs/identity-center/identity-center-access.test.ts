import { IdentityCenterAccess, IdentityCenterAccessProps } from '../../../constructs/identity-center/identity-center-access';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { resourcesOf, testEnvironment } from '../../support/synth';

const MANAGEMENT = testEnvironment({ name: 'management', accountId: '666666666666', state: { kind: 's3', bucket: 'acme-management-tfstate', kmsKeyId: 'alias/acme-management-tfstate' } });
const INSTANCE = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';
const DEVELOPERS = '9067b4a1f8-2a1b3c4d-1111-2222-3333-444455556666';
const BASE: IdentityCenterAccessProps = {
  instanceArn: INSTANCE,
  permissionSets: {
    ReadOnly: { description: 'Look, do not touch', managedPolicies: ['ReadOnlyAccess'] },
    Developers: { description: 'Operate the web platform', sessionDurationHours: 4, managedPolicies: ['job-function/ViewOnlyAccess'], inlinePolicy: [{ Effect: 'Allow', Action: ['eks:DescribeCluster', 'eks:AccessKubernetesApi'], Resource: 'arn:aws:eks:eu-west-1:*:cluster/*-web' }] },
  },
  assignments: { developers: { permissionSet: 'Developers', groupId: DEVELOPERS, accountIds: ['444444444444'] }, readers: { permissionSet: 'ReadOnly', groupId: DEVELOPERS, accountIds: ['444444444444', '555555555555'] } },
};
const build = (props: Partial<IdentityCenterAccessProps> = {}) => buildIn((stack) => new IdentityCenterAccess(stack, 'sso', { ...BASE, ...props }), MANAGEMENT);

describe('IdentityCenterAccess', () => {
  const { json, stack } = build();

  it('permission sets with short sessions and their managed and inline policies', () => {
    expect(Object.values(resourcesOf(json, 'aws_ssoadmin_permission_set')).map((p) => [p.name, p.session_duration])).toEqual([
      ['ReadOnly', 'PT1H'],
      ['Developers', 'PT4H'],
    ]);
    expect(Object.values(resourcesOf(json, 'aws_ssoadmin_managed_policy_attachment')).map((a) => a.managed_policy_arn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']);
    expect(JSON.parse(Object.values(resourcesOf(json, 'aws_ssoadmin_permission_set_inline_policy'))[0]!.inline_policy as string).Statement[0].Action).toEqual(['eks:DescribeCluster', 'eks:AccessKubernetesApi']);
  });

  it('assignments go to groups, one per account', () => {
    const assignments = Object.values(resourcesOf(json, 'aws_ssoadmin_account_assignment'));
    expect(assignments.map((a) => [a.principal_type, a.target_id])).toEqual([
      ['GROUP', '444444444444'],
      ['GROUP', '444444444444'],
      ['GROUP', '555555555555'],
    ]);
  });

  it('the gate passes it', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it.each([
    ['a malformed instance', { instanceArn: 'ssoins-1' }, /\[TF-SSO-001\]/],
    ['an empty description', { permissionSets: { X: { description: '', managedPolicies: ['ReadOnlyAccess'] } }, assignments: {} }, /\[TF-SSO-005\].*description of 1-700 characters.*Got: ""/],
    ['a 701-character description', { permissionSets: { X: { description: 'x'.repeat(701), managedPolicies: ['ReadOnlyAccess'] } }, assignments: {} }, /\[TF-SSO-005\]/],
    ['an emoji in the description', { permissionSets: { X: { description: 'on call \u{1F4DF}', managedPolicies: ['ReadOnlyAccess'] } }, assignments: {} }, /\[TF-SSO-005\]/],
    ['a 13-hour session', { permissionSets: { X: { description: 'x', sessionDurationHours: 13, managedPolicies: ['ReadOnlyAccess'] } }, assignments: {} }, /\[TF-SSO-002\]/],
    ['AdministratorAccess', { permissionSets: { X: { description: 'x', managedPolicies: ['AdministratorAccess'] } }, assignments: {} }, /\[TF-SSO-003\]/],
    ['a FullAccess policy', { permissionSets: { X: { description: 'x', managedPolicies: ['AmazonEKSFullAccess'] } }, assignments: {} }, /\[TF-SSO-003\]/],
    ['an empty set', { permissionSets: { X: { description: 'x' } }, assignments: {} }, /\[TF-SSO-003\]/],
    ['a wildcard inline action', { permissionSets: { X: { description: 'x', inlinePolicy: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }, assignments: {} }, /\[TF-IAM-/],
    ['an unknown set', { assignments: { x: { permissionSet: 'Nope', groupId: DEVELOPERS, accountIds: ['444444444444'] } } }, /\[TF-SSO-004\]/],
  ])('refuses %s', (_, props, error) => {
    expect(() => build(props as Partial<IdentityCenterAccessProps>)).toThrow(error);
  });
});
