/**
 * Synthesizing 1,000 ec2-ebs tenant stacks with tenantform's
 * TenantDatabaseStack, against the same resources written with raw cdktf
 * deep imports, in the same run. Each side runs in its own child process
 * (this file, re-run with `child <mode>`), so each peak RSS is its own.
 * Targets: time ratio at most 1.3, tenantform peak RSS at most 500 MB.
 */
import { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VolumeAttachment } from '@cdktf/provider-aws/lib/volume-attachment';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, S3Backend, TerraformOutput, TerraformStack } from '../core/cdktf';
import { Environment } from '../core/environment';
import { TenantPlatformRefs } from '../constructs/platform-refs';
import { TenantDatabaseStack } from '../stacks/tenant-database-stack';
import { alternate, emit, median, round, runChild } from './support/measure';

const STACKS = Number(process.env.TENANT_BENCH_STACKS ?? 1_000);
const ROUNDS = 3;
const TARGET_RATIO = 1.3;
const TARGET_RSS_MB = 500;

const ENV: Environment = { name: 'prod', accountId: '111111111111', region: 'eu-west-1', state: { kind: 's3', bucket: 'aito-prod-tfstate', kmsKeyId: 'alias/aito-prod-tfstate' } };
const IMAGE_REPO = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/aito/database';
const IMAGE = `${IMAGE_REPO}:2024.06.1`;
const PLATFORM: TenantPlatformRefs = {
  vpcId: 'vpc-0123456789abcdef0',
  vpcCidr: '10.10.0.0/16',
  privateSubnetIds: ['subnet-a', 'subnet-b', 'subnet-c'],
  isolatedSubnetIds: ['subnet-d', 'subnet-e', 'subnet-f'],
  endpointSecurityGroupId: 'sg-endpoints',
  dataKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/data',
  logsKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/logs',
  albs: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((index) => ({
    index,
    httpsListenerArn: `arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/alb-${index}/0/0`,
    securityGroupId: `sg-alb-${index}`,
    dnsName: `alb-${index}.internal`,
  })),
  routingTierSecurityGroupId: 'sg-routing',
  restApiId: 'api',
  apiStageName: 'v1',
  domain: 'aito.app',
};

const tenantId = (i: number) => `t${i}`;
const placementOf = (i: number) => ({ id: tenantId(i), alb: i % 10, priority: Math.floor(i / 10) + 1 });

function tenantform(app: App, i: number): void {
  new TenantDatabaseStack(app, { environment: ENV, tenant: { id: tenantId(i), tier: 'standard' }, placement: placementOf(i), platform: PLATFORM, database: { image: IMAGE } });
}

