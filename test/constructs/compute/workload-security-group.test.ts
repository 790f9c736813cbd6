import { allowEgressToGroup, workloadSecurityGroup } from '../../../constructs/compute/workload-security-group';
import { buildIn } from '../../support/construct-fixtures';
import { resourcesOf } from '../../support/synth';

const OPTIONS = { id: 'sg', httpsOutId: 'sg-https-out', name: 'tf-dev-api', description: 'api: no ingress', vpcId: 'vpc-1', nameTag: 'construct-test/api', httpsOutDescription: 'HTTPS to AWS APIs' };

describe('workloadSecurityGroup', () => {
  test('a group with no ingress and one HTTPS egress rule, under the IDs and descriptions the caller gives', () => {
    const { json } = buildIn((s) => workloadSecurityGroup(s, OPTIONS));
    expect(Object.values(resourcesOf(json, 'aws_security_group'))).toEqual([expect.objectContaining({ name: 'tf-dev-api', description: 'api: no ingress', vpc_id: 'vpc-1', tags: { Name: 'construct-test/api' } })]);
    expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')).toEqual({});
    expect(Object.entries(resourcesOf(json, 'aws_vpc_security_group_egress_rule'))).toEqual([['sg-https-out', expect.objectContaining({ description: 'HTTPS to AWS APIs', ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' })]]);
  });
});

describe('allowEgressToGroup', () => {
  const rule = { id: 'to-db', securityGroupId: 'sg-1', label: 'db', description: 'Port 5432 to db', destinationSecurityGroupId: 'sg-db', port: 5432 };

  test('one TCP port to one group', () => {
    const { json } = buildIn((s) => allowEgressToGroup(s, 'T x', rule));
    expect(Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule'))).toEqual([expect.objectContaining({ security_group_id: 'sg-1', from_port: 5432, to_port: 5432, referenced_security_group_id: 'sg-db' })]);
  });

  test.each([
    ['a label with a space', { label: 'my db' }],
    ['an upper-case label', { label: 'DB' }],
    ['port 0', { port: 0 }],
    ['port 65536', { port: 65536 }],
    ['a fractional port', { port: 54.5 }],
  ])('refuses %s with TF-FN-017', (_why, bad) => {
    expect(() => buildIn((s) => allowEgressToGroup(s, 'T x', { ...rule, ...bad }))).toThrow(/^\[TF-FN-017\] T x: a network rule/);
  });
});
