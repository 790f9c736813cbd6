import { Rule } from '../../types';
import { companionsOf } from '../_shared/links';
import { decide } from '../_shared/outcomes';
import { resourcesOf } from '../_shared/values';

/** TF-LOG-1: every VPC has a flow log. */
export const VpcFlowLogs: Rule = {
  meta: {
    id: 'TF-LOG-1',
    title: 'Ensure every VPC has flow logs enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_vpc', 'aws_flow_log'],
    remediation:
      'Add an `aws_flow_log` with `vpc_id = <vpc>.id` and `traffic_type = "ALL"`, delivering to a KMS-encrypted CloudWatch log group (with an IAM role) or an S3 bucket. Without flow logs there is no record of which addresses talked to what during an incident.',
    references: { cis: 'CIS AWS v5.0.0 4.7', checkov: ['CKV2_AWS_11'], cdkNag: ['AwsSolutions-VPC7'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_vpc').map((vpc) => {
      const { matches, ambiguous } = companionsOf(stack, vpc, ['aws_flow_log'], 'vpc_id', []);
      if (matches.length > 0) return decide(vpc.address, [], [], `flow log ${matches[0]!.address}`);
      return ambiguous ? decide(vpc.address, [], ['a flow log names a VPC that cannot be resolved'], '') : decide(vpc.address, ['no aws_flow_log for this VPC'], [], '');
    });
  },
};
