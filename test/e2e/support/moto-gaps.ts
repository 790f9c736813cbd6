/**
 * What moto's server cannot hold, per Terraform resource type, and how each
 * is still verified. The e2e tier validates and plans every stack in full; it
 * leaves only these types (and anything that refers to them) out of `apply`
 * and the no-change re-plan, with `-target` on everything else. There are no
 * whole-stack entries: every stack kind of every example is applied.
 *
 * Add an entry only after seeing apply or the re-plan fail against the pinned
 * moto (scripts/setup-python-tools.sh), with the call that fails and what was
 * seen. Where moto implements the API but answers differently from AWS's
 * documentation, prefer a fix in test/e2e/emulator-fixes/ to an entry here.
 * Remove an entry when a newer pinned moto handles it: the tier will then
 * apply the type.
 */
export interface MotoGap {
  /** The moto version the failure was seen with (the pin). */
  readonly motoVersion: string;
  /** The AWS API call that fails or answers wrongly. */
  readonly apiCall: string;
  /** What was observed. */
  readonly observed: string;
  /** What still checks the resources of this type. */
  readonly stillChecked: string;
  /**
   * Only resources of the type whose body matches fall in the gap (a tag
   * policy but not an SCP): the others are applied.
   * @default - every resource of the type
   */
  readonly onlyWhen?: (body: Readonly<Record<string, unknown>>) => boolean;
}

/** The moto version every entry below was verified against; the setup script pins the same. */
export const PINNED_MOTO = '5.2.5';

const PLANNED =
  'terraform validate and a full plan against moto (schema, references, provider-side validation), the compliance gate in config and plan mode, and checkov on the JSON';

