/**
 * Placing 10,000 tenants on the ALB pool (target: at most 100 ms), fresh and
 * incrementally (one new tenant against a full lock). The target is absolute,
 * not a ratio: no other placement implementation exists to measure against.
 */
import { performance } from 'node:perf_hooks';
import { placeTenants } from '../constructs/tenancy/placement';
import { emit, median, round } from './support/measure';

const TENANTS = 10_000;
const ALBS = 100; // 100 tenants per ALB at the default quotas
const ROUNDS = 15;

const ids = Array.from({ length: TENANTS }, (_, i) => `tenant-${i.toString(36).padStart(4, '0')}`);

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// Warm the JIT so the figure is the steady state synth sees, not first-call compilation.
for (let i = 0; i < 3; i++) placeTenants(ids, [], { albCount: ALBS });

const fresh = median(Array.from({ length: ROUNDS }, () => time(() => placeTenants(ids, [], { albCount: ALBS }))));
emit({ name: `placement.${TENANTS}-tenants.fresh`, value: round(fresh), unit: 'ms' });

const lock = placeTenants(ids.slice(1), [], { albCount: ALBS });
const incremental = median(Array.from({ length: ROUNDS }, () => time(() => placeTenants(ids, lock, { albCount: ALBS }))));
emit({ name: `placement.${TENANTS}-tenants.one-new`, value: round(incremental), unit: 'ms' });
