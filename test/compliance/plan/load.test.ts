/**
 * Plan mode end to end on real plan JSON (fixtures made by terraform against
 * moto; see test/compliance/fixtures/plan/generate.ts): what it models, what
 * the rules then decide, and the inputs it refuses.
 */
import { join } from 'node:path';
import { TenantformError } from '../../../core/errors';
import { loadPlanStacks, planName } from '../../../compliance/plan';
import { normalizePolicy } from '../../../compliance/policy';
import { isSpecificUnknown, isUnknown } from '../../../compliance/values';
import { fixtureJson, fixturePath, PLAN_FIXTURES, statusOf, tempDir, verdicts } from './support';

function refusal(run: () => unknown): TenantformError {
  try {
    run();
  } catch (e) {
    if (e instanceof TenantformError) return e;
    throw e;
  }
  throw new Error('expected a TenantformError');
}

describe('child modules', () => {
  const stacks = loadPlanStacks({ plans: [fixturePath('child-module.json')] });
  const [stack] = stacks;

  test('GIVEN a module two levels deep WHEN loaded THEN every level is in the model under its module address', () => {
    expect([...stack!.resources.keys()].sort()).toEqual(['aws_kms_key.root', 'module.store.aws_kms_key.k', 'module.store.module.inner.aws_kms_key.deep']);
    // The value a variable carried into the module is known to Terraform, so to the rules too.
    expect(stack!.resources.get('module.store.aws_kms_key.k')!.values.description).toBe('store key');
  });

  test('THEN the rules judge the module resources (config mode could only say unknown)', () => {
    expect(statusOf(stacks, 'TF-ENC-13', 'module.store.aws_kms_key.k')).toEqual(['fail']);
    // Not written at all in the inner module: the provider default (false) is in the plan.
    expect(statusOf(stacks, 'TF-ENC-13', 'module.store.module.inner.aws_kms_key.deep')).toEqual(['fail']);
    expect(statusOf(stacks, 'TF-ENC-13', 'aws_kms_key.root')).toEqual(['pass']);
  });

  test('THEN the environment and the account pin come from the plan configuration', () => {
    expect(stack!.environment).toBe('dev');
    expect(stack!.accounts).toEqual(['222222222222']);
    expect(stack!.name).toBe('child-module');
  });

  test('THEN a value computed at apply that no configuration is at hand for stays unknown', () => {
    // No stack JSON beside this plan: the key policy could be anything, so the separation rule cannot pass.
    expect(isUnknown(stack!.resources.get('aws_kms_key.root')!.values.policy)).toBe(true);
    expect(statusOf(stacks, 'TF-SEP-3', 'aws_kms_key.root')).toEqual(['unknown']);
  });
});

describe('after_unknown values', () => {
  const stacks = loadPlanStacks({ plans: [fixturePath('after-unknown.json')] });
  const resources = stacks[0]!.resources;

  test('GIVEN an ARN only known after apply WHEN loaded THEN it is an UnknownValue carrying the reference written in the configuration', () => {
    const arn = resources.get('aws_iam_role_policy_attachment.worker')!.values.policy_arn;
    expect(arn).toMatchObject({ $unknown: '${aws_iam_policy.everything.arn}', refs: ['aws_iam_policy.everything.arn'], form: 'reference' });
    expect(resources.get('aws_sqs_queue.q')!.values.kms_master_key_id).toMatchObject({ $unknown: '${aws_kms_key.k.arn}', refs: ['aws_kms_key.k.arn'] });
  });

  test('THEN a bare reference to an identifier of a resource the plan manages is specific, anything else is not', () => {
    expect(isSpecificUnknown(resources.get('aws_iam_role_policy_attachment.worker')!.values.policy_arn)).toBe(true);
    expect(isSpecificUnknown(resources.get('aws_sqs_queue.q')!.values.kms_master_key_id)).toBe(true);
    // `role` is known (the name is literal); the computed `arn` of the role itself references nothing.
    expect(isSpecificUnknown(resources.get('aws_iam_role.worker')!.values.arn)).toBe(false);
  });

  test('GIVEN a policy document Terraform defers to apply THEN it is read from its statements, and its unknown resource stays unknown', () => {
    const policy = normalizePolicy(resources.get('aws_iam_policy.everything')!.values.policy);
    expect(policy === undefined || isUnknown(policy)).toBe(false);
    const statement = (policy as { statements: readonly { Action?: unknown; Resource?: readonly unknown[] }[] }).statements[0]!;
    expect(statement.Action).toEqual(['*']);
    // In the plan's values this entry is null; it must not read as "no resource".
    expect(statement.Resource!.map(isUnknown)).toEqual([true]);
  });

  test('THEN Action "*" fails even though the policy text is unknown to Terraform until apply', () => {
    expect(statusOf(stacks, 'TF-LP-1', 'aws_iam_policy.everything')).toEqual(['fail']);
  });
});

