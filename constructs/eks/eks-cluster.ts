import { IPv4CidrRange } from 'ip-num';
import { CloudwatchLogGroup, EksAccessEntry, EksAccessPolicyAssociation, EksAddon, EksCluster as EksClusterResource, EksNodeGroup, IamOpenidConnectProvider, IamRole, IamRolePolicyAttachment, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct, TerraformResource } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { guardArns, validateProps } from '../../core/validation';
import { grantKeyEncryptDecrypt } from '../iam/grants';
import { serviceTrustPolicy } from '../iam/policy';
import { awsManagedPolicyArn, partitionOf } from '../identity/arn';
import { LOG_RETENTION_DAYS } from '../identity/session-manager';
import { workloadBoundaryArn } from '../identity/workload-boundary';
import { logsKey, secretsKey } from './cluster-keys';
import { clusterNetwork } from './cluster-network';
import { ControllerContext, grantKarpenterController, grantLoadBalancerController } from './controller-policies';
import { EksClusterPropsSchema } from './eks-cluster.schema';
import { architectureOf, buildNodeGroup, EksNodeGroupOptions } from './node-group';
import { oidcProvider, ServiceAccountRef, serviceAccountRole, WorkloadIdentity, WorkloadIdentityContext } from './workload-identity';

export { EksNodeGroupOptions, ServiceAccountRef, WorkloadIdentity };

/** What a principal may do in the cluster, as an EKS access policy. */
export type EksAccess = 'cluster-admin' | 'admin' | 'edit' | 'view';

/** An IAM principal let into the cluster through an access entry (the aws-auth ConfigMap is not used). */
export interface EksAccessEntryOptions {
  /** ARN of the IAM role (for people, an Identity Center permission-set role). */
  readonly principalArn: string;
  /** The access policy. `cluster-admin` is cluster-wide; the others may be limited to namespaces. */
  readonly access: EksAccess;
  /**
   * Limit the access to these namespaces.
   * @default - the whole cluster
   */
  readonly namespaces?: readonly string[];
}

export interface EksClusterProps {
  /** Short lowercase label; the cluster is named `<environment>-<name>`. */
  readonly name: string;
  /**
   * Kubernetes version, `1.<minor>`.
   * @default '1.33'
   */
  readonly kubernetesVersion?: string;
  readonly vpcId: string;
  /** Private subnets (at least two AZs) for the control plane's interfaces and the nodes. */
  readonly subnetIds: readonly string[];
  /**
   * Open the public API endpoint to these IPv4 CIDRs (each /16 or narrower).
   * The private endpoint stays on either way.
   * @default - none: the API endpoint is private only
   */
  readonly publicAccessCidrs?: readonly string[];
  /**
   * Key that envelope-encrypts Kubernetes secrets.
   * @default - a key of its own, rotated yearly
   */
  readonly secretsKmsKeyArn?: string;
  /**
   * Key of the control-plane log group.
   * @default - a key of its own, rotated yearly, usable by CloudWatch Logs for this log group only
   */
  readonly logsKmsKeyArn?: string;
  /**
   * Days control-plane logs are kept (a CloudWatch Logs period).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /** Managed node groups by name, e.g. `{ frontend: {...}, backend: {...} }`. */
  readonly nodeGroups: Readonly<Record<string, EksNodeGroupOptions>>;
  /**
   * IAM principals let into the cluster, by a stable label.
   * @default - none (the creator gets no implicit admin either)
   */
  readonly accessEntries?: Readonly<Record<string, EksAccessEntryOptions>>;
  /**
   * How pods get AWS credentials.
   * @default 'pod-identity'
   */
  readonly workloadIdentity?: WorkloadIdentity;
  /**
   * IAM for Karpenter: a controller role (service account `karpenter/karpenter`) and a node role with its access entry.
   * @default true
   */
  readonly karpenter?: boolean;
  /**
   * IAM for the AWS Load Balancer Controller (service account `kube-system/aws-load-balancer-controller`).
   * @default true
   */
  readonly loadBalancerController?: boolean;
  /**
   * The metrics-server add-on, which the Horizontal Pod Autoscaler reads.
   * @default true
   */
  readonly metricsServer?: boolean;
}