export const MOTO_GAPS: Readonly<Record<string, MotoGap>> = {
  aws_accessanalyzer_analyzer: {
    motoVersion: PINNED_MOTO,
    apiCall: 'accessanalyzer:CreateAnalyzer',
    observed: 'moto has no IAM Access Analyzer backend: the request is answered as an unknown service',
    stillChecked: PLANNED,
  },
  aws_backup_selection: {
    motoVersion: PINNED_MOTO,
    apiCall: 'backup:CreateBackupSelection',
    observed: 'moto does not implement CreateBackupSelection (the vault and plan it belongs to are applied)',
    stillChecked: PLANNED,
  },
  aws_appautoscaling_target: {
    motoVersion: PINNED_MOTO,
    apiCall: 'application-autoscaling:ListTagsForResource / TagResource',
    observed: 'moto lacks the Application Auto Scaling tagging calls and RegisterScalableTarget drops Tags, so the provider cannot read the target back',
    stillChecked: PLANNED,
  },
  aws_codeartifact_domain: {
    motoVersion: PINNED_MOTO,
    apiCall: 'codeartifact:CreateDomain',
    observed: 'moto answers CreateDomain with HTTP 500 and an HTML body (no CodeArtifact backend): "failed to decode response body, invalid character \'<\'" (examples/data-platform, tooling-cicd)',
    stillChecked: PLANNED,
  },
  aws_opensearch_domain: {
    motoVersion: PINNED_MOTO,
    apiCall: 'es:DescribeDomain (the provider waits for Processing = false)',
    observed: 'a VPC domain created in moto never leaves processing: apply was still "creating" it after 7 minutes, when the tier stopped it (examples/data-platform, deployment-platform)',
    stillChecked: PLANNED,
  },
  aws_api_gateway_rest_api_policy: {
    motoVersion: PINNED_MOTO,
    apiCall: 'apigateway:GetRestApi (policy)',
    observed: 'after the policy is put, reading the REST API back fails to decode its policy ("invalid character \'S\' after top-level value"), so refresh and destroy of aws_api_gateway_rest_api fail (examples/data-platform, deployment-platform)',
    stillChecked: PLANNED,
  },
  aws_budgets_budget: {
    motoVersion: PINNED_MOTO,
    apiCall: 'budgets:DescribeSubscribersForNotification',
    observed: 'moto answers with HTTP 500 and an HTML body when the provider reads a budget\'s notification subscribers back (examples/web-platform, shared-management)',
    stillChecked: PLANNED,
  },
  aws_bcmdataexports_export: {
    motoVersion: PINNED_MOTO,
    apiCall: 'bcm-data-exports:CreateExport',
    observed: 'HTTP 500 with an HTML body ("invalid character \'<\' looking for beginning of value"): moto has no BCM Data Exports backend (examples/web-platform, shared-management)',
    stillChecked: PLANNED,
  },
  aws_ce_cost_allocation_tag: {
    motoVersion: PINNED_MOTO,
    apiCall: 'ce:UpdateCostAllocationTagsStatus',
    observed: 'HTTP 500 with an HTML body: moto has no Cost Explorer cost allocation tags (examples/web-platform, shared-management)',
    stillChecked: PLANNED,
  },
  aws_securityhub_account: {
    motoVersion: PINNED_MOTO,
    apiCall: 'securityhub:UpdateSecurityHubConfiguration',
    observed: 'HTTP 500 with an HTML body after EnableSecurityHub (examples/web-platform, shared-management)',
    stillChecked: PLANNED,
  },
  aws_ssoadmin_permission_set: {
    motoVersion: PINNED_MOTO,
    apiCall: 'sso:ListTagsForResource',
    observed: 'the permission set is created, then reading its tags answers HTTP 500 with an HTML body (examples/web-platform, shared-management)',
    stillChecked: PLANNED,
  },
  aws_organizations_policy: {
    motoVersion: PINNED_MOTO,
    apiCall: 'organizations:CreatePolicy (Type TAG_POLICY)',
    observed: 'a tag policy is answered with HTTP 500 and an HTML body (examples/web-platform, shared-management); service control policies are created and read back, so only tag policies are left out',
    stillChecked: PLANNED,
    onlyWhen: (body) => body.type === 'TAG_POLICY',
  },
  aws_eks_access_entry: {
    motoVersion: PINNED_MOTO,
    apiCall: 'eks:CreateAccessEntry',
    observed: 'HTTP 404 with an HTML body: moto\'s EKS has clusters and node groups, not access entries (examples/web-platform, staging-web)',
    stillChecked: PLANNED,
  },
  aws_eks_addon: {
    motoVersion: PINNED_MOTO,
    apiCall: 'eks:CreateAddon',
    observed: 'HTTP 404 with an HTML body (examples/web-platform, staging-web)',
    stillChecked: PLANNED,
  },
  aws_eks_pod_identity_association: {
    motoVersion: PINNED_MOTO,
    apiCall: 'eks:CreatePodIdentityAssociation',
    observed: 'HTTP 404 with an HTML body (examples/web-platform, staging-web)',
    stillChecked: PLANNED,
  },
  aws_secretsmanager_secret_rotation: {
    motoVersion: PINNED_MOTO,
    apiCall: 'secretsmanager:CancelRotateSecret',
    observed: 'rotation of an RDS-managed master secret applies, but destroy fails: moto answers CancelRotateSecret with "a secret that doesn\'t already have a Lambda function ARN configured" (examples/web-platform, staging-web); RDS-managed secrets rotate without a Lambda function',
    stillChecked: PLANNED,
  },
  aws_lb_listener: {
    motoVersion: PINNED_MOTO,
    apiCall: 'elasticloadbalancing:CreateListener',
    observed: 'CertificateNotFound for a certificate the stack takes as an input ARN (examples/web-platform, staging-web): the certificate lives outside the app, so the emulator has none; listeners whose certificate the stack creates are applied (aito)',
    stillChecked: PLANNED,
    onlyWhen: (body) => typeof body.certificate_arn === 'string' && body.certificate_arn.startsWith('arn:'),
  },
};

/** Whether a resource of this type (and, for conditional entries, with this body) is left out of apply. */
export function isMotoGap(resourceType: string, body?: Readonly<Record<string, unknown>>): boolean {
  if (!Object.prototype.hasOwnProperty.call(MOTO_GAPS, resourceType)) return false;
  const only = MOTO_GAPS[resourceType]!.onlyWhen;
  return only === undefined || body === undefined || only(body);
}
