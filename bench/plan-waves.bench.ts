/**
 * Deploy waves for 10,000 tenant stacks in which one tenant changed (and with
 * it the platform's routing): target at most 2 s, listing exactly 2 stacks.
 * The baseline, measured in the same run, is reading every stack file of both
 * outputs once, the least any comparison must do.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planWaves } from '../stacks/waves';
import { fleet, writeOutdir } from '../test/stacks/waves/support';
import { emit, median, round } from './support/measure';

const TENANTS = 10_000;
const ROUNDS = 5;

const root = mkdtempSync(join(tmpdir(), 'tenantform-bench-waves-'));
try {
  const ids = Array.from({ length: TENANTS }, (_, i) => `t${i}`);
  const base = fleet(ids);
  const changedTenant = `dev-tenant-t${TENANTS / 2}`;
  const head = fleet(ids, {
    [changedTenant]: { deps: ['dev-network', 'dev-platform'], json: { resource: { aws_instance: { host: { instance_type: 't3.large' } } } } },
    'dev-platform': { deps: ['dev-network'], json: { resource: { aws_lb: { a: { internal: true, name: 'routes-updated' } } }, output: { alb: { value: '${aws_lb.a.arn}' } } } },
  });
  const baseDir = writeOutdir(join(root, 'base'), base);
  const headDir = writeOutdir(join(root, 'head'), head);
  const files = Object.keys(head).flatMap((name) => [join(baseDir, 'stacks', name, 'cdk.tf.json'), join(headDir, 'stacks', name, 'cdk.tf.json')]);

  const time = (fn: () => unknown): number => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  let listed: readonly string[] = [];
  planWaves(baseDir, headDir); // warm the file cache and the JIT for both sides alike
  const baseline = median(Array.from({ length: ROUNDS }, () => time(() => files.forEach((f) => readFileSync(f)))));
  const waves = median(Array.from({ length: ROUNDS }, () => time(() => {
    listed = planWaves(baseDir, headDir).waves.flat();
  })));
  if (listed.length !== 2 || !listed.includes(changedTenant) || !listed.includes('dev-platform')) {
    throw new Error(`expected the changed tenant and its platform, got ${JSON.stringify(listed)}`);
  }
  emit({ name: `plan-waves.${TENANTS}-tenants.one-changed`, value: round(waves), unit: 'ms', baseline: round(baseline), ratio: round(waves / baseline) });
  emit({ name: `plan-waves.${TENANTS}-tenants.stacks-listed`, value: listed.length, unit: 'stacks' });
} finally {
  rmSync(root, { recursive: true, force: true });
}
