import { checkStacks, gateFailures, summarize } from '../../compliance/engine';
import { stackFromJson } from '../../compliance/model';
import { KmsKeyRotation } from '../../compliance/rules/encryption';
import { defineRule, fail, pass, unknown } from '../../compliance/rule-kit';
import { Rule } from '../../compliance/types';
import { byStatus, fixtureStack } from './support/compliance-fixtures';

const meta = { title: 'Ensure fixtures behave', resourceTypes: ['aws_thing'], remediation: 'fix it', references: {} } as const;

/** Fails `bad*`, is unknown on `maybe*`, passes the rest; granular findings on `multi*`. */
function fixtureRule(id: string, category: 'least-privilege' | 'mfa', level: 'error' | 'warning' = 'error'): Rule {
  return defineRule({ ...meta, id, category, level }, (stack) =>
    [...stack.resources.values()].flatMap((r) => {
      if (r.name.startsWith('bad')) return [fail(r.address, 'bad')];
      if (r.name.startsWith('maybe')) return [unknown(r.address, 'cannot tell')];
      if (r.name.startsWith('multi')) return [fail(r.address, 'one', 'Action::a'), fail(r.address, 'two', 'Action::b')];
      return [pass(r.address, 'ok')];
    }),
  );
}

const suppressed = (ruleId: string, reason = 'accepted for a documented reason', finding?: string) => ({
  '//': { tenantform: { suppressions: [finding ? { ruleId, reason, finding } : { ruleId, reason }] } },
});

describe('checkStacks', () => {
  test('GIVEN pass, fail and unknown outcomes THEN findings carry rule metadata and status', () => {
    const stack = fixtureStack({ resource: { aws_thing: { good: {}, bad: {}, maybe: {} } } });
    const findings = checkStacks([stack], [fixtureRule('TF-LP-90', 'least-privilege')]);
    expect(byStatus(findings)).toEqual({ fail: ['aws_thing.bad'], unknown: ['aws_thing.maybe'], suppressed: [], pass: ['aws_thing.good'] });
    expect(findings.find((f) => f.address === 'aws_thing.bad')).toEqual({
      ruleId: 'TF-LP-90', title: 'Ensure fixtures behave', category: 'least-privilege', level: 'error', status: 'fail',
      stack: 'fixture', address: 'aws_thing.bad', message: 'bad', remediation: 'fix it', location: { file: 'fixture.tf.json' },
    });
  });

  test('a whole-rule suppression with a reason suppresses fails and unknowns of that resource only', () => {
    const stack = fixtureStack({ resource: { aws_thing: { bad1: suppressed('TF-LP-90'), bad2: {}, maybe: suppressed('TF-LP-90'), bad3: suppressed('TF-LP-91') } } });
    const findings = checkStacks([stack], [fixtureRule('TF-LP-90', 'least-privilege')]);
    expect(byStatus(findings)).toEqual({ fail: ['aws_thing.bad2', 'aws_thing.bad3'], unknown: [], suppressed: ['aws_thing.bad1', 'aws_thing.maybe'], pass: [] });
    expect(findings.find((f) => f.address === 'aws_thing.bad1')!.suppressionReason).toBe('accepted for a documented reason');
  });

  test('a granular suppression covers only its own finding key', () => {
    const stack = fixtureStack({ resource: { aws_thing: { multi: suppressed('TF-LP-90', 'action a is needed here', 'Action::a') } } });
    const findings = checkStacks([stack], [fixtureRule('TF-LP-90', 'least-privilege')]);
    expect(byStatus(findings, true)).toEqual({ fail: ['aws_thing.multi#Action::b'], unknown: [], suppressed: ['aws_thing.multi#Action::a'], pass: [] });
  });

  test('a suppression whose reason is under 10 characters is ignored and says so', () => {
    const stack = fixtureStack({ resource: { aws_thing: { bad: suppressed('TF-LP-90', 'too short') } } });
    const [finding] = checkStacks([stack], [fixtureRule('TF-LP-90', 'least-privilege')]);
    expect(finding!.status).toBe('fail');
    expect(finding!.message).toBe('bad (suppression ignored: its reason explains nothing; it needs 10+ characters and 3 real words)');
  });

  test('invariant rules refuse suppression and report the attempt as its own failure', () => {
    const stack = fixtureStack({ resource: { aws_thing: { bad: suppressed('TF-MFA-90'), good: suppressed('TF-MFA-90') } } });
    const findings = checkStacks([stack], [fixtureRule('TF-MFA-90', 'mfa')]);
    expect(byStatus(findings, true)).toEqual({
      fail: ['aws_thing.bad', 'aws_thing.bad#Suppression', 'aws_thing.good#Suppression'],
      unknown: [],
      suppressed: [],
      pass: ['aws_thing.good'],
    });
    expect(findings.find((f) => f.address === 'aws_thing.bad' && !f.finding)!.message).toBe('bad (suppression ignored: TF-MFA-90 is an invariant and cannot be suppressed)');
  });

  test('a rule that throws fails closed with a stack-level finding', () => {
    const crashing = defineRule({ ...meta, id: 'TF-LP-92', category: 'least-privilege', level: 'warning' }, () => {
      throw new Error('boom');
    });
    const findings = checkStacks([fixtureStack({})], [crashing]);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'TF-LP-92', status: 'fail', address: 'stack', message: 'rule TF-LP-92 crashed on this stack (boom); failing closed.' })]);
  });

  test('reports progress per stack', () => {
    const seen: string[] = [];
    checkStacks([fixtureStack({}, 'a'), fixtureStack({}, 'b')], [], { onStack: (d, t) => seen.push(`${d}/${t}`) });
    expect(seen).toEqual(['1/2', '2/2']);
  });
});

