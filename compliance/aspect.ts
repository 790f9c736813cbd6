/**
 * Runs the compliance rules at synth time: `applyComplianceChecks(app)` (or
 * `Aspects.of(stack).add(new ComplianceChecks())` per stack). Each stack's own JSON (`toTerraform()`, "//" metadata
 * and suppressions included) goes through the same model and engine as the
 * CLI, so the two never disagree. Gate failures become error annotations on
 * the offending construct, which make `cdktf synth` fail.
 *
 * Every ComplianceChecks of an app shares one synth run: each stack is
 * resolved once per synth (the expensive part), and each rule is evaluated
 * once per run whichever aspect asks for it. TenantformStack adds the
 * account-separation rules this way; `applyComplianceChecks` adds the rest
 * to the same run, so a stack's separation findings are reported once.
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

/** One synth of one app, shared by every ComplianceChecks that visits its stacks. */
interface SynthRun {
  readonly models: ReadonlyMap<string, StackModel>;
  /** Rule IDs some aspect has asked for, evaluated over every stack. */
  readonly evaluated: Set<string>;
  /** Their findings by `stack\0ruleId`. */
  readonly findings: Map<string, Finding[]>;
  /** `stack\0ruleId` pairs already annotated, so two aspects never report a finding twice. */
  readonly reported: Set<string>;
  /** Stacks each aspect has visited: a second visit means a new synth. */
  readonly visited: WeakMap<ComplianceChecks, Set<string>>;
}

const runs = new WeakMap<IConstruct, SynthRun>();

/** Resolves every stack of the app, once: the one `toTerraform()` per stack the checks make. */
function startRun(root: IConstruct): SynthRun {
  const models = root.node
    .findAll()
    .filter((c): c is TerraformStack => TerraformStack.isStack(c))
    .map((s) => stackFromJson(JSON.parse(JSON.stringify(s.toTerraform())), s.node.id, `synth:${s.node.path}`));
  const run: SynthRun = { models: new Map(models.map((m) => [m.name, m])), evaluated: new Set(), findings: new Map(), reported: new Set(), visited: new WeakMap() };
  runs.set(root, run);
  return run;
}

export class ComplianceChecks implements IAspect {
  private readonly rules: readonly Rule[];
  private readonly failOn: FailOn;

  constructor(props: ComplianceChecksProps = {}) {
    this.rules = props.rules ?? allRules;
    this.failOn = props.failOn ?? 'error';
  }

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const run = this.runFor(node);
    const model = run.models.get(node.node.id);
    if (model === undefined) return;
    const mine: Finding[] = [];
    for (const rule of this.rules) {
      const key = `${model.name}\0${rule.meta.id}`;
      if (run.reported.has(key)) continue;
      run.reported.add(key);
      for (const f of run.findings.get(key) ?? []) if (f.status !== 'pass' && f.status !== 'suppressed') mine.push(f);
    }
    const failures = new Set(gateFailures(mine, this.failOn));
    for (const f of mine) {
      const text = `[${f.ruleId}] ${f.address}${f.finding ? ` [${f.finding}]` : ''}: ${f.message} Fix: ${f.remediation}`;
      const target = constructAt(node, model, f.address);
      if (failures.has(f)) Annotations.of(target).addError(text);
      else Annotations.of(target).addWarning(text);
    }
  }

  /** The app's current run, with this aspect's rules evaluated in it. */
  private runFor(stack: TerraformStack): SynthRun {
    const root = stack.node.root;
    let run = runs.get(root);
    if (run === undefined || run.visited.get(this)?.has(stack.node.path)) run = startRun(root);
    let seen = run.visited.get(this);
    if (seen === undefined) run.visited.set(this, (seen = new Set()));
    seen.add(stack.node.path);
    const missing = this.rules.filter((r) => !run.evaluated.has(r.meta.id));
    if (missing.length > 0) {
      for (const r of missing) run.evaluated.add(r.meta.id);
      for (const f of checkStacks([...run.models.values()], missing)) {
        const key = `${f.stack}\0${f.ruleId}`;
        const list = run.findings.get(key);
        if (list === undefined) run.findings.set(key, [f]);
        else list.push(f);
      }
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
