/** What the data platform is configured with; the document's `cdk.json` / `config.json` settings. */
export interface DataPlatformConfig {
  /**
   * Internet-facing (UI and docs on S3 behind CloudFront with WAF) or VPC-facing
   * (both on ECS behind an internal ALB in the private subnets).
   */
  readonly internetFacing: boolean;
  /** Apex of the platform's names: `ui.<domain>`, `docs.<domain>`. */
  readonly domain: string;
  /** Operators who receive the alarm notifications. */
  readonly operatorEmails: readonly string[];
  /** The repository the pipeline builds, through a CodeStar connection. */
  readonly source: { readonly connectionArn: string; readonly repository: string };
  /**
   * The pivot role's external ID. It is generated into the deployment account's
   * Secrets Manager (ExternalIdSecret) on the first apply and read from there into
   * `DATA_PLATFORM_EXTERNAL_ID` for the linked environment: a reference across
   * environments would be cross-account remote state, which the gate refuses.
   */
  readonly pivotExternalId: string;
  /** The corporate networks (VPN, Direct Connect) whose browsers call the private API through its VPC endpoint. */
  readonly corporateCidrs: readonly string[];
}

export const DEFAULT_CONFIG: DataPlatformConfig = {
  internetFacing: true,
  domain: 'data.acme.example',
  operatorEmails: ['data-platform-oncall@acme.example'],
  source: { connectionArn: 'arn:aws:codeconnections:eu-west-1:710000000001:connection/00000000-0000-0000-0000-000000000001', repository: 'acme/data-platform' },
  pivotExternalId: process.env.DATA_PLATFORM_EXTERNAL_ID ?? 'replace-with-the-generated-external-id',
  corporateCidrs: ['10.0.0.0/12'],
};

/** Names shared by the stacks of different accounts, agreed in code rather than passed as tokens. */
export const PIPELINE_NAME = 'data-platform';
/** The tooling pipeline's build role, `<env>-<pipeline>-build`, which the deployment account trusts. */
export const BUILD_ROLE_NAME = `tooling-${PIPELINE_NAME}-build`;
export const DEPLOY_ROLE_NAME = 'data-platform-deploy';
export const PIVOT_ROLE_NAME = 'data-platform-pivot';
