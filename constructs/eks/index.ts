export { EksCluster, EksClusterProps, EksAccessEntryOptions, EksAccess, CONTROL_PLANE_LOG_TYPES } from './eks-cluster';
export { EksNodeGroupOptions } from './node-group';
export { WorkloadIdentity, ServiceAccountRef } from './workload-identity';
