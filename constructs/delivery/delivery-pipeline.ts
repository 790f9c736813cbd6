import { allowEgressToGroup, workloadSecurityGroup } from '../compute/workload-security-group';
import { checkLogRetention } from '../compute/log-retention';
import { CloudwatchLogGroup, CodeartifactDomain, CodeartifactRepository, CodebuildProject, Codepipeline, EcrRepository, IamRole, SecurityGroup } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { suppress } from '../../core/suppressions';
import { validateProps } from '../../core/validation';
import { imageRepository } from '../compute/image-repository';
import { grantAssumeRoles, grantBucketReadWrite, grantBuildNetworkInterfaces, grantBuildRun, grantConnectionUse, grantImagePush, grantKeyEncryptDecrypt, grantLogGroupWrite, grantPackageRead } from '../iam/grants';
import { serviceTrustPolicy } from '../iam/policy';
import { partitionOf } from '../identity/arn';
import { workloadBoundaryArn } from '../identity/workload-boundary';
import { customerManagedKey } from '../kms/customer-managed-key';
import { secureBucket } from '../platform/storage/secure-bucket';
import { DeliveryPipelinePropsSchema } from './delivery-pipeline.schema';

/** Where the pipeline's source comes from: a repository behind a CodeStar (CodeConnections) connection. */
export interface PipelineSource {
  readonly connectionArn: string;
  /** `owner/repository`. */
  readonly repository: string;
  /** @default 'main' */
  readonly branch?: string;
}

/** One environment the pipeline deploys into, through a role that environment holds for it. */
export interface DeployTarget {
  /** Environment name; one deploy stage per target, in the order given. */
  readonly environment: string;
  /** ARN of the target's deploy role (a `CrossAccountRole` trusting this pipeline's build role). */
  readonly roleArn: string;
}

/** Buildspec files (paths in the repository) of the pipeline's stages. */
export interface PipelineBuildspecs {
  /** @default 'buildspecs/quality-gate.yml' */
  readonly qualityGate?: string;
  /** @default 'buildspecs/build.yml' */
  readonly build?: string;
  /** @default 'buildspecs/integration-test.yml' */
  readonly integrationTest?: string;
  /** @default 'buildspecs/deploy.yml' */
  readonly deploy?: string;
}

export interface DeliveryPipelineProps {
  /** Lowercase label, e.g. `platform`; names the pipeline, projects, repositories and domain. */
  readonly name: string;
  readonly vpcId: string;
  /** Private subnets the builds run in (they leave through NAT or VPC endpoints). */
  readonly subnetIds: readonly string[];
  readonly source: PipelineSource;
  /** Customer-managed key of the build log groups. */
  readonly logsKmsKeyArn: string;
  /** Environments to deploy into, in order. */
  readonly deployTargets: readonly DeployTarget[];
  /**
   * ECR repositories the build stage pushes images to (scan on push, immutable tags, KMS).
   * @default - none
   */
  readonly imageRepositories?: readonly string[];
  /**
   * Why the build stage runs privileged. Docker image builds need it; any other
   * build does not. Required when `imageRepositories` is set; it becomes the
   * reason of the gate's suppression.
   * @default - the build stage is not privileged
   */
  readonly privilegedBuildReason?: string;
  /**
   * Public package registries the CodeArtifact repository proxies (one upstream store each).
   * @default ['pypi', 'npmjs']
   */
  readonly packageUpstreams?: readonly ('pypi' | 'npmjs')[];
  /** @default - the files named in {@link PipelineBuildspecs} */
  readonly buildspecs?: PipelineBuildspecs;
  /**
   * Build image of every project.
   * @default 'aws/codebuild/amazonlinux2-x86_64-standard:5.0'
   */
  readonly buildImage?: string;
  /** @default 365 */
  readonly logRetentionDays?: number;
}

const LABEL = /^[a-z][a-z0-9-]{0,29}$/;
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;

