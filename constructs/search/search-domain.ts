import { CloudwatchLogGroup, CloudwatchLogResourcePolicy, OpensearchDomain, SecurityGroup, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { isProduction } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { checkRuleLabel } from '../compute/workload-security-group';
import { checkLogRetention } from '../compute/log-retention';
import { partitionOf } from '../identity/arn';
import { policyJson } from '../iam/policy';
import { SearchDomainPropsSchema } from './search-domain.schema';

/** The log types OpenSearch publishes; every one goes to its own KMS-encrypted group. */
const LOG_TYPES = ['INDEX_SLOW_LOGS', 'SEARCH_SLOW_LOGS', 'ES_APPLICATION_LOGS', 'AUDIT_LOGS'] as const;

export interface SearchDomainProps {
  /** Short lowercase label; the domain is `tf-<env>-<label>` (at most 28 characters). */
  readonly domainName: string;
  readonly vpcId: string;
  /** Private subnets, one per AZ (two or three); the domain spreads across them. */
  readonly subnetIds: readonly string[];
  /** Customer-managed key for the data at rest. */
  readonly kmsKeyArn: string;
  /** Customer-managed key for the log groups. */
  readonly logsKmsKeyArn: string;
  /** IAM role that is the fine-grained access control master user (maps further roles inside OpenSearch). */
  readonly masterUserRoleArn: string;
  /** IAM roles allowed by the domain's access policy (the platform's functions and tasks); fine-grained access control decides the rest. */
  readonly allowedRoleArns: readonly string[];
  /** @default 'OpenSearch_2.17' */
  readonly engineVersion?: string;
  /** @default 'r6g.large.search' */
  readonly instanceType?: string;
  /** @default - one data node per subnet */
  readonly instanceCount?: number;
  /** @default 100 */
  readonly volumeSizeGiB?: number;
  /**
   * Three dedicated master nodes, so a data-node failure never loses the cluster manager.
   * @default - true in production, false elsewhere
   */
  readonly dedicatedMasters?: boolean;
  /** @default 365 */
  readonly logRetentionDays?: number;
}

const DOMAIN_LABEL = /^[a-z][a-z0-9-]*$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9]*\.(?:[0-9]*x?large|medium|small)\.search$/;

/**
 * An OpenSearch domain in the VPC's private subnets: a customer-managed key
 * at rest, node-to-node encryption, HTTPS only with TLS 1.2 (PFS), fine-grained
 * access control with an IAM master role and no internal user database,
 * an access policy naming the allowed roles only, every log type in a
 * KMS-encrypted group, zone awareness across the subnets, and dedicated
 * masters in production. Its security group admits nobody until
 * {@link admitFrom}.
 */
export class SearchDomain extends Construct {
  public readonly domain: OpensearchDomain;
  public readonly securityGroup: SecurityGroup;
  /** The domain's full name, for alarms (`openSearchAlarms`). */
  public readonly domainName: string;
  /** The domain ARN, for grants. */
  public readonly domainArn: string;