const NAME = /^[a-z](?:[a-z0-9-]{0,28}[a-z0-9])?$/;
const LABEL = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** Every control-plane log type EKS offers. */
export const CONTROL_PLANE_LOG_TYPES: readonly string[] = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];
const ACCESS_POLICIES: Readonly<Record<EksAccess, string>> = { 'cluster-admin': 'AmazonEKSClusterAdminPolicy', admin: 'AmazonEKSAdminPolicy', edit: 'AmazonEKSEditPolicy', view: 'AmazonEKSViewPolicy' };

/**
 * An EKS cluster, secure by default: a private API endpoint (or a public one
 * limited to named CIDRs), Kubernetes secrets envelope-encrypted with KMS,
 * every control-plane log type in a KMS-encrypted log group, access entries
 * instead of the aws-auth ConfigMap (no implicit admin for the creator), Pod
 * Identity or an OIDC provider for IRSA, managed node groups in private
 * subnets on launch templates that force IMDSv2 and have no SSH, and the IAM
 * for Karpenter and the AWS Load Balancer Controller, built from grants.
 *
 * In-cluster software (Karpenter, the load balancer controller, Helm charts,
 * network policies) is installed by the cluster's own delivery, not here.
 */
export class EksCluster extends Construct {
  public readonly cluster: EksClusterResource;
  /** `<environment>-<name>`. */
  public readonly clusterName: string;
  /** Security group of the nodes, and so of the pods (the VPC CNI gives pods their node's groups). */
  public readonly nodeSecurityGroupId: string;
  /** The extra security group on the control plane's interfaces. */
  public readonly controlPlaneSecurityGroupId: string;
  public readonly nodeRole: IamRole;
  public readonly nodeGroups: Readonly<Record<string, EksNodeGroup>>;
  public readonly oidcProvider?: IamOpenidConnectProvider;
  public readonly karpenterControllerRole?: IamRole;
  public readonly karpenterNodeRole?: IamRole;
  public readonly loadBalancerControllerRole?: IamRole;
  private readonly identity: WorkloadIdentityContext;
  private readonly nodes: SecurityGroup;
  private readonly where: string;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const where = describeConstruct('EksCluster', this.node);
    this.where = where;
    validateProps(EksClusterPropsSchema, props, where);
    const env = environmentOf(this, 'EksCluster');
    guardArns(props, env, where);
    const s = resolve(props, where);
    const name = `${env.name}-${props.name}`;
    const partition = partitionOf(env.region);
    const tags = { 'tenantform:cluster': name };
    this.clusterName = name;

    const logGroupName = `/aws/eks/${name}/cluster`;
    const logsKeyArn = props.logsKmsKeyArn ?? logsKey(this, env, name, logGroupName).arn;
    const secretsKeyTarget = props.secretsKmsKeyArn !== undefined ? { arn: props.secretsKmsKeyArn, node: { id: 'secrets-key' } } : secretsKey(this, env, name);
    // Created before the cluster, so EKS writes into this encrypted group instead of creating a plain one.
    const logGroup = new CloudwatchLogGroup(this, 'control-plane-logs', { name: logGroupName, retentionInDays: s.logRetentionDays, kmsKeyId: logsKeyArn, tags });

    const clusterRole = new IamRole(this, 'cluster-role', {
      name: `${name}-cluster`.slice(0, 64),
      description: `EKS control plane of ${name}`,
      assumeRolePolicy: serviceTrustPolicy('eks.amazonaws.com', env.accountId),
      permissionsBoundary: workloadBoundaryArn(env),
      tags,
    });
    const clusterPolicy = new IamRolePolicyAttachment(this, 'cluster-role-policy', { role: clusterRole.name, policyArn: awsManagedPolicyArn(partition, 'AmazonEKSClusterPolicy') });
    const keyGrant = grantKeyEncryptDecrypt(secretsKeyTarget, clusterRole, { id: 'secrets-envelope' });

    const net = clusterNetwork(this, name, props.vpcId, tags);
    this.nodes = net.nodes;
    this.nodeSecurityGroupId = net.nodes.id;
    this.controlPlaneSecurityGroupId = net.controlPlane.id;