describe('gate', () => {
  const stack = fixtureStack({ resource: { aws_thing: { bad: {}, maybe: {}, good: {} } } });

  test('warning-level fails only fail the gate with --fail-on warning; unknowns always fail it', () => {
    const warnings = checkStacks([stack], [fixtureRule('TF-LP-93', 'least-privilege', 'warning')]);
    expect(gateFailures(warnings, 'error').map((f) => f.address)).toEqual(['aws_thing.maybe']);
    expect(gateFailures(warnings, 'warning').map((f) => f.address)).toEqual(['aws_thing.bad', 'aws_thing.maybe']);
  });

  test('summarize counts statuses and says whether the gate fails', () => {
    const findings = checkStacks([stack], [fixtureRule('TF-LP-94', 'least-privilege')]);
    expect(summarize(findings, 1, 1)).toEqual({ stacks: 1, rules: 1, pass: 1, fail: 1, unknown: 1, suppressed: 0, baselined: 0, failed: true });
    expect(summarize([], 1, 1).failed).toBe(false);
  });
});

describe('what config mode cannot see', () => {
  test('GIVEN a module call THEN every rule, invariants included, is unknown at module.<name>, naming the source and plan mode', () => {
    const stack = fixtureStack({ module: { net: { source: './mod' } }, resource: { aws_thing: { good: {} } } });
    const findings = checkStacks([stack], [fixtureRule('TF-LP-95', 'least-privilege'), fixtureRule('TF-MFA-95', 'mfa')]);
    const atModule = findings.filter((f) => f.address === 'module.net');
    expect(atModule.map((f) => `${f.ruleId} ${f.status}`)).toEqual(['TF-LP-95 unknown', 'TF-MFA-95 unknown']);
    expect(atModule[0]!.message).toMatch(/module "net" \(source "\.\/mod"\).*tenantform check --plan/);
    expect(gateFailures(findings)).toHaveLength(2);
  });

  test('GIVEN a resource with a dynamic block THEN its passes become unknown, and its fails stay fails', () => {
    const dynamic = { dynamic: { ingress: { for_each: '${var.rules}', content: { from_port: 22 } } } };
    const stack = fixtureStack({ resource: { aws_thing: { good: dynamic, bad: dynamic, other: {} } } });
    const findings = checkStacks([stack], [fixtureRule('TF-LP-96', 'least-privilege')]);
    expect(byStatus(findings)).toEqual({ fail: ['aws_thing.bad'], unknown: ['aws_thing.good'], suppressed: [], pass: ['aws_thing.other'] });
    expect(findings.find((f) => f.address === 'aws_thing.good')!.message).toMatch(/"ingress" blocks are generated by dynamic blocks.*--plan/);
  });
});

describe('unknowns explain themselves', () => {
  const quoting = defineRule({ ...meta, id: 'TF-LP-97', category: 'least-privilege', level: 'error' }, (stack) =>
    [...stack.resources.values()].map((r) => {
      const v = r.values.v;
      return typeof v === 'object' && v !== null && '$unknown' in v ? unknown(r.address, `v ${(v as { $unknown: string }).$unknown} cannot be resolved`) : pass(r.address, 'ok');
    }),
  );

  test('GIVEN a rule quoting an unknown value THEN the finding adds why config mode left it unknown', () => {
    const stack = fixtureStack({ locals: { on: true }, resource: { aws_thing: { c: { v: '${local.on ? "*" : "x"}' }, d: { v: '%{ if true }*%{ endif }' } } } });
    const [c, d] = checkStacks([stack], [quoting]);
    expect(c!.message).toMatch(/\(config mode: a conditional expression; config mode does not evaluate it; check the plan instead \(`tenantform check --plan plan.json`\)\)$/);
    expect(d!.message).toMatch(/config mode: a template directive/);
  });
});

describe('findings point at code', () => {
  test('GIVEN a resource with cdktf metadata THEN its finding carries the construct path and the file it was read from', () => {
    const stack = stackFromJson(
      { resource: { aws_kms_key: { k_1A2B: { '//': { metadata: { path: 'prod-platform/keys/data' } }, enable_key_rotation: false } } } },
      'prod-platform',
      '/repo/cdktf.out/stacks/prod-platform/cdk.tf.json',
    );
    const [finding] = checkStacks([stack], [KmsKeyRotation]).filter((f) => f.status === 'fail');
    expect(finding).toMatchObject({ address: 'aws_kms_key.k_1A2B', constructPath: 'prod-platform/keys/data', location: { file: '/repo/cdktf.out/stacks/prod-platform/cdk.tf.json' } });
  });

  test('GIVEN a resource the loader located THEN its findings carry that file, line and column; the stack\'s other findings keep the stack file', () => {
    const stack = stackFromJson({ resource: { aws_kms_key: { k: { enable_key_rotation: false } } } }, 'prod-platform', '/repo/main.tf.json');
    const located = { ...stack, resources: new Map([...stack.resources].map(([a, r]) => [a, { ...r, location: { file: '/repo/keys.tf.json', line: 12, column: 7 } }])) };
    const stackLevel = defineRule({ ...meta, id: 'TF-LP-96', category: 'least-privilege', level: 'error' }, () => [fail('stack', 'stack-level')]);
    const findings = checkStacks([located], [KmsKeyRotation, stackLevel]);
    expect(findings.find((f) => f.address === 'aws_kms_key.k')!.location).toEqual({ file: '/repo/keys.tf.json', line: 12, column: 7 });
    expect(findings.find((f) => f.address === 'stack')!.location).toEqual({ file: '/repo/main.tf.json' });
  });
});
