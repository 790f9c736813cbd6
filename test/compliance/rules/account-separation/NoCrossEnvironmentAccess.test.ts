import { NoCrossEnvironmentAccess } from '../../../../compliance/rules/account-separation/NoCrossEnvironmentAccess';
import { byStatus, runRule } from '../../support/compliance-fixtures';
import { allowPrincipal, DEV, devStack, ELSEWHERE, policy, PROD, prodStack } from './separation-fixtures';

const trust = (principal: string) => policy(allowPrincipal({ AWS: principal }, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
const resourcePolicy = (principal: unknown, extra: Record<string, unknown> = {}) => policy({ Effect: 'Allow', Principal: principal, Action: '*', Resource: '*', ...extra });
const devFindings = (resource: Record<string, unknown>, data?: Record<string, unknown>) =>
  byStatus(runRule(NoCrossEnvironmentAccess, prodStack(), devStack({ resource, ...(data ? { data } : {}) })).filter((f) => f.stack === 'dev'), true);

describe('TF-SEP-3 no trust, resource policy or grant across environments', () => {
  test('GIVEN a dev stack beside prod THEN trust, key policy and grants naming prod fail, its own account passes', () => {
    expect(
      devFindings({
        aws_iam_role: { trusts_prod: { assume_role_policy: trust(`arn:aws:iam::${PROD}:root`) }, trusts_dev: { assume_role_policy: trust(`arn:aws:iam::${DEV}:root`) }, trusts_var: { assume_role_policy: trust('${var.principal}') } },
        aws_kms_key: { prod_in_policy: { policy: resourcePolicy({ AWS: `arn:aws:iam::${PROD}:role/app` }) }, no_policy: {} },
        aws_kms_grant: { to_prod: { key_id: 'k', grantee_principal: `arn:aws:iam::${PROD}:role/app`, operations: ['Decrypt'] }, local: { key_id: 'k', grantee_principal: '${aws_iam_role.trusts_dev.arn}', operations: ['Decrypt'] } },
      }),
    ).toEqual({
      fail: [
        `aws_iam_role.trusts_prod#Principal::arn:aws:iam::${PROD}:root`,
        `aws_kms_grant.to_prod#grantee_principal::arn:aws:iam::${PROD}:role/app`,
        `aws_kms_key.prod_in_policy#Principal::arn:aws:iam::${PROD}:role/app`,
      ],
      unknown: ['aws_iam_role.trusts_var#Principal::${var.principal}'],
      suppressed: [],
      pass: ['aws_iam_role.trusts_dev', 'aws_kms_grant.local', 'aws_kms_key.no_policy'],
    });
  });

  test.each([
    ['aws_kms_key_policy', { key_id: 'k', policy: resourcePolicy({ AWS: PROD }) }],
    ['aws_sqs_queue_policy', { queue_url: 'q', policy: resourcePolicy({ AWS: `arn:aws:iam::${PROD}:root` }) }],
    ['aws_sns_topic_policy', { arn: 't', policy: resourcePolicy({ AWS: [`arn:aws:iam::${DEV}:root`, `arn:aws:iam::${PROD}:root`] }) }],
    ['aws_secretsmanager_secret_policy', { secret_arn: 's', policy: resourcePolicy({ AWS: `arn:aws:iam::${PROD}:role/reader` }) }],
    ['aws_ecr_repository_policy', { repository: 'r', policy: resourcePolicy({ AWS: `arn:aws:iam::${PROD}:root` }) }],
    ['aws_s3_bucket_policy', { bucket: 'b', policy: resourcePolicy('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': PROD } } }) }],
    ['aws_sqs_queue', { policy: resourcePolicy({ Service: 'sns.amazonaws.com' }, { Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${PROD}:events` } } }) }],
  ])('GIVEN a %s letting the prod account in THEN it fails', (type, body) => {
    expect(devFindings({ [type]: { p: body } }).fail).toHaveLength(1);
  });

  test('a negated condition naming prod excludes it, and a Deny naming prod takes access away: both pass', () => {
    const r = devFindings({
      aws_sqs_queue_policy: {
        not_prod: { queue_url: 'q', policy: resourcePolicy({ Service: 'sns.amazonaws.com' }, { Condition: { StringNotEquals: { 'aws:SourceAccount': PROD } } }) },
        deny_prod: { queue_url: 'q', policy: policy({ Effect: 'Deny', Principal: { AWS: PROD }, Action: '*', Resource: '*' }) },
      },
    });
    expect(r.pass).toEqual(['aws_sqs_queue_policy.deny_prod', 'aws_sqs_queue_policy.not_prod']);
  });

  test('Lambda permissions: an account principal, a source account or a source ARN in prod fail; a service principal of its own account passes', () => {
    expect(
      devFindings({
        aws_lambda_permission: {
          account: { function_name: 'f', action: 'lambda:InvokeFunction', principal: PROD },
          source: { function_name: 'f', action: 'lambda:InvokeFunction', principal: 's3.amazonaws.com', source_account: PROD },
          arn: { function_name: 'f', action: 'lambda:InvokeFunction', principal: 'sns.amazonaws.com', source_arn: `arn:aws:sns:eu-west-1:${PROD}:t` },
          own: { function_name: 'f', action: 'lambda:InvokeFunction', principal: 's3.amazonaws.com', source_account: DEV },
        },
      }),
    ).toEqual({
      fail: [`aws_lambda_permission.account#principal::${PROD}`, `aws_lambda_permission.arn#source_arn::arn:aws:sns:eu-west-1:${PROD}:t`, `aws_lambda_permission.source#source_account::${PROD}`],
      unknown: [],
      suppressed: [],
      pass: ['aws_lambda_permission.own'],
    });
  });

  test.each([
    ['StringEquals', 'repo:acme/infra:environment:dev', true],
    ['StringLike', 'repo:acme/infra:*', true],
    ['StringLike', 'repo:acme/*', true],
    ['StringLike', 'repo:acme/infra:environment:*', true],
    ['StringEquals', 'repo:acme/infra:environment:prod', false],
    ['StringLike', 'repo:acme/infra:ref:*', false],
    ['StringEquals', 'repo:acme/infra:*', false],
  ])('a prod CI role whose %s sub is %s admits dev jobs: %s', (operator, sub, admits) => {
    const role = {
      assume_role_policy: policy({
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, [operator]: { 'token.actions.githubusercontent.com:sub': sub } },
      }),
    };
    const findings = runRule(NoCrossEnvironmentAccess, prodStack({ resource: { aws_iam_role: { ci: role } } }), devStack()).filter((f) => f.stack === 'prod');
    expect(byStatus(findings, true).fail).toEqual(admits ? ['aws_iam_role.ci#GitHubEnvironment::dev'] : []);
  });

  describe('an account no stack of the run declares', () => {
    const role = { aws_iam_role: { r: { assume_role_policy: trust(`arn:aws:iam::${ELSEWHERE}:root`) } } };

    test('fails from a production stack', () => {
      expect(byStatus(runRule(NoCrossEnvironmentAccess, prodStack({ resource: role })), true).fail).toEqual([`aws_iam_role.r#Principal::arn:aws:iam::${ELSEWHERE}:root`]);
    });

    test('is unknown from a non-production stack (it may be production)', () => {
      expect(byStatus(runRule(NoCrossEnvironmentAccess, devStack({ resource: role })), true).unknown).toEqual([`aws_iam_role.r#Principal::arn:aws:iam::${ELSEWHERE}:root`]);
    });

    test('is unknown when the stack pins no account of its own', () => {
      const stack = devStack({ resource: role, provider: { aws: [{ region: 'eu-west-1', default_tags: [{ tags: { environment: 'dev' } }] }] } });
      expect(byStatus(runRule(NoCrossEnvironmentAccess, stack)).unknown).toEqual(['aws_iam_role.r']);
    });

    test('AWS-owned ELB log delivery accounts belong to no environment', () => {
      const bucket = { aws_s3_bucket_policy: { logs: { bucket: 'b', policy: resourcePolicy({ AWS: 'arn:aws:iam::156460612806:root' }) } } };
      expect(byStatus(runRule(NoCrossEnvironmentAccess, prodStack({ resource: bucket }))).pass).toEqual(['aws_s3_bucket_policy.logs']);
    });
  });

  test('a policy that cannot be read and an account inside a template are judged, never passed', () => {
    const r = byStatus(
      runRule(NoCrossEnvironmentAccess, prodStack({ resource: { aws_sqs_queue_policy: { unread: { queue_url: 'q', policy: '${var.policy}' }, template: { queue_url: 'q', policy: resourcePolicy({ AWS: `arn:aws:iam::${DEV}:role/\${var.name}` }) } } } }), devStack()).filter((f) => f.stack === 'prod'),
    );
    expect(r).toEqual({ fail: ['aws_sqs_queue_policy.template'], unknown: ['aws_sqs_queue_policy.unread'], suppressed: [], pass: [] });
  });

  test('an organization condition alone admits every account of the organization, the other environments included', () => {
    const org = (extra: Record<string, unknown>) => ({ bucket: 'b', policy: resourcePolicy('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij', ...extra } } }) });
    const r = byStatus(runRule(NoCrossEnvironmentAccess, prodStack({ resource: { aws_s3_bucket_policy: { org: org({}), bounded: org({ 'aws:PrincipalAccount': PROD }) } } })), true);
    expect(r.fail).toEqual(['aws_s3_bucket_policy.org#Condition::aws:PrincipalOrgID']);
    expect(r.pass).toEqual(['aws_s3_bucket_policy.bounded']);
    // From dev, the organization lets production in: not the direction separation guards (TF-LP-6 judges the bound).
    expect(byStatus(runRule(NoCrossEnvironmentAccess, devStack({ resource: { aws_s3_bucket_policy: { org: org({}) } } }))).pass).toEqual(['aws_s3_bucket_policy.org']);
  });
});
