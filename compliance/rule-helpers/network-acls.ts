/**
 * Network ACL ingress as AWS evaluates it: entries in `rule_no` order, the
 * first entry that matches a packet decides, and the implicit last entry
 * denies. Entries come from inline `ingress` blocks of `aws_network_acl` /
 * `aws_default_network_acl` and from standalone `aws_network_acl_rule`s.
 *
 * Entries the JSON cannot fully state (a CIDR from a variable, an unresolved
 * rule number) are evaluated twice: once read as permissively as they could
 * be, once as strictly. The strict reading failing proves exposure; the
 * permissive one passing proves safety; anything between is unknown.
 */
import { ResourceModel, StackModel } from '../types';
import { AddressSet, isInternetWide } from './cidr';
import { stackIndex } from './stack-index';
import { cidrSources, coversPort, PortRange, portsOf, Protocol, protocolOf, Sources } from './traffic';
import { blocksOf, boolOf, isRecord, isUnresolved, numberOf } from './values';

export const ACL_TYPES = ['aws_network_acl', 'aws_default_network_acl'];

export interface AclEntry {
  readonly ruleNo: number | 'unknown';
  readonly action: 'allow' | 'deny' | 'unknown';
  readonly protocol: Protocol | 'unknown';
  readonly ports: PortRange | 'unknown';
  readonly sources: Sources;
  /** False when the entry may not be an ingress entry of this ACL at all (unresolved `egress` or ACL reference). */
  readonly certain: boolean;
}

/** What an ACL does with one kind of traffic from the internet. */
export type AclVerdict = 'allows' | 'closed' | 'unknown';

/** A probe: a protocol and port, or `'other'` for a protocol only protocol -1 entries match. */
export type Probe = { readonly protocol: Protocol; readonly port: number } | 'other';

function actionOf(value: unknown): AclEntry['action'] {
  if (isUnresolved(value) || typeof value !== 'string') return 'unknown';
  const a = value.toLowerCase();
  return a === 'allow' || a === 'deny' ? a : 'unknown';
}

function ruleNoOf(value: unknown): number | 'unknown' {
  const n = numberOf(value);
  return typeof n === 'number' ? n : 'unknown';
}

function entryOf(ruleNo: unknown, action: unknown, protocol: unknown, from: unknown, to: unknown, cidrs: readonly unknown[], certain: boolean): AclEntry {
  const p = protocolOf(protocol);
  return { ruleNo: ruleNoOf(ruleNo), action: actionOf(action), protocol: p, ports: portsOf(p, from, to), sources: cidrSources(cidrs), certain };
}

/** Ingress entries of the ACL, inline and standalone. `unreadable` names what could not be read at all. */
export interface AclIngress {
  readonly entries: readonly AclEntry[];
  /** Standalone entries whose ACL reference is unresolved: they may or may not be this ACL's (shared by every ACL of the stack). */
  readonly strays: readonly AclEntry[];
  readonly unreadable: readonly string[];
}

export function aclIngress(stack: StackModel, acl: ResourceModel): AclIngress {
  const unreadable: string[] = [];
  const ingress = acl.values.ingress;
  if (isUnresolved(ingress) || (Array.isArray(ingress) && ingress.some((b) => !isRecord(b)))) unreadable.push('ingress is unresolved');
  const dynamic = acl.values.dynamic;
  if (dynamic !== undefined && dynamic !== null && (!isRecord(dynamic) || 'ingress' in dynamic)) unreadable.push('a dynamic "ingress" block (config mode cannot expand it; check the plan)');
  const inline = blocksOf(ingress).map((b) => entryOf(b.rule_no, b.action, b.protocol, b.from_port, b.to_port, [b.cidr_block, b.ipv6_cidr_block], true));
  const { byAcl, stray } = standaloneIndex(stack);
  return { entries: [...inline, ...(byAcl.get(acl.address) ?? [])], strays: stray, unreadable };
}

interface StandaloneIndex {
  readonly byAcl: Map<string, AclEntry[]>;
  /** Entries whose ACL reference is unresolved: they may belong to any ACL of the stack. */
  readonly stray: AclEntry[];
  /** Rules whose ACL is not in this stack (a literal ID, an unresolved reference), each with its own entry. */
  readonly detached: { readonly rule: ResourceModel; readonly entry: AclEntry }[];
}

/** Standalone ingress entries, indexed once per stack. */
function standaloneIndex(stack: StackModel): StandaloneIndex {
  const index = stackIndex(stack);
  return index.memo('nacl-rules', () => {
    const byAcl = new Map<string, AclEntry[]>();
    const stray: AclEntry[] = [];
    const detached: StandaloneIndex['detached'] = [];
    for (const r of index.ofTypes('aws_network_acl_rule')) {
      const egress = boolOf(r.values.egress, false);
      if (egress === true) continue;
      const acl = index.resolve(r.values.network_acl_id, ACL_TYPES);
      const known = acl !== undefined && acl !== 'unknown';
      const e = entryOf(r.values.rule_number, r.values.rule_action, r.values.protocol, r.values.from_port, r.values.to_port, [r.values.cidr_block, r.values.ipv6_cidr_block], egress === false && known);
      if (!known) {
        // A literal ID names an ACL outside this stack; only unresolved references may point at ours.
        if (isUnresolved(r.values.network_acl_id)) stray.push(e);
        detached.push({ rule: r, entry: { ...e, certain: egress === false } });
        continue;
      }
      let list = byAcl.get(acl.address);
      if (list === undefined) byAcl.set(acl.address, (list = []));
      list.push(e);
    }
    return { byAcl, stray, detached };
  });
}