    this.cluster = new EksClusterResource(this, 'cluster', {
      name,
      version: s.kubernetesVersion,
      roleArn: clusterRole.arn,
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        securityGroupIds: [net.controlPlane.id],
        endpointPrivateAccess: true,
        endpointPublicAccess: s.publicAccessCidrs.length > 0,
        ...(s.publicAccessCidrs.length > 0 ? { publicAccessCidrs: [...s.publicAccessCidrs] } : {}),
      },
      encryptionConfig: { provider: { keyArn: secretsKeyTarget.arn }, resources: ['secrets'] },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      tags,
      dependsOn: [logGroup, clusterPolicy, keyGrant.policy],
    });

    this.identity = {
      mode: s.workloadIdentity,
      env,
      clusterName: name,
      clusterNameRef: this.cluster.name,
      tags,
      ...(s.workloadIdentity === 'irsa' ? { oidcProvider: oidcProvider(this, this.cluster.identity.get(0).oidc.get(0).issuer, tags) } : {}),
    };
    this.oidcProvider = this.identity.oidcProvider;

    this.nodeRole = nodeRole(this, 'node-role', env, `${name}-nodes`, `Managed node groups of ${name}`, tags);
    const nodePolicies = nodeRolePolicies(this, 'node-role', this.nodeRole, partition);
    const groups: Record<string, EksNodeGroup> = {};
    for (const [group, options] of Object.entries(props.nodeGroups)) {
      groups[group] = buildNodeGroup(this, group, options, { clusterName: name, clusterNameRef: this.cluster.name, nodeRole: this.nodeRole, subnetIds: props.subnetIds, nodeSecurityGroupId: net.nodes.id, tags, dependsOn: nodePolicies }).nodeGroup;
    }
    this.nodeGroups = groups;
    const afterNodes = Object.values(groups);

    for (const [label, entry] of Object.entries(props.accessEntries ?? {})) {
      const e = new EksAccessEntry(this, `access-${label}`, { clusterName: this.cluster.name, principalArn: entry.principalArn, type: 'STANDARD', tags });
      new EksAccessPolicyAssociation(this, `access-${label}-policy`, {
        clusterName: this.cluster.name,
        principalArn: e.principalArn,
        policyArn: `arn:${partition}:eks::aws:cluster-access-policy/${ACCESS_POLICIES[entry.access]}`,
        accessScope: entry.namespaces && entry.namespaces.length > 0 ? { type: 'namespace', namespaces: [...entry.namespaces] } : { type: 'cluster' },
      });
    }

    if (s.workloadIdentity === 'pod-identity') new EksAddon(this, 'pod-identity-agent', { clusterName: this.cluster.name, addonName: 'eks-pod-identity-agent', tags, dependsOn: afterNodes });
    if (s.metricsServer) new EksAddon(this, 'metrics-server', { clusterName: this.cluster.name, addonName: 'metrics-server', tags, dependsOn: afterNodes });

    const controllers: ControllerContext = { partition, region: env.region, accountId: env.accountId, clusterName: name, clusterArn: this.cluster.arn, vpcId: props.vpcId };
    if (s.karpenter) {
      this.karpenterNodeRole = nodeRole(this, 'karpenter-node-role', env, `${name}-karpenter-nodes`, `Nodes Karpenter launches for ${name}`, tags);
      nodeRolePolicies(this, 'karpenter-node-role', this.karpenterNodeRole, partition);
      // Nodes of a role without an entry cannot join: EC2_LINUX lets Karpenter's nodes register as nodes, nothing more.
      new EksAccessEntry(this, 'karpenter-node-access', { clusterName: this.cluster.name, principalArn: this.karpenterNodeRole.arn, type: 'EC2_LINUX', tags });
      this.karpenterControllerRole = serviceAccountRole(this, 'karpenter-controller', this.identity, { namespace: 'karpenter', serviceAccount: 'karpenter' }, `Karpenter controller of ${name}`);
      grantKarpenterController(this.karpenterControllerRole, this.karpenterNodeRole.arn, controllers);
    }
    if (s.loadBalancerController) {
      this.loadBalancerControllerRole = serviceAccountRole(this, 'load-balancer-controller', this.identity, { namespace: 'kube-system', serviceAccount: 'aws-load-balancer-controller' }, `AWS Load Balancer Controller of ${name}`);
      grantLoadBalancerController(this.loadBalancerControllerRole, controllers);
    }
  }

  /** A role for one service account of the cluster's pods (grant it what the pods need). */
  public serviceAccountRole(id: string, who: ServiceAccountRef): IamRole {
    if (!LABEL.test(id) || !NAMESPACE.test(who.namespace) || !NAMESPACE.test(who.serviceAccount)) {
      throw new TenantformError({ code: 'TF-EKS-007', where: this.where, problem: 'a service-account role needs a label ID and a Kubernetes namespace and service account name (DNS labels).', value: { id, ...who }, fix: 'use e.g. serviceAccountRole("backend-api", { namespace: "backend", serviceAccount: "api" }).' });
    }
    return serviceAccountRole(this, id, this.identity, who, `Pods of ${who.namespace}/${who.serviceAccount} in ${this.clusterName}`);
  }

  /** Admit a source group to the pods on one port (the ALB's group on the target port). */
  public allowIngressFrom(label: string, sourceSecurityGroupId: string, port: number): VpcSecurityGroupIngressRule {
    this.assertRule(label, port);
    return new VpcSecurityGroupIngressRule(this, `nodes-from-${label}`, { securityGroupId: this.nodes.id, description: `${label} to pods on ${port}`, ipProtocol: 'tcp', fromPort: port, toPort: port, referencedSecurityGroupId: sourceSecurityGroupId });
  }

  /** Let the pods reach a destination group on one port (the database's group on its port). */
  public allowEgressTo(label: string, destinationSecurityGroupId: string, port: number): VpcSecurityGroupEgressRule {
    this.assertRule(label, port);
    return new VpcSecurityGroupEgressRule(this, `nodes-to-${label}`, { securityGroupId: this.nodes.id, description: `Pods to ${label} on ${port}`, ipProtocol: 'tcp', fromPort: port, toPort: port, referencedSecurityGroupId: destinationSecurityGroupId });
  }

  private assertRule(label: string, port: number): void {
    if (!LABEL.test(label) || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw new TenantformError({ code: 'TF-EKS-008', where: this.where, problem: 'a security-group rule needs a label (letter, then letters, digits, hyphens) and a port in 1-65535.', value: { label, port }, fix: 'use e.g. allowIngressFrom("alb", alb.securityGroupId, 8080).' });
    }
  }
}

