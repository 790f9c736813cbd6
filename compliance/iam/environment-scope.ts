/**
 * Tag-based scoping (ABAC): a statement on `Resource: "*"` that only applies
 * to requests or resources tagged with the stack's own environment acts on
 * that environment's resources alone, which is what least privilege asks of a
 * deploy role whose resources have no ARNs before Terraform creates them.
 *
 * Only the strict form counts: a plain `StringEquals` (no `IfExists`, no set
 * prefix, which match when the key is absent) on `aws:RequestTag/environment`
 * or `aws:ResourceTag/environment` whose every value is the stack's
 * environment, literally. A wildcard, a variable, another environment's name or
 * a stack without a declared environment is no scoping. IAM ANDs condition
 * entries, so further entries can only narrow the statement.
 */
import { PolicyStatement } from '../policy';
import { conditionEntries, isPlainOperator } from './conditions';

/** The tag key stacks declare their environment under (provider `default_tags`). */
export const ENVIRONMENT_TAG_KEY = 'environment';

const REQUEST_TAG = `aws:RequestTag/${ENVIRONMENT_TAG_KEY}`;
const RESOURCE_TAG = `aws:ResourceTag/${ENVIRONMENT_TAG_KEY}`;

function requiresOwnEnvironment(statement: PolicyStatement, key: string, environment: string): boolean {
  return conditionEntries(statement.Condition, key).some(
    ([operator, values]) => isPlainOperator(operator, 'StringEquals') && values.length > 0 && values.every((v) => v === environment),
  );
}

/**
 * Whether the statement is confined to the stack's own environment by tag:
 * requests that create (aws:RequestTag) or resources that are changed
 * (aws:ResourceTag) must carry `environment = <the stack's environment>`.
 * A resource type that takes no tags fails such a condition, so it never
 * widens a statement.
 */
export function scopedToOwnEnvironment(statement: PolicyStatement, environment: string | undefined): boolean {
  if (environment === undefined || environment === '') return false;
  return requiresOwnEnvironment(statement, RESOURCE_TAG, environment) || requiresOwnEnvironment(statement, REQUEST_TAG, environment);
}
