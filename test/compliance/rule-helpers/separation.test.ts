/**
 * Declared environment relations, as the separation rules read them from a
 * stack's `"//".tenantform.environment`: trust edges (a role may trust
 * another environment only along an edge, with the edge's condition) and
 * shared accounts (non-production environments that both declare it).
 * Each guarantee is tested from the side that must refuse as well as the one
 * that may pass, and against declarations written by hand to open more.
 */
import { EnvironmentsDoNotShare } from '../../../compliance/rules/account-separation/EnvironmentsDoNotShare';
import { IdentityPoliciesStayInEnvironment } from '../../../compliance/rules/account-separation/IdentityPoliciesStayInEnvironment';
import { NoCrossEnvironmentAccess } from '../../../compliance/rules/account-separation/NoCrossEnvironmentAccess';
import { ProviderPinnedToOneAccount } from '../../../compliance/rules/account-separation/ProviderPinnedToOneAccount';
import { CrossAccountTrustConditions } from '../../../compliance/rules/least-privilege/CrossAccountTrustConditions';
import { StackModel } from '../../../compliance/types';
import { byStatus, runRule } from '../support/compliance-fixtures';
import { allowPrincipal, envStack, policy } from '../rules/account-separation/separation-fixtures';

const TOOLING = '333333333333';
const DEPLOY = '555555555555';
const LINKED = '666666666666';
const DEV = '777777777777';

type Posture = 'production' | 'non-production';
interface Edge { environment: string; accountId: string; posture: Posture; requires: 'external-id' | 'role' | 'oidc' | 'read-only' | 'image-pull' }

function declared(name: string, account: string, posture: Posture, extra: { trusts?: Edge[]; sharesAccountWith?: string[] } = {}, rest: Record<string, unknown> = {}, stackName = name): StackModel {
  const decl = { name, accountId: account, posture, trusts: extra.trusts ?? [], sharesAccountWith: extra.sharesAccountWith ?? [], iamUsers: 'allowed', requiredTagKeys: [] };
  return envStack(stackName, name, account, { '//': { tenantform: { environment: decl } }, ...rest });
}

const edge = (environment: string, accountId: string, requires: Edge['requires'], posture: Posture = 'production'): Edge => ({ environment, accountId, posture, requires });
const role = (name: string, trust: Record<string, unknown>) => ({ resource: { aws_iam_role: { [name]: { assume_role_policy: policy(trust) } } } });
const findings = (rule: Parameters<typeof runRule>[0], stacks: StackModel[], stack: string) => byStatus(runRule(rule, ...stacks).filter((f) => f.stack === stack), true);

