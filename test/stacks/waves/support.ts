import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeStack {
  readonly deps?: readonly string[];
  /** The stack's Terraform JSON. */
  readonly json: Record<string, unknown>;
}

/** Writes a cdktf-shaped output directory: manifest.json plus stacks/<name>/cdk.tf.json. */
export function writeOutdir(dir: string, stacks: Readonly<Record<string, FakeStack>>): string {
  mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'stacks', name), { recursive: true });
    writeFileSync(join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(s.json, null, 2));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, dependencies: s.deps ?? [] };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
  return dir;
}

/** A small fleet: network ← platform ← tenants. */
export function fleet(tenants: readonly string[], overrides: Readonly<Record<string, FakeStack>> = {}): Record<string, FakeStack> {
  const out: Record<string, FakeStack> = {
    'dev-network': { json: { resource: { aws_vpc: { v: { cidr_block: '10.0.0.0/16' } } }, output: { vpc: { value: '${aws_vpc.v.id}' } } } },
    'dev-platform': { deps: ['dev-network'], json: { resource: { aws_lb: { a: { internal: true } } }, output: { alb: { value: '${aws_lb.a.arn}' } } } },
  };
  for (const t of tenants) out[`dev-tenant-${t}`] = { deps: ['dev-network', 'dev-platform'], json: { resource: { aws_instance: { host: { instance_type: 't3.small' } } } } };
  return { ...out, ...overrides };
}
