import { RESOURCE_POLICY_ATTRIBUTES } from '../../iam/documents';
import { normalizePolicy } from '../../policy';
import { checkEach, defineRule, fail, isUnknown, pass, unknown } from '../../rule-kit';
import { ResourceModel, RuleOutcome } from '../../types';
import { distinct, githubEnvironmentsAdmitted, SeparationView, statementReach } from '../../rule-helpers/separation';
import { edgeShare, edgeTrust, readOnlyTableGrant } from '../../rule-helpers/trust-edges';
import { accountOf } from '../../iam/principals';

/**
 * Resource type → the attribute holding its trust or resource policy: every
 * resource policy the IAM readers know, plus role trust, and VPC endpoint
 * policies, which conventionally name Principal "*" (so the public-policy
 * rule leaves them alone) but may still reach another environment's account.
 */
const POLICY_ATTRIBUTE: Readonly<Record<string, string>> = {
  ...RESOURCE_POLICY_ATTRIBUTES,
  aws_iam_role: 'assume_role_policy',
  aws_vpc_endpoint: 'policy',
};

/** Resource type → attributes that name one principal or account directly. */
const PRINCIPAL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_kms_grant: ['grantee_principal', 'retiring_principal'],
  aws_lambda_permission: ['principal', 'source_account', 'source_arn'],
  aws_lambda_layer_version_permission: ['principal'],
  aws_lakeformation_permissions: ['principal'],
};

const TYPES = [...Object.keys(POLICY_ATTRIBUTE), ...Object.keys(PRINCIPAL_ATTRIBUTES)];

function policyProblems(view: SeparationView, r: ResourceModel, attribute: string): RuleOutcome[] {
  const doc = normalizePolicy(r.values[attribute]);
  if (doc === undefined) return [];
  if (isUnknown(doc)) return [unknown(r.address, `${attribute} cannot be read (${doc.$unknown}).`)];
  const what = r.type === 'aws_iam_role' ? 'trust' : 'resource policy';
  const out: RuleOutcome[] = [];
  for (const statement of doc.statements) {
    // A role may trust another environment only along an edge its environment declares, with the edge's condition.
    // A resource policy may let another environment read, only along a read-only edge it declares.
    const { outcomes, rest: s } = r.type === 'aws_iam_role' ? edgeTrust(view, r.address, statement) : edgeShare(view, r.address, statement);
    out.push(...outcomes);
    out.push(...statementReach(view, r.address, what, s, { resources: false }));
    if (r.type === 'aws_iam_role') {
      for (const env of githubEnvironmentsAdmitted(view, s)) out.push(fail(r.address, `trust admits GitHub Actions jobs of environment ${env}.`, `GitHubEnvironment::${env}`));
    }
  }
  return out;
}

function principalProblems(view: SeparationView, r: ResourceModel, attributes: readonly string[]): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  for (const attribute of attributes) {
    const value = r.values[attribute];
    if (value === undefined || value === null) continue;
    // A Lake Formation grant to an account along a read-only edge may give SELECT and DESCRIBE only.
    const account = r.type === 'aws_lakeformation_permissions' && typeof value === 'string' ? accountOf(value) : undefined;
    const edge = account === undefined ? undefined : view.edgeFrom(account);
    if (edge !== undefined && edge.requires === 'read-only') {
      const readOnly = readOnlyTableGrant(r.values);
      if (readOnly === 'unknown') out.push(unknown(r.address, `the grant to ${value} along the read-only edge from ${edge.environment} has permissions the gate cannot read.`, `Edge::${edge.environment}::${value}`));
      else if (!readOnly) out.push(fail(r.address, `the grant to ${value} along the read-only edge from ${edge.environment} gives more than SELECT and DESCRIBE, or a grant option.`, `Edge::${edge.environment}::${value}`));
      continue;
    }
    const o = view.judgeValue(r.address, attribute, value, `${attribute}::${isUnknown(value) ? value.$unknown : String(value)}`);
    if (o !== undefined) out.push(o);
  }
  return out;
}

/** TF-SEP-3: no trust, resource policy or key grant lets another environment in. */
export const NoCrossEnvironmentAccess = defineRule(
  {
    id: 'TF-SEP-3',
    title: "Ensure no IAM trust, resource policy, KMS key policy or grant, or Lambda permission lets another environment's account in",
    category: 'account-separation',
    level: 'error',
    resourceTypes: TYPES,
    remediation:
      "Keep each environment self-contained: promote artifacts through a registry or a pipeline, not through trust, resource policies or key grants. Where one environment must assume roles in another (a CI account deploying into a platform account, a platform reaching its linked accounts), declare the edge on the trusting environment (`trusts: [{ from, requires }]`, same posture only) and give every such trust the edge's condition: an sts:ExternalId, a named role, or an OIDC provider of the trusted account. Name only the environment's own account (principals, aws:SourceAccount, aws:SourceArn) and only its own GitHub environment in OIDC trusts. Cross-environment access lets a compromise of dev reach prod. An account that no stack of the run declares fails from a production stack and is unknown from any other (it may be production's): check every stack of the app in one run.",
    references: {},
  },
  (stack, context) => {
    const view = new SeparationView(stack, context);
    return checkEach(stack, TYPES, (r) => {
      const attribute = POLICY_ATTRIBUTE[r.type];
      const problems = attribute !== undefined ? policyProblems(view, r, attribute) : principalProblems(view, r, PRINCIPAL_ATTRIBUTES[r.type] ?? []);
      const unique = distinct(problems);
      return unique.length > 0 ? unique : pass(r.address, 'lets in nothing outside its environment.');
    });
  },
);
