/**
 * What the shared platform hands to tenant stacks. Every field is a string
 * (a literal or a cdktf token), so the same shape works within one stack,
 * across stacks (cdktf cross-stack references) or from hand-written IDs.
 */
export interface AlbRef {
  /** Position in the pool, 0-based; placements refer to ALBs by this index. */
  readonly index: number;
  /** ARN of the ALB's HTTPS listener, where tenant host rules go. */
  readonly httpsListenerArn: string;
  /** Security group of the ALB; tenant hosts admit their port from it only. */
  readonly securityGroupId: string;
  /** DNS name of the ALB, the upstream the routing tier forwards to. */
  readonly dnsName: string;
}

export interface TenantPlatformRefs {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly privateSubnetIds: readonly string[];
  readonly isolatedSubnetIds: readonly string[];
  /** Security group of the VPC interface endpoints (SSM, ECR...); hosts may send HTTPS to it. */
  readonly endpointSecurityGroupId: string;
  /** Customer-managed key for tenant data (volumes, databases, snapshots). */
  readonly dataKmsKeyArn: string;
  /** Customer-managed key for logs. */
  readonly logsKmsKeyArn: string;
  /** The ALB pool, in index order. */
  readonly albs: readonly AlbRef[];
  /** Security group of the routing tier (Kong tasks); managed engines admit it only. */
  readonly routingTierSecurityGroupId: string;
  /** REST API and stage that tenant usage plans attach to. */
  readonly restApiId: string;
  readonly apiStageName: string;
  /** Apex domain; a tenant is served at `<tenant>.<domain>`. */
  readonly domain: string;
}

/** Where one tenant lives in the ALB pool: the lock-file record. */
export interface Placement {
  readonly id: string;
  /** Index of the ALB in the pool. */
  readonly alb: number;
  /** Listener-rule priority on that ALB's HTTPS listener, unique per listener. */
  readonly priority: number;
}
