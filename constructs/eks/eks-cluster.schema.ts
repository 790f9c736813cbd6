import { arn, bool, dict, int, list, oneOf, opt, ref, Schema, str, strict } from '../../core/validation';
import type { EksAccessEntryOptions, EksClusterProps } from './eks-cluster';
import type { EksNodeGroupOptions } from './node-group';

export const EksNodeGroupOptionsSchema = strict({
  instanceTypes: list(str()),
  minSize: int(),
  maxSize: int(),
  desiredSize: opt(int()),
  capacityType: opt(oneOf(['ON_DEMAND', 'SPOT'] as const)),
  diskSizeGiB: opt(int()),
  labels: opt(dict(str())),
}) satisfies Schema<EksNodeGroupOptions>;

export const EksAccessEntryOptionsSchema = strict({ principalArn: arn(), access: oneOf(['cluster-admin', 'admin', 'edit', 'view'] as const), namespaces: opt(list(str())) }) satisfies Schema<EksAccessEntryOptions>;

export const EksClusterPropsSchema = strict({
  name: str(),
  kubernetesVersion: opt(str()),
  vpcId: ref(),
  subnetIds: list(ref()),
  publicAccessCidrs: opt(list(str())),
  secretsKmsKeyArn: opt(arn()),
  logsKmsKeyArn: opt(arn()),
  logRetentionDays: opt(int()),
  nodeGroups: dict(EksNodeGroupOptionsSchema),
  accessEntries: opt(dict(EksAccessEntryOptionsSchema)),
  workloadIdentity: opt(oneOf(['pod-identity', 'irsa'] as const)),
  karpenter: opt(bool()),
  loadBalancerController: opt(bool()),
  metricsServer: opt(bool()),
}) satisfies Schema<EksClusterProps>;
