import { ResourceModel, StackModel } from '../types';
import { nestedBlocks } from './blocks';
import { isTls12Policy } from './tls';
import { companionIndex } from './links';
import { bareReference } from './references';
import { isUnresolved, listOf, numberOf, resourcesOf } from './values';

/** What the SSL negotiation policies attached to one classic ELB listener say about TLS versions. */
export type ClassicTlsVerdict = { readonly kind: 'tls12' } | { readonly kind: 'default' } | { readonly kind: 'weak'; readonly policy: string } | { readonly kind: 'unknown'; readonly why: string };

const REFERENCE = 'Reference-Security-Policy';

/** Judges one SSL negotiation policy by its attribute blocks. */
function judgeAttributes(attributes: unknown, what: string): ClassicTlsVerdict {
  const blocks = nestedBlocks(attributes);
  if (blocks === 'unknown') return { kind: 'unknown', why: `${what} has unresolved attributes` };
  const reference = blocks.find((b) => b.name === REFERENCE);
  if (blocks.some((b) => isUnresolved(b.name))) return { kind: 'unknown', why: `${what} has unresolved attribute names` };
  if (reference === undefined) return { kind: 'unknown', why: `${what} lists its own protocols and ciphers instead of a ${REFERENCE}, which this rule does not judge` };
  if (typeof reference.value !== 'string' || isUnresolved(reference.value)) return { kind: 'unknown', why: `${what}'s ${REFERENCE} is unresolved` };
  return isTls12Policy(reference.value) ? { kind: 'tls12' } : { kind: 'weak', policy: reference.value };
}

/**
 * Reads, for every classic ELB of the stack, which SSL negotiation policy
 * governs a listener port. Two ways attach one: an
 * `aws_load_balancer_listener_policy` naming `aws_load_balancer_policy`
 * resources of type `SSLNegotiationPolicyType`, or an
 * `aws_lb_ssl_negotiation_policy`. Without either, the ELB applies its
 * default, ELBSecurityPolicy-2016-08, which admits TLS 1.0.
 */
export function classicTlsPolicies(stack: StackModel): (elb: ResourceModel, port: number) => ClassicTlsVerdict {
  const listenerPolicies = companionIndex(stack, ['aws_elb'], ['aws_load_balancer_listener_policy'], 'load_balancer_name', ['name']);
  const negotiation = companionIndex(stack, ['aws_elb'], ['aws_lb_ssl_negotiation_policy'], 'load_balancer', ['name']);
  const policies = resourcesOf(stack, 'aws_load_balancer_policy');
  const policyByName = new Map<string, ResourceModel>();
  for (const p of policies) if (typeof p.values.policy_name === 'string' && !isUnresolved(p.values.policy_name)) policyByName.set(p.values.policy_name, p);
  const policyByAddress = new Map(policies.map((p) => [p.address, p]));

  const named = (entry: unknown): ResourceModel | undefined => {
    const ref = bareReference(entry);
    if (ref !== undefined) return policyByAddress.get(ref.address);
    return typeof entry === 'string' && !isUnresolved(entry) ? policyByName.get(entry) : undefined;
  };

  return (elb, port) => {
    const verdicts: ClassicTlsVerdict[] = [];
    const attached = listenerPolicies(elb);
    const direct = negotiation(elb);
    if (attached.ambiguous || direct.ambiguous) verdicts.push({ kind: 'unknown', why: 'a load balancer policy names a load balancer that cannot be resolved' });
    for (const lp of attached.matches) {
      const lpPort = numberOf(lp.values.load_balancer_port);
      if (lpPort === 'unknown') verdicts.push({ kind: 'unknown', why: `${lp.address} has an unresolved port` });
      if (lpPort !== port) continue;
      const names = listOf(lp.values.policy_names);
      if (isUnresolved(lp.values.policy_names)) verdicts.push({ kind: 'unknown', why: `${lp.address} has unresolved policy_names` });
      for (const entry of names) {
        const policy = named(entry);
        if (policy === undefined) {
          verdicts.push({ kind: 'unknown', why: `${lp.address} names a policy this stack does not define` });
          continue;
        }
        const type = policy.values.policy_type_name;
        if (isUnresolved(type)) verdicts.push({ kind: 'unknown', why: `${policy.address} has an unresolved policy_type_name` });
        else if (type === 'SSLNegotiationPolicyType') verdicts.push(judgeAttributes(policy.values.policy_attribute, policy.address));
      }
    }
    for (const np of direct.matches) {
      const npPort = numberOf(np.values.lb_port);
      if (npPort === 'unknown') verdicts.push({ kind: 'unknown', why: `${np.address} has an unresolved lb_port` });
      if (npPort === port) verdicts.push(judgeAttributes(np.values.attribute, np.address));
    }
    const weak = verdicts.find((v) => v.kind === 'weak');
    if (weak) return weak;
    const unknown = verdicts.find((v) => v.kind === 'unknown');
    if (unknown) return unknown;
    return verdicts.some((v) => v.kind === 'tls12') ? { kind: 'tls12' } : { kind: 'default' };
  };
}
