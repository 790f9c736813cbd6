import { PasswordPolicy } from '../../../constructs/identity/password-policy';
import { HumanGroups, HUMAN_GROUP_NAMES } from '../../../constructs/identity/groups';
import { HumanUsers, HumanUser } from '../../../constructs/identity/users';
import { HumanRole } from '../../../constructs/identity/human-role';
import { CiDeployRole } from '../../../constructs/identity/ci-deploy-role';
import { SessionManager, grantSessionLogging } from '../../../constructs/identity/session-manager';
import { AuditTrail } from '../../../constructs/identity/audit-trail';
import { AccountBaseline } from '../../../constructs/identity/account-baseline';
import { IamRole } from '../../../core/aws';
import { DEV, newApp, PROD, resourcesOf, synthJson, testEnvironment } from '../../support/synth';
import { IdentityTestStack, parsePolicy, testStack } from './helpers';

const groupsIn = (stack: ReturnType<typeof testStack>) =>
  new HumanGroups(stack, 'groups', { partition: 'aws', accountId: '111111111111', breakGlassRoleArn: 'arn:aws:iam::111111111111:role/bg', operatorRoleArn: 'arn:aws:iam::111111111111:role/op' });

describe('PasswordPolicy', () => {
  test('14+ characters, every class, 24 remembered, 90-day expiry by default', () => {
    const stack = testStack();
    new PasswordPolicy(stack, 'pw');
    expect(Object.values(resourcesOf(synthJson(stack), 'aws_iam_account_password_policy'))[0]).toMatchObject({
      minimum_password_length: 14,
      require_lowercase_characters: true,
      require_uppercase_characters: true,
      require_numbers: true,
      require_symbols: true,
      password_reuse_prevention: 24,
      max_password_age: 90,
    });
  });
  test.each([{ minimumLengthChars: 8 }, { maxAgeDays: -1 }, { maxAgeDays: 2000 }])('rejects %j with TF-IAM-011', (props) => {
    expect(() => new PasswordPolicy(testStack(), 'pw', props)).toThrow(/\[TF-IAM-011\] PasswordPolicy prod-identity\/pw/);
  });
});

describe('HumanGroups', () => {
  test('each group carries the fail-closed force-MFA deny (BoolIfExists), excepting only self-service', () => {
    const stack = testStack();
    groupsIn(stack);
    const json = synthJson(stack);
    const mfaPolicies = Object.values(resourcesOf(json, 'aws_iam_group_policy')).filter((p) => p.name === 'require-mfa');
    expect(mfaPolicies).toHaveLength(4);
    for (const p of mfaPolicies) {
      const deny = parsePolicy(p.policy).Statement[0]!;
      expect(deny).toEqual({
        Sid: 'DenyAllWithoutMfa',
        Effect: 'Deny',
        NotAction: expect.arrayContaining(['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ChangePassword', 'sts:GetSessionToken']),
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      });
      expect(p.policy).not.toMatch(/"Bool":\{"aws:MultiFactorAuthPresent":"false"\}/);
      expect(p.policy).toContain('user/$${aws:username}');
    }
    expect(Object.values(resourcesOf(json, 'aws_iam_group')).map((g) => g.name)).toEqual([...HUMAN_GROUP_NAMES]);
  });
  test('only admins may assume the break-glass role', () => {
    const stack = testStack();
    groupsIn(stack);
    const perms = Object.values(resourcesOf(synthJson(stack), 'aws_iam_group_policy')).filter((p) => p.name === 'permissions');
    const withBreakGlass = perms.filter((p) => String(p.policy).includes('role/bg'));
    expect(withBreakGlass).toHaveLength(1);
    expect(withBreakGlass[0]!.group).toMatch(/^\$\{aws_iam_group\.groups_admins_[0-9A-F]{8}\.name\}$/);
  });
});

