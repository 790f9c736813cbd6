import { blockOf, blocksOf, boolOf, decide, defineRule, effectiveTags, listOf, pass, Tri } from '../../rule-kit';
import { ResourceModel, RuleOutcome, StackModel } from '../../types';
import { StackIndex, stackIndex } from '../../rule-helpers/stack-index';

/** TF-NET-3: nothing outside the public tier gets a public IP. */
export const NoPublicIpInPrivateSubnets = defineRule(
  {
    id: 'TF-NET-3',
    title: 'Ensure only public-tier subnets assign public IPs, and no instance, launch template, launch configuration or ECS service outside them asks for one',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_subnet', 'aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_ecs_service'],
    remediation:
      'Set `map_public_ip_on_launch = false` on every subnet not tagged `tier = "public"`, and drop `associate_public_ip_address` / `assign_public_ip` from workloads in them (instances, launch templates, launch configurations, ECS services). Give private subnets a NAT gateway (or VPC endpoints) for outbound traffic; a subnet whose hosts have public IPs and a route to an internet gateway is public, whatever its name says.',
    references: { checkov: ['CKV_AWS_88', 'CKV_AWS_130', 'CKV_AWS_333'], cdkNag: ['NIST.800.53.R5-EC2InstanceNoPublicIp', 'NIST.800.53.R5-VPCSubnetAutoAssignPublicIpDisabled'] },
  },
  (stack) => {
    const index = stackIndex(stack);
    const outcomes: RuleOutcome[] = [];
    for (const subnet of index.ofTypes('aws_subnet')) {
      const maps = boolOf(subnet.values.map_public_ip_on_launch, false);
      const tier = effectiveTags(stack, subnet).tier;
      if (maps === 'unknown') outcomes.push(decide(subnet.address, [], ['map_public_ip_on_launch is unresolved'], ''));
      else if (!maps) outcomes.push(pass(subnet.address, 'does not assign public IPs'));
      else if (tier === 'public') outcomes.push(pass(subnet.address, 'public-tier subnet'));
      else outcomes.push(decide(subnet.address, [`assigns public IPs but is tagged tier=${JSON.stringify(tier ?? null)}, not "public"`], [], ''));
    }
    const launchers = launchIndex(stack);
    for (const instance of index.ofTypes('aws_instance')) {
      outcomes.push(workload(stack, instance, boolOf(instance.values.associate_public_ip_address, false), [instance.values.subnet_id]));
    }
    for (const template of index.ofTypes('aws_launch_template')) {
      const interfaces = blocksOf(template.values.network_interfaces);
      const asks = combine(interfaces.map((n) => boolOf(n.associate_public_ip_address, false)));
      const subnets = [...interfaces.map((n) => n.subnet_id).filter((s) => s !== undefined), ...(launchers.get(template.address) ?? [])];
      outcomes.push(workload(stack, template, asks, subnets));
    }
    for (const configuration of index.ofTypes('aws_launch_configuration')) {
      outcomes.push(workload(stack, configuration, boolOf(configuration.values.associate_public_ip_address, false), launchers.get(configuration.address) ?? []));
    }
    for (const service of index.ofTypes('aws_ecs_service')) {
      const network = blockOf(service.values.network_configuration);
      outcomes.push(workload(stack, service, boolOf(network.assign_public_ip, false), listOf(network.subnets)));
    }
    return outcomes;
  },
);

function combine(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}

/** A workload asking for a public IP passes only when every subnet it lands in is public-tier. */
function workload(stack: StackModel, resource: ResourceModel, asks: Tri, subnetValues: readonly unknown[]): RuleOutcome {
  if (asks === false) return pass(resource.address, 'does not ask for a public IP');
  if (asks === 'unknown') return decide(resource.address, [], ['whether it asks for a public IP is unresolved'], '');
  if (subnetValues.length === 0) return decide(resource.address, [], ['it asks for a public IP and its subnets cannot be determined'], '');
  const index = stackIndex(stack);
  const problems: string[] = [];
  const unknowns: string[] = [];
  for (const value of subnetValues) {
    const subnet = index.resolve(value, ['aws_subnet']);
    if (subnet === undefined || subnet === 'unknown') unknowns.push('a subnet cannot be resolved');
    else if (effectiveTags(stack, subnet).tier !== 'public') problems.push(`asks for a public IP in ${subnet.address}, which is not tier=public`);
  }
  return decide(resource.address, problems, unknowns, 'public IP only in public-tier subnets');
}

/**
 * Subnets each launch template or launch configuration lands in, by its
 * address: from the auto scaling groups that launch from it (directly or
 * through a mixed instances policy) and the instances built from a template.
 * A launcher reference that cannot be resolved is recorded under `'?'`.
 */
function launchIndex(stack: StackModel): Map<string, unknown[]> {
  const index = stackIndex(stack);
  return index.memo('net-launchers', () => {
    const out = new Map<string, unknown[]>();
    const add = (launcher: ResourceModel | 'unknown' | undefined, subnets: readonly unknown[]): void => {
      if (launcher === undefined || launcher === 'unknown') return;
      let list = out.get(launcher.address);
      if (list === undefined) out.set(launcher.address, (list = []));
      list.push(...subnets);
    };
    for (const group of index.ofTypes('aws_autoscaling_group')) {
      const subnets = listOf(group.values.vpc_zone_identifier);
      add(templateOf(index, blockOf(group.values.launch_template)), subnets);
      const mixed = blockOf(blockOf(blockOf(group.values.mixed_instances_policy).launch_template).launch_template_specification);
      add(templateOf(index, { id: mixed.launch_template_id, name: mixed.launch_template_name }), subnets);
      add(index.resolve(group.values.launch_configuration, ['aws_launch_configuration'], ['name']), subnets);
    }
    for (const instance of index.ofTypes('aws_instance')) add(templateOf(index, blockOf(instance.values.launch_template)), [instance.values.subnet_id]);
    return out;
  });
}

function templateOf(index: StackIndex, spec: Record<string, unknown>): ResourceModel | 'unknown' | undefined {
  return index.resolve(spec.id, ['aws_launch_template'], ['id']) ?? index.resolve(spec.name, ['aws_launch_template'], ['name']);
}
