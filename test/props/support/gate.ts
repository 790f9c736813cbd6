import { App, TerraformStack } from '../../../core/cdktf';
import { checkStacks, gateFailures } from '../../../compliance/engine';
import { stackFromJson } from '../../../compliance/model';
import { allRules } from '../../../compliance/rules';

/** The stacks of an app, synthesized in process. */
export function stacksOf(app: App): TerraformStack[] {
  return app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
}

/**
 * What the gate fails or marks unknown on the app's output, as
 * `ruleId status resource-type` keys: addresses follow the props (a
 * different tenant ID renames them), the rule and the kind of resource do not.
 */
export function gateProblems(app: App): Set<string> {
  const models = stacksOf(app).map((s) => stackFromJson(s.toTerraform(), s.node.id, `props-test/${s.node.id}`));
  const failures = gateFailures(checkStacks(models, allRules));
  return new Set(failures.map((f) => `${f.ruleId} ${f.status} ${f.address.split('.')[0]}`));
}
