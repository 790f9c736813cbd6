import { EksCluster, PlatformKeys, PostgresInstance, SharedVpc, WebEdge } from 'tenantform/constructs';
import { App, Environment, TenantformStack } from 'tenantform/stacks';

export interface WebStackOptions {
  /** Public domain of the app in this environment. */
  readonly domain: string;
  readonly vpcCidr: string;
  /** 3 AZs in production; 2 are enough for dev and staging. */
  readonly azCount: 2 | 3;
  /** Node group sizes: [min, max]. */
  readonly frontendNodes: readonly [number, number];
  readonly backendNodes: readonly [number, number];
  /** Read replicas of the database. */
  readonly readReplicas?: number;
  /** A vault in another region for copies of the database snapshots (disaster recovery). */
  readonly drVaultArn?: string;
}

/**
 * One environment of the web app (source document 004): a VPC whose AZs each
 * have a public subnet (ALB, NAT), a private subnet for EKS and an isolated
 * one for RDS; CloudFront (SPA from S3, `/api/*` to the ALB) with WAF; an
 * ALB only CloudFront reaches; EKS with frontend and backend node groups;
 * RDS PostgreSQL that only the pods reach. The security-group chain is
 * CloudFront -> ALB -> pods -> RDS and nothing else.
 */
export class WebStack extends TenantformStack {
  public readonly cluster: EksCluster;

  constructor(scope: App, environment: Environment, o: WebStackOptions) {
    super(scope, `${environment.name}-web`, { environment });
    const network = new SharedVpc(this, 'network', {
      cidrBlock: o.vpcCidr,
      availabilityZones: ['a', 'b', 'c'].slice(0, o.azCount).map((z) => `${environment.region}${z}`),
      natGateways: environment.name === 'prod' ? 'per-az' : 'single',
      extraInterfaceEndpoints: ['ecr.api', 'ecr.dkr', 'sts', 'logs'],
    });
    const ids = (tier: 'public' | 'private' | 'isolated') => network.subnets[tier].map((s) => s.id);
    // The environment's rotating keys; `logs` encrypts the edge's logs and origin secret.
    const keys = new PlatformKeys(this, 'keys');

    this.cluster = new EksCluster(this, 'eks', {
      name: 'web',
      vpcId: network.vpc.id,
      subnetIds: ids('private'),
      nodeGroups: {
        frontend: { instanceTypes: ['m7g.large'], minSize: o.frontendNodes[0], maxSize: o.frontendNodes[1], labels: { tier: 'frontend' } },
        backend: { instanceTypes: ['m7g.xlarge'], minSize: o.backendNodes[0], maxSize: o.backendNodes[1], labels: { tier: 'backend' } },
      },
    });
    const database = new PostgresInstance(this, 'database', {
      name: 'app',
      vpcId: network.vpc.id,
      subnetIds: ids('isolated'),
      allowedSecurityGroups: { pods: this.cluster.nodeSecurityGroupId },
      databaseName: 'app',
      readReplicas: o.readReplicas ?? 0,
      backup: { retentionDays: 365, ...(o.drVaultArn ? { copyTo: { destinationVaultArn: o.drVaultArn } } : {}) },
    });
    const edge = new WebEdge(this, 'edge', {
      siteName: 'web',
      domain: { aliases: [o.domain], certificateArn: `arn:aws:acm:us-east-1:${environment.accountId}:certificate/${environment.name}-web` },
      cloudFrontProvider: this.regionalProvider('us-east-1'),
      logsKmsKey: keys.logs,
      api: {
        vpcId: network.vpc.id,
        publicSubnetIds: ids('public'),
        originDomainName: `origin.${o.domain}`,
        certificateArn: `arn:aws:acm:${environment.region}:${environment.accountId}:certificate/${environment.name}-origin`,
        targetPort: 8080,
      },
    });
    edge.allowTargets('pods', this.cluster.nodeSecurityGroupId);
    this.cluster.allowIngressFrom('alb', edge.albSecurityGroupId, 8080);
    this.cluster.allowEgressTo('database', database.securityGroupId, database.port);
  }
}
