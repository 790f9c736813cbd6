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
  describe('launch configurations and templates', () => {
    const subnets = { public: { map_public_ip_on_launch: true, tags: { tier: 'public' } }, private: { tags: { tier: 'private' } } };

    it('judges a launch configuration by the subnets of the auto scaling groups that use it', () => {
      const stack = fixtureStack({
        aws_subnet: subnets,
        aws_launch_configuration: {
          in_private: { image_id: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: true },
          in_public: { image_id: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: 'true' },
          by_name: { name: 'named-lc', image_id: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: true },
          unused: { image_id: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: true },
          unresolved: { image_id: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: ref('var.public') },
          quiet: { image_id: 'ami-1', instance_type: 't3.micro' },
        },
        aws_autoscaling_group: {
          a: { min_size: 1, max_size: 1, launch_configuration: ref('aws_launch_configuration.in_private.name'), vpc_zone_identifier: [ref('aws_subnet.private.id')] },
          b: { min_size: 1, max_size: 1, launch_configuration: ref('aws_launch_configuration.in_public.name'), vpc_zone_identifier: [ref('aws_subnet.public.id')] },
          c: { min_size: 1, max_size: 1, launch_configuration: 'named-lc', vpc_zone_identifier: [ref('aws_subnet.private.id')] },
        },
      });
      expect(verdicts(NoPublicIpInPrivateSubnets, stack)).toEqual({
        fail: ['aws_launch_configuration.by_name', 'aws_launch_configuration.in_private'],
        unknown: ['aws_launch_configuration.unresolved', 'aws_launch_configuration.unused'],
        pass: ['aws_launch_configuration.in_public', 'aws_launch_configuration.quiet', 'aws_subnet.private', 'aws_subnet.public'],
      });
    });

    it('follows templates through mixed instances policies and instances, and reads the string form of the flag', () => {
      const stack = fixtureStack({
        aws_subnet: subnets,
        aws_launch_template: {
          mixed: { network_interfaces: [{ associate_public_ip_address: 'true' }] },
          instance: { network_interfaces: [{ associate_public_ip_address: 'true' }] },
          own_subnet: { network_interfaces: [{ associate_public_ip_address: 'true', subnet_id: ref('aws_subnet.private.id') }] },
          public_only: { network_interfaces: [{ associate_public_ip_address: 'true' }] },
          off: { network_interfaces: [{ associate_public_ip_address: 'false' }] },
        },
        aws_autoscaling_group: {
          m: {
            min_size: 1, max_size: 1, vpc_zone_identifier: [ref('aws_subnet.private.id')],
            mixed_instances_policy: [{ launch_template: [{ launch_template_specification: [{ launch_template_id: ref('aws_launch_template.mixed.id') }] }] }],
          },
          p: { min_size: 1, max_size: 1, vpc_zone_identifier: [ref('aws_subnet.public.id')], launch_template: [{ name: ref('aws_launch_template.public_only.name') }] },
        },
        aws_instance: { from_template: { launch_template: [{ id: ref('aws_launch_template.instance.id') }], subnet_id: ref('aws_subnet.private.id') } },
      });
      expect(verdicts(NoPublicIpInPrivateSubnets, stack)).toEqual({
        fail: ['aws_launch_template.instance', 'aws_launch_template.mixed', 'aws_launch_template.own_subnet'],
        unknown: [],
        pass: ['aws_instance.from_template', 'aws_launch_template.off', 'aws_launch_template.public_only', 'aws_subnet.private', 'aws_subnet.public'],
      });
    });
  });
});