describe('trust edges', () => {
  const tooling = declared('tooling', TOOLING, 'production');
  const deployment = (trust: Record<string, unknown>, edges: Edge[] = [edge('tooling', TOOLING, 'role')]) => declared('deployment', DEPLOY, 'production', { trusts: edges }, role('deploy', trust));

  test('GIVEN an edge requiring a role THEN a named role of the trusted account passes, its root and an undeclared account fail', () => {
    const ok = deployment(allowPrincipal({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }));
    const root = deployment(allowPrincipal({ AWS: `arn:aws:iam::${TOOLING}:root` }));
    const bare = deployment(allowPrincipal({ AWS: TOOLING }));
    expect(findings(NoCrossEnvironmentAccess, [tooling, ok], 'deployment').pass).toEqual(['aws_iam_role.deploy']);
    expect(findings(NoCrossEnvironmentAccess, [tooling, root], 'deployment').fail).toEqual([`aws_iam_role.deploy#Edge::tooling::arn:aws:iam::${TOOLING}:root`]);
    expect(findings(NoCrossEnvironmentAccess, [tooling, bare], 'deployment').fail).toEqual([`aws_iam_role.deploy#Edge::tooling::${TOOLING}`]);
    // Without the edge, the same named role is another environment's account: it fails.
    const noEdge = deployment(allowPrincipal({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), []);
    expect(findings(NoCrossEnvironmentAccess, [tooling, noEdge], 'deployment').fail).toEqual([`aws_iam_role.deploy#Principal::arn:aws:iam::${TOOLING}:role/pipeline`]);
  });

  test('GIVEN an edge requiring an external ID THEN only a trust with a real sts:ExternalId passes', () => {
    const deploy = declared('deployment', DEPLOY, 'production');
    const linked = (trust: Record<string, unknown>) => declared('linked', LINKED, 'production', { trusts: [edge('deployment', DEPLOY, 'external-id')] }, role('pivot', trust));
    const principal = { AWS: `arn:aws:iam::${DEPLOY}:role/platform` };
    const withId = linked(allowPrincipal(principal, { Condition: { StringEquals: { 'sts:ExternalId': 'a-long-agreed-secret' } } }));
    const wildcard = linked(allowPrincipal(principal, { Condition: { StringLike: { 'sts:ExternalId': '*' } } }));
    const mfaOnly = linked(allowPrincipal(principal, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
    const fromVar = linked(allowPrincipal(principal, { Condition: { StringEquals: { 'sts:ExternalId': '${var.external_id}' } } }));
    expect(findings(NoCrossEnvironmentAccess, [deploy, withId], 'linked').pass).toEqual(['aws_iam_role.pivot']);
    expect(findings(NoCrossEnvironmentAccess, [deploy, wildcard], 'linked').fail).toHaveLength(1);
    expect(findings(NoCrossEnvironmentAccess, [deploy, mfaOnly], 'linked').fail).toHaveLength(1);
    expect(findings(NoCrossEnvironmentAccess, [deploy, fromVar], 'linked').unknown).toContain(`aws_iam_role.pivot#Edge::deployment::arn:aws:iam::${DEPLOY}:role/platform`);
    // An edge to an account the run does not show with that posture is not honoured.
    expect(findings(NoCrossEnvironmentAccess, [withId], 'linked').pass).toEqual([]);
  });

  test('GIVEN an edge requiring OIDC THEN an OIDC provider of the trusted account passes and a role of it fails', () => {
    const deploy = (principal: Record<string, unknown>) => declared('deployment', DEPLOY, 'production', { trusts: [edge('tooling', TOOLING, 'oidc')] }, role('ci', allowPrincipal(principal, { Action: 'sts:AssumeRoleWithWebIdentity' })));
    expect(findings(NoCrossEnvironmentAccess, [tooling, deploy({ Federated: `arn:aws:iam::${TOOLING}:oidc-provider/token.actions.githubusercontent.com` })], 'deployment').pass).toEqual(['aws_iam_role.ci']);
    expect(findings(NoCrossEnvironmentAccess, [tooling, deploy({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` })], 'deployment').fail).toHaveLength(1);
  });

  test('GIVEN a hand-written edge from a non-production account into production THEN it is ignored and TF-SEP-1 fails it', () => {
    const dev = declared('dev', DEV, 'non-production');
    const crossing = declared('deployment', DEPLOY, 'production', { trusts: [edge('dev', DEV, 'role', 'non-production')] }, role('deploy', allowPrincipal({ AWS: `arn:aws:iam::${DEV}:role/pipeline` })));
    expect(findings(NoCrossEnvironmentAccess, [dev, crossing], 'deployment').fail).toEqual([`aws_iam_role.deploy#Principal::arn:aws:iam::${DEV}:role/pipeline`]);
    expect(findings(ProviderPinnedToOneAccount, [dev, crossing], 'deployment').fail).toEqual(['stack#Edge::dev']);
    // Claiming the dev edge is production does not help: dev's own stacks say otherwise.
    const lying = declared('deployment', DEPLOY, 'production', { trusts: [edge('dev', DEV, 'role', 'production')] }, role('deploy', allowPrincipal({ AWS: `arn:aws:iam::${DEV}:role/pipeline` })));
    expect(findings(NoCrossEnvironmentAccess, [dev, lying], 'deployment').fail).toEqual([`aws_iam_role.deploy#Principal::arn:aws:iam::${DEV}:role/pipeline`]);
  });

  test('GIVEN a role-requiring edge THEN TF-LP-7 leaves the trust to the edge, and without an edge it still asks for an external ID or MFA', () => {
    const along = deployment(allowPrincipal({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }));
    const outside = deployment(allowPrincipal({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` }), []);
    expect(findings(CrossAccountTrustConditions, [tooling, along], 'deployment').pass).toEqual(['aws_iam_role.deploy']);
    expect(findings(CrossAccountTrustConditions, [tooling, outside], 'deployment').fail).toHaveLength(1);
  });

  test('GIVEN the trusting side declares the edge THEN the trusted side may grant sts:AssumeRole on its roles, and nothing more', () => {
    const target = declared('deployment', DEPLOY, 'production', { trusts: [edge('tooling', TOOLING, 'role')] });
    const grant = (statement: Record<string, unknown>) =>
      declared('tooling', TOOLING, 'production', {}, { resource: { aws_iam_role_policy: { deploy: { role: 'pipeline', policy: policy({ Effect: 'Allow', ...statement }) } } } });
    const assume = grant({ Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${DEPLOY}:role/deploy` });
    const more = grant({ Action: ['sts:AssumeRole', 's3:GetObject'], Resource: `arn:aws:iam::${DEPLOY}:role/deploy` });
    const user = grant({ Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${DEPLOY}:user/someone` });
    expect(findings(IdentityPoliciesStayInEnvironment, [target, assume], 'tooling').pass).toEqual(['aws_iam_role_policy.deploy']);
    expect(findings(IdentityPoliciesStayInEnvironment, [target, more], 'tooling').fail).toHaveLength(1);
    // With no edge declared by the deployment side, assuming its role is reaching another environment.
    expect(findings(IdentityPoliciesStayInEnvironment, [declared('deployment', DEPLOY, 'production'), assume], 'tooling').fail).toHaveLength(1);
    expect(findings(IdentityPoliciesStayInEnvironment, [target, user], 'tooling').fail).toHaveLength(1);
  });
});

describe('shared accounts', () => {
  const dev = (shares: string[] = ['staging'], posture: Posture = 'non-production') => declared('dev', DEV, posture, { sharesAccountWith: shares });
  const staging = (shares: string[] = ['dev'], posture: Posture = 'non-production') => declared('staging', DEV, posture, { sharesAccountWith: shares });

  test('GIVEN dev and staging both declaring one account THEN TF-SEP-2 passes both', () => {
    const stacks = [dev(), staging()];
    expect(findings(EnvironmentsDoNotShare, stacks, 'dev')).toEqual({ fail: [], unknown: [], suppressed: [], pass: ['stack'] });
    expect(findings(EnvironmentsDoNotShare, stacks, 'staging').fail).toEqual([]);
  });

  test('GIVEN only one side declares it, or either side is production THEN both sides fail', () => {
    expect(findings(EnvironmentsDoNotShare, [dev(), staging([])], 'dev').fail).toEqual([`stack#Account::${DEV}`]);
    expect(findings(EnvironmentsDoNotShare, [dev(), staging([])], 'staging').fail).toEqual([`stack#Account::${DEV}`]);
    expect(findings(EnvironmentsDoNotShare, [dev(), staging(['dev'], 'production')], 'dev').fail).toEqual([`stack#Account::${DEV}`]);
    expect(findings(ProviderPinnedToOneAccount, [staging(['dev'], 'production')], 'staging').fail).toEqual(['stack#Declaration::sharesAccountWith']);
  });

  test('GIVEN stacks without declarations in one account THEN they fail as before', () => {
    const plain = [envStack('dev', 'dev', DEV), envStack('staging', 'staging', DEV)];
    expect(findings(EnvironmentsDoNotShare, plain, 'dev').fail).toEqual([`stack#Account::${DEV}`]);
  });

  test('GIVEN shared accounts THEN a role of the other sharing environment is the own account, while production stays outside', () => {
    const prod = declared('prod', '111111111111', 'production');
    const trustsProd = declared('dev', DEV, 'non-production', { sharesAccountWith: ['staging'] }, role('r', allowPrincipal({ AWS: 'arn:aws:iam::111111111111:role/x' }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })));
    expect(findings(NoCrossEnvironmentAccess, [prod, trustsProd, staging()], 'dev').fail).toHaveLength(1);
  });
});

describe('declarations', () => {
  test('GIVEN a declaration that disagrees with the providers, or cannot be read THEN TF-SEP-1 fails the stack', () => {
    const wrongAccount = envStack('dev', 'dev', DEV, { '//': { tenantform: { environment: { name: 'dev', accountId: TOOLING, posture: 'non-production', trusts: [], sharesAccountWith: [], iamUsers: 'allowed', requiredTagKeys: [] } } } });
    const wrongName = envStack('dev', 'dev', DEV, { '//': { tenantform: { environment: { name: 'prod', accountId: DEV, posture: 'production', trusts: [], sharesAccountWith: [], iamUsers: 'allowed', requiredTagKeys: [] } } } });
    const garbled = envStack('dev', 'dev', DEV, { '//': { tenantform: { environment: { name: 'dev', accountId: DEV, posture: 'prod-ish', trusts: [] } } } });
    const badEdge = envStack('dev', 'dev', DEV, { '//': { tenantform: { environment: { name: 'dev', accountId: DEV, posture: 'non-production', trusts: [{ environment: 'x', accountId: TOOLING, requires: 'anything' }] } } } });
    expect(findings(ProviderPinnedToOneAccount, [wrongAccount], 'dev').fail).toEqual(['stack#Declaration::account']);
    expect(findings(ProviderPinnedToOneAccount, [wrongName], 'dev').fail).toEqual(['stack#Declaration::name']);
    expect(findings(ProviderPinnedToOneAccount, [garbled], 'dev').fail).toEqual(['stack#Declaration']);
    expect(findings(ProviderPinnedToOneAccount, [badEdge], 'dev').fail).toEqual(['stack#Declaration']);
  });

  test('GIVEN a malformed edge list THEN no edge is honoured', () => {
    const tooling = declared('tooling', TOOLING, 'production');
    const partial = envStack('deployment', 'deployment', DEPLOY, {
      '//': { tenantform: { environment: { name: 'deployment', accountId: DEPLOY, posture: 'production', trusts: [{ environment: 'tooling', accountId: TOOLING, posture: 'production', requires: 'role' }, 7] } } },
      ...role('deploy', allowPrincipal({ AWS: `arn:aws:iam::${TOOLING}:role/pipeline` })),
    });
    expect(findings(NoCrossEnvironmentAccess, [tooling, partial], 'deployment').fail).toHaveLength(1);
  });
});

describe('read-only edges (data sharing)', () => {
  const CONSUMER = '888888888888';
  const consumer = declared('analytics', CONSUMER, 'production');
  const owner = (rest: Record<string, unknown>) => declared('linked', LINKED, 'production', { trusts: [edge('analytics', CONSUMER, 'read-only')] }, rest);
  const bucketPolicy = (actions: string[]) => ({ resource: { aws_s3_bucket_policy: { share: { bucket: 'data', policy: policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${CONSUMER}:root` }, Action: actions, Resource: 'arn:aws:s3:::data/sales/*' }) } } } });
  const grant = (permissions: string[]) => ({ resource: { aws_lakeformation_permissions: { share: { principal: CONSUMER, permissions, table: { database_name: 'sales', name: 'orders' } } } } });

  test('GIVEN a read-only edge THEN a bucket policy or Lake Formation grant that only reads passes TF-SEP-3, and one that writes fails', () => {
    expect(findings(NoCrossEnvironmentAccess, [consumer, owner(bucketPolicy(['s3:GetObject', 's3:ListBucket']))], 'linked').pass).toEqual(['aws_s3_bucket_policy.share']);
    expect(findings(NoCrossEnvironmentAccess, [consumer, owner(bucketPolicy(['s3:GetObject', 's3:PutObject']))], 'linked').fail).toEqual([`aws_s3_bucket_policy.share#Edge::analytics::arn:aws:iam::${CONSUMER}:root`]);
    expect(findings(NoCrossEnvironmentAccess, [consumer, owner(grant(['SELECT', 'DESCRIBE']))], 'linked').pass).toEqual(['aws_lakeformation_permissions.share']);
    expect(findings(NoCrossEnvironmentAccess, [consumer, owner(grant(['ALL']))], 'linked').fail).toEqual([`aws_lakeformation_permissions.share#Edge::analytics::${CONSUMER}`]);
  });

  test('GIVEN a read-only edge THEN a role trusting that account fails: the edge admits no assumed role', () => {
    const trusting = owner(role('r', allowPrincipal({ AWS: `arn:aws:iam::${CONSUMER}:role/analyst` }, { Condition: { StringEquals: { 'sts:ExternalId': 'agreed-secret' } } })));
    expect(findings(NoCrossEnvironmentAccess, [consumer, trusting], 'linked').fail).toEqual([`aws_iam_role.r#Edge::analytics::arn:aws:iam::${CONSUMER}:role/analyst`]);
  });

  test('GIVEN no edge THEN the same read-only share fails as reaching another environment', () => {
    const plain = declared('linked', LINKED, 'production', {}, bucketPolicy(['s3:GetObject']));
    expect(findings(NoCrossEnvironmentAccess, [consumer, plain], 'linked').fail).toHaveLength(1);
  });
});

describe('image-pull edges (a shared-services registry)', () => {
  const MGMT = '121212121212';
  const dev = declared('dev', DEV, 'non-production');
  const prod = declared('prod', '111111111111', 'production');
  const registryPolicy = (actions: string[], principals: string[]) => ({
    resource: { aws_ecr_repository_policy: { pull: { repository: 'web/api', policy: policy({ Effect: 'Allow', Principal: { AWS: principals }, Action: actions }) } } },
  });
  const registry = (rest: Record<string, unknown>, customerData = false) =>
    envStack('registry', 'shared', MGMT, {
      '//': { tenantform: { environment: { name: 'shared', accountId: MGMT, posture: 'production', trusts: [edge('dev', DEV, 'image-pull', 'non-production'), edge('prod', '111111111111', 'image-pull')], sharesAccountWith: [], iamUsers: 'none', requiredTagKeys: [] } } },
      ...(customerData ? { provider: { aws: [{ region: 'eu-west-1', allowed_account_ids: [MGMT], default_tags: [{ tags: { environment: 'shared', 'tenantform:customer-data': 'true' } }] }] } } : {}),
      ...rest,
    });
  const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
  const both = [`arn:aws:iam::${DEV}:root`, 'arn:aws:iam::111111111111:root'];

  test('GIVEN image-pull edges out of a registry without customer data THEN both postures may pull, and TF-SEP-1 accepts the crossing', () => {
    const stacks = [dev, prod, registry(registryPolicy(PULL, both))];
    expect(findings(NoCrossEnvironmentAccess, stacks, 'registry').pass).toEqual(['aws_ecr_repository_policy.pull']);
    expect(findings(ProviderPinnedToOneAccount, stacks, 'registry').fail).toEqual([]);
  });

  test('GIVEN the same edges THEN pushing fails, and a role trusting a puller fails', () => {
    expect(findings(NoCrossEnvironmentAccess, [dev, prod, registry(registryPolicy([...PULL, 'ecr:PutImage'], both))], 'registry').fail).toHaveLength(2);
    expect(findings(NoCrossEnvironmentAccess, [dev, prod, registry(role('r', allowPrincipal({ AWS: `arn:aws:iam::${DEV}:role/ci` })))], 'registry').fail).toEqual([`aws_iam_role.r#Edge::dev::arn:aws:iam::${DEV}:role/ci`]);
  });

  test('GIVEN a registry stack that holds customer data THEN the crossing edge is not honoured and TF-SEP-1 fails it', () => {
    const stacks = [dev, prod, registry(registryPolicy(PULL, both), true)];
    expect(findings(NoCrossEnvironmentAccess, stacks, 'registry').fail).toEqual([`aws_ecr_repository_policy.pull#Principal::arn:aws:iam::${DEV}:root`]);
    expect(findings(ProviderPinnedToOneAccount, stacks, 'registry').fail).toEqual(['stack#Edge::dev']);
  });
});