/**
 * CI/CD in a tooling account: CodePipeline over a repository connection, with
 * a quality gate (dependency scanning), a build that pushes images to ECR, an
 * integration-test stage and one deploy stage per target environment. Every
 * CodeBuild project runs in the VPC's private subnets, unprivileged unless a
 * reason is given, with logs and artifacts under customer-managed keys;
 * third-party packages come through a KMS-encrypted CodeArtifact domain.
 * Deploys assume each target's deploy role, which that environment holds
 * along a declared trust edge; nothing here can reach a target without it.
 */
export class DeliveryPipeline extends Construct {
  public readonly pipeline: Codepipeline;
  /** The role every build runs as; targets' deploy roles trust its name, `<name>-build`. */
  public readonly buildRole: IamRole;
  public readonly buildRoleName: string;
  /** Builds' network identity: give it access to what integration tests reach (`allowEgressTo`). */
  public readonly securityGroup: SecurityGroup;
  public readonly artifactsKeyArn: string;
  public readonly packages: CodeartifactRepository;
  public readonly imageRepositories: readonly EcrRepository[];
  public readonly projects: Readonly<Record<string, CodebuildProject>>;

  constructor(scope: Construct, id: string, props: DeliveryPipelineProps) {
    super(scope, id);
    const where = describeConstruct('DeliveryPipeline', this.node);
    validateProps(DeliveryPipelinePropsSchema, props, where);
    validate(props, where);
    const env = environmentOf(this, 'DeliveryPipeline');
    const partition = partitionOf(env.region);
    const name = `${env.name}-${props.name}`;

    const key = customerManagedKey(this, {
      keyId: 'artifacts-key',
      aliasId: 'artifacts-key-alias',
      description: `${name} pipeline artifacts and packages`,
      alias: `tenantform/${env.name}/pipeline/${props.name}`,
      partition,
      accountId: env.accountId,
      accountMayUse: true,
      statements: [],
    });
    this.artifactsKeyArn = key.key.arn;
    const artifacts = secureBucket(new Construct(this, 'artifacts'), {
      bucketPrefix: `${name}-artifacts-`,
      encryption: { kind: 'kms', keyArn: key.key.arn },
      objectOwnership: 'BucketOwnerEnforced',
      lifecycleRule: { id: 'expire-old-artifacts', status: 'Enabled', filter: [{ prefix: '' }], expiration: [{ days: 90 }], noncurrentVersionExpiration: [{ noncurrentDays: 30 }], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] },
      statements: () => [],
    });

    const domain = new CodeartifactDomain(this, 'package-domain', { domain: name, encryptionKey: key.key.arn });
    const upstreams = (props.packageUpstreams ?? ['pypi', 'npmjs']).map(
      (u) => new CodeartifactRepository(this, `package-upstream-${u}`, { domain: domain.domain, repository: `${u}-store`, externalConnections: { externalConnectionName: `public:${u}` } }),
    );
    this.packages = new CodeartifactRepository(this, 'packages', {
      domain: domain.domain,
      repository: `${props.name}-packages`,
      description: 'Third-party packages the builds install, proxied from public registries',
      upstream: upstreams.map((u) => ({ repositoryName: u.repository })),
    });

    this.securityGroup = workloadSecurityGroup(this, {
      id: 'build-security-group',
      httpsOutId: 'build-https-out',
      name: `${name}-build`,
      description: `${name} builds: no ingress; HTTPS out, plus what is granted`,
      vpcId: props.vpcId,
      nameTag: `${this.node.path}/build`,
      httpsOutDescription: 'HTTPS to AWS APIs and the repository host through NAT or endpoints',
    });

    this.buildRoleName = `${name}-build`;
    this.buildRole = new IamRole(this, 'build-role', {
      name: this.buildRoleName,
      description: `Runs the ${name} builds; permissions come from grants`,
      assumeRolePolicy: serviceTrustPolicy('codebuild.amazonaws.com', env.accountId),
      permissionsBoundary: workloadBoundaryArn(env),
    });
    const logGroup = new CloudwatchLogGroup(this, 'build-logs', { name: `/aws/codebuild/${name}`, retentionInDays: checkLogRetention(props.logRetentionDays ?? 365, where), kmsKeyId: props.logsKmsKeyArn });
    grantLogGroupWrite(logGroup, this.buildRole);
    grantBucketReadWrite(artifacts.bucket, this.buildRole, { id: 'artifacts-readwrite' });
    grantKeyEncryptDecrypt(key.key, this.buildRole, { id: 'artifacts-key-use' });
    grantPackageRead({ arn: this.packages.arn, domainArn: domain.arn, node: this.packages.node }, this.buildRole);
    grantBuildNetworkInterfaces(this.buildRole, { partition, region: env.region, accountId: env.accountId, subnetIds: props.subnetIds, securityGroupIds: [this.securityGroup.id] });

