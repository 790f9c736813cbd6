import { EksCluster, EksClusterProps } from '../../../constructs/eks/eks-cluster';
import { DEV, PROD, resourcesOf, synthJson, TerraformJson } from '../../support/synth';
import { hostStack } from '../../support/tenancy-fixtures';

type R = Record<string, unknown>;
const BASE: EksClusterProps = {
  name: 'web',
  vpcId: 'vpc-1',
  subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'],
  nodeGroups: { frontend: { instanceTypes: ['m7g.large'], minSize: 2, maxSize: 6 }, backend: { instanceTypes: ['c7i.xlarge'], minSize: 2, maxSize: 10, capacityType: 'SPOT' } },
  accessEntries: { platformAdmins: { principalArn: `arn:aws:iam::${PROD.accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_abc`, access: 'cluster-admin' }, devs: { principalArn: `arn:aws:iam::${PROD.accountId}:role/developers`, access: 'edit', namespaces: ['backend'] } },
};

function build(props: Partial<EksClusterProps> = {}, env = PROD): { eks: EksCluster; json: TerraformJson } {
  const stack = hostStack(env);
  const eks = new EksCluster(stack, 'eks', { ...BASE, ...props });
  return { eks, json: synthJson(stack) };
}
const only = (json: TerraformJson, type: string): R => {
  const all = Object.values(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0]!;
};
const policyOf = (json: TerraformJson, grant: string) => JSON.parse(Object.values(resourcesOf(json, 'aws_iam_role_policy')).find((p) => p.name === `grant-${grant}`)!.policy as string);