function nodeRole(scope: Construct, id: string, env: Environment, name: string, description: string, tags: Record<string, string>): IamRole {
  return new IamRole(scope, id, { name: name.slice(0, 64), description, assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com', env.accountId), permissionsBoundary: workloadBoundaryArn(env), tags });
}

/** What a node needs: join the cluster, run the VPC CNI, pull images (pull only), and Session Manager in place of SSH. */
function nodeRolePolicies(scope: Construct, id: string, role: IamRole, partition: string): TerraformResource[] {
  return ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonSSMManagedInstanceCore'].map(
    (policy) => new IamRolePolicyAttachment(scope, `${id}-${policy}`, { role: role.name, policyArn: awsManagedPolicyArn(partition, policy) }),
  );
}

interface Resolved {
  readonly kubernetesVersion: string;
  readonly publicAccessCidrs: readonly string[];
  readonly logRetentionDays: number;
  readonly workloadIdentity: WorkloadIdentity;
  readonly karpenter: boolean;
  readonly loadBalancerController: boolean;
  readonly metricsServer: boolean;
}

function resolve(props: EksClusterProps, where: string): Resolved {
  if (!NAME.test(props.name) || props.name.includes('--')) {
    throw new TenantformError({ code: 'TF-EKS-001', where, problem: 'name must be 1-30 lowercase letters, digits and single hyphens, starting with a letter.', value: props.name, fix: 'use a short label such as "web".' });
  }
  const kubernetesVersion = props.kubernetesVersion ?? '1.33';
  if (!/^1\.\d{2}$/.test(kubernetesVersion)) {
    throw new TenantformError({ code: 'TF-EKS-004', where, problem: 'kubernetesVersion must be "1.<minor>".', value: kubernetesVersion, fix: 'use a version EKS offers, e.g. "1.33".' });
  }
  if (props.subnetIds.length < 2 || new Set(props.subnetIds).size !== props.subnetIds.length) {
    throw new TenantformError({ code: 'TF-EKS-002', where, problem: 'EKS needs distinct private subnets in at least two AZs.', value: props.subnetIds, fix: "pass the VPC's private (workload) subnets." });
  }
  const publicAccessCidrs = props.publicAccessCidrs ?? [];
  for (const cidr of publicAccessCidrs) {
    const [ok, prefix] = parseCidr(cidr);
    if (!ok || prefix < 16) {
      throw new TenantformError({ code: 'TF-EKS-003', where, problem: 'each public access CIDR must be an IPv4 CIDR of /16 or narrower: a public API endpoint is opened to named networks, never to the internet.', value: cidr, fix: 'name your office or CI egress ranges, e.g. "203.0.113.0/24", or leave publicAccessCidrs unset for a private endpoint.' });
    }
  }
  const logRetentionDays = props.logRetentionDays ?? 365;
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw new TenantformError({ code: 'TF-EKS-009', where, problem: 'logRetentionDays must be a period CloudWatch Logs accepts.', value: logRetentionDays, fix: `use one of ${LOG_RETENTION_DAYS.join(', ')}.` });
  }
  const groups = Object.entries(props.nodeGroups);
  if (groups.length === 0) {
    throw new TenantformError({ code: 'TF-EKS-005', where, problem: 'a cluster needs at least one managed node group (for the system pods and Karpenter itself).', value: props.nodeGroups, fix: 'declare e.g. { frontend: {...}, backend: {...} }.' });
  }
  for (const [group, o] of groups) checkNodeGroup(group, o, where);
  for (const [label, entry] of Object.entries(props.accessEntries ?? {})) {
    if (!LABEL.test(label) || (entry.namespaces ?? []).some((n) => !NAMESPACE.test(n)) || (entry.access === 'cluster-admin' && (entry.namespaces ?? []).length > 0)) {
      throw new TenantformError({ code: 'TF-EKS-006', where, problem: 'an access entry needs a label and valid namespaces, and cluster-admin is cluster-wide only.', value: { label, ...entry }, fix: 'use admin, edit or view for namespace-scoped access.' });
    }
  }
  return {
    kubernetesVersion,
    publicAccessCidrs,
    logRetentionDays,
    workloadIdentity: props.workloadIdentity ?? 'pod-identity',
    karpenter: props.karpenter ?? true,
    loadBalancerController: props.loadBalancerController ?? true,
    metricsServer: props.metricsServer ?? true,
  };
}

