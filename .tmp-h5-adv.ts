import { performance } from 'node:perf_hooks';
import { stackFromJson } from './compliance/model';
import { rules } from './compliance/rules/network-exposure';
function build(groups: number, perGroup: number) {
  const sg: Record<string, unknown> = {}; const r: Record<string, unknown> = {};
  for (let g = 0; g < groups; g++) { sg[`g${g}`] = {}; for (let i = 0; i < perGroup; i++) r[`r${g}_${i}`] = { security_group_id: `\${aws_security_group.g${g}.id}`, ip_protocol: 'tcp', from_port: 1000 + i, to_port: 1000 + i + (i % 7), cidr_ipv4: `81.${i % 250}.${g % 250}.0/24` }; }
  return stackFromJson({ resource: { aws_security_group: sg, aws_vpc_security_group_ingress_rule: r } }, 'adv', 'adv.tf.json');
}
for (const [g, k] of [[5000, 1], [20, 250], [1, 5000], [2, 2500]] as const) {
  const stack = build(g, k);
  for (const rule of rules) { const t = performance.now(); const n = rule.check(stack, { stacks: [stack] }).length; console.log(g, k, rule.meta.id, Math.round(performance.now() - t), 'ms', n); }
}
import { ingressIndex } from './compliance/rules/_shared/security-groups';
{
  const stack = build(5000, 1);
  let t = performance.now(); ingressIndex(stack); console.log('index', Math.round(performance.now() - t));
  t = performance.now(); rules[0]!.check(stack, { stacks: [stack] }); console.log('net1 after index', Math.round(performance.now() - t));
}
