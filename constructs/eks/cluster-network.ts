import { SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../core/aws';
import { Construct } from '../../core/cdktf';

/**
 * Ports the control plane opens on nodes: kubelet (10250) and the webhook
 * ports of the usual controllers (443, 4443 metrics-server, 6443, 8443
 * Karpenter, 9443 the load balancer controller).
 */
export const CONTROL_PLANE_TO_NODE_PORTS: readonly number[] = [443, 4443, 6443, 8443, 9443, 10250];

export interface ClusterNetwork {
  /** Extra group on the control plane's network interfaces. */
  readonly controlPlane: SecurityGroup;
  /** The nodes' group; pods on the VPC CNI share their node's group, so this is also the pods' group. */
  readonly nodes: SecurityGroup;
}

/**
 * Two groups and the rules between them, and nothing from outside: the
 * control plane reaches the nodes on the kubelet and webhook ports, the nodes
 * reach the API server on 443, nodes (and so pods) reach each other, and
 * nodes reach HTTPS outside (image registries, AWS APIs through the NAT or
 * endpoints). Everything else is added by name with `allowIngressFrom` /
 * `allowEgressTo` on the cluster.
 */
export function clusterNetwork(scope: Construct, clusterName: string, vpcId: string, tags: Record<string, string>): ClusterNetwork {
  const controlPlane = new SecurityGroup(scope, 'control-plane-security-group', {
    name: `${clusterName}-control-plane`,
    description: `${clusterName}: EKS control plane, reached by its nodes only`,
    vpcId,
    tags: { ...tags, Name: `${clusterName}-control-plane` },
  });
  const nodes = new SecurityGroup(scope, 'node-security-group', {
    name: `${clusterName}-nodes`,
    description: `${clusterName}: nodes and pods`,
    vpcId,
    tags: { ...tags, Name: `${clusterName}-nodes` },
  });
  new VpcSecurityGroupIngressRule(scope, 'control-plane-from-nodes', { securityGroupId: controlPlane.id, description: 'Kubernetes API from the nodes', ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: nodes.id, tags });
  new VpcSecurityGroupEgressRule(scope, 'nodes-to-control-plane', { securityGroupId: nodes.id, description: 'Kubernetes API', ipProtocol: 'tcp', fromPort: 443, toPort: 443, referencedSecurityGroupId: controlPlane.id, tags });
  for (const port of CONTROL_PLANE_TO_NODE_PORTS) {
    new VpcSecurityGroupIngressRule(scope, `nodes-from-control-plane-${port}`, { securityGroupId: nodes.id, description: `Control plane to nodes on ${port}`, ipProtocol: 'tcp', fromPort: port, toPort: port, referencedSecurityGroupId: controlPlane.id, tags });
    new VpcSecurityGroupEgressRule(scope, `control-plane-to-nodes-${port}`, { securityGroupId: controlPlane.id, description: `Control plane to nodes on ${port}`, ipProtocol: 'tcp', fromPort: port, toPort: port, referencedSecurityGroupId: nodes.id, tags });
  }
  new VpcSecurityGroupIngressRule(scope, 'nodes-from-nodes', { securityGroupId: nodes.id, description: 'Node to node and pod to pod (CoreDNS, services)', ipProtocol: '-1', referencedSecurityGroupId: nodes.id, tags });
  new VpcSecurityGroupEgressRule(scope, 'nodes-to-nodes', { securityGroupId: nodes.id, description: 'Node to node and pod to pod (CoreDNS, services)', ipProtocol: '-1', referencedSecurityGroupId: nodes.id, tags });
  new VpcSecurityGroupEgressRule(scope, 'nodes-to-https', { securityGroupId: nodes.id, description: 'HTTPS to image registries and AWS APIs', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0', tags });
  return { controlPlane, nodes };
}
