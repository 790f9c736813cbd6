/**
 * A bare tenantform stack to build one construct in, with its synthesized
 * JSON and what the gate fails or cannot tell about it: the construct tests
 * of the data-platform kit (web, compute, messaging, ...) share these.
 */
import { checkStacks, gateFailures } from '../../compliance/engine';
import { stackFromJson } from '../../compliance/model';
import { allRules } from '../../compliance/rules';
import { Environment } from '../../core/environment';
import { TenantformStack } from '../../stacks/tenantform-stack';
import { DEV } from './synth';
import { newApp, synthJson, TerraformJson } from './synth';

export class ConstructTestStack extends TenantformStack {}

/** A dev environment that may also deploy to us-east-1 (CloudFront's WAF and certificates). */
export const EDGE_DEV: Environment = { ...DEV, additionalRegions: ['us-east-1'] };

/** Builds `build` in a fresh stack; returns the stack and its JSON ("//" metadata included). */
export function buildIn<T>(build: (stack: ConstructTestStack) => T, environment: Environment = EDGE_DEV): { stack: ConstructTestStack; built: T; json: TerraformJson } {
  const stack = new ConstructTestStack(newApp(), 'construct-test', { environment });
  const built = build(stack);
  return { stack, built, json: synthJson(stack) };
}

/** `ruleId status address` for every unsuppressed failing or unknown finding the gate reports on the stack. */
export function gateProblemsOf(stack: ConstructTestStack): string[] {
  const model = stackFromJson(stack.toTerraform(), stack.node.id, `construct-test/${stack.node.id}`);
  return gateFailures(checkStacks([model], allRules)).map((f) => `${f.ruleId} ${f.status} ${f.address}`);
}