describe('HumanUsers', () => {
  function users(list: readonly HumanUser[]) {
    const stack = testStack();
    new HumanUsers(stack, 'users', { users: list, groups: groupsIn(stack).groups });
    return synthJson(stack);
  }
  test('one user per person in their groups; console users get a login profile that must be reset; no keys, no policies', () => {
    const json = users([
      { name: 'ada', groups: ['admins'], console: true },
      { name: 'bot-free.reader', groups: ['read-only'], console: false },
    ]);
    expect(Object.values(resourcesOf(json, 'aws_iam_user')).map((u) => [u.name, u.force_destroy])).toEqual([
      ['ada', true],
      ['bot-free.reader', true],
    ]);
    const profiles = Object.values(resourcesOf(json, 'aws_iam_user_login_profile'));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ password_reset_required: true, lifecycle: { ignore_changes: ['password_length', 'password_reset_required', 'pgp_key'] } });
    expect(resourcesOf(json, 'aws_iam_access_key')).toEqual({});
    expect(resourcesOf(json, 'aws_iam_user_policy')).toEqual({});
    expect(resourcesOf(json, 'aws_iam_user_policy_attachment')).toEqual({});
  });
  test.each<[string, readonly HumanUser[], string]>([
    ['a bad name', [{ name: 'ada lovelace', groups: ['admins'], console: true }], 'TF-IAM-020'],
    ['a duplicate (case-insensitive)', [{ name: 'ada', groups: ['admins'], console: true }, { name: 'ADA', groups: ['admins'], console: true }], 'TF-IAM-021'],
    ['no group', [{ name: 'ada', groups: [], console: true }], 'TF-IAM-022'],
    ['an unknown group', [{ name: 'ada', groups: ['root' as 'admins'], console: true }], 'TF-IAM-022'],
    ['a direct policy', [{ name: 'ada', groups: ['admins'], console: true, policies: ['x'] } as HumanUser], 'TF-IAM-023'],
    ['an access key', [{ name: 'ada', groups: ['admins'], console: true, accessKeys: 1 } as HumanUser], 'TF-IAM-023'],
    ['no console decision', [{ name: 'ada', groups: ['admins'] } as unknown as HumanUser], 'TF-IAM-024'],
  ])('rejects %s', (_why, list, code) => {
    expect(() => users(list)).toThrow(new RegExp(`\\[${code}\\] HumanUsers prod-identity/users`));
  });
});

describe('HumanRole', () => {
  const role = (extra: object) => () => new HumanRole(testStack(), 'r', { roleName: 'r', description: 'd', partition: 'aws', accountId: '111111111111', ...extra });
  test('uses the configured MFA age limit', () => {
    const stack = testStack();
    new HumanRole(stack, 'r', { roleName: 'r', description: 'd', partition: 'aws', accountId: '111111111111', maxMfaAgeSeconds: 900 });
    const trust = parsePolicy(Object.values(resourcesOf(synthJson(stack), 'aws_iam_role'))[0]!.assume_role_policy);
    expect(trust.Statement[0]!.Condition).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '900' } });
  });
  test('rejects a bad MFA age (TF-IAM-010), session length (TF-IAM-012) and wildcard permissions (TF-IAM-001)', () => {
    expect(role({ maxMfaAgeSeconds: 0 })).toThrow(/\[TF-IAM-010\]/);
    expect(role({ maxMfaAgeSeconds: 86_400 })).toThrow(/\[TF-IAM-010\]/);
    expect(role({ maxSessionDurationSeconds: 60 })).toThrow(/\[TF-IAM-012\]/);
    // IAM's floor for a role's MaxSessionDuration is an hour: 900 s was accepted here and refused by terraform validate.
    for (const bad of [900, 3599, 43_201]) expect(role({ maxSessionDurationSeconds: bad })).toThrow(/\[TF-IAM-012\]/);
    for (const ok of [3600, 43_200]) expect(role({ maxSessionDurationSeconds: ok })).not.toThrow();
    expect(role({ statements: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })).toThrow(/\[TF-IAM-001\]/);
    expect(role({ statements: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] })).toThrow(/\[TF-IAM-001\]/);
  });
});

