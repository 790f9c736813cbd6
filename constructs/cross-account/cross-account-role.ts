import { IamRole } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { TrustEdge } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { suppress } from '../../core/suppressions';
import { validateProps } from '../../core/validation';
import { IAM_ROLE_NAME, isRoleSessionSeconds } from '../iam/role-limits';
import { policyJson, PolicyStatement } from '../iam/policy';
import { accountRootArn, partitionOf } from '../identity/arn';
import { workloadBoundaryArn } from '../identity/workload-boundary';
import { CrossAccountRolePropsSchema } from './cross-account-role.schema';

export interface CrossAccountRoleProps {
  /** IAM role name, e.g. `pivot-role` or `deploy-from-tooling`. */
  readonly roleName: string;
  /**
   * Name of the environment whose principals may assume the role. It must be
   * a trust edge the stack's environment declares (`trusts`); the edge says
   * what the trust must carry.
   */
  readonly trustedEnvironment: string;
  /**
   * Roles of the trusted account that may assume this one. Required when the
   * edge requires `role`.
   * @default - for an `external-id` edge, the trusted account as a whole, bound by the external ID
   */
  readonly trustedRoleNames?: readonly string[];
  /**
   * The external ID callers must present. Required when the edge requires
   * `external-id` (from the trusted side's `ExternalIdSecret`); allowed on a
   * `role` edge as a second guard.
   * @default - none
   */
  readonly externalId?: string;
  /**
   * Longest session, in seconds (3600-43200).
   * @default 3600
   */
  readonly maxSessionDurationSeconds?: number;
  /**
   * Permissions boundary of the role.
   * @default - the account baseline's workload boundary
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * What the role is for; shown in the console.
   * @default - names the trusted environment
   */
  readonly description?: string;
}

/** What AWS accepts in an external ID (2-1224 characters); a wildcard would make StringEquals meaningless to a reader. */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/**
 * A role another environment's principals assume, along a trust edge the
 * stack's environment declares, with exactly the edge's condition: named
 * roles of the trusted account (never its root for a `role` edge), an
 * `sts:ExternalId` for an `external-id` edge. It starts with no permissions;
 * add them with the grant helpers (`grant(role.role, ...)`), so it holds only
 * what it is granted. Production and non-production never trust each other,
 * because no such edge can be declared.
 */
export class CrossAccountRole extends Construct {
  public readonly role: IamRole;
  public readonly arn: string;
  /** The edge the trust follows. */
  public readonly edge: TrustEdge;

