import { EksPodIdentityAssociation, IamOpenidConnectProvider, IamRole } from '../../core/aws';
import { Construct, Fn } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { policyJson } from '../iam/policy';
import { workloadBoundaryArn } from '../identity/workload-boundary';

/** How pods get AWS credentials: EKS Pod Identity (an agent add-on and associations) or IRSA (an OIDC provider and web-identity trust). */
export type WorkloadIdentity = 'pod-identity' | 'irsa';

export interface ServiceAccountRef {
  readonly namespace: string;
  readonly serviceAccount: string;
}

export interface WorkloadIdentityContext {
  readonly mode: WorkloadIdentity;
  readonly env: Environment;
  readonly clusterName: string;
  /** A reference to the cluster's name, so associations wait for the cluster. */
  readonly clusterNameRef: string;
  /** IRSA only. */
  readonly oidcProvider?: IamOpenidConnectProvider;
  readonly tags: Record<string, string>;
}

/** The cluster's IAM OIDC provider for IRSA; STS is its only audience. */
export function oidcProvider(scope: Construct, issuerUrl: string, tags: Record<string, string>): IamOpenidConnectProvider {
  return new IamOpenidConnectProvider(scope, 'oidc-provider', { url: issuerUrl, clientIdList: ['sts.amazonaws.com'], tags });
}

/**
 * A role that exactly one Kubernetes service account may assume, and nothing
 * else: under Pod Identity the EKS pods service for this account, bound by an
 * association; under IRSA the cluster's OIDC provider, with `sub` pinned to
 * the service account and `aud` to STS. Under the workload boundary.
 */
export function serviceAccountRole(scope: Construct, id: string, ctx: WorkloadIdentityContext, who: ServiceAccountRef, description: string): IamRole {
  const role = new IamRole(scope, id, {
    name: `${ctx.clusterName}-${id}`.slice(0, 64),
    description,
    assumeRolePolicy: ctx.mode === 'pod-identity' ? podIdentityTrust(ctx.env.accountId) : irsaTrust(ctx.oidcProvider!, who),
    permissionsBoundary: workloadBoundaryArn(ctx.env),
    tags: ctx.tags,
  });
  if (ctx.mode === 'pod-identity') {
    new EksPodIdentityAssociation(scope, `${id}-association`, { clusterName: ctx.clusterNameRef, namespace: who.namespace, serviceAccount: who.serviceAccount, roleArn: role.arn, tags: ctx.tags });
  }
  return role;
}

function podIdentityTrust(accountId: string): string {
  return policyJson([
    {
      Sid: 'EksPodIdentity',
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      // Pod Identity tags the session with the cluster, namespace and service account.
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    },
  ]);
}

function irsaTrust(provider: IamOpenidConnectProvider, who: ServiceAccountRef): string {
  const issuer = Fn.replace(provider.url, 'https://', '');
  return policyJson([
    {
      Sid: 'ServiceAccountWebIdentity',
      Effect: 'Allow',
      Principal: { Federated: provider.arn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${who.namespace}:${who.serviceAccount}`, [`${issuer}:aud`]: 'sts.amazonaws.com' } },
    },
  ]);
}
