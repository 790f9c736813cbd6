import { EksNodeGroup, IamRole, LaunchTemplate } from '../../core/aws';
import { Construct, TerraformResource, Token } from '../../core/cdktf';

/** One managed node group. */
export interface EksNodeGroupOptions {
  /** EC2 instance types, all of one architecture, e.g. `['m7g.large']`. */
  readonly instanceTypes: readonly string[];
  /** Fewest nodes (0-1000). */
  readonly minSize: number;
  /** Most nodes (1-1000), at least minSize. */
  readonly maxSize: number;
  /**
   * Nodes at creation; later changes come from the autoscaler and are ignored.
   * @default minSize
   */
  readonly desiredSize?: number;
  /**
   * `SPOT` for interruptible capacity.
   * @default 'ON_DEMAND'
   */
  readonly capacityType?: 'ON_DEMAND' | 'SPOT';
  /**
   * Size of each node's encrypted gp3 root volume (20-1,000).
   * @default 50
   */
  readonly diskSizeGiB?: number;
  /**
   * Kubernetes labels of the nodes; `tenantform/node-group: <name>` is always set.
   * @default - that label only
   */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface NodeGroupBuild {
  readonly launchTemplate: LaunchTemplate;
  readonly nodeGroup: EksNodeGroup;
}

/** Graviton families end their family name in `g` (m7g, c7gn, r8g, t4g). */
export function architectureOf(instanceType: string): 'arm64' | 'x86_64' {
  const family = instanceType.split('.')[0] ?? '';
  return /^[a-z]+\d+g[a-z]*$/.test(family) ? 'arm64' : 'x86_64';
}

/**
 * A launch template that forces IMDSv2 with a hop limit of 1 (pods on the VPC
 * CNI cannot reach the node's credentials; they get their own through Pod
 * Identity or IRSA), an encrypted root volume, only the nodes' security group
 * and no key pair; and a managed node group on it in the private subnets,
 * with no remote access block (no SSH; Session Manager instead).
 */
export function buildNodeGroup(
  scope: Construct,
  name: string,
  o: EksNodeGroupOptions,
  c: { clusterName: string; clusterNameRef: string; nodeRole: IamRole; subnetIds: readonly string[]; nodeSecurityGroupId: string; tags: Record<string, string>; dependsOn: TerraformResource[] },
): NodeGroupBuild {
  const lt = new LaunchTemplate(scope, `${name}-launch-template`, {
    name: `${c.clusterName}-${name}`,
    description: `${c.clusterName} ${name} nodes: IMDSv2 only, encrypted root, no key pair`,
    updateDefaultVersion: true,
    vpcSecurityGroupIds: [c.nodeSecurityGroupId],
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: o.diskSizeGiB ?? 50, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' } }],
    monitoring: { enabled: true },
    tagSpecifications: [
      { resourceType: 'instance', tags: { ...c.tags, Name: `${c.clusterName}-${name}` } },
      { resourceType: 'volume', tags: { ...c.tags, Name: `${c.clusterName}-${name}` } },
    ],
    tags: c.tags,
  });
  const arch = architectureOf(o.instanceTypes[0]!);
  const nodeGroup = new EksNodeGroup(scope, `${name}-node-group`, {
    clusterName: c.clusterNameRef,
    nodeGroupName: name,
    nodeRoleArn: c.nodeRole.arn,
    subnetIds: [...c.subnetIds],
    instanceTypes: [...o.instanceTypes],
    amiType: arch === 'arm64' ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
    capacityType: o.capacityType ?? 'ON_DEMAND',
    scalingConfig: { minSize: o.minSize, maxSize: o.maxSize, desiredSize: o.desiredSize ?? o.minSize },
    updateConfig: { maxUnavailable: 1 },
    launchTemplate: { id: lt.id, version: Token.asString(lt.latestVersion) },
    labels: { ...(o.labels ?? {}), 'tenantform/node-group': name },
    tags: c.tags,
    dependsOn: c.dependsOn,
    // The autoscaler moves the desired size; Terraform keeps only the bounds.
    lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
  });
  return { launchTemplate: lt, nodeGroup };
}
