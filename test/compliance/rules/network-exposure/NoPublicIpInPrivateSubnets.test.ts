import { NoPublicIpInPrivateSubnets } from '../../../../compliance/rules/network-exposure';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-NET-3 NoPublicIpInPrivateSubnets', () => {
  it('flags public IPs outside tier=public subnets on subnets, instances, launch templates and ECS services', () => {
    const stack = fixtureStack({
      aws_subnet: {
        public: { map_public_ip_on_launch: true, tags: { tier: 'public' } },
        private: { tags: { tier: 'private' } },
        fake_private: { map_public_ip_on_launch: true, tags: { tier: 'private' } },
        untagged: { map_public_ip_on_launch: 'true' },
      },
      aws_instance: {
        in_public: { associate_public_ip_address: true, subnet_id: ref('aws_subnet.public.id') },
        in_private: { associate_public_ip_address: true, subnet_id: ref('aws_subnet.private.id') },
        none: { subnet_id: ref('aws_subnet.private.id') },
        var_subnet: { associate_public_ip_address: true, subnet_id: ref('var.subnet') },
      },
      aws_launch_template: { via_asg: { network_interfaces: [{ associate_public_ip_address: true }] }, quiet: {} },
      aws_autoscaling_group: { g: { launch_template: [{ id: ref('aws_launch_template.via_asg.id') }], vpc_zone_identifier: [ref('aws_subnet.private.id')] } },
      aws_ecs_service: {
        public_ip: { network_configuration: [{ subnets: [ref('aws_subnet.private.id')], assign_public_ip: true }] },
        no_ip: { network_configuration: [{ subnets: [ref('aws_subnet.private.id')] }] },
      },
    });
    expect(verdicts(NoPublicIpInPrivateSubnets, stack)).toEqual({
      fail: ['aws_ecs_service.public_ip', 'aws_instance.in_private', 'aws_launch_template.via_asg', 'aws_subnet.fake_private', 'aws_subnet.untagged'],
      unknown: ['aws_instance.var_subnet'],
      pass: ['aws_ecs_service.no_ip', 'aws_instance.in_public', 'aws_instance.none', 'aws_launch_template.quiet', 'aws_subnet.private', 'aws_subnet.public'],
    });
  });
});
