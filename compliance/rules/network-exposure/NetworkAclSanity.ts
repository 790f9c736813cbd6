import { ResourceModel, Rule, RuleOutcome, StackModel } from '../../types';
import { decide } from '../_shared/outcomes';
import { blocksOf, boolOf, isAnywhereCidr, isUnresolved, numberOf, pointsAt, resourcesOf } from '../_shared/values';

const ADMIN_PORTS = [22, 3389];

interface AclEntry {
  readonly ruleNo: number | 'unknown';
  readonly action: string | 'unknown';
  readonly protocol: string | 'unknown';
  readonly from: number | 'unknown';
  readonly to: number | 'unknown';
  readonly anywhere: boolean | 'unknown';
}

/** TF-NET-5: NACLs admit neither everything nor SSH/RDP from the internet. */
export const NetworkAclSanity: Rule = {
  meta: {
    id: 'TF-NET-5',
    title: 'Ensure network ACLs allow neither all traffic nor SSH/RDP ingress from 0.0.0.0/0 or ::/0',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'],
    remediation:
      'Replace allow-all ingress from anywhere with the ports the tier serves (443 on the public tier, ephemeral 1024-65535 for return traffic) and never allow 22 or 3389 from anywhere. Rules are evaluated by `rule_no`; a lower-numbered deny shields a later allow.',
    references: { cis: 'CIS AWS v5.0.0 5.2', checkov: ['CKV_AWS_229', 'CKV_AWS_230', 'CKV_AWS_231', 'CKV_AWS_232', 'CKV_AWS_352'], cdkNag: ['AwsSolutions-VPC3'] },
    invariant: false,
  },
  check(stack) {
    const outcomes: RuleOutcome[] = [];
    for (const acl of resourcesOf(stack, 'aws_network_acl', 'aws_default_network_acl')) {
      const entries = [...blocksOf(acl.values.ingress).map(inlineEntry), ...standaloneEntries(stack, acl)];
      const problems: string[] = [];
      const unknowns: string[] = [];
      if (isUnresolved(acl.values.ingress)) unknowns.push('ingress is unresolved');
      for (const e of entries) {
        if (e.action !== 'allow' || e.anywhere === false) continue;
        if (e.protocol === 'all') (e.anywhere === true ? problems : unknowns).push(`rule ${String(e.ruleNo)} allows all protocols from anywhere`);
        else if (e.protocol === 'unknown') unknowns.push(`rule ${String(e.ruleNo)} has an unresolved protocol`);
      }
      for (const port of ADMIN_PORTS) {
        const verdict = firstMatch(entries, port);
        if (verdict === 'allow') problems.push(`port ${port} is allowed from anywhere`);
        else if (verdict === 'unknown') unknowns.push(`whether port ${port} is allowed from anywhere is unresolved`);
      }
      outcomes.push(decide(acl.address, [...new Set(problems)], [...new Set(unknowns)], 'no allow-all or SSH/RDP ingress from anywhere'));
    }
    return outcomes;
  },
};

function inlineEntry(b: Record<string, unknown>): AclEntry {
  return entry(b.rule_no, b.action, b.protocol, b.from_port, b.to_port, [b.cidr_block, b.ipv6_cidr_block]);
}

/** `aws_network_acl_rule` ingress entries attached to the ACL. */
function standaloneEntries(stack: StackModel, acl: ResourceModel): AclEntry[] {
  return resourcesOf(stack, 'aws_network_acl_rule')
    .filter((r) => pointsAt(r.values.network_acl_id, acl) && boolOf(r.values.egress, false) !== true)
    .map((r) => entry(r.values.rule_number, r.values.rule_action, r.values.protocol, r.values.from_port, r.values.to_port, [r.values.cidr_block, r.values.ipv6_cidr_block]));
}

function entry(ruleNo: unknown, action: unknown, protocol: unknown, from: unknown, to: unknown, cidrs: unknown[]): AclEntry {
  const p = isUnresolved(protocol) || protocol === undefined ? 'unknown' : String(protocol).toLowerCase();
  const num = (v: unknown): number | 'unknown' => {
    const n = numberOf(v);
    return n === undefined ? 0 : n;
  };
  const present = cidrs.filter((c) => c !== undefined && c !== null && c !== '');
  return {
    ruleNo: num(ruleNo),
    action: isUnresolved(action) ? 'unknown' : String(action).toLowerCase(),
    protocol: p === '-1' || p === 'all' ? 'all' : p === '6' ? 'tcp' : p,
    from: num(from),
    to: num(to),
    anywhere: present.some(isAnywhereCidr) ? true : present.some(isUnresolved) ? 'unknown' : false,
  };
}

/**
 * What the first entry matching (anywhere, TCP `port`) does, in rule-number
 * order: NACLs stop at the first match. Only entries whose source covers the
 * whole internet decide this; narrower entries do not match every sender.
 */
function firstMatch(entries: AclEntry[], port: number): 'allow' | 'deny' | 'unknown' | 'none' {
  if (entries.some((e) => e.ruleNo === 'unknown')) return entries.some((e) => e.action !== 'deny' && e.anywhere !== false) ? 'unknown' : 'none';
  const sorted = [...entries].sort((a, b) => (a.ruleNo as number) - (b.ruleNo as number));
  for (const e of sorted) {
    if (e.anywhere === false) continue;
    if (e.protocol === 'unknown' || e.from === 'unknown' || e.to === 'unknown' || e.action === 'unknown' || e.anywhere === 'unknown') return 'unknown';
    const matches = e.protocol === 'all' || (e.protocol === 'tcp' && e.from <= port && port <= e.to);
    if (matches) return e.action === 'allow' ? 'allow' : 'deny';
  }
  return 'none';
}