    this.imageRepositories = (props.imageRepositories ?? []).map((r) => {
      const repo = imageRepository(this, { id: `image-${r}`, name: `${props.name}/${r}`, kmsKeyArn: key.key.arn });
      grantImagePush(repo, this.buildRole, { id: `ecr-push-${r}` });
      return repo;
    });
    if (props.deployTargets.length > 0) grantAssumeRoles(props.deployTargets.map((t) => t.roleArn), this.buildRole, { id: 'assume-deploy-roles' });

    const specs = props.buildspecs ?? {};
    const project = (stage: string, buildspec: string, privileged: boolean, variables: Record<string, string> = {}) => {
      const p = new CodebuildProject(this, `project-${stage}`, {
        name: `${name}-${stage}`,
        description: `${name}: ${stage} stage`,
        serviceRole: this.buildRole.arn,
        encryptionKey: key.key.arn,
        artifacts: { type: 'CODEPIPELINE' },
        source: { type: 'CODEPIPELINE', buildspec },
        environment: {
          type: 'LINUX_CONTAINER',
          computeType: 'BUILD_GENERAL1_SMALL',
          image: props.buildImage ?? 'aws/codebuild/amazonlinux2-x86_64-standard:5.0',
          imagePullCredentialsType: 'CODEBUILD',
          privilegedMode: privileged,
          environmentVariable: Object.entries({ CODEARTIFACT_DOMAIN: domain.domain, CODEARTIFACT_REPOSITORY: this.packages.repository, ...variables }).map(([n, value]) => ({ name: n, value, type: 'PLAINTEXT' })),
        },
        vpcConfig: { vpcId: props.vpcId, subnets: [...props.subnetIds], securityGroupIds: [this.securityGroup.id] },
        logsConfig: { cloudwatchLogs: { groupName: logGroup.name, status: 'ENABLED' }, s3Logs: { status: 'DISABLED' } },
      });
      // The same decision for the gate and for checkov's check of it, with the reason the user gave.
      if (privileged) for (const rule of ['TF-LP-30', 'CKV_AWS_316']) suppress(p, rule, props.privilegedBuildReason!);
      return p;
    };
    const projects: Record<string, CodebuildProject> = {
      'quality-gate': project('quality-gate', specs.qualityGate ?? 'buildspecs/quality-gate.yml', false),
      build: project('build', specs.build ?? 'buildspecs/build.yml', this.imageRepositories.length > 0, Object.fromEntries(this.imageRepositories.map((r, i) => [`IMAGE_REPOSITORY_${i}`, r.repositoryUrl]))),
      'integration-test': project('integration-test', specs.integrationTest ?? 'buildspecs/integration-test.yml', false),
    };
    for (const t of props.deployTargets) projects[`deploy-${t.environment}`] = project(`deploy-${t.environment}`, specs.deploy ?? 'buildspecs/deploy.yml', false, { DEPLOY_ROLE_ARN: t.roleArn, TARGET_ENVIRONMENT: t.environment });
    this.projects = projects;

    const pipelineRole = new IamRole(this, 'pipeline-role', {
      name: `${name}-pipeline`,
      description: `Runs the ${name} pipeline; permissions come from grants`,
      assumeRolePolicy: serviceTrustPolicy('codepipeline.amazonaws.com', env.accountId),
      permissionsBoundary: workloadBoundaryArn(env),
    });
    grantBucketReadWrite(artifacts.bucket, pipelineRole, { id: 'artifacts-readwrite' });
    grantKeyEncryptDecrypt(key.key, pipelineRole, { id: 'artifacts-key-use' });
    grantBuildRun(Object.values(projects), pipelineRole, { id: 'run-builds' });
    grantConnectionUse(props.source.connectionArn, pipelineRole);

