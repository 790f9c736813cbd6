/**
 * Runs the compliance rules at synth time: `applyComplianceChecks(app)` (or
 * `Aspects.of(stack).add(new ComplianceChecks())` per stack). Each stack's own JSON (`toTerraform()`, "//" metadata
 * and suppressions included) goes through the same model and engine as the
 * CLI, so the two never disagree. Gate failures become error annotations on
 * the offending construct, which make `cdktf synth` fail.
 */
import { Annotations, Aspects, IAspect, IConstruct, TerraformStack } from '../core/cdktf';
import { checkStacks, FailOn, gateFailures } from './engine';
import { stackFromJson } from './model';
import { allRules } from './rules';
import { Finding, Rule, StackModel } from './types';

export interface ComplianceChecksProps {
  /** The rules to run. @default every rule (`allRules`) */
  readonly rules?: readonly Rule[];
  /** Lowest level of failed check reported as an error; lower ones become warnings. @default 'error' */
  readonly failOn?: FailOn;
}

export class ComplianceChecks implements IAspect {
  private readonly rules: readonly Rule[];
  private readonly failOn: FailOn;
  /** Findings of every stack of an app, computed once per app so cross-stack rules (TF-SEP-2/3) see them all. */
  private readonly runs = new WeakMap<IConstruct, { models: StackModel[]; findings: Finding[] }>();

  constructor(props: ComplianceChecksProps = {}) {
    this.rules = props.rules ?? allRules;
    this.failOn = props.failOn ?? 'error';
  }

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const run = this.runOf(node.node.root);
    const model = run.models.find((m) => m.name === node.node.id);
    if (model === undefined) return;
    const mine = run.findings.filter((f) => f.stack === model.name && f.status !== 'pass' && f.status !== 'suppressed');
    const failures = new Set(gateFailures(mine, this.failOn));
    for (const f of mine) {
      const text = `[${f.ruleId}] ${f.address}${f.finding ? ` [${f.finding}]` : ''}: ${f.message} Fix: ${f.remediation}`;
      const target = constructAt(node, model, f.address);
      if (failures.has(f)) Annotations.of(target).addError(text);
      else Annotations.of(target).addWarning(text);
    }
  }

  private runOf(root: IConstruct): { models: StackModel[]; findings: Finding[] } {
    let run = this.runs.get(root);
    if (run === undefined) {
      const models = root.node
        .findAll()
        .filter((c): c is TerraformStack => TerraformStack.isStack(c))
        .map((s) => stackFromJson(JSON.parse(JSON.stringify(s.toTerraform())), s.node.id, `synth:${s.node.path}`));
      run = { models, findings: checkStacks(models, this.rules) };
      this.runs.set(root, run);
    }
    return run;
  }
}

/** The construct a finding points at (through cdktf's construct path metadata), or the stack. */
function constructAt(stack: TerraformStack, model: StackModel, address: string): IConstruct {
  const path = (model.resources.get(address) ?? model.dataSources.get(address))?.constructPath;
  if (path === undefined) return stack;
  let current: IConstruct | undefined = stack;
  for (const id of path.split('/').slice(1)) current = current?.node.tryFindChild(id);
  return current ?? stack;
}

/**
 * Adds one ComplianceChecks to every stack under `scope` (usually the app).
 * cdktf invokes aspects from each stack down, so an aspect added to the App
 * itself never runs; call this after the stacks are built, before synth.
 * One shared instance means the stacks are modelled and checked once.
 */
export function applyComplianceChecks(scope: IConstruct, props: ComplianceChecksProps = {}): ComplianceChecks {
  const checks = new ComplianceChecks(props);
  for (const c of scope.node.findAll()) if (TerraformStack.isStack(c)) Aspects.of(c).add(checks);
  return checks;
}
