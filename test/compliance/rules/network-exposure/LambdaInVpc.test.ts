import { LambdaInVpc } from '../../../../compliance/rules/network-exposure/LambdaInVpc';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const base = { function_name: 'f', role: 'arn:aws:iam::222222222222:role/f', s3_bucket: 'b', s3_key: 'k', handler: 'app.handler', runtime: 'python3.12' };
const vpc = { subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] };

describe('TF-NET-21 Lambda functions run in a VPC', () => {
  test('GIVEN functions with, without and with a partial or unresolved vpc_config THEN only full ones pass', () => {
    const stack = fixtureStack({
      variable: { subnets: { type: 'list(string)' } },
      resource: {
        aws_subnet: { a: { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24' } },
        aws_security_group: { f: { vpc_id: 'vpc-1' } },
        aws_lambda_function: {
          in_vpc: { ...base, vpc_config: vpc },
          in_vpc_array_form: { ...base, vpc_config: [vpc] },
          in_vpc_by_reference: { ...base, vpc_config: { subnet_ids: ['${aws_subnet.a.id}'], security_group_ids: ['${aws_security_group.f.id}'] } },
          outside: { ...base },
          empty_block: { ...base, vpc_config: [] },
          no_groups: { ...base, vpc_config: { subnet_ids: ['subnet-1'], security_group_ids: [] } },
          from_variable: { ...base, vpc_config: { ...vpc, subnet_ids: '${var.subnets}' } },
        },
      },
    });
    expect(byStatus(runRule(LambdaInVpc, stack))).toEqual({
      fail: ['aws_lambda_function.empty_block', 'aws_lambda_function.no_groups', 'aws_lambda_function.outside'],
      unknown: ['aws_lambda_function.from_variable'],
      suppressed: [],
      pass: ['aws_lambda_function.in_vpc', 'aws_lambda_function.in_vpc_array_form', 'aws_lambda_function.in_vpc_by_reference'],
    });
  });
});
