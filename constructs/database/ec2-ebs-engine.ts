import { BackupPlan, BackupSelection, BackupVault, DataAwsSsmParameter, DataAwsSubnet, EbsVolume, IamInstanceProfile, IamRole, IamRolePolicy, IamRolePolicyAttachment, Instance, SecurityGroup, VolumeAttachment, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct, TerraformResource } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { parseEcrImage, repositoryArn } from './ecr-image';
import { hostUserData } from './host-user-data';
import { policyJson as policyDocument, serviceTrustPolicy } from '../iam/policy';
import { workloadBoundaryArn } from '../identity/workload-boundary';
import { boundedName, partitionOf, stableIndex } from './names';
import { Ec2EbsDatabaseProps, TenantDatabaseProps } from './tenant-database-props';
import { Ec2EbsSettings } from './validate';

export interface EngineContext<P extends TenantDatabaseProps = TenantDatabaseProps> {
  readonly props: P;
  readonly env: Environment;
  /** Tags for every resource of the tenant. */
  readonly tags: Record<string, string>;
  /** Tags for data stores: the tenant plus its data class. */
  readonly dataTags: Record<string, string>;
  /** `<env>-tenant-<id>`, the prefix of AWS names. */
  readonly baseName: string;
}

export interface EngineResult {
  readonly securityGroupId: string;
  readonly port: number;
  /** Host name or IP clients (the ALB target group, the routing tier) reach. */
  readonly endpoint: string;
  /** EC2 instance ID, for the ALB target group (ec2-ebs only). */
  readonly instanceId?: string;
  /** Security group whose members may connect (managed engines only; ec2-ebs hosts are reached through their ALB). */
  readonly clientSecurityGroupId?: string;
  /** Resources that hold tenant data and outlive a decommission. */
  readonly dataStores: readonly TerraformResource[];
}

/** Stable device name; the boot script finds the volume by ID, not by this name. */
const DATA_DEVICE = '/dev/sdf';

/**
 * The reference engine: a dedicated gp3 volume, protected from destroy and
 * snapshotted by AWS Backup, attached to an immutable host that runs the
 * database container.
 */
