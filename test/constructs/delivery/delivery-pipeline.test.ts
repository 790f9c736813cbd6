import { DeliveryPipeline, DeliveryPipelineProps } from '../../../constructs/delivery';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { resourcesOf } from '../../support/synth';

const LOGS_KEY = 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555';
const props = (extra: Partial<DeliveryPipelineProps> = {}): DeliveryPipelineProps => ({
  name: 'platform',
  vpcId: 'vpc-0abc',
  subnetIds: ['subnet-0a', 'subnet-0b'],
  source: { connectionArn: 'arn:aws:codestar-connections:eu-west-1:222222222222:connection/11111111-2222-3333-4444-555555555555', repository: 'acme/data-platform' },
  logsKmsKeyArn: LOGS_KEY,
  deployTargets: [{ environment: 'deployment', roleArn: 'arn:aws:iam::555555555555:role/deploy-from-tooling' }],
  imageRepositories: ['api', 'worker'],
  privilegedBuildReason: 'docker build of the platform images needs the Docker daemon',
  ...extra,
});

describe('DeliveryPipeline', () => {
  test('every build runs in the VPC under the artifacts key, only the image build is privileged, and the gate finds nothing else of its own', () => {
    const { stack, json } = buildIn((s) => new DeliveryPipeline(s, 'pipeline', props()));
    const projects = Object.values(resourcesOf(json, 'aws_codebuild_project'));
    expect(projects.map((p) => p.name).sort()).toEqual(['dev-platform-build', 'dev-platform-deploy-deployment', 'dev-platform-integration-test', 'dev-platform-quality-gate']);
    for (const p of projects) {
      expect(p.vpc_config).toMatchObject({ vpc_id: 'vpc-0abc', subnets: ['subnet-0a', 'subnet-0b'] });
      expect(p.encryption_key).toMatch(/aws_kms_key\.pipeline_artifacts-key_[0-9A-F]+\.arn/);
      expect((p.environment as { privileged_mode: boolean }).privileged_mode).toBe(p.name === 'dev-platform-build');
    }
    const [domain] = Object.values(resourcesOf(json, 'aws_codeartifact_domain'));
    expect(domain!.encryption_key).toMatch(/aws_kms_key\.pipeline_artifacts-key/);
    const [pipeline] = Object.values(resourcesOf(json, 'aws_codepipeline'));
    expect((pipeline!.stage as { name: string }[]).map((s) => s.name)).toEqual(['Source', 'QualityGate', 'Build', 'IntegrationTest', 'Deploy-deployment']);
    expect(Object.values(resourcesOf(json, 'aws_ecr_repository')).map((r) => [r.name, r.image_tag_mutability])).toEqual([['platform/api', 'IMMUTABLE'], ['platform/worker', 'IMMUTABLE']]);
    // Alone, the stack cannot show whose account the deploy role is in; beside the target's stacks (examples/data-platform) it passes.
    expect(gateProblemsOf(stack)).toEqual([expect.stringMatching(/^TF-SEP-6 unknown aws_iam_role_policy\.pipeline_build-role_grant-assume-deploy-roles_/)]);
  });

  test('a granted egress checks its label and port (TF-FN-017), as the other compute constructs do', () => {
    expect(() => buildIn((s) => new DeliveryPipeline(s, 'pipeline', props()).allowEgressTo('Test DB', 'sg-db', 5432))).toThrow(/\[TF-FN-017\] DeliveryPipeline construct-test\/pipeline: .*label/);
    expect(() => buildIn((s) => new DeliveryPipeline(s, 'pipeline', props()).allowEgressTo('test-db', 'sg-db', 0))).toThrow(/\[TF-FN-017\].*port/);
  });

  test('without images nothing is privileged and no reason is asked for', () => {
    const { json } = buildIn((s) => new DeliveryPipeline(s, 'pipeline', props({ imageRepositories: undefined, privilegedBuildReason: undefined })));
    expect(Object.values(resourcesOf(json, 'aws_codebuild_project')).every((p) => (p.environment as { privileged_mode: boolean }).privileged_mode === false)).toBe(true);
  });

  test.each([
    ['a pipeline name with capitals', { name: 'Platform' }, /\[TF-PIPE-001\].*Got: "Platform"/],
    ['a target listed twice', { deployTargets: [props().deployTargets[0]!, props().deployTargets[0]!] }, /\[TF-PIPE-002\]/],
    ['no subnets', { subnetIds: [] }, /\[TF-PIPE-003\]/],
    ['a repository URL instead of owner/name', { source: { ...props().source, repository: 'https://github.com/acme/x' } }, /\[TF-PIPE-004\]/],
    ['images without a reason for privileged mode', { privilegedBuildReason: undefined }, /\[TF-PIPE-005\]/],
    ['a one-word reason', { privilegedBuildReason: 'needed' }, /\[TF-PIPE-005\]/],
    ['a reason without images', { imageRepositories: [], privilegedBuildReason: 'docker build of the platform images needs the Docker daemon' }, /\[TF-PIPE-005\]/],
    ['a deploy role that is not an ARN', { deployTargets: [{ environment: 'deployment', roleArn: 'deploy-role' }] }, /\[TF-PRP-012\]/],
    ['a subnet list with a template', { subnetIds: ['${var.subnet}'] }, /\[TF-PRP-005\]/],
    ['an unknown upstream', { packageUpstreams: ['maven' as never] }, /\[TF-PRP-/],
    ['a log retention CloudWatch does not offer', { logRetentionDays: 10 }, /\[TF-IAM-040\].*Got: 10/],
    ['logs kept forever', { logRetentionDays: 0 }, /\[TF-IAM-040\]/],
  ])('refuses %s', (_why, extra, message) => {
    expect(() => buildIn((s) => new DeliveryPipeline(s, 'pipeline', props(extra as Partial<DeliveryPipelineProps>)))).toThrow(message);
  });
});