describe('dynamic blocks (HCL)', () => {
  const stacks = loadPlanStacks({ plans: [fixturePath('hcl-dynamic.json')] });

  test('GIVEN ingress from a dynamic block over a collection unknown until apply THEN SSH exposure is unknown, never a pass', () => {
    expect(statusOf(stacks, 'TF-NET-2', 'aws_security_group.open')).not.toContain('pass');
    expect(statusOf(stacks, 'TF-NET-2', 'aws_security_group.open')).toContain('unknown');
  });

  test('GIVEN an HCL reference THEN it is never specific: the plan does not record the expression around it', () => {
    const vpcId = stacks[0]!.resources.get('aws_security_group.known')!.values.vpc_id;
    expect(vpcId).toMatchObject({ refs: ['aws_vpc.main.id'] });
    expect(isSpecificUnknown(vpcId)).toBe(false);
  });

  test('GIVEN the same rule written out THEN it fails', () => {
    expect(statusOf(stacks, 'TF-NET-2', 'aws_security_group.known')).toEqual(['fail']);
  });
});

describe('suppressions from the stack JSON', () => {
  const stackDir = join(PLAN_FIXTURES, 'suppressed');

  test('GIVEN a plan beside its cdk.tf.json WHEN loaded THEN the stack is paired and its suppression applies to that address only', () => {
    const stacks = loadPlanStacks({ plans: [join(stackDir, 'plan.json')] });
    expect(stacks[0]!.name).toBe('suppressed');
    expect(stacks[0]!.backend).toEqual({ type: 'local', config: { path: 'terraform.suppressed.tfstate' } });
    expect(stacks[0]!.resources.get('aws_kms_key.imported')!.constructPath).toBe('suppressed/imported');
    expect(verdicts(stacks)).toEqual(['fail TF-ENC-13 aws_kms_key.plain', 'suppressed TF-ENC-13 aws_kms_key.imported']);
  });

  test('GIVEN the plan elsewhere and --config naming the stack folder THEN it pairs by file name', () => {
    const t = tempDir();
    try {
      const plan = t.copy(join(stackDir, 'plan.json'), 'suppressed.json');
      expect(verdicts(loadPlanStacks({ plans: [plan], config: [stackDir] }))).toEqual(['fail TF-ENC-13 aws_kms_key.plain', 'suppressed TF-ENC-13 aws_kms_key.imported']);
    } finally {
      t.cleanup();
    }
  });

  test('GIVEN the plan alone THEN nothing is suppressed (the plan holds no "//" metadata)', () => {
    const t = tempDir();
    try {
      const plan = t.copy(join(stackDir, 'plan.json'), 'suppressed.json');
      expect(verdicts(loadPlanStacks({ plans: [plan] }))).toEqual(expect.arrayContaining(['fail TF-ENC-13 aws_kms_key.imported', 'fail TF-ENC-13 aws_kms_key.plain']));
    } finally {
      t.cleanup();
    }
  });

  test('GIVEN a config whose blocks differ from the plan (stale or foreign) THEN TF-CHK-021, so it cannot lend suppressions', () => {
    const t = tempDir();
    try {
      const json = JSON.parse(JSON.stringify(fixtureJson('suppressed/cdk.tf.json'))) as { resource: { aws_kms_key: Record<string, unknown> } };
      json.resource.aws_kms_key.other = json.resource.aws_kms_key.imported;
      delete json.resource.aws_kms_key.plain;
      t.write('cdk.tf.json', json);
      const plan = t.copy(join(stackDir, 'plan.json'), 'plan.json');
      expect(refusal(() => loadPlanStacks({ plans: [plan] })).code).toBe('TF-CHK-021');
    } finally {
      t.cleanup();
    }
  });

  test('GIVEN --config that holds no stack for the plan THEN TF-CHK-021', () => {
    expect(refusal(() => loadPlanStacks({ plans: [fixturePath('child-module.json')], config: [stackDir] })).code).toBe('TF-CHK-021');
  });
});