  constructor(scope: Construct, id: string, props: SearchDomainProps) {
    super(scope, id);
    const where = describeConstruct('SearchDomain', this.node);
    validateProps(SearchDomainPropsSchema, props, where);
    const env = environmentOf(this, 'SearchDomain');
    this.domainName = `tf-${env.name}-${props.domainName}`;
    if (!DOMAIN_LABEL.test(props.domainName) || this.domainName.length > 28) {
      throw new TenantformError({ code: 'TF-SRCH-001', where, problem: 'the domain name tf-<environment>-<domainName> must be a lowercase name of at most 28 characters.', value: this.domainName, fix: 'use a short label such as "catalog".' });
    }
    const azs = props.subnetIds.length;
    const count = props.instanceCount ?? azs;
    const production = isProduction(env);
    const dedicated = props.dedicatedMasters ?? production;
    if (azs < 1 || azs > 3 || !Number.isInteger(count) || count < 1 || count > 80 || (azs > 1 && count % azs !== 0)) {
      throw new TenantformError({ code: 'TF-SRCH-002', where, problem: 'a domain takes 1 to 3 subnets (one per AZ) and a data-node count that is a multiple of the subnet count (1-80).', value: { subnets: azs, instanceCount: count }, fix: 'pass one private subnet per AZ and e.g. 2 nodes for 2 AZs.' });
    }
    if (production && (azs < 2 || !dedicated)) {
      throw new TenantformError({ code: 'TF-SRCH-003', where, problem: 'a production domain needs at least two AZs and dedicated master nodes.', value: { subnets: azs, dedicatedMasters: dedicated }, fix: 'pass two or three private subnets and keep dedicatedMasters on.' });
    }
    const instanceType = props.instanceType ?? 'r6g.large.search';
    const volume = props.volumeSizeGiB ?? 100;
    if (!INSTANCE_TYPE.test(instanceType) || !Number.isInteger(volume) || volume < 10 || volume > 16_384) {
      throw new TenantformError({ code: 'TF-SRCH-004', where, problem: 'instanceType must be an OpenSearch type ("<family>.<size>.search") and volumeSizeGiB 10-16384.', value: { instanceType, volumeSizeGiB: volume }, fix: 'use e.g. "r6g.large.search" and 100.' });
    }
    if (props.allowedRoleArns.length === 0) {
      throw new TenantformError({ code: 'TF-SRCH-005', where, problem: 'the access policy needs at least one allowed role: without one nothing can use the domain.', value: props.allowedRoleArns, fix: "pass the roles of the platform's functions and tasks." });
    }
    const partition = partitionOf(env.region);
    this.domainArn = `arn:${partition}:es:${env.region}:${env.accountId}:domain/${this.domainName}`;
    const retentionInDays = checkLogRetention(props.logRetentionDays ?? 365, where);

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: `${this.domainName}-search`,
      description: `${this.domainName}: HTTPS from the admitted security groups only`,
      vpcId: props.vpcId,
      tags: { Name: `${this.node.path}/search` },
    });

    const logGroups = LOG_TYPES.map((type) => ({ type, group: new CloudwatchLogGroup(this, `log-group-${type.toLowerCase().replace(/_/g, '-')}`, { name: `/tenantform/${env.name}/opensearch/${props.domainName}/${type.toLowerCase()}`, retentionInDays, kmsKeyId: props.logsKmsKeyArn }) }));
    const logPolicy = new CloudwatchLogResourcePolicy(this, 'log-publishing-policy', {
      policyName: `${this.domainName}-opensearch-logs`,
      policyDocument: policyJson([
        {
          Sid: 'OpenSearchPublishesLogs',
          Effect: 'Allow',
          Principal: { Service: 'es.amazonaws.com' },
          Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
          Resource: logGroups.map((l) => `${l.group.arn}:*`),
          Condition: { StringEquals: { 'aws:SourceAccount': env.accountId }, ArnLike: { 'aws:SourceArn': this.domainArn } },
        },
      ]),
    });

    this.domain = new OpensearchDomain(this, 'domain', {
      domainName: this.domainName,
      engineVersion: props.engineVersion ?? 'OpenSearch_2.17',
      clusterConfig: {
        instanceType,
        instanceCount: count,
        zoneAwarenessEnabled: azs > 1,
        ...(azs > 1 ? { zoneAwarenessConfig: { availabilityZoneCount: azs } } : {}),
        dedicatedMasterEnabled: dedicated,
        ...(dedicated ? { dedicatedMasterType: 'm6g.large.search', dedicatedMasterCount: 3 } : {}),
      },
      ebsOptions: { ebsEnabled: true, volumeType: 'gp3', volumeSize: volume },
      vpcOptions: { subnetIds: [...props.subnetIds], securityGroupIds: [this.securityGroup.id] },
      encryptAtRest: { enabled: true, kmsKeyId: props.kmsKeyArn },
      nodeToNodeEncryption: { enabled: true },
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
      advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: false, masterUserOptions: { masterUserArn: props.masterUserRoleArn } },
      accessPolicies: policyJson([{ Sid: 'PlatformRolesOnly', Effect: 'Allow', Principal: { AWS: [props.masterUserRoleArn, ...props.allowedRoleArns] }, Action: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete', 'es:ESHttpPatch'], Resource: `${this.domainArn}/*` }]),
      logPublishingOptions: logGroups.map((l) => ({ logType: l.type, cloudwatchLogGroupArn: l.group.arn, enabled: true })),
      softwareUpdateOptions: { autoSoftwareUpdateEnabled: true },
      dependsOn: [logPolicy],
    });
  }

  /** Lets one security group (a function's or a task's) reach the domain over HTTPS; the only way in. */
  public admitFrom(label: string, sourceSecurityGroupId: string): void {
    checkRuleLabel(label, describeConstruct('SearchDomain', this.node));
    new VpcSecurityGroupIngressRule(this, `security-group-from-${label}`, {
      securityGroupId: this.securityGroup.id,
      description: `HTTPS from ${label}`,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      referencedSecurityGroupId: sourceSecurityGroupId,
    });
  }
}
