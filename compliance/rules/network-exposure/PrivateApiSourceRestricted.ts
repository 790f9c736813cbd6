import { normalizePolicy, PolicyStatement, PolicyValue } from '../../policy';
import { blockOf, checkEach, decide, defineRule, isUnknown, isUnresolved, listOf, resolveTarget, type Tri } from '../../rule-kit';
import { StackModel } from '../../types';
import { companionIndex } from '../../rule-helpers/links';

/** Condition keys that name where a request came from in the network. */
const SOURCE_KEYS = new Set(['aws:sourcevpce', 'aws:sourcevpc']);
const NEGATIVE_OPERATORS = new Set(['stringnotequals', 'stringnotlike']);
const POSITIVE_OPERATORS = new Set(['stringequals', 'stringlike']);

function coversInvoke(actions: readonly PolicyValue[]): Tri {
  if (actions.some((a) => typeof a === 'string' && ['execute-api:invoke', 'execute-api:*', '*'].includes(a.toLowerCase()))) return true;
  return actions.some(isUnknown) ? 'unknown' : false;
}

/**
 * Whether every source key condition of a statement uses one of `operators`
 * on a fixed value, with no condition on anything else: `true`, `false`,
 * or `'unknown'` when parts are unresolved.
 */
function sourceOnlyCondition(stack: StackModel, s: PolicyStatement, operators: ReadonlySet<string>): Tri {
  const condition = s.Condition;
  if (condition === undefined) return false;
  if (isUnknown(condition)) return 'unknown';
  let found = false;
  for (const [operator, byKey] of Object.entries(condition)) {
    for (const [key, values] of Object.entries(byKey)) {
      if (!SOURCE_KEYS.has(key.toLowerCase())) return false;
      if (!operators.has(operator.toLowerCase())) return false;
      if (values.length === 0) return false;
      // The ID of an endpoint (or VPC) of this configuration is fixed once it exists.
      const named = (v: PolicyValue) => typeof resolveTarget(stack, v, ['aws_vpc_endpoint', 'aws_vpc']) === 'object';
      if (values.some((v) => (isUnknown(v) || isUnresolved(v)) && !named(v))) return 'unknown';
      if (values.some((v) => typeof v === 'string' && (v === '' || v === '*'))) return false;
      found = true;
    }
  }
  return found;
}

/** TF-NET-20: a private REST API admits only requests through named VPC endpoints (or VPCs). */
export const PrivateApiSourceRestricted = defineRule(
  {
    id: 'TF-NET-20',
    title: 'Ensure private API Gateway REST APIs have a resource policy that limits invocation to named VPC endpoints or VPCs',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_api_gateway_rest_api', 'aws_api_gateway_rest_api_policy'],
    remediation:
      'Give the API (its `policy` or an `aws_api_gateway_rest_api_policy`) a statement `Effect = "Deny"`, `Principal = "*"`, `Action = "execute-api:Invoke"` with `Condition { StringNotEquals = { "aws:SourceVpce" = "<endpoint ID>" } }` and nothing else in the condition, or make every Allow carry `StringEquals` on `aws:SourceVpce`. A private endpoint type alone lets any VPC endpoint of any account reach the API.',
    references: { cdkNag: ['AwsSolutions-APIG4'] },
  },
  (stack) => {
    const policiesOf = companionIndex(stack, ['aws_api_gateway_rest_api'], ['aws_api_gateway_rest_api_policy'], 'rest_api_id', []);
    return checkEach(stack, ['aws_api_gateway_rest_api'], (api) => {
      const endpoint = api.values.endpoint_configuration;
      if (isUnresolved(endpoint)) return decide(api.address, [], ['endpoint_configuration is unresolved'], '');
      const types = blockOf(endpoint).types;
      if (isUnresolved(types) || listOf(types).some(isUnresolved)) return decide(api.address, [], ['endpoint_configuration.types is unresolved'], '');
      if (!listOf(types).includes('PRIVATE')) return decide(api.address, [], [], 'not a private API');
      const { matches, ambiguous } = policiesOf(api);
      const raws = [...(api.values.policy !== undefined && api.values.policy !== null && api.values.policy !== '' ? [api.values.policy] : []), ...matches.map((m) => m.values.policy)];
      if (raws.length === 0) {
        return ambiguous ? decide(api.address, [], ['an API policy names an API that cannot be resolved'], '') : decide(api.address, ['the private API has no resource policy limiting its source VPC endpoints'], [], '');
      }
      let denied: Tri = false;
      let allows = 0;
      let allowsBounded: Tri = true;
      let unreadable = false;
      for (const raw of raws) {
        const doc = normalizePolicy(raw);
        if (doc === undefined) continue;
        if (isUnknown(doc)) {
          unreadable = true;
          continue;
        }
        for (const s of doc.statements) {
          if (isUnknown(s.Effect)) {
            unreadable = true;
            continue;
          }
          if (s.Effect === 'Deny') {
            if (s.NotAction !== undefined || s.NotResource !== undefined || s.NotPrincipal !== undefined) continue;
            const invoke = coversInvoke(s.Action);
            const source = sourceOnlyCondition(stack, s, NEGATIVE_OPERATORS);
            const verdict: Tri = invoke === true && source === true ? true : invoke === false || source === false ? false : 'unknown';
            if (verdict === true) denied = true;
            else if (verdict === 'unknown' && denied !== true) denied = 'unknown';
          } else {
            allows++;
            const bounded = sourceOnlyCondition(stack, s, POSITIVE_OPERATORS);
            if (bounded === false) allowsBounded = false;
            else if (bounded === 'unknown' && allowsBounded === true) allowsBounded = 'unknown';
          }
        }
      }
      if (denied === true || (allows > 0 && allowsBounded === true && !unreadable)) return decide(api.address, [], [], 'invocations are limited to named VPC endpoints');
      if (unreadable || denied === 'unknown' || allowsBounded === 'unknown') return decide(api.address, [], ['the API policy has statements the gate cannot read'], '');
      return decide(api.address, ['no Deny on execute-api:Invoke for requests from other VPC endpoints, and not every Allow names its aws:SourceVpce'], [], '');
    });
  },
);