describe('CiDeployRole', () => {
  const OIDC = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';
  function ci(github: object, environment = DEV) {
    const stack = testStack(environment);
    const role = new CiDeployRole(stack, 'ci', { oidcProviderArn: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com', github: { owner: 'acme', repository: 'infra', ...github } });
    return { role, json: synthJson(stack) };
  }
  test('trusts exactly one repository environment, through OIDC, with the STS audience', () => {
    const { json } = ci({}, testEnvironment({ name: 'prod', accountId: '111111111111', state: { kind: 's3', bucket: 'acme-prod-tfstate', kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/abc' } }));
    const role = Object.values(resourcesOf(json, 'aws_iam_role'))[0]!;
    expect(parsePolicy(role.assume_role_policy).Statement[0]).toEqual({
      Sid: 'GithubEnvironmentOnly',
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/infra:environment:prod' } },
    });
    const state = parsePolicy(Object.values(resourcesOf(json, 'aws_iam_policy')).find((p) => p.name === 'ci-deploy-state')!.policy).Statement;
    expect(state.map((s) => s.Resource)).toEqual(['arn:aws:s3:::acme-prod-tfstate', 'arn:aws:s3:::acme-prod-tfstate/tenantform/*', 'arn:aws:kms:eu-west-1:111111111111:key/abc']);
  });
  test('a state key given by alias is matched through kms:ResourceAliases', () => {
    const { json } = ci({});
    const state = parsePolicy(Object.values(resourcesOf(json, 'aws_iam_policy')).find((p) => p.name === 'ci-deploy-state')!.policy).Statement;
    expect(state[2]).toMatchObject({ Resource: 'arn:aws:kms:eu-west-1:222222222222:key/*', Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/acme-dev-tfstate' } } });
  });
  test('regional permissions are limited to the environment regions, scoped by the environment tag, and never include service:* or *', () => {
    const { json } = ci({});
    const regional = Object.values(resourcesOf(json, 'aws_iam_policy'))
      .filter((p) => p.name === 'ci-deploy-regional' || p.name === 'ci-deploy-regional-change')
      .flatMap((p) => parsePolicy(p.policy).Statement);
    const bySid = (sid: string) => regional.find((s) => s.Sid === sid)!;
    expect(bySid('RegionalRead').Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } });
    expect(bySid('RegionalCreateTagged').Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': ['eu-west-1'], 'aws:RequestTag/environment': 'dev' } });
    expect(bySid('RegionalChangeTagged').Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': ['eu-west-1'], 'aws:ResourceTag/environment': 'dev' } });
    // Data reads (secret values, parameters) are never on the untagged read statement.
    expect(bySid('RegionalRead').Action).not.toContain('secretsmanager:Get*');
    expect(bySid('RegionalChangeTagged').Action).toContain('secretsmanager:Get*');
    for (const s of regional.filter((x) => x.Effect === 'Allow')) for (const a of s.Action as string[]) expect(a).not.toMatch(/^\*$|:\*$/);
    expect(bySid('RegionalWorkloadBuckets').Resource).toEqual(['arn:aws:s3:::tf-dev-*', 'arn:aws:s3:::tf-dev-*/*']);
    expect(bySid('NeverWeakenSecurityServices')).toMatchObject({ Effect: 'Deny', Action: expect.arrayContaining(['cloudtrail:StopLogging', 'guardduty:DeleteDetector']) });
    expect(bySid('NeverRetagOtherEnvironments')).toMatchObject({ Effect: 'Deny', Action: expect.arrayContaining(['ec2:CreateTags']), Condition: { StringNotEquals: { 'aws:ResourceTag/environment': 'dev' }, Null: { 'aws:ResourceTag/environment': 'false' } } });
  });
  test('every CI deploy policy fits the 6,144 characters IAM allows a managed policy', () => {
    const { json } = ci({});
    const sizes = Object.values(resourcesOf(json, 'aws_iam_policy')).map((p) => String(p.policy).replace(/\s/g, '').length);
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(6144);
  });
  test('roles are created and given permissions only with the workload boundary attached, and never warns', () => {
    const stack = testStack(DEV);
    const role = new CiDeployRole(stack, 'ci', { oidcProviderArn: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com', github: { owner: 'acme', repository: 'infra' } });
    const iam = parsePolicy(Object.values(resourcesOf(synthJson(stack), 'aws_iam_policy')).find((p) => p.name === 'ci-deploy-iam')!.policy).Statement;
    const boundary = 'arn:aws:iam::222222222222:policy/tenantform-baseline/workload-boundary';
    expect(iam.find((s) => s.Sid === 'CreateBoundedRoles')!.Condition).toEqual({ StringEquals: { 'iam:PermissionsBoundary': boundary, 'aws:RequestTag/environment': 'dev' } });
    expect(iam.find((s) => s.Sid === 'ChangeBoundedRolePermissions')!.Condition).toEqual({ StringEquals: { 'iam:PermissionsBoundary': boundary, 'aws:ResourceTag/environment': 'dev' } });
    expect(iam.find((s) => s.Sid === 'NeverGrantTheBoundary')).toMatchObject({ Effect: 'Deny', Condition: { ArnEquals: { 'iam:PolicyARN': boundary } } });
    expect(role.node.metadata.filter((m) => m.type === 'aws:cdk:warning')).toEqual([]);
  });
  test.each<[object, string]>([
    [{ owner: 'acme/*' }, 'TF-IAM-030'],
    [{ repository: '*' }, 'TF-IAM-030'],
    [{ environment: '*' }, 'TF-IAM-031'],
    [{ environment: 'prod:ref' }, 'TF-IAM-031'],
  ])('rejects %j', (github, code) => {
    expect(() => ci(github)).toThrow(new RegExp(`\\[${code}\\] CiDeployRole dev-identity/ci`));
  });
  test('is named ci-deploy, with ci-deploy-<part> policies, unless the props name it', () => {
    const names = (json: ReturnType<typeof ci>['json']) => [...Object.values(resourcesOf(json, 'aws_iam_role')), ...Object.values(resourcesOf(json, 'aws_iam_policy'))].map((r) => r.name).sort();
    expect(names(ci({}).json)).toEqual(['ci-deploy', 'ci-deploy-global', 'ci-deploy-iam', 'ci-deploy-regional', 'ci-deploy-regional-change', 'ci-deploy-state']);
    const stack = testStack(DEV);
    new CiDeployRole(stack, 'ci', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' }, name: 'ci-deploy-staging' });
    expect(names(synthJson(stack))).toEqual(['ci-deploy-staging', 'ci-deploy-staging-global', 'ci-deploy-staging-iam', 'ci-deploy-staging-regional', 'ci-deploy-staging-regional-change', 'ci-deploy-staging-state']);
  });
  test.each(['', 'ci deploy', 'ci/deploy', 'ci-deploy-*', 'x'.repeat(65), 'déploi', 'ci-deploy\n'])('rejects the name %j with TF-IAM-034, showing it', (name) => {
    expect(() => new CiDeployRole(testStack(DEV), 'ci', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' }, name })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`\\[TF-IAM-034\\] CiDeployRole dev-identity/ci[\\s\\S]*${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)) }),
    );
  });
  test('refuses a non-string name with a coded error', () => {
    expect(() => new CiDeployRole(testStack(DEV), 'ci', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' }, name: 42 as never })).toThrow(/\[TF-PRP-\d+\]/);
  });
  test('refuses a second CI deploy role of the same name in the same account anywhere in the app (TF-IAM-035), naming the first', () => {
    const app = newApp();
    // dev and staging in one account, as the web platform has them.
    const dev = new IdentityTestStack(app, 'dev-baseline', { environment: testEnvironment({ sharesAccountWith: ['staging'] }) });
    new CiDeployRole(dev, 'ci-deploy', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' } });
    const staging = new IdentityTestStack(app, 'staging-ci', { environment: testEnvironment({ name: 'staging', accountId: DEV.accountId, sharesAccountWith: ['dev'] }) });
    expect(() => new CiDeployRole(staging, 'ci-deploy', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' } })).toThrow(
      /\[TF-IAM-035\] CiDeployRole staging-ci\/ci-deploy: account 222222222222 already gets a CI deploy role named "ci-deploy" from dev-baseline\/ci-deploy[\s\S]*ci-deploy-staging/,
    );
    // IAM compares role names without regard to case.
    expect(() => new CiDeployRole(staging, 'ci-deploy-upper', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' }, name: 'CI-Deploy' })).toThrow(/\[TF-IAM-035\]/);
    // Its own name, or another account, is fine.
    new CiDeployRole(staging, 'ci-deploy-own', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' }, name: 'ci-deploy-staging' });
    new CiDeployRole(new IdentityTestStack(app, 'prod-baseline', { environment: PROD }), 'ci-deploy', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' } });
    // A separate app starts with no names taken.
    new CiDeployRole(testStack(DEV), 'ci-deploy', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' } });
  });
  test.each([0, -1, 14, 3599, 43_201, 1290034711])('rejects the longest session %j with TF-IAM-036, showing it (IAM accepts 3600-43200)', (seconds) => {
    expect(() => new CiDeployRole(testStack(DEV), 'ci', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' }, maxSessionDurationSeconds: seconds })).toThrow(
      new RegExp(`\\[TF-IAM-036\\] CiDeployRole dev-identity/ci[\\s\\S]*${String(seconds).replace('.', '\\.')}`),
    );
  });
  test('takes a longest session IAM accepts, at both ends', () => {
    for (const seconds of [3600, 43_200]) {
      const stack = testStack(DEV);
      new CiDeployRole(stack, 'ci', { oidcProviderArn: OIDC, github: { owner: 'acme', repository: 'infra' }, maxSessionDurationSeconds: seconds });
      expect(Object.values(resourcesOf(synthJson(stack), 'aws_iam_role'))[0]!.max_session_duration).toBe(seconds);
    }
  });
  test('rejects an unknown deploy service', () => {
    expect(() => new CiDeployRole(testStack(DEV), 'ci', { oidcProviderArn: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com', github: { owner: 'a', repository: 'b' }, services: ['lambda' as 'ec2'] })).toThrow(/\[TF-IAM-032\]/);
  });
});

describe('SessionManager', () => {
  test('sessions are KMS-encrypted and logged to a KMS-encrypted log group', () => {
    const stack = testStack();
    new SessionManager(stack, 'ssm');
    const json = synthJson(stack);
    const group = Object.values(resourcesOf(json, 'aws_cloudwatch_log_group'))[0]!;
    expect(group).toMatchObject({ name: '/tenantform/ssm-sessions', retention_in_days: 365 });
    expect(group.kms_key_id).toMatch(/aws_kms_key\..*\.arn/);
    const doc = Object.values(resourcesOf(json, 'aws_ssm_document'))[0]!;
    expect(doc.name).toBe('SSM-SessionManagerRunShell');
    const inputs = JSON.parse(doc.content as string).inputs;
    expect(inputs).toMatchObject({ cloudWatchLogGroupName: '/tenantform/ssm-sessions', cloudWatchEncryptionEnabled: true });
    expect(inputs.kmsKeyId).toMatch(/aws_kms_key\..*\.key_id/);
  });
  test('rejects retention (TF-IAM-040) and idle timeout (TF-IAM-041) outside what AWS accepts', () => {
    expect(() => new SessionManager(testStack(), 'ssm', { logRetentionDays: 42 })).toThrow(/\[TF-IAM-040\]/);
    expect(() => new SessionManager(testStack(), 'ssm', { idleTimeoutMinutes: 90 })).toThrow(/\[TF-IAM-041\]/);
  });
  test('grantSessionLogging gives a host role only its log streams and the session key by alias', () => {
    const stack = testStack();
    const host = new IamRole(stack, 'host', { name: 'host', assumeRolePolicy: '{}' });
    const g = grantSessionLogging(host, stack.environment);
    expect(g.statements[1]!.Resource).toEqual(['arn:aws:logs:eu-west-1:111111111111:log-group:/tenantform/ssm-sessions:*']);
  });
});

describe('AuditTrail', () => {
  test('multi-region, validated, KMS-encrypted, with CloudWatch Logs, into a TLS-only versioned bucket', () => {
    const stack = testStack();
    new AuditTrail(stack, 'trail');
    const json = synthJson(stack);
    const trail = Object.values(resourcesOf(json, 'aws_cloudtrail'))[0]!;
    expect(trail).toMatchObject({ is_multi_region_trail: true, enable_log_file_validation: true, include_global_service_events: true });
    expect(trail.kms_key_id).toMatch(/aws_kms_key/);
    expect(trail.cloud_watch_logs_group_arn).toMatch(/aws_cloudwatch_log_group\..*\.arn\}:\*$/);
    expect(Object.values(resourcesOf(json, 'aws_s3_bucket_versioning'))[0]!.versioning_configuration).toEqual({ status: 'Enabled' });
    const bucketPolicy = parsePolicy(Object.values(resourcesOf(json, 'aws_s3_bucket_policy'))[0]!.policy);
    expect(bucketPolicy.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(Object.values(resourcesOf(json, 'aws_kms_key')).every((k) => k.enable_key_rotation === true)).toBe(true);
  });
  test('rejects short retention (TF-IAM-050) and object lock beyond retention (TF-IAM-051)', () => {
    expect(() => new AuditTrail(testStack(), 't', { bucketRetentionDays: 30 })).toThrow(/\[TF-IAM-050\]/);
    expect(() => new AuditTrail(testStack(), 't', { objectLockDays: 400 })).toThrow(/\[TF-IAM-051\]/);
  });

  test.each([
    ['too short', 'ab'],
    ['a period, which the KMS alias refuses', 'audit.trail'],
    ['a space', 'audit trail'],
    ['a trailing hyphen', 'audit-'],
    ['longer than its <name>-to-logs role allows', 'a'.repeat(57)],
  ])('rejects a trail name with %s (TF-IAM-052)', (_why, trailName) => {
    expect(() => new AuditTrail(testStack(), 't', { trailName })).toThrow(/\[TF-IAM-052\].*trailName must be 3-56 letters/);
  });

  test('accepts a 56-character trail name, whose role name is 64', () => {
    expect(() => new AuditTrail(testStack(), 't', { trailName: 'a'.repeat(56) })).not.toThrow();
  });

  test.each(['Audit-Logs', 'ab', 'a'.repeat(64), 'audit..logs', '192.168.1.1', '-audit', 'audit_logs'])('rejects audit bucket name %p (TF-IAM-053)', (bucketName) => {
    expect(() => new AuditTrail(testStack(), 't', { bucketName })).toThrow(/\[TF-IAM-053\].*bucketName must be an S3 bucket name/);
  });
});

describe('AccountBaseline', () => {
  test('rejects a provider for a region the environment does not use (TF-IAM-060)', () => {
    const stack = testStack();
    expect(() => new AccountBaseline(stack, 'b', { users: [], regionalProviders: { 'us-west-2': stack.provider } })).toThrow(/\[TF-IAM-060\]/);
  });
  test('turns on GuardDuty, Access Analyzer, EBS default encryption with a CMK, the S3 account block and Config', () => {
    const stack = testStack();
    new AccountBaseline(stack, 'b', { users: [] });
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'aws_guardduty_detector'))[0]!.enable).toBe(true);
    expect(Object.values(resourcesOf(json, 'aws_accessanalyzer_analyzer'))[0]!.type).toBe('ACCOUNT');
    expect(Object.values(resourcesOf(json, 'aws_ebs_default_kms_key'))[0]!.key_arn).toMatch(/aws_kms_key/);
    expect(Object.values(resourcesOf(json, 'aws_s3_account_public_access_block'))[0]).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(Object.values(resourcesOf(json, 'aws_config_configuration_recorder_status'))[0]!.is_enabled).toBe(true);
    expect(resourcesOf(json, 'aws_iam_openid_connect_provider')).toEqual({});
  });
});