export function buildEc2Ebs(scope: Construct, ctx: EngineContext<Ec2EbsDatabaseProps>, s: Ec2EbsSettings): EngineResult {
  const { props, env, tags, dataTags, baseName } = ctx;
  const p = props.platform;
  const partition = partitionOf(env.region);
  const image = parseEcrImage(props.image!)!;
  // validateCommon guarantees an ec2-ebs tenant has a placement on an ALB of the pool.
  const alb = p.albs.find((a) => a.index === props.placement!.alb)!;

  const sg = new SecurityGroup(scope, 'security-group', {
    name: boundedName(baseName, 255),
    description: `Tenant ${props.tenantId}: database port from its ALB only`,
    vpcId: p.vpcId,
    tags: { ...tags, Name: baseName },
  });
  new VpcSecurityGroupIngressRule(scope, 'ingress-from-alb', {
    securityGroupId: sg.id,
    description: `Database port from ALB ${alb.index}`,
    ipProtocol: 'tcp',
    fromPort: s.port,
    toPort: s.port,
    referencedSecurityGroupId: alb.securityGroupId,
    tags,
  });
  new VpcSecurityGroupEgressRule(scope, 'egress-https-endpoints', {
    securityGroupId: sg.id,
    description: 'HTTPS to the VPC interface endpoints (SSM, ECR)',
    ipProtocol: 'tcp',
    fromPort: 443,
    toPort: 443,
    referencedSecurityGroupId: p.endpointSecurityGroupId,
    tags,
  });
  if ((props.registryEgress ?? 'nat') === 'nat') {
    new VpcSecurityGroupEgressRule(scope, 'egress-https-registry', {
      securityGroupId: sg.id,
      description: 'HTTPS through the NAT to the image registry and OS packages',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
      tags,
    });
  }

  const subnetId = p.privateSubnetIds[props.subnetIndex ?? stableIndex(props.tenantId, p.privateSubnetIds.length)]!;
  // The volume must sit in the host's AZ. Reading it from the subnet (not from
  // the instance) keeps it known at plan time, so replacing the host never
  // makes Terraform think the volume must move.
  const subnet = new DataAwsSubnet(scope, 'host-subnet', { id: subnetId });

  const volume = new EbsVolume(scope, 'data-volume', {
    availabilityZone: subnet.availabilityZone,
    type: 'gp3',
    size: s.storageGiB,
    iops: s.iops,
    throughput: s.throughputMiBps,
    encrypted: true,
    kmsKeyId: p.dataKmsKeyArn,
    finalSnapshot: true,
    tags: { ...dataTags, Name: `${baseName}-data` },
    lifecycle: { preventDestroy: true },
  });

  const role = new IamRole(scope, 'host-role', {
    name: boundedName(`${baseName}-host`, 64),
    description: `Database host of tenant ${props.tenantId}: SSM and pulling its image`,
    assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com', env.accountId),
    permissionsBoundary: workloadBoundaryArn(env),
    tags,
  });
  new IamRolePolicyAttachment(scope, 'host-ssm-core', {
    role: role.name,
    policyArn: `arn:${partition}:iam::aws:policy/AmazonSSMManagedInstanceCore`,
  });
  new IamRolePolicy(scope, 'host-image-pull', {
    role: role.id,
    name: 'pull-database-image',
    policy: policyDocument([
      {
        Sid: 'PullDatabaseImage',
        Effect: 'Allow',
        Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: repositoryArn(image, partition),
      },
      {
        // GetAuthorizationToken has no resource-level permissions: AWS only accepts "*".
        Sid: 'RegistryLogin',
        Effect: 'Allow',
        Action: ['ecr:GetAuthorizationToken'],
        Resource: '*',
      },
    ]),
  });
  const profile = new IamInstanceProfile(scope, 'host-profile', {
    name: boundedName(`${baseName}-host`, 128),
    role: role.name,
    tags,
  });

  let ami = props.amiId;
  if (ami === undefined) {
    ami = new DataAwsSsmParameter(scope, 'host-ami', {
      name: `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${s.arch}`,
    }).insecureValue;
  }
  const host = new Instance(scope, 'host', {
    ami,
    instanceType: s.instanceType,
    subnetId,
    vpcSecurityGroupIds: [sg.id],
    iamInstanceProfile: profile.name,
    associatePublicIpAddress: false,
    monitoring: true,
    ebsOptimized: true,
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
    rootBlockDevice: { encrypted: true, kmsKeyId: p.dataKmsKeyArn, volumeType: 'gp3', volumeSize: s.rootVolumeSizeGiB, deleteOnTermination: true },
    userData: hostUserData({ volumeId: volume.id, image, port: s.port, tenantId: props.tenantId }),
    userDataReplaceOnChange: true,
    tags: { ...dataTags, Name: `${baseName}-host` },
    volumeTags: { ...dataTags, Name: `${baseName}-root` },
    // Without a pinned image, a new Amazon Linux release must not replace a
    // running database host by surprise; pin amiId to roll hosts deliberately.
    lifecycle: props.amiId === undefined ? { ignoreChanges: ['ami'] } : undefined,
  });
  new VolumeAttachment(scope, 'data-volume-attachment', {
    deviceName: DATA_DEVICE,
    instanceId: host.id,
    volumeId: volume.id,
    // Stop the host before detaching so the file system is unmounted cleanly.
    stopInstanceBeforeDetaching: true,
  });

  const vault = buildSnapshots(scope, ctx, s, volume, partition);
  return { securityGroupId: sg.id, port: s.port, endpoint: host.privateIp, instanceId: host.id, dataStores: [volume, vault] };
}

/**
 * Daily snapshots through AWS Backup into a vault encrypted with the data
 * key. Recovery points belong to the vault, not to the volume, so they
 * survive the tenant's host and stack.
 */
function buildSnapshots(scope: Construct, ctx: EngineContext<Ec2EbsDatabaseProps>, s: Ec2EbsSettings, volume: EbsVolume, partition: string): BackupVault {
  const { props, env, tags, dataTags, baseName } = ctx;
  const vault = new BackupVault(scope, 'backup-vault', {
    name: boundedName(baseName, 50),
    kmsKeyArn: props.platform.dataKmsKeyArn,
    tags: dataTags,
  });
  const plan = new BackupPlan(scope, 'backup-plan', {
    name: boundedName(baseName, 50),
    rule: [
      {
        ruleName: 'data-volume-snapshots',
        targetVaultName: vault.name,
        schedule: s.backupSchedule,
        startWindow: 60,
        completionWindow: 180,
        lifecycle: { deleteAfter: s.backupRetentionDays },
        recoveryPointTags: dataTags,
      },
    ],
    tags,
  });
  const role = new IamRole(scope, 'backup-role', {
    name: boundedName(`${baseName}-backup`, 64),
    description: `AWS Backup for tenant ${props.tenantId}`,
    assumeRolePolicy: serviceTrustPolicy('backup.amazonaws.com', env.accountId),
    permissionsBoundary: workloadBoundaryArn(env),
    tags,
  });
  new IamRolePolicyAttachment(scope, 'backup-role-policy', {
    role: role.name,
    policyArn: `arn:${partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup`,
  });
  new BackupSelection(scope, 'backup-selection', {
    name: 'data-volume',
    planId: plan.id,
    iamRoleArn: role.arn,
    resources: [volume.arn],
  });
  return vault;
}