/** The same resources, attributes and outputs as a tenantform ec2-ebs tenant stack, by hand. */
function raw(app: App, i: number): void {
  const id = tenantId(i);
  const base = `prod-tenant-${id}`;
  const placement = placementOf(i);
  const alb = PLATFORM.albs[placement.alb]!;
  const tags = { 'tenantform:tenant': id };
  const dataTags = { ...tags, 'tenantform:data-class': 'customer' };
  const stack = new TerraformStack(app, base);
  new AwsProvider(stack, 'aws', {
    region: 'eu-west-1',
    allowedAccountIds: ['111111111111'],
    defaultTags: [{ tags: { environment: 'prod', 'tenantform:customer-data': 'true', 'managed-by': 'tenantform' } }],
  });
  new S3Backend(stack, { bucket: 'aito-prod-tfstate', key: `tenantform/${base}.tfstate`, region: 'eu-west-1', encrypt: true, kmsKeyId: 'alias/aito-prod-tfstate' });
  stack.addOverride('terraform.backend.s3.use_lockfile', true);
  const trust = (service: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }] });

  const sg = new SecurityGroup(stack, 'sg', { name: base, description: `Tenant ${id}`, vpcId: PLATFORM.vpcId, tags: { ...tags, Name: base } });
  new VpcSecurityGroupIngressRule(stack, 'in', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, referencedSecurityGroupId: alb.securityGroupId, tags });
  new VpcSecurityGroupEgressRule(stack, 'out-endpoints', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: PLATFORM.endpointSecurityGroupId, tags });
  new VpcSecurityGroupEgressRule(stack, 'out-nat', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0', tags });
  const subnetId = PLATFORM.privateSubnetIds[i % 3]!;
  const subnet = new DataAwsSubnet(stack, 'subnet', { id: subnetId });
  const volume = new EbsVolume(stack, 'data', {
    availabilityZone: subnet.availabilityZone, type: 'gp3', size: 100, iops: 3000, throughput: 125, encrypted: true,
    kmsKeyId: PLATFORM.dataKmsKeyArn, finalSnapshot: true, tags: { ...dataTags, Name: `${base}-data` }, lifecycle: { preventDestroy: true },
  });
  const role = new IamRole(stack, 'host-role', { name: `${base}-host`, assumeRolePolicy: trust('ec2.amazonaws.com'), tags });
  new IamRolePolicyAttachment(stack, 'ssm', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' });
  new IamRolePolicy(stack, 'pull', {
    role: role.id,
    name: 'pull-database-image',
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: 'PullDatabaseImage', Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: 'arn:aws:ecr:eu-west-1:111111111111:repository/aito/database' },
      { Sid: 'RegistryLogin', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
    ] }),
  });
  const profile = new IamInstanceProfile(stack, 'profile', { name: `${base}-host`, role: role.name, tags });
  const ami = new DataAwsSsmParameter(stack, 'ami', { name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64' });
  const host = new Instance(stack, 'host', {
    ami: ami.insecureValue, instanceType: 't4g.medium', subnetId, vpcSecurityGroupIds: [sg.id], iamInstanceProfile: profile.name,
    associatePublicIpAddress: false, monitoring: true, ebsOptimized: true,
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
    rootBlockDevice: { encrypted: true, kmsKeyId: PLATFORM.dataKmsKeyArn, volumeType: 'gp3', volumeSize: 20, deleteOnTermination: true },
    userData: `#!/bin/bash\nVOLUME_ID="${volume.id}"\nmount -a\ndocker run -d -p 8080:8080 -v /data:/data -e TENANT_ID=${id} ${IMAGE}\n`,
    userDataReplaceOnChange: true, tags: { ...dataTags, Name: `${base}-host` }, volumeTags: { ...dataTags, Name: `${base}-root` },
    lifecycle: { ignoreChanges: ['ami'] },
  });
  new VolumeAttachment(stack, 'attach', { deviceName: '/dev/sdf', instanceId: host.id, volumeId: volume.id, stopInstanceBeforeDetaching: true });
  const vault = new BackupVault(stack, 'vault', { name: base, kmsKeyArn: PLATFORM.dataKmsKeyArn, tags: dataTags });
  const plan = new BackupPlan(stack, 'plan', {
    name: base,
    rule: [{ ruleName: 'data-volume-snapshots', targetVaultName: vault.name, schedule: 'cron(0 3 * * ? *)', startWindow: 60, completionWindow: 180, lifecycle: { deleteAfter: 14 }, recoveryPointTags: dataTags }],
    tags,
  });
  const backupRole = new IamRole(stack, 'backup-role', { name: `${base}-backup`, assumeRolePolicy: trust('backup.amazonaws.com'), tags });
  new IamRolePolicyAttachment(stack, 'backup-policy', { role: backupRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup' });
  new BackupSelection(stack, 'selection', { name: 'data-volume', planId: plan.id, iamRoleArn: backupRole.arn, resources: [volume.arn] });
  const tg = new LbTargetGroup(stack, 'tg', {
    name: `prod-t-${id}`, port: 8080, protocol: 'HTTP', targetType: 'instance', vpcId: PLATFORM.vpcId, deregistrationDelay: '30',
    healthCheck: { enabled: true, path: '/health', protocol: 'HTTP', port: 'traffic-port', matcher: '200', interval: 15, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
    tags,
  });
  new LbTargetGroupAttachment(stack, 'tg-host', { targetGroupArn: tg.arn, targetId: host.id, port: 8080 });
  new LbListenerRule(stack, 'rule', {
    listenerArn: alb.httpsListenerArn, priority: placement.priority,
    condition: [{ hostHeader: { values: [`${id}.${PLATFORM.domain}`] } }], action: [{ type: 'forward', targetGroupArn: tg.arn }], tags,
  });
  const usagePlan = new ApiGatewayUsagePlan(stack, 'usage-plan', {
    name: base, apiStages: [{ apiId: PLATFORM.restApiId, stage: PLATFORM.apiStageName }],
    quotaSettings: { limit: 1_000_000, period: 'MONTH' }, throttleSettings: { rateLimit: 50, burstLimit: 100 }, tags, lifecycle: { preventDestroy: true },
  });
  const key = new ApiGatewayApiKey(stack, 'api-key', { name: base, enabled: true, tags });
  new ApiGatewayUsagePlanKey(stack, 'usage-plan-key', { keyId: key.id, keyType: 'API_KEY', usagePlanId: usagePlan.id });
  new TerraformOutput(stack, 'endpoint', { value: host.privateIp });
  new TerraformOutput(stack, 'api_key_id', { value: key.id });
}

interface Probe {
  ms: number;
  peakRssMiB: number;
}

if (process.argv[2] === 'child') {
  const build = process.argv[3] === 'tenantform' ? tenantform : raw;
  const outdir = mkdtempSync(join(tmpdir(), 'tenantform-bench-tenants-'));
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  for (let i = 0; i < STACKS; i++) build(app, i);
  app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ ms, peakRssMiB: process.resourceUsage().maxRSS / 1024 } satisfies Probe)}\n`);
} else {
  const { a: ours, b: base } = alternate<Probe>(
    ROUNDS,
    () => runChild<Probe>(__filename, ['child', 'tenantform']),
    () => runChild<Probe>(__filename, ['child', 'raw']),
  );
  const ms = median(ours.map((p) => p.ms));
  const baseMs = median(base.map((p) => p.ms));
  emit({ name: `synth.tenant-stacks-${STACKS}.time`, value: round(ms), unit: 'ms', baseline: round(baseMs), ratio: round(ms / baseMs) });
  const rss = median(ours.map((p) => p.peakRssMiB));
  const baseRss = median(base.map((p) => p.peakRssMiB));
  emit({ name: `synth.tenant-stacks-${STACKS}.peak-rss`, value: round(rss), unit: 'MiB', baseline: round(baseRss), ratio: round(rss / baseRss) });
  if (ms / baseMs > TARGET_RATIO) process.stderr.write(`tenant synth ratio ${round(ms / baseMs)} is above the ${TARGET_RATIO} target\n`);
  if (rss * 1.048576 > TARGET_RSS_MB) process.stderr.write(`tenant synth peak RSS ${round(rss)} MiB is above the ${TARGET_RSS_MB} MB target\n`);
}
