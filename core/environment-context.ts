import { IConstruct } from './cdktf';
import { Environment } from './environment';
import { TenantformError } from './errors';

/**
 * Lets a construct find the environment it is deployed into without knowing
 * which stack class holds it: stacks bind an environment to their scope, and
 * constructs look it up through their ancestors.
 */
const ENVIRONMENT = Symbol.for('tenantform.environment');

type WithEnvironment = IConstruct & { [ENVIRONMENT]?: Environment };

/** Binds an environment to a scope; every construct below it will find it. */
export function bindEnvironment(scope: IConstruct, env: Environment): void {
  (scope as WithEnvironment)[ENVIRONMENT] = env;
}

/** The environment bound to the nearest enclosing scope, or a coded error naming `kind`. */
export function environmentOf(construct: IConstruct, kind: string): Environment {
  for (const scope of [...construct.node.scopes].reverse()) {
    const env = (scope as WithEnvironment)[ENVIRONMENT];
    if (env) return env;
  }
  throw new TenantformError({
    code: 'TF-ENV-009',
    where: `${kind} ${construct.node.path}`,
    problem: 'this construct must live inside a stack bound to an environment.',
    value: construct.node.path,
    fix: 'create it inside a TenantformStack (or a stack that calls bindEnvironment).',
  });
}
