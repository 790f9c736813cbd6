import { ResourceModel, Rule, RuleOutcome, StackModel } from '../../types';
import { decide, pass } from '../_shared/outcomes';
import { blockOf, blocksOf, boolOf, effectiveTags, listOf, pointsAt, resolveTarget, resourcesOf, Tri } from '../_shared/values';

/** TF-NET-3: nothing outside the public tier gets a public IP. */
export const NoPublicIpInPrivateSubnets: Rule = {
  meta: {
    id: 'TF-NET-3',
    title: 'Ensure only public-tier subnets assign public IPs, and no instance, launch template or ECS service outside them asks for one',
    category: 'network-exposure',
    level: 'error',
    resourceTypes: ['aws_subnet', 'aws_instance', 'aws_launch_template', 'aws_ecs_service'],
    remediation:
      'Set `map_public_ip_on_launch = false` on every subnet not tagged `tier = "public"`, and drop `associate_public_ip_address` / `assign_public_ip` from workloads in them. Give private subnets a NAT gateway (or VPC endpoints) for outbound traffic; a subnet whose hosts have public IPs and a route to an internet gateway is public, whatever its name says.',
    references: { checkov: ['CKV_AWS_88', 'CKV_AWS_130', 'CKV_AWS_333'], cdkNag: ['NIST.800.53.R5-EC2InstanceNoPublicIp', 'NIST.800.53.R5-VPCSubnetAutoAssignPublicIpDisabled'] },
    invariant: false,
  },
  check(stack) {
    const outcomes: RuleOutcome[] = [];
    for (const subnet of resourcesOf(stack, 'aws_subnet')) {
      const maps = boolOf(subnet.values.map_public_ip_on_launch, false);
      const tier = effectiveTags(stack, subnet).tier;
      if (maps === 'unknown') outcomes.push(decide(subnet.address, [], ['map_public_ip_on_launch is unresolved'], ''));
      else if (!maps) outcomes.push(pass(subnet.address, 'does not assign public IPs'));
      else if (tier === 'public') outcomes.push(pass(subnet.address, 'public-tier subnet'));
      else outcomes.push(decide(subnet.address, [`assigns public IPs but is tagged tier=${JSON.stringify(tier ?? null)}, not "public"`], [], ''));
    }
    for (const instance of resourcesOf(stack, 'aws_instance')) {
      outcomes.push(workload(stack, instance, boolOf(instance.values.associate_public_ip_address, false), [instance.values.subnet_id]));
    }
    for (const template of resourcesOf(stack, 'aws_launch_template')) {
      const interfaces = blocksOf(template.values.network_interfaces);
      const asks = combine(interfaces.map((n) => boolOf(n.associate_public_ip_address, false)));
      const subnets = [...interfaces.map((n) => n.subnet_id).filter((s) => s !== undefined), ...autoScalingSubnets(stack, template)];
      outcomes.push(workload(stack, template, asks, subnets));
    }
    for (const service of resourcesOf(stack, 'aws_ecs_service')) {
      const network = blockOf(service.values.network_configuration);
      outcomes.push(workload(stack, service, boolOf(network.assign_public_ip, false), listOf(network.subnets)));
    }
    return outcomes;
  },
};

function combine(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}

/** A workload asking for a public IP passes only when every subnet it lands in is public-tier. */
function workload(stack: StackModel, resource: ResourceModel, asks: Tri, subnetValues: unknown[]): RuleOutcome {
  if (asks === false) return pass(resource.address, 'does not ask for a public IP');
  if (asks === 'unknown') return decide(resource.address, [], ['whether it asks for a public IP is unresolved'], '');
  if (subnetValues.length === 0) return decide(resource.address, [], ['it asks for a public IP and its subnets cannot be determined'], '');
  const problems: string[] = [];
  const unknowns: string[] = [];
  for (const value of subnetValues) {
    const subnet = resolveTarget(stack, value, ['aws_subnet']);
    if (subnet === undefined || subnet === 'unknown') unknowns.push('a subnet cannot be resolved');
    else if (effectiveTags(stack, subnet).tier !== 'public') problems.push(`asks for a public IP in ${subnet.address}, which is not tier=public`);
  }
  return decide(resource.address, problems, unknowns, 'public IP only in public-tier subnets');
}

/** Subnets of the auto scaling groups that launch from the template. */
function autoScalingSubnets(stack: StackModel, template: ResourceModel): unknown[] {
  return resourcesOf(stack, 'aws_autoscaling_group')
    .filter((g) => pointsAt(blockOf(g.values.launch_template).id, template) || pointsAt(blockOf(g.values.launch_template).name, template, ['name']))
    .flatMap((g) => listOf(g.values.vpc_zone_identifier));
}
