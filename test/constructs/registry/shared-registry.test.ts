import { SharedRegistry, SharedRegistryProps } from '../../../constructs/registry/shared-registry';
import { checkStacks, gateFailures } from '../../../compliance/engine';
import { stackFromJson } from '../../../compliance/model';
import { allRules } from '../../../compliance/rules';
import { TerraformStack } from '../../../core/cdktf';
import { buildIn, ConstructTestStack } from '../../support/construct-fixtures';
import { resourcesOf, testEnvironment } from '../../support/synth';

const DEV_ACCOUNT = testEnvironment({ name: 'dev', accountId: '222222222222' });
const PROD_ACCOUNT = testEnvironment({ name: 'prod', accountId: '111111111111', state: { kind: 's3', bucket: 'acme-prod-tfstate', kmsKeyId: 'alias/acme-prod-tfstate' } });
/** Shared services, pulled from along image-pull edges only. */
const SHARED = testEnvironment({
  name: 'shared',
  accountId: '333333333333',
  posture: 'production',
  holdsCustomerData: false,
  trusts: [DEV_ACCOUNT, PROD_ACCOUNT].map((from) => ({ from, requires: 'image-pull' as const })),
  state: { kind: 's3', bucket: 'acme-shared-tfstate', kmsKeyId: 'alias/acme-shared-tfstate' },
});
/** The registry's account without the edges. */
const UNDECLARED = { ...SHARED, trusts: undefined };
const BASE: SharedRegistryProps = {
  repositories: ['web/frontend', 'web/backend'],
  pullAccounts: { development: { accountId: '222222222222', roleNames: ['dev-web-nodes', 'staging-web-nodes'] }, production: { accountId: '111111111111' } },
  pushRoleNames: ['github-deploy'],
};
const build = (props: Partial<SharedRegistryProps> = {}, env = SHARED) => buildIn((stack) => new SharedRegistry(stack, 'registry', { ...BASE, ...props }), env);

describe('SharedRegistry', () => {
  const { json, stack, built } = build();

  it('immutable, scanned, KMS-encrypted repositories under its own rotating key', () => {
    const repos = Object.values(resourcesOf(json, 'aws_ecr_repository'));
    expect(repos.map((r) => r.name)).toEqual(['web/frontend', 'web/backend']);
    for (const r of repos) {
      expect(r).toMatchObject({ image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: { scan_on_push: true }, encryption_configuration: [{ encryption_type: 'KMS' }] });
      expect(JSON.stringify(r.encryption_configuration)).toMatch(/aws_kms_key\.registry_key/);
    }
    expect(Object.keys(built.repositories)).toEqual(['web/frontend', 'web/backend']);
  });

  it('named accounts and roles may pull only; the CI role of this account may push', () => {
    for (const p of Object.values(resourcesOf(json, 'aws_ecr_repository_policy'))) {
      const doc = JSON.parse(p.policy as string);
      expect(doc.Statement).toEqual([
        { Sid: 'NamedAccountsPull', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::222222222222:role/dev-web-nodes', 'arn:aws:iam::222222222222:role/staging-web-nodes', 'arn:aws:iam::111111111111:root'] }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'] },
        expect.objectContaining({ Sid: 'CiPushes', Principal: { AWS: ['arn:aws:iam::333333333333:role/github-deploy'] } }),
      ]);
    }
  });

  /** The gate over the registry's stack and one (empty) stack per consuming environment, so the run declares their accounts. */
  const gateWithConsumers = (registry: TerraformStack): string[] => {
    const consumers = [DEV_ACCOUNT, PROD_ACCOUNT].map((environment) => new ConstructTestStack(registry.node.scope as never, `${environment.name}-consumer`, { environment }));
    const models = [registry, ...consumers].map((s) => stackFromJson(s.toTerraform(), s.node.id, s.node.id));
    return gateFailures(checkStacks(models, allRules)).map((f) => `${f.ruleId} ${f.status} ${f.address}`);
  };

  it('the gate passes it along declared image-pull edges (TF-LP-40: pull only, named)', () => {
    expect(gateWithConsumers(stack)).toEqual([]);
  });

  it('without the edges, the account-separation invariant reports every cross-account policy', () => {
    const { stack: undeclared, json: j } = build({}, UNDECLARED);
    const problems = gateWithConsumers(undeclared);
    expect(new Set(problems.map((p) => p.split(' ')[0]))).toEqual(new Set(['TF-SEP-3']));
    expect(new Set(problems.map((p) => p.split(' ')[2]))).toEqual(new Set(Object.keys(resourcesOf(j, 'aws_ecr_repository_policy')).map((n) => `aws_ecr_repository_policy.${n}`)));
  });

  it.each([
    ['no repositories', { repositories: [] }, /\[TF-ECR-001\]/],
    ['an uppercase repository', { repositories: ['Web'] }, /\[TF-ECR-001\]/],
    ['a wildcard role', { pullAccounts: { dev: { accountId: '222222222222', roleNames: ['*'] } } }, /\[TF-ECR-002\]/],
    ['a short account', { pullAccounts: { dev: { accountId: '2222' } } }, /\[TF-ECR-002\]/],
    ['its own account', { pullAccounts: { self: { accountId: '333333333333' } } }, /\[TF-ECR-002\]/],
    ['keepImages 0', { keepImages: 0 }, /\[TF-ECR-003\]/],
  ])('refuses %s', (_, props, error) => {
    expect(() => build(props as Partial<SharedRegistryProps>)).toThrow(error);
  });
});