  constructor(scope: Construct, id: string, props: CrossAccountRoleProps) {
    super(scope, id);
    const where = describeConstruct('CrossAccountRole', this.node);
    validateProps(CrossAccountRolePropsSchema, props, where);
    const env = environmentOf(this, 'CrossAccountRole');
    const edge = (env.trusts ?? []).find((e) => e.from.name === props.trustedEnvironment);
    if (edge === undefined) {
      throw new TenantformError({
        code: 'TF-XAC-001',
        where,
        problem: `environment "${env.name}" declares no trust edge from "${props.trustedEnvironment}".`,
        value: props.trustedEnvironment,
        fix: `add { from: <the ${props.trustedEnvironment} Environment>, requires: 'role' | 'external-id' } to the trusts of "${env.name}"${(env.trusts ?? []).length > 0 ? `, or trust one of ${env.trusts!.map((e) => `"${e.from.name}"`).join(', ')}` : ''}.`,
      });
    }
    this.edge = edge;
    if (edge.requires === 'oidc' || edge.requires === 'read-only' || edge.requires === 'image-pull') {
      throw new TenantformError({
        code: 'TF-XAC-004',
        where,
        problem: edge.requires === 'oidc' ? `the edge from "${edge.from.name}" requires an OIDC principal, which a CrossAccountRole does not build.` : `the edge from "${edge.from.name}" is ${edge.requires}: it admits sharing, never a role to assume.`,
        value: edge.requires,
        fix: edge.requires === 'oidc' ? 'use CiDeployRole for GitHub OIDC trust, or declare the edge with requires: "role".' : 'share data with a Dataset, or declare a separate role or external-id edge.',
      });
    }
    const names = props.trustedRoleNames ?? [];
    if (edge.requires === 'role' && names.length === 0) {
      throw new TenantformError({
        code: 'TF-XAC-004',
        where,
        problem: `the edge from "${edge.from.name}" requires named roles, and trustedRoleNames is empty.`,
        value: props.trustedRoleNames,
        fix: `name the roles of account ${edge.from.accountId} that may assume this one, e.g. trustedRoleNames: ["pipeline-deploy"].`,
      });
    }
    for (const name of [props.roleName, ...names]) {
      if (!Token.isUnresolved(name) && !IAM_ROLE_NAME.test(name)) {
        throw new TenantformError({ code: 'TF-XAC-005', where, problem: 'an IAM role name must be 1-64 letters, digits or +=,.@_-.', value: name, fix: 'use a role name such as "pivot-role".' });
      }
    }
    if (edge.requires === 'external-id' && props.externalId === undefined) {
      throw new TenantformError({
        code: 'TF-XAC-002',
        where,
        problem: `the edge from "${edge.from.name}" requires an external ID, and none is given.`,
        value: props.externalId,
        fix: `pass externalId: the value of the ExternalIdSecret that environment "${edge.from.name}" keeps for this relation.`,
      });
    }
    if (props.externalId !== undefined && !Token.isUnresolved(props.externalId) && !EXTERNAL_ID.test(props.externalId)) {
      throw new TenantformError({
        code: 'TF-XAC-003',
        where,
        problem: 'an external ID must be 2-1224 characters of letters, digits and +=,.@:/-, without wildcards.',
        value: props.externalId,
        fix: 'use the value of an ExternalIdSecret (a random UUID).',
      });
    }
    // What iam:CreateRole takes as a description: up to 1000 characters of tab, line breaks, printable ASCII and Latin-1.
    if (props.description !== undefined && !Token.isUnresolved(props.description) && !/^[\t\n\r\x20-\x7E\xA1-\xFF]{0,1000}$/.test(props.description)) {
      throw new TenantformError({ code: 'TF-XAC-008', where, problem: 'description must be at most 1000 characters of printable Latin-1 text, tabs and line breaks (what IAM accepts for a role).', value: props.description, fix: 'shorten it to a sentence, e.g. "The tooling pipeline deploys here".' });
    }
    const maxSession = props.maxSessionDurationSeconds ?? 3600;
    if (!isRoleSessionSeconds(maxSession)) {
      throw new TenantformError({ code: 'TF-XAC-007', where, problem: 'the longest session must be 3600-43200 seconds.', value: maxSession, fix: 'leave it at 3600 unless a job runs longer than an hour.' });
    }
    const partition = partitionOf(env.region);
    const from = edge.from.accountId;
    const principals = names.length > 0 ? names.map((n) => `arn:${partition}:iam::${from}:role/${n}`) : [accountRootArn(partition, from)];
    const trust: PolicyStatement = {
      Sid: `AssumeFrom${edge.from.name.replace(/[^A-Za-z0-9]/g, '')}`,
      Effect: 'Allow',
      Principal: { AWS: principals },
      Action: 'sts:AssumeRole',
      ...(props.externalId !== undefined ? { Condition: { StringEquals: { 'sts:ExternalId': props.externalId } } } : {}),
    };
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: props.description ?? `Assumed from environment ${edge.from.name} (${from}) along its declared trust edge`,
      assumeRolePolicy: policyJson([trust]),
      maxSessionDuration: maxSession,
      permissionsBoundary: props.permissionsBoundaryArn ?? workloadBoundaryArn(env),
    });
    this.arn = this.role.arn;
    // checkov reads any account principal as "all services of that account"; the trust names one declared account and carries the edge's condition.
    if (names.length === 0) suppress(this.role, 'CKV_AWS_61', `trusts account ${from} as a whole along the declared ${edge.requires} edge from ${edge.from.name}, bound by sts:ExternalId`);
  }
}
