import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planWaves } from '../../../stacks/waves';
import { fleet, writeOutdir } from './support';

describe('planWaves', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tenantform-waves-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const dirs = (base: Parameters<typeof writeOutdir>[1], head: Parameters<typeof writeOutdir>[1]): [string, string] => [writeOutdir(join(root, 'base'), base), writeOutdir(join(root, 'head'), head)];

  it('lists nothing when nothing changed, and ignores cdktf\'s own metadata', () => {
    const base = fleet(['a', 'b']);
    const head = { ...base, 'dev-tenant-a': { ...base['dev-tenant-a']!, json: { ...base['dev-tenant-a']!.json, '//': { metadata: { version: '0.24.0' } } } } };
    expect(planWaves(...dirs(base, head))).toEqual({ changed: [], dependents: [], removed: [], waves: [] });
  });

  it('a new tenant plus the platform whose routes it changed: the platform first, then the tenant', () => {
    const base = fleet(['a', 'b']);
    const head = fleet(['a', 'b', 'c'], { 'dev-platform': { deps: ['dev-network'], json: { resource: { aws_lb: { a: { internal: true, name: 'with-route-c' } } }, output: { alb: { value: '${aws_lb.a.arn}' } } } } });
    const plan = planWaves(...dirs(base, head));
    expect(plan.changed).toEqual(['dev-platform', 'dev-tenant-c']);
    // The platform's outputs are unchanged, so tenants a and b are not pulled in.
    expect(plan.dependents).toEqual([]);
    expect(plan.waves).toEqual([['dev-platform'], ['dev-tenant-c']]);
  });

  it('adds every dependent, transitively, when a producer\'s outputs change', () => {
    const base = fleet(['a', 'b']);
    const head = fleet(['a', 'b'], { 'dev-network': { json: { resource: { aws_vpc: { v: { cidr_block: '10.0.0.0/16' } } }, output: { vpc: { value: '${aws_vpc.v.id}' }, cidr: { value: '${aws_vpc.v.cidr_block}' } } } } });
    const plan = planWaves(...dirs(base, head));
    expect(plan.changed).toEqual(['dev-network']);
    expect(plan.dependents).toEqual(['dev-platform', 'dev-tenant-a', 'dev-tenant-b']);
    expect(plan.waves).toEqual([['dev-network'], ['dev-platform'], ['dev-tenant-a', 'dev-tenant-b']]);
  });

  it('dependents: all pulls in readers of any changed stack; none pulls in nobody', () => {
    const base = fleet(['a']);
    const head = fleet(['a'], { 'dev-platform': { deps: ['dev-network'], json: { resource: { aws_lb: { a: { internal: false } } }, output: { alb: { value: '${aws_lb.a.arn}' } } } } });
    expect(planWaves(...dirs(base, head), { dependents: 'all' }).dependents).toEqual(['dev-tenant-a']);
    rmSync(root, { recursive: true, force: true });
    expect(planWaves(...dirs(fleet(['a']), fleet(['a'], { 'dev-network': { json: { output: { x: { value: 1 } } } } })), { dependents: 'none' }).dependents).toEqual([]);
  });

  it('orders by depth in the whole graph, even through a stack that needs no deploy', () => {
    const base = fleet(['a']);
    const head = fleet(['a'], {
      'dev-network': { json: { resource: { aws_vpc: { v: { cidr_block: '10.1.0.0/16' } } }, output: { vpc: { value: '${aws_vpc.v.id}' } } } },
      'dev-tenant-a': { deps: ['dev-network', 'dev-platform'], json: { resource: { aws_instance: { host: { instance_type: 't3.large' } } } } },
    });
    expect(planWaves(...dirs(base, head)).waves).toEqual([['dev-network'], ['dev-tenant-a']]);
  });

  it('reports removed stacks separately and never deploys them', () => {
    const plan = planWaves(...dirs(fleet(['a', 'b']), fleet(['a'])));
    expect(plan.removed).toEqual(['dev-tenant-b']);
    expect(plan.waves).toEqual([]);
  });

  it('refuses a folder without a manifest, a broken stack file and a dependency cycle with coded errors', () => {
    expect(() => planWaves(join(root, 'nope'), join(root, 'nope2'))).toThrow(/\[TF-WAV-001\].*--base/);
    const [base, head] = dirs(fleet(['a']), fleet(['a']));
    writeFileSync(join(head, 'stacks', 'dev-tenant-a', 'cdk.tf.json'), '[1,');
    expect(() => planWaves(base, head)).toThrow(/\[TF-WAV-002\]/);
    rmSync(root, { recursive: true, force: true });
    const cyclic = { x: { deps: ['y'], json: { a: 1 } }, y: { deps: ['x'], json: { b: 1 } } };
    expect(() => planWaves(...dirs({}, cyclic))).toThrow(/\[TF-WAV-003\]/);
  });
});