    const action = (stage: string, input: string, output?: string) => ({
      name: stage,
      category: 'Build',
      owner: 'AWS',
      provider: 'CodeBuild',
      version: '1',
      inputArtifacts: [input],
      ...(output ? { outputArtifacts: [output] } : {}),
      configuration: { ProjectName: projects[stage]!.name },
    });
    this.pipeline = new Codepipeline(this, 'pipeline', {
      name,
      roleArn: pipelineRole.arn,
      pipelineType: 'V2',
      artifactStore: [{ location: artifacts.bucket.bucket, type: 'S3', encryptionKey: { id: key.key.arn, type: 'KMS' } }],
      stage: [
        {
          name: 'Source',
          action: [{ name: 'source', category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1', outputArtifacts: ['source'], configuration: { ConnectionArn: props.source.connectionArn, FullRepositoryId: props.source.repository, BranchName: props.source.branch ?? 'main', DetectChanges: 'true' } }],
        },
        { name: 'QualityGate', action: [action('quality-gate', 'source')] },
        { name: 'Build', action: [action('build', 'source', 'built')] },
        { name: 'IntegrationTest', action: [action('integration-test', 'built')] },
        ...props.deployTargets.map((t) => ({ name: `Deploy-${t.environment}`, action: [action(`deploy-${t.environment}`, 'built')] })),
      ],
    });
  }

  /** Lets the builds reach a security group on a port (the integration-test database, say). */
  public allowEgressTo(label: string, destinationSecurityGroupId: string, port: number): void {
    allowEgressToGroup(this, describeConstruct('DeliveryPipeline', this.node), { id: `build-to-${label}`, securityGroupId: this.securityGroup.id, label, description: `Builds to ${label}`, destinationSecurityGroupId, port });
  }
}

function validate(props: DeliveryPipelineProps, where: string): void {
  const refuse = (code: 'TF-PIPE-001' | 'TF-PIPE-002' | 'TF-PIPE-003' | 'TF-PIPE-004' | 'TF-PIPE-005', problem: string, value: unknown, fix: string): never => {
    throw new TenantformError({ code, where, problem, value, fix });
  };
  if (!LABEL.test(props.name)) refuse('TF-PIPE-001', 'the pipeline name must be a lowercase label of 1-30 letters, digits and hyphens.', props.name, 'use a name such as "platform".');
  for (const r of props.imageRepositories ?? []) if (!LABEL.test(r)) refuse('TF-PIPE-001', 'an image repository name must be a lowercase label of 1-30 letters, digits and hyphens.', r, 'use a name such as "api".');
  const targets = props.deployTargets.map((t) => t.environment);
  for (const t of targets) if (!LABEL.test(t)) refuse('TF-PIPE-001', 'a deploy target must name an environment (a lowercase label).', t, 'use the environment name, e.g. "deployment".');
  if (new Set(targets).size !== targets.length) refuse('TF-PIPE-002', 'each environment may be a deploy target once.', targets, 'list each target environment once, in deploy order.');
  if (props.subnetIds.length === 0) refuse('TF-PIPE-003', 'builds need at least one private subnet.', props.subnetIds, "pass the VPC's private subnet IDs.");
  if (!Token.isUnresolved(props.source.repository) && !REPOSITORY.test(props.source.repository)) refuse('TF-PIPE-004', 'the source repository must be "owner/name".', props.source.repository, 'e.g. "acme/data-platform".');
  const images = (props.imageRepositories ?? []).length > 0;
  const reason = props.privilegedBuildReason?.trim() ?? '';
  if (images && reason.length < 20) refuse('TF-PIPE-005', 'a build that pushes images runs privileged (Docker needs it), which needs a reason of at least 20 characters.', props.privilegedBuildReason, 'say why, e.g. "docker build of the platform images needs the Docker daemon".');
  if (!images && props.privilegedBuildReason !== undefined) refuse('TF-PIPE-005', 'privilegedBuildReason is only for a build that pushes images; without images nothing runs privileged.', props.privilegedBuildReason, 'remove privilegedBuildReason, or add the imageRepositories it builds.');
}
