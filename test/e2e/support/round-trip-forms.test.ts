/**
 * The forms that come back from AWS as they were sent, checked on what the
 * constructs synthesize for the reference example (examples/aito), without
 * any emulator. Each was a re-plan diff against
 * moto; the attribute is written here the way the provider reads it back, so
 * the next plan on real AWS is empty too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeExample, SynthesizedStack } from './examples';

const work = mkdtempSync(join(tmpdir(), 'tenantform-round-trip-'));
let stacks: SynthesizedStack[] = [];

beforeAll(() => {
  stacks = synthesizeExample('aito', join(work, 'aito'));
}, 5 * 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function resources(type: string): [string, Record<string, unknown>][] {
  return stacks.flatMap((s) => Object.entries(s.json.resource?.[type] ?? {}).map(([name, body]) => [`${s.name} ${type}.${name}`, body] as [string, Record<string, unknown>]));
}

test('security group rules are separate resources, each with an explicit description', () => {
  const inline = resources('aws_security_group').filter(([, b]) => 'ingress' in b || 'egress' in b).map(([a]) => a);
  expect(inline).toEqual([]);
  const rules = [...resources('aws_vpc_security_group_ingress_rule'), ...resources('aws_vpc_security_group_egress_rule')];
  expect(rules.length).toBeGreaterThan(0);
  expect(rules.filter(([, b]) => typeof b.description !== 'string' || b.description === '').map(([a]) => a)).toEqual([]);
});

test('every VPC_LINK integration names its connection_id', () => {
  const links = resources('aws_api_gateway_integration').filter(([, b]) => b.connection_type === 'VPC_LINK');
  expect(links.length).toBeGreaterThan(0);
  expect(links.filter(([, b]) => typeof b.connection_id !== 'string' || b.connection_id === '').map(([a]) => a)).toEqual([]);
});

test('an Aurora cluster writes scaling_configuration only in serverless (v1) engine mode', () => {
  const clusters = resources('aws_rds_cluster');
  expect(clusters.length).toBeGreaterThan(0);
  expect(clusters.filter(([, b]) => 'scaling_configuration' in b && b.engine_mode !== 'serverless').map(([a]) => a)).toEqual([]);
});

test('every SCP depends on the organization it is created in', () => {
  for (const stack of stacks) {
    const organizations = Object.keys(stack.json.resource?.aws_organizations_organization ?? {}).map((n) => `aws_organizations_organization.${n}`);
    for (const [name, body] of Object.entries(stack.json.resource?.aws_organizations_policy ?? {})) {
      expect({ policy: name, depends_on: body.depends_on }).toEqual({ policy: name, depends_on: organizations });
    }
  }
});
