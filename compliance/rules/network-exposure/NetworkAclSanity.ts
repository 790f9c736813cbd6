import { decide, defineRule, listOf } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';
import { ACL_TYPES, AclIngress, aclIngress, aclVerdict, detachedAclRules, Probe } from '../../rule-helpers/network-acls';
import { stackIndex } from '../../rule-helpers/stack-index';

const PROBES: readonly { readonly probe: Probe; readonly what: string }[] = [
  { probe: { protocol: 'tcp', port: 22 }, what: 'SSH (tcp 22)' },
  { probe: { protocol: 'tcp', port: 3389 }, what: 'RDP (tcp 3389)' },
  { probe: 'other', what: 'all traffic (protocol -1)' },
];

/** TF-NET-5: NACLs admit neither everything nor SSH/RDP from the internet, and no subnet is left on the default allow-all NACL. */
export const NetworkAclSanity = defineRule(
  {
    id: 'TF-NET-5',
    title: 'Ensure network ACLs allow neither all traffic nor SSH/RDP ingress from the internet, and no subnet falls back to an allow-all default network ACL',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule', 'aws_network_acl_association', 'aws_subnet'],
    remediation:
      'Replace allow-all ingress from anywhere with the ports the tier serves (443 on the public tier, ephemeral 1024-65535 for return traffic, split around 3389) and never allow 22 or 3389 from anywhere. Rules are evaluated by `rule_no`; a lower-numbered deny shields a later allow. Associate every subnet with a tier NACL (`subnet_ids` or `aws_network_acl_association`), and adopt the VPC\'s default NACL with `aws_default_network_acl` and no rules, since AWS creates it allowing everything.',
    references: { cis: 'CIS AWS v5.0.0 5.2', checkov: ['CKV_AWS_229', 'CKV_AWS_230', 'CKV_AWS_231', 'CKV_AWS_232', 'CKV_AWS_352'], cdkNag: ['AwsSolutions-VPC3'] },
  },
  (stack) => {
    const index = stackIndex(stack);
    const outcomes: RuleOutcome[] = [];
    for (const acl of index.ofTypes(...ACL_TYPES)) outcomes.push(judge(acl.address, aclIngress(stack, acl)));
    for (const { rule, ingress } of detachedAclRules(stack)) outcomes.push(judge(rule.address, ingress, ' by this rule alone (its network ACL is not in this stack)'));
    const associations = associationIndex(stack);
    for (const subnet of index.ofTypes('aws_subnet')) outcomes.push(subnetOutcome(stack, subnet, associations));
    return outcomes;
  },
);

function judge(address: string, ingress: AclIngress, how = ''): RuleOutcome {
  const problems: string[] = [];
  const unknowns: string[] = [...ingress.unreadable];
  for (const { probe, what } of PROBES) {
    const verdict = aclVerdict(ingress, probe);
    if (verdict === 'allows') problems.push(`${what} is allowed from the internet${how}`);
    else if (verdict === 'unknown') unknowns.push(`whether ${what} is allowed from the internet${how} is unresolved`);
  }
  return decide(address, problems, unknowns, 'no allow-all or SSH/RDP ingress from anywhere');
}

interface Associations {
  /** Subnets that a NACL of the stack (tier or adopted default) names. */
  readonly associated: ReadonlySet<string>;
  /** An association names a subnet that cannot be resolved: it may be any. */
  readonly unresolved: boolean;
  /** VPCs whose default NACL an `aws_default_network_acl` adopts. */
  readonly adoptedVpcs: ReadonlySet<string>;
  /** An `aws_default_network_acl` adopts a default NACL that cannot be traced to a VPC. */
  readonly unknownAdopter: boolean;
}

function associationIndex(stack: StackModel): Associations {
  const index = stackIndex(stack);
  const associated = new Set<string>();
  let unresolved = false;
  const note = (value: unknown): void => {
    const subnet = index.resolve(value, ['aws_subnet'], ['id']);
    if (subnet === 'unknown') unresolved = true;
    else if (subnet !== undefined) associated.add(subnet.address);
  };
  for (const acl of index.ofTypes(...ACL_TYPES)) for (const value of listOf(acl.values.subnet_ids)) note(value);
  for (const a of index.ofTypes('aws_network_acl_association')) note(a.values.subnet_id);
  const adoptedVpcs = new Set<string>();
  let unknownAdopter = false;
  for (const d of index.ofTypes('aws_default_network_acl')) {
    const vpc = index.resolve(d.values.default_network_acl_id, ['aws_vpc']);
    if (vpc !== undefined && vpc !== 'unknown') adoptedVpcs.add(vpc.address);
    else unknownAdopter = true;
  }
  return { associated, unresolved, adoptedVpcs, unknownAdopter };
}

/** A subnet no NACL names uses its VPC's default NACL, which AWS creates allowing all traffic in and out. */
function subnetOutcome(stack: StackModel, subnet: ResourceModel, a: Associations): RuleOutcome {
  const address = subnet.address;
  if (a.associated.has(address)) return decide(address, [], [], 'associated with a network ACL of this stack (judged on its own)');
  if (a.unresolved) return decide(address, [], ['a network ACL association names a subnet that cannot be resolved, so whether this one is associated is unknown'], '');
  const vpc = stackIndex(stack).resolve(subnet.values.vpc_id, ['aws_vpc']);
  if (vpc === undefined || vpc === 'unknown') return decide(address, [], ['it is associated with no network ACL and its VPC is not managed in this stack, so whether the default network ACL it falls back to allows everything is unknown'], '');
  if (a.adoptedVpcs.has(vpc.address)) return decide(address, [], [], `falls back to ${vpc.address}'s default network ACL, which an aws_default_network_acl manages (judged on its own)`);
  if (a.unknownAdopter) return decide(address, [], [`an aws_default_network_acl adopts a default network ACL that cannot be traced to a VPC; it may or may not be ${vpc.address}'s`], '');
  return decide(address, [`associated with no network ACL, so it falls back to ${vpc.address}'s default network ACL, which allows all traffic in and out: no aws_default_network_acl adopts it`], [], '');
}