describe('provider settings that are not literal', () => {
  test('GIVEN allowed_account_ids and default tags from variables THEN the pin and the environment are not taken as declared', () => {
    const t = tempDir();
    try {
      const plan = fixtureJson('child-module.json') as { configuration: { provider_config: { aws: { expressions: Record<string, unknown> } } } };
      plan.configuration.provider_config.aws.expressions = {
        allowed_account_ids: { constant_value: '${var.accounts}', references: ['var.accounts'] },
        default_tags: [{ tags: { constant_value: '${var.tags}', references: ['var.tags'] } }],
        region: { references: ['var.region'] },
      };
      const [stack] = loadPlanStacks({ plans: [t.write('variables.json', plan)] });
      expect(stack!.accounts).toEqual(['${var.accounts}']);
      expect(stack!.environment).toBeUndefined();
      expect(isUnknown(stack!.providers[0]!.region)).toBe(true);
      expect(statusOf([stack!], 'TF-SEP-1', 'stack').every((s) => s !== 'pass')).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});

describe('provider arguments', () => {
  test('GIVEN the provider assumes a literal role in another account THEN TF-SEP-1 fails, as in config mode', () => {
    const t = tempDir();
    try {
      const plan = fixtureJson('child-module.json') as { configuration: { provider_config: { aws: { expressions: Record<string, unknown> } } } };
      plan.configuration.provider_config.aws.expressions.assume_role = [{ role_arn: { constant_value: 'arn:aws:iam::111111111111:role/deploy' } }];
      const stacks = loadPlanStacks({ plans: [t.write('assume.json', plan)] });
      expect(stacks[0]!.providers[0]!.config).toMatchObject({ assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/deploy' }] });
      expect(statusOf(stacks, 'TF-SEP-1', 'stack')).toContain('fail');
    } finally {
      t.cleanup();
    }
  });
});

describe('input that is not a plan', () => {
  test.each([
    ['the JSON of a state, not a plan', 'state-not-plan.json'],
  ])('GIVEN %s THEN TF-CHK-020', (_what, name) => {
    const e = refusal(() => loadPlanStacks({ plans: [fixturePath(name)] }));
    expect(e.code).toBe('TF-CHK-020');
    expect(e.message).toContain('planned_values');
  });

  test.each([
    ['a newer major format', { format_version: '2.0', planned_values: {} }],
    ['no format_version', { planned_values: {} }],
    ['a top-level array', [{ format_version: '1.2' }]],
    ['planned_values that is a list', { format_version: '1.2', planned_values: [] }],
    ['resource_changes that is an object', { format_version: '1.2', planned_values: {}, resource_changes: {} }],
  ])('GIVEN %s THEN TF-CHK-020, naming the file', (_what, content) => {
    const t = tempDir();
    try {
      const e = refusal(() => loadPlanStacks({ plans: [t.write('bad.json', content)] }));
      expect(e.code).toBe('TF-CHK-020');
      expect(e.where).toContain('bad.json');
    } finally {
      t.cleanup();
    }
  });

  test('GIVEN a file that is not JSON THEN a coded error, not a SyntaxError', () => {
    const t = tempDir();
    try {
      expect(refusal(() => loadPlanStacks({ plans: [t.write('plan.json', 'Terraform will perform the following actions:')] })).code).toMatch(/^TF-CHK-00\d$/);
    } finally {
      t.cleanup();
    }
  });

  test('GIVEN hostile shapes inside a valid header THEN no crash, and nothing passes that was not judged', () => {
    const t = tempDir();
    try {
      const plan = {
        format_version: '1.2',
        planned_values: { root_module: { resources: [null, 7, { address: 'aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', values: { enable_key_rotation: true } }], child_modules: 'x' } },
        resource_changes: [null, { address: 'aws_kms_key.k', mode: 'managed', change: { after_unknown: { policy: 'DEEP' } } }],
        configuration: { provider_config: { aws: 3 }, root_module: { resources: 'x', module_calls: { m: null } } },
      };
      // Nested far deeper than any schema: 5,000 lists around one unknown marker.
      const text = JSON.stringify(plan).replace('"DEEP"', `${'['.repeat(5000)}true${']'.repeat(5000)}`);
      const stacks = loadPlanStacks({ plans: [t.write('hostile.json', text)] });
      expect([...stacks[0]!.resources.keys()]).toEqual(['aws_kms_key.k']);
      expect(statusOf(stacks, 'TF-SEP-3', 'aws_kms_key.k')).not.toContain('pass');
    } finally {
      t.cleanup();
    }
  });
});

test('planName strips the suffixes `terraform show -json` output is usually saved under', () => {
  expect(planName('/x/prod-network.json')).toBe('prod-network');
  expect(planName('prod-network.plan.json')).toBe('prod-network');
  expect(planName('prod-network.tfplan.json')).toBe('prod-network');
});
