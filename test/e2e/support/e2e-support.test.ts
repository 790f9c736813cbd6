import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyDepths, kindOf } from './apply-depth';
import { applyScope } from './apply-scope';
import { coverageLine } from './coverage';
import { WEAK_EXAMPLE } from './example-suite';
import { exampleNames, selectStacks, SynthesizedStack, TerraformJson } from './examples';
import { isMotoGap, MOTO_GAPS, PINNED_MOTO } from './moto-gaps';
import { plannedChanges } from './terraform';
import { teardownFor } from './teardown';

function stack(name: string, resource: TerraformJson['resource'], dependencies: string[] = []): SynthesizedStack {
  return { name, directory: `/nowhere/${name}`, dependencies, json: { resource } };
}

const tenant = (name: string, dependencies: string[] = ['prod-platform']) =>
  stack(name, { aws_instance: { host: {} }, aws_ebs_volume: { data: { lifecycle: { prevent_destroy: true } } } }, dependencies);

describe('moto gaps', () => {
  test('every entry names the pinned moto, the failing call, what was seen and what still checks it', () => {
    for (const [type, gap] of Object.entries(MOTO_GAPS)) {
      expect({ type, version: gap.motoVersion }).toEqual({ type, version: PINNED_MOTO });
      expect([gap.apiCall, gap.observed, gap.stillChecked].every((t) => t.length > 10)).toBe(true);
    }
    expect(isMotoGap('aws_backup_selection')).toBe(true);
    expect(isMotoGap('aws_instance')).toBe(false);
  });

  test('a conditional entry leaves out only the resources it names: tag policies, not SCPs; listeners on an input certificate, not on one the stack creates', () => {
    expect(isMotoGap('aws_organizations_policy', { type: 'TAG_POLICY' })).toBe(true);
    expect(isMotoGap('aws_organizations_policy', { type: 'SERVICE_CONTROL_POLICY' })).toBe(false);
    expect(isMotoGap('aws_lb_listener', { certificate_arn: 'arn:aws:acm:eu-west-1:444444444444:certificate/x' })).toBe(true);
    expect(isMotoGap('aws_lb_listener', { certificate_arn: '${aws_acm_certificate.edge.arn}' })).toBe(false);
    const scope = applyScope(stack('org', { aws_organizations_policy: { tags: { type: 'TAG_POLICY' }, scp: { type: 'SERVICE_CONTROL_POLICY' } } }));
    expect([...scope.excluded.keys()]).toEqual(['aws_organizations_policy.tags']);
  });

  test("the tier's README lists every entry, and no type that is not one", () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| type | failing call |'), readme.indexOf('**Teardown**'));
    const listed = [...table.matchAll(/^\| `(aws_[a-z0-9_]+)`/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(Object.keys(MOTO_GAPS).sort());
  });

  test('the pin is the one the setup script installs', () => {
    const script = readFileSync(join(__dirname, '..', '..', '..', 'scripts', 'setup-python-tools.sh'), 'utf8');
    expect(script).toContain(`MOTO_VERSION="${PINNED_MOTO}"`);
  });
});

describe('applyScope', () => {
  test('leaves out gap types and whatever refers to them, and targets the rest', () => {
    const s = stack('t', {
      aws_backup_plan: { plan: {} },
      aws_backup_selection: { sel: { plan_id: '${aws_backup_plan.plan.id}' } },
      aws_sns_topic: { after: { name: '${aws_backup_selection.sel.id}' } },
    });
    const scope = applyScope(s);
    expect(scope.complete).toBe(false);
    expect(scope.targets).toEqual(['aws_backup_plan.plan']);
    expect([...scope.excluded]).toEqual([
      ['aws_backup_selection.sel', 'aws_backup_selection'],
      ['aws_sns_topic.after', 'aws_backup_selection'],
    ]);
    expect(coverageLine(s, scope)).toBe('coverage t: applied 1, excluded 2 (aws_backup_selection 2)');
  });
});

describe('applyDepths', () => {
  const stacks = [
    stack('dev-network', { aws_vpc: { v: {} } }),
    tenant('dev-tenant-a', ['dev-network']),
    stack('prod-network', { aws_vpc: { v: {} } }),
    stack('prod-platform', { aws_lb: { l: {} } }, ['prod-network']),
    tenant('prod-tenant-a'),
    tenant('prod-tenant-b'),
  ];

  test('applies one stack per kind (prod before dev) and every stack others read from', () => {
    const depths = applyDepths(stacks, {});
    expect(stacks.filter((s) => depths.get(s.name)!.apply).map((s) => s.name)).toEqual(['dev-network', 'prod-network', 'prod-platform', 'prod-tenant-b']);
    expect(depths.get('prod-tenant-a')).toEqual({ apply: false, why: 'same kind as prod-tenant-b, which is applied' });
    expect(kindOf(stacks[1]!)).toBe(kindOf(stacks[4]!));
  });

  test('a stack whose apply or re-plan is not yet clean is planned only, with its reason, and does not stand for its kind', () => {
    const pending = { 'staging-web': 'the re-plan wants to replace aws_eks_cluster', 'prod-web': 'same kind as staging-web' };
    const depths = applyDepths([stack('staging-web', { aws_eks_cluster: { c: {} } }), stack('prod-web', { aws_eks_cluster: { c: {} } })], {}, pending);
    expect(depths.get('staging-web')).toEqual({ apply: false, why: 'not yet applied: the re-plan wants to replace aws_eks_cluster' });
    expect(depths.get('prod-web')!.apply).toBe(false);
  });

  test('TENANTFORM_E2E_APPLY_ALL=1 applies every stack', () => {
    const depths = applyDepths(stacks, { TENANTFORM_E2E_APPLY_ALL: '1' });
    expect([...depths.values()].every((d) => d.apply)).toBe(true);
  });
});

describe('teardownFor', () => {
  test('lifts prevent_destroy by override and deletion protection by an apply first', () => {
    const s = stack('t', {
      aws_ebs_volume: { data: { lifecycle: { prevent_destroy: true } } },
      aws_db_instance: { db: { deletion_protection: true, lifecycle: { prevent_destroy: true } } },
      aws_lb: { open: { enable_deletion_protection: false } },
    });
    expect(teardownFor(s)).toEqual({
      override: {
        resource: {
          aws_ebs_volume: { data: { lifecycle: { prevent_destroy: false } } },
          aws_db_instance: { db: { deletion_protection: false, lifecycle: { prevent_destroy: false } } },
        },
      },
      mustApplyFirst: ['aws_db_instance.db'],
      leaveStateInstead: [],
    });
  });

  test('a stack that protects nothing needs no override', () => {
    expect(teardownFor(stack('n', { aws_vpc: { v: {} } }))).toEqual({ override: undefined, mustApplyFirst: [], leaveStateInstead: [] });
  });

  test('an organization and an Object Lock bucket leave state instead of being deleted', () => {
    const s = stack('t', {
      aws_organizations_organization: { org: {} },
      aws_s3_bucket: { audit: { object_lock_enabled: true }, logs: {} },
      aws_s3_bucket_object_lock_configuration: { audit: { bucket: '${aws_s3_bucket.audit.id}' } },
    });
    expect(teardownFor(s).leaveStateInstead).toEqual(['aws_organizations_organization.org', 'aws_s3_bucket.audit', 'aws_s3_bucket_object_lock_configuration.audit']);
  });
});

describe('plannedChanges', () => {
  const plan = [
    'Terraform will perform the following actions:',
    '',
    '  # aws_lambda_function.worker will be updated in-place',
    '  ~ resource "aws_lambda_function" "worker" {',
    '        id            = "worker"',
    '      ~ timeout       = 30 -> 60',
    '      ~ last_modified = "2026-12-02" -> (known after apply)',
    '        # (20 unchanged attributes hidden)',
    '    }',
    '',
    '  # aws_eks_cluster.web must be replaced',
    '-/+ resource "aws_eks_cluster" "web" {',
    '      ~ version = "1.30" -> "1.31" # forces replacement',
    '    }',
    '',
    'Plan: 1 to add, 1 to change, 1 to destroy.',
    '',
    'Changes to Outputs:',
    '  ~ endpoint = "a" -> "b"',
  ].join('\n');

  test('names each drifting resource and the attribute lines that differ, not the values only known after apply', () => {
    expect(plannedChanges(plan)).toEqual([
      '# aws_lambda_function.worker will be updated in-place',
      '    ~ resource "aws_lambda_function" "worker" {',
      '    ~ timeout       = 30 -> 60',
      '# aws_eks_cluster.web must be replaced',
      '    ~ version = "1.30" -> "1.31" # forces replacement',
    ]);
  });

  test('a plan with no changes has none', () => {
    expect(plannedChanges('No changes. Your infrastructure matches the configuration.')).toEqual([]);
  });
});

describe('example suites', () => {
  const suites = readdirSync(join(__dirname, '..', 'examples')).filter((f) => f.endsWith('.e2e.ts')).sort();

  test('every example app has its own e2e file, which runs its suite and no other', () => {
    expect(suites).toEqual(exampleNames().map((e) => `${e}.e2e.ts`));
    for (const file of suites) {
      const text = readFileSync(join(__dirname, '..', 'examples', file), 'utf8');
      expect(text).toContain(`describeExample('${file.replace(/\.e2e\.ts$/, '')}');`);
    }
  });

  test('the weak example the plan-mode comparison relies on exists', () => {
    expect(exampleNames()).toContain(WEAK_EXAMPLE);
  });
});

describe('selectStacks', () => {
  const fleet = [stack('dev-network', {}), stack('dev-platform', {}, ['dev-network']), tenant('dev-tenant-acme', ['dev-platform']), stack('prod-baseline', {})];
  const names = (pattern: string | undefined) => selectStacks(fleet, pattern).map((s) => s.name);

  test('keeps the matching stacks and every stack they read from, in the given order', () => {
    expect(names('acme$')).toEqual(['dev-network', 'dev-platform', 'dev-tenant-acme']);
    expect(names('^prod-')).toEqual(['prod-baseline']);
  });

  test('no pattern keeps every stack', () => {
    expect(names(undefined)).toEqual(fleet.map((s) => s.name));
    expect(names('')).toEqual(fleet.map((s) => s.name));
  });

  test('a pattern that matches nothing, or is no regular expression, is refused with the stack names', () => {
    expect(() => names('^stage-')).toThrow('matches none of dev-network, dev-platform, dev-tenant-acme, prod-baseline');
    expect(() => names('prod-(')).toThrow('TENANTFORM_E2E_STACKS is not a regular expression: "prod-("');
  });
});
