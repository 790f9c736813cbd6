/**
 * One large stack: 5,000 security groups and 5,000 rules attached to them
 * (half `aws_security_group_rule`, half `aws_vpc_security_group_ingress_rule`),
 * written as a cdktf output folder, loaded through the real loader and model,
 * then checked with every rule. Rules that index the stack once stay linear;
 * one that scans the stack per resource shows here as seconds.
 *
 * The baseline is loading the folder into the model (read, parse, resolve),
 * measured in the same run, so the ratio says what the rules add on top.
 * Target: the gate (all rules) <= 1 s. Prints JSON lines {"name","value","unit"};
 * with GATE_BENCH_PER_RULE=1 also one line per rule, and every rule over
 * 100 ms is named on stderr with its category.
 * Run: npx tsx bench/gate-large-stack.bench.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allRules, checkStacks, loadStacks } from '../compliance';
import { emit, median, round } from './support/measure';

const GROUPS = Number(process.env.LARGE_STACK_GROUPS ?? 5000);
const ROUNDS = Number(process.env.LARGE_STACK_ROUNDS ?? 3);
const SLOW_RULE_MS = 100;

/**
 * The stack: one VPC with its default group locked, GROUPS groups, and one
 * ingress rule per group, cycling through the forms a large estate uses:
 * from the VPC, from the previous group, and from one of 64 named public
 * ranges (IPv4 and IPv6), so the address-range union is exercised too.
 */
function largeStack(groups: number): Record<string, unknown> {
  const securityGroups: Record<string, unknown> = {};
  const legacyRules: Record<string, unknown> = {};
  const vpcRules: Record<string, unknown> = {};
  for (let i = 0; i < groups; i++) {
    securityGroups[`sg_${i}`] = { name: `sg-${i}`, description: `group ${i}`, vpc_id: '${aws_vpc.main.id}', egress: [], tags: { Name: `sg-${i}` } };
    const group = `\${aws_security_group.sg_${i}.id}`;
    const office = i % 64;
    switch (i % 4) {
      case 0:
        legacyRules[`rule_${i}`] = { type: 'ingress', security_group_id: group, protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/16'] };
        break;
      case 1:
        vpcRules[`rule_${i}`] = { security_group_id: group, ip_protocol: 'tcp', from_port: 443, to_port: 443, referenced_security_group_id: `\${aws_security_group.sg_${i - 1}.id}` };
        break;
      case 2:
        vpcRules[`rule_${i}`] = { security_group_id: group, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: `81.2.${office}.0/24` };
        break;
      default:
        legacyRules[`rule_${i}`] = { type: 'ingress', security_group_id: group, protocol: 'tcp', from_port: 8443, to_port: 8443, ipv6_cidr_blocks: [`2a01:4f8:${office.toString(16)}::/48`] };
    }
  }
  return {
    terraform: { backend: { s3: { bucket: 'acme-prod-tfstate', key: 'large/terraform.tfstate', region: 'eu-west-1', encrypt: true } } },
    provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: ['111111111111'], default_tags: [{ tags: { environment: 'prod' } }] }] },
    resource: {
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
      aws_default_security_group: { main: { vpc_id: '${aws_vpc.main.id}', ingress: [], egress: [] } },
      aws_security_group: securityGroups,
      aws_security_group_rule: legacyRules,
      aws_vpc_security_group_ingress_rule: vpcRules,
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tenantform-bench-large-'));
try {
  const stackDir = join(dir, 'stacks', 'large');
  mkdirSync(stackDir, { recursive: true });
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(largeStack(GROUPS)));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { large: { name: 'large', workingDirectory: 'stacks/large', synthesizedStackPath: 'stacks/large/cdk.tf.json' } } }));

  const loads: number[] = [];
  const gates: number[] = [];
  let findings = 0;
  let stacks = loadStacks([dir]);
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    stacks = loadStacks([dir]);
    const t1 = performance.now();
    findings = checkStacks(stacks, allRules).length;
    const t2 = performance.now();
    loads.push(t1 - t0);
    gates.push(t2 - t1);
  }
  const load = median(loads);
  const gate = median(gates);
  const name = `gate.large-stack.${GROUPS}-groups`;
  emit({ name: `${name}.load`, value: round(load, 1), unit: 'ms' });
  emit({ name: `${name}.check`, value: round(gate, 1), unit: 'ms', baseline: round(load, 1), ratio: round(gate / load) });
  emit({ name: `${name}.findings`, value: findings, unit: 'count' });
  if (process.env.GATE_BENCH_PER_RULE) {
    for (const rule of allRules) {
      const t = performance.now();
      checkStacks(stacks, [rule]);
      const ms = performance.now() - t;
      emit({ name: `${name}.rule.${rule.meta.id}`, value: round(ms, 1), unit: 'ms' });
      if (ms > SLOW_RULE_MS) process.stderr.write(`slow rule: ${rule.meta.id} (${rule.meta.category}) ${round(ms, 0)} ms on ${GROUPS} groups\n`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
