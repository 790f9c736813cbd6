import { defineRule, isRecord, isUnknown, pass } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';
import { bareReference } from '../../rule-helpers/references';
import { distinct, SeparationView } from '../../rule-helpers/separation';

/** Attribute names that hold the key encrypting a resource: kms_key_id, kms_key_arn, kms_master_key_id, sse_kms_key_id, encryption_key, key_arn, ... */
const KEY_ATTRIBUTE = /kms|encryption_key|^key_arn$/i;
/** A KMS key or alias ARN, whatever attribute holds it (aws_ssm_parameter.key_id, for one). */
const KMS_ARN = /^arn:[^:]+:kms:/;
/** KMS resources and data sources name their key as key_id (grants, key policies, lookups) or target_key_id (aliases). */
const KMS_KEY_ID = /^(target_)?key_id$/;
/** Policy documents name keys as resources, which is TF-SEP-3's and TF-SEP-6's concern. */
const POLICY_ATTRIBUTE = /polic/i;
/** Nesting deeper than any provider schema: a bound, so the walk stays linear and cannot overflow. */
const MAX_DEPTH = 12;

/**
 * A data source looked up by a literal key ID or alias name resolves in the
 * provider's own account; one looked up by ARN is judged by that ARN.
 */
function dataKeyLookup(stack: StackModel, value: unknown): unknown {
  const ref = bareReference(value);
  if (ref === undefined || !/^data\.aws_kms_(key|alias)\./.test(ref.address)) return undefined;
  const data = stack.dataSources.get(ref.address);
  if (data === undefined) return undefined;
  return data.values.key_id ?? data.values.name;
}

/** Shared by every attribute that holds no key, which is nearly all of them: the walk visits every value of every resource. */
const NO_KEYS: readonly unknown[] = Object.freeze([]);

/** The key values an attribute holds: every entry of a key-named attribute, or a literal KMS ARN under any name. */
function keysIn(r: ResourceModel, key: string, value: unknown, depth: number): readonly unknown[] {
  const named = KEY_ATTRIBUTE.test(key) || (depth === 0 && r.type.startsWith('aws_kms_') && KMS_KEY_ID.test(key));
  if (named) return (Array.isArray(value) ? value : [value]).filter((k) => typeof k === 'string' || isUnknown(k));
  return typeof value === 'string' && KMS_ARN.test(value) ? [value] : NO_KEYS;
}

/**
 * Judges every key value under `value`, into `out`. Returns whether this
 * level itself names a key (the rule's pass for a resource reads that of the
 * top level).
 */
function keyValues(view: SeparationView, r: ResourceModel, path: string, value: unknown, depth: number, out: RuleOutcome[]): boolean {
  if (depth > MAX_DEPTH || value === undefined || value === null) return false;
  if (Array.isArray(value)) {
    // Only objects and lists hold anything to judge; the path text is built for those alone.
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) keyValues(view, r, `${path}[${i}]`, v, depth + 1, out);
    }
    return false;
  }
  if (!isRecord(value)) return false;
  let namesKey = false;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || POLICY_ATTRIBUTE.test(key)) continue;
    const v = value[key];
    if (key === '//') {
      // Metadata is not walked, but a key it holds at the top still counts for the pass, as it always has.
      if (depth === 0 && keysIn(r, key, v, depth).length > 0) namesKey = true;
      continue;
    }
    const keys = keysIn(r, key, v, depth);
    // Leaves that hold no key end here; the path text is built only for what is walked into or reported.
    if (keys.length === 0 && (v === null || typeof v !== 'object')) continue;
    const at = path === '' ? key : `${path}.${key}`;
    if (keys.length === 0) {
      keyValues(view, r, at, v, depth + 1, out);
      continue;
    }
    namesKey = true;
    for (const k of keys) {
      const o = view.judgeValue(r.address, `key ${at}`, (isUnknown(k) ? dataKeyLookup(view.stack, k) : undefined) ?? k, `Key::${at}`);
      if (o !== undefined) out.push(o);
    }
  }
  return namesKey;
}

/** TF-SEP-7: what an environment encrypts, it encrypts with a key of its own account. */
export const EncryptionKeysInOwnAccount = defineRule(
  {
    id: 'TF-SEP-7',
    title: "Ensure no resource is encrypted with (or looks up) a KMS key in another environment's account",
    category: 'account-separation',
    level: 'error',
    resourceTypes: ['*'],
    remediation:
      "Encrypt with a key of the environment's own account (kms_key_id, kms_key_arn, kms_master_key_id naming its own account, a key of the same stack, or an alias). A prod volume encrypted with a dev key can be read, or made unreadable, by whoever holds dev. An account that no stack of the run declares fails from a production stack and is unknown from any other (it may be production's): check every stack of the app in one run.",
    references: {},
  },
  (stack, context) => {
    const view = new SeparationView(stack, context);
    const out: RuleOutcome[] = [];
    for (const resources of [stack.resources, stack.dataSources]) {
      for (const r of resources.values()) {
        const found: RuleOutcome[] = [];
        const namesKey = keyValues(view, r, '', r.values, 0, found);
        out.push(...distinct(found));
        if (found.length === 0 && namesKey) out.push(pass(r.address, 'encrypted with a key of its own account.'));
      }
    }
    return out;
  },
);
