import { CodeBuildInVpc } from '../../../../compliance/rules/network-exposure/CodeBuildInVpc';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const base = { name: 'p', service_role: 'arn:aws:iam::222222222222:role/b', artifacts: { type: 'NO_ARTIFACTS' }, source: { type: 'NO_SOURCE', buildspec: 'x' }, environment: { type: 'LINUX_CONTAINER', compute_type: 'BUILD_GENERAL1_SMALL', image: 'i' } };
const vpc = { vpc_id: 'vpc-1', subnets: ['subnet-1'], security_group_ids: ['sg-1'] };

describe('TF-NET-30 CodeBuild projects run in a VPC', () => {
  test('GIVEN projects with, without and with a partial or unresolved vpc_config THEN only the full one passes', () => {
    const stack = fixtureStack({
      variable: { subnets: { type: 'list(string)' } },
      resource: {
        aws_codebuild_project: {
          in_vpc: { ...base, vpc_config: vpc },
          in_vpc_array_form: { ...base, vpc_config: [vpc] },
          outside: { ...base },
          no_subnets: { ...base, vpc_config: { ...vpc, subnets: [] } },
          no_groups: { ...base, vpc_config: { vpc_id: 'vpc-1', subnets: ['subnet-1'] } },
          from_variable: { ...base, vpc_config: { ...vpc, subnets: '${var.subnets}' } },
        },
      },
    });
    expect(byStatus(runRule(CodeBuildInVpc, stack))).toEqual({
      fail: ['aws_codebuild_project.no_groups', 'aws_codebuild_project.no_subnets', 'aws_codebuild_project.outside'],
      unknown: ['aws_codebuild_project.from_variable'],
      suppressed: [],
      pass: ['aws_codebuild_project.in_vpc', 'aws_codebuild_project.in_vpc_array_form'],
    });
  });
});
