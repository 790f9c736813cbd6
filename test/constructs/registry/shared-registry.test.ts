import { SharedRegistry, SharedRegistryProps } from '../../../constructs/registry/shared-registry';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { resourcesOf, testEnvironment } from '../../support/synth';

const SHARED = testEnvironment({ name: 'shared', accountId: '333333333333', state: { kind: 's3', bucket: 'acme-shared-tfstate', kmsKeyId: 'alias/acme-shared-tfstate' } });
const BASE: SharedRegistryProps = {
  repositories: ['web/frontend', 'web/backend'],
  pullAccounts: { development: { accountId: '222222222222', roleNames: ['dev-web-nodes', 'staging-web-nodes'] }, production: { accountId: '111111111111' } },
  pushRoleNames: ['github-deploy'],
};
const build = (props: Partial<SharedRegistryProps> = {}) => buildIn((stack) => new SharedRegistry(stack, 'registry', { ...BASE, ...props }), SHARED);

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

  it('the gate passes it (TF-LP-40: cross-account pull only, named), but for TF-SEP-3 on the cross-account policies', () => {
    // TF-SEP-3 reads any grant to another environment's account as crossing the boundary; a pull-only registry
    // exception is requested from its owner (/tmp/tf-coord/requests.md, 01:12). Everything else passes.
    const problems = gateProblemsOf(stack);
    expect(problems.filter((p) => !p.startsWith('TF-SEP-3 '))).toEqual([]);
    expect(new Set(problems.map((p) => p.split(' ')[2]))).toEqual(new Set(Object.keys(resourcesOf(json, 'aws_ecr_repository_policy')).map((n) => `aws_ecr_repository_policy.${n}`)));
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