describe('EksCluster', () => {
  const { eks, json } = build();

  test('private endpoint only, secrets envelope-encrypted, every log type, access entries only, no creator admin', () => {
    const cluster = only(json, 'aws_eks_cluster');
    expect(cluster).toMatchObject({
      name: 'prod-web',
      version: '1.33',
      vpc_config: { endpoint_private_access: true, endpoint_public_access: false, subnet_ids: BASE.subnetIds },
      encryption_config: { resources: ['secrets'] },
      enabled_cluster_log_types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
      access_config: { authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false },
    });
    expect((cluster.vpc_config as R).public_access_cidrs).toBeUndefined();
    expect(JSON.stringify(cluster.encryption_config)).toMatch(/aws_kms_key\.eks_secrets-key/);
  });

  test('the control-plane log group exists before the cluster, encrypted, with retention', () => {
    const group = only(json, 'aws_cloudwatch_log_group');
    expect(group).toMatchObject({ name: '/aws/eks/prod-web/cluster', retention_in_days: 365 });
    expect(group.kms_key_id).toMatch(/aws_kms_key\.eks_logs-key/);
    expect((only(json, 'aws_eks_cluster').depends_on as string[]).some((d) => d.startsWith('aws_cloudwatch_log_group.'))).toBe(true);
  });

  test('a public endpoint opens to the named CIDRs only', () => {
    const cluster = only(build({ publicAccessCidrs: ['203.0.113.0/24'] }).json, 'aws_eks_cluster');
    expect(cluster.vpc_config).toMatchObject({ endpoint_public_access: true, endpoint_private_access: true, public_access_cidrs: ['203.0.113.0/24'] });
  });

  test('frontend and backend node groups in the private subnets, on IMDSv2-only launch templates, with no remote access', () => {
    const groups = resourcesOf(json, 'aws_eks_node_group');
    expect(Object.values(groups).map((g) => [g.node_group_name, g.ami_type, g.capacity_type])).toEqual([
      ['frontend', 'AL2023_ARM_64_STANDARD', 'ON_DEMAND'],
      ['backend', 'AL2023_x86_64_STANDARD', 'SPOT'],
    ]);
    for (const g of Object.values(groups)) {
      expect(g.subnet_ids).toEqual(BASE.subnetIds);
      expect(g.remote_access).toBeUndefined();
      expect(g.launch_template).toBeDefined();
    }
    for (const lt of Object.values(resourcesOf(json, 'aws_launch_template'))) {
      expect(lt.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1, instance_metadata_tags: 'disabled' });
      expect(lt.key_name).toBeUndefined();
      expect((lt.block_device_mappings as R[])[0]!.ebs).toMatchObject({ encrypted: 'true' });
    }
    expect(Object.keys(eks.nodeGroups)).toEqual(['frontend', 'backend']);
  });

  test('access entries with access policies, namespace-scoped where asked', () => {
    const associations = Object.values(resourcesOf(json, 'aws_eks_access_policy_association'));
    expect(associations.map((a) => [String(a.policy_arn).split('/').pop(), a.access_scope])).toEqual([
      ['AmazonEKSClusterAdminPolicy', { type: 'cluster' }],
      ['AmazonEKSEditPolicy', { type: 'namespace', namespaces: ['backend'] }],
    ]);
  });

  test('Pod Identity by default: the agent add-on, associations for Karpenter and the load balancer controller, no OIDC provider', () => {
    expect(Object.values(resourcesOf(json, 'aws_eks_addon')).map((a) => a.addon_name)).toEqual(['eks-pod-identity-agent', 'metrics-server']);
    expect(Object.values(resourcesOf(json, 'aws_eks_pod_identity_association')).map((a) => [a.namespace, a.service_account])).toEqual([
      ['karpenter', 'karpenter'],
      ['kube-system', 'aws-load-balancer-controller'],
    ]);
    expect(resourcesOf(json, 'aws_iam_openid_connect_provider')).toEqual({});
    const trust = JSON.parse(Object.values(resourcesOf(json, 'aws_iam_role')).find((r) => r.name === 'prod-web-karpenter-controller')!.assume_role_policy as string);
    expect(trust.Statement[0]).toMatchObject({ Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] });
  });

  test('IRSA: an OIDC provider, and trust pinned to the service account and STS', () => {
    const { json: j } = build({ workloadIdentity: 'irsa' });
    expect(only(j, 'aws_iam_openid_connect_provider').client_id_list).toEqual(['sts.amazonaws.com']);
    expect(resourcesOf(j, 'aws_eks_pod_identity_association')).toEqual({});
    // The issuer (a condition key) is computed by Terraform, so the document is a template, not JSON, until plan.
    const trust = String(Object.values(resourcesOf(j, 'aws_iam_role')).find((r) => r.name === 'prod-web-load-balancer-controller')!.assume_role_policy);
    expect(trust).toContain('"Action":"sts:AssumeRoleWithWebIdentity"');
    expect(trust).toMatch(/aws_iam_openid_connect_provider\.eks_oidc-provider_[A-F0-9]+\.arn/);
    expect(trust).toContain(':sub":"system:serviceaccount:kube-system:aws-load-balancer-controller"');
    expect(trust).toContain(':aud":"sts.amazonaws.com"');
  });

  test('controller grants name no bare "*" and stay tag-scoped to this cluster', () => {
    for (const grant of ['karpenter-controller', 'load-balancer-controller']) {
      const policy = policyOf(json, grant);
      for (const s of policy.Statement) expect(s.Resource).not.toContain('*');
      // Discovery reads AWS authorizes only on "*" go through the kit's allow-listed helper, and are reads only.
      const discovery = policyOf(json, `${grant}-discovery`);
      expect(discovery.Statement).toHaveLength(1);
      expect(discovery.Statement[0].Resource).toEqual(['*']);
      for (const a of discovery.Statement[0].Action) expect(a).toMatch(/:(Describe|Get|List)/);
    }
    expect(JSON.stringify(policyOf(json, 'karpenter-controller'))).toContain('kubernetes.io/cluster/prod-web');
  });

  test('the Karpenter node role has an EC2_LINUX access entry; node roles pull images and use Session Manager', () => {
    expect(Object.values(resourcesOf(json, 'aws_eks_access_entry')).filter((e) => e.type === 'EC2_LINUX')).toHaveLength(1);
    const attached = Object.values(resourcesOf(json, 'aws_iam_role_policy_attachment')).map((a) => String(a.policy_arn).split('/').pop());
    expect(attached).toEqual(expect.arrayContaining(['AmazonEC2ContainerRegistryPullOnly', 'AmazonSSMManagedInstanceCore', 'AmazonEKSWorkerNodePolicy']));
    expect(attached).not.toContain('AmazonEC2ContainerRegistryReadOnly');
  });

  test('nothing reaches the nodes from outside until a source is named; allowIngressFrom and allowEgressTo add one rule each', () => {
    const before = Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule'));
    expect(before.every((r) => r.cidr_ipv4 === undefined && r.referenced_security_group_id !== undefined)).toBe(true);
    const stack = hostStack(PROD);
    const e = new EksCluster(stack, 'eks', BASE);
    e.allowIngressFrom('alb', 'sg-alb', 8080);
    e.allowEgressTo('database', 'sg-db', 5432);
    const j = synthJson(stack);
    expect(Object.values(resourcesOf(j, 'aws_vpc_security_group_ingress_rule')).filter((r) => r.referenced_security_group_id === 'sg-alb')).toMatchObject([{ from_port: 8080, to_port: 8080 }]);
    expect(Object.values(resourcesOf(j, 'aws_vpc_security_group_egress_rule')).filter((r) => r.referenced_security_group_id === 'sg-db')).toMatchObject([{ from_port: 5432, to_port: 5432 }]);
    expect(() => e.allowIngressFrom('bad label', 'sg-x', 80)).toThrow(/\[TF-EKS-008\]/);
  });

  test('karpenter, load balancer controller and metrics server may be left out', () => {
    const { json: j } = build({ karpenter: false, loadBalancerController: false, metricsServer: false, accessEntries: {} }, DEV);
    expect(resourcesOf(j, 'aws_eks_pod_identity_association')).toEqual({});
    expect(Object.values(resourcesOf(j, 'aws_eks_addon')).map((a) => a.addon_name)).toEqual(['eks-pod-identity-agent']);
  });

  test.each([
    ['public endpoint open to the world', { publicAccessCidrs: ['0.0.0.0/0'] }, /\[TF-EKS-003\]/],
    ['public CIDR not a CIDR', { publicAccessCidrs: ['office'] }, /\[TF-EKS-003\]/],
    ['one subnet', { subnetIds: ['subnet-a'] }, /\[TF-EKS-002\]/],
    ['bad version', { kubernetesVersion: '2' }, /\[TF-EKS-004\]/],
    ['no node groups', { nodeGroups: {} }, /\[TF-EKS-005\]/],
    ['mixed architectures', { nodeGroups: { web: { instanceTypes: ['m7g.large', 'm7i.large'], minSize: 1, maxSize: 2 } } }, /\[TF-EKS-005\].*one architecture/],
    ['min above max', { nodeGroups: { web: { instanceTypes: ['m7g.large'], minSize: 3, maxSize: 2 } } }, /\[TF-EKS-005\]/],
    ['namespaced cluster-admin', { accessEntries: { x: { principalArn: `arn:aws:iam::${PROD.accountId}:role/x`, access: 'cluster-admin', namespaces: ['a'] } } }, /\[TF-EKS-006\]/],
    ['retention 10', { logRetentionDays: 10 }, /\[TF-EKS-009\]/],
    ['foreign principal', { accessEntries: { x: { principalArn: 'arn:aws:iam::999999999999:role/x', access: 'view' } } }, /\[TF-PRP-010\]/],
  ])('%s is refused', (_, props, error) => {
    expect(() => build(props as Partial<EksClusterProps>)).toThrow(error);
  });
});