/**
 * Standalone rules on ACLs this stack does not hold, each judged on its own
 * entry: an unseen lower-numbered deny is not a defence the gate can credit.
 */
export function detachedAclRules(stack: StackModel): readonly { readonly rule: ResourceModel; readonly ingress: AclIngress }[] {
  return standaloneIndex(stack).detached.map(({ rule, entry }) => ({ rule, ingress: { entries: [entry], strays: [], unreadable: [] } }));
}

function matches(e: AclEntry, probe: Probe): boolean | 'unknown' {
  if (probe === 'other') return e.protocol === 'unknown' ? 'unknown' : e.protocol === 'all';
  return coversPort(e.protocol, e.ports, probe.protocol, probe.port);
}

/**
 * Stray entries (ACL unknown) folded into two bounds per probe, computed once
 * for the stack rather than once per ACL: everything they could allow, put
 * first in the lenient reading, and everything they could deny, put first in
 * the strict one. Moving an allow earlier only widens what is allowed, and a
 * deny earlier only narrows it, so both readings stay sound.
 */
const strayBoundsCache = new WeakMap<readonly AclEntry[], Map<string, { allow: AddressSet; deny: AddressSet }>>();

function strayBounds(strays: readonly AclEntry[], probe: Probe): { allow: AddressSet; deny: AddressSet } {
  let byProbe = strayBoundsCache.get(strays);
  if (byProbe === undefined) strayBoundsCache.set(strays, (byProbe = new Map()));
  const key = probe === 'other' ? 'other' : `${probe.protocol}:${probe.port}`;
  let bounds = byProbe.get(key);
  if (bounds === undefined) {
    const allow: AddressSet[] = [];
    const deny: AddressSet[] = [];
    for (const e of strays) {
      if (matches(e, probe) === false) continue;
      const widest = e.sources.unresolved.length > 0 ? AddressSet.EVERYTHING : e.sources.known;
      if (e.action !== 'deny') allow.push(widest);
      if (e.action !== 'allow') deny.push(widest);
    }
    byProbe.set(key, (bounds = { allow: AddressSet.unionOf(allow), deny: AddressSet.unionOf(deny) }));
  }
  return bounds;
}

/** The addresses allowed to send the probe under one reading: `lenient` resolves every doubt towards allowing. */
function allowedUnder(ingress: AclIngress, probe: Probe, lenient: boolean): AddressSet {
  const reading = ingress.entries.map((e) => {
    const action = e.action === 'unknown' ? (lenient ? 'allow' : 'deny') : e.action;
    const helps = (action === 'allow') === lenient;
    const m = matches(e, probe);
    const applies = m === true && e.certain ? true : m === false ? false : helps;
    const unresolved = e.sources.unresolved.length > 0;
    const sources = unresolved && helps ? AddressSet.EVERYTHING : e.sources.known;
    // An entry of unknown position goes first when it helps the reading, last when it does not.
    const order = e.ruleNo === 'unknown' ? (helps ? -Infinity : Infinity) : e.ruleNo;
    return { action, applies, sources, order };
  });
  if (ingress.strays.length > 0) {
    const bounds = strayBounds(ingress.strays, probe);
    reading.push({ action: lenient ? 'allow' : 'deny', applies: true, sources: lenient ? bounds.allow : bounds.deny, order: -Infinity });
  }
  const applying = reading.filter((r) => r.applies);
  if (applying.length > MAX_EXACT_ENTRIES) {
    // Coarse but sound: every allow first bounds the lenient reading from above, every deny first bounds the strict one from below.
    const allows = AddressSet.unionOf(applying.filter((r) => r.action === 'allow').map((r) => r.sources));
    return lenient ? allows : allows.minus(AddressSet.unionOf(applying.filter((r) => r.action === 'deny').map((r) => r.sources)));
  }
  let undecided = AddressSet.EVERYTHING;
  const allowed: AddressSet[] = [];
  for (const e of applying.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))) {
    if (e.action === 'allow') allowed.push(undecided.intersect(e.sources));
    undecided = undecided.minus(e.sources);
  }
  return AddressSet.unionOf(allowed);
}

/**
 * AWS allows at most 40 entries per direction per ACL. Past this many, the
 * ordered walk (quadratic in the worst case) gives way to the coarse bounds.
 */
const MAX_EXACT_ENTRIES = 64;

/** What the ACL's ingress does with the probe from the internet. */
export function aclVerdict(ingress: AclIngress, probe: Probe): AclVerdict {
  if (isInternetWide(allowedUnder(ingress, probe, false))) return 'allows';
  if (ingress.unreadable.length > 0) return 'unknown';
  return isInternetWide(allowedUnder(ingress, probe, true)) ? 'unknown' : 'closed';
}