function checkNodeGroup(group: string, o: EksNodeGroupOptions, where: string): void {
  const fail = (problem: string, value: unknown, fix: string) => new TenantformError({ code: 'TF-EKS-005', where, problem: `node group "${group}": ${problem}`, value, fix });
  if (!NAMESPACE.test(group)) throw fail('its name must be a lowercase DNS label.', group, 'use e.g. "frontend" or "backend".');
  if (o.instanceTypes.length === 0 || o.instanceTypes.some((t) => !INSTANCE_TYPE.test(t))) throw fail('instanceTypes must name EC2 instance types.', o.instanceTypes, 'use e.g. ["m7g.large"].');
  if (new Set(o.instanceTypes.map(architectureOf)).size > 1) throw fail('all instance types must share one architecture (one AMI type per group).', o.instanceTypes, 'split Graviton and x86 types into two groups.');
  const desired = o.desiredSize ?? o.minSize;
  if (![o.minSize, o.maxSize, desired].every((n) => Number.isInteger(n) && n >= 0 && n <= 1000) || o.maxSize < 1 || o.minSize > o.maxSize || desired < o.minSize || desired > o.maxSize) {
    throw fail('sizes must be integers with 0 <= minSize <= desiredSize <= maxSize <= 1000 and maxSize >= 1.', { minSize: o.minSize, desiredSize: o.desiredSize, maxSize: o.maxSize }, 'fix the bounds.');
  }
  const disk = o.diskSizeGiB ?? 50;
  if (!Number.isInteger(disk) || disk < 20 || disk > 1000) throw fail('diskSizeGiB must be an integer in 20-1000.', disk, 'use e.g. 50.');
  for (const key of Object.keys(o.labels ?? {})) {
    if (!/^([a-z0-9.-]{1,253}\/)?[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/.test(key) || key.startsWith('tenantform/')) throw fail('a label key is not a Kubernetes label key, or uses the reserved tenantform/ prefix.', key, 'use e.g. "workload".');
  }
}

function parseCidr(cidr: string): [boolean, number] {
  try {
    const range = IPv4CidrRange.fromCidr(cidr);
    return [true, Number(range.cidrPrefix.getValue())];
  } catch {
    return [false, 0];
  }
}
