import { checkEach, decide, defineRule, isUnresolved } from '../../rule-kit';
import { companionIndex } from '../../rule-helpers/links';

/** Traffic types that record rejected connections (the probes an incident starts with). */
const RECORDS_REJECTS = ['ALL', 'REJECT'];

/** TF-LOG-1: every VPC has a flow log. */
export const VpcFlowLogs = defineRule(
  {
    id: 'TF-LOG-1',
    title: 'Ensure every VPC has flow logs enabled that record rejected traffic',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_vpc', 'aws_flow_log'],
    remediation:
      'Add an `aws_flow_log` with `vpc_id = <vpc>.id` and `traffic_type = "ALL"` (at least `"REJECT"`), delivering to a KMS-encrypted CloudWatch log group (with an IAM role) or an S3 bucket. Without flow logs there is no record of which addresses talked to what during an incident.',
    references: { cis: 'CIS AWS v5.0.0 3.7', checkov: ['CKV2_AWS_11'], cdkNag: ['AwsSolutions-VPC7'] },
  },
  (stack) => {
    const flowLogsOf = companionIndex(stack, ['aws_vpc'], ['aws_flow_log'], 'vpc_id', []);
    return checkEach(stack, ['aws_vpc'], (vpc) => {
      const { matches, ambiguous } = flowLogsOf(vpc);
      const unknowns: string[] = [];
      for (const log of matches) {
        const type = log.values.traffic_type;
        if (isUnresolved(type)) unknowns.push(`${log.address} has an unresolved traffic_type`);
        else if (RECORDS_REJECTS.includes(String(type))) return decide(vpc.address, [], [], `flow log ${log.address} records ${String(type)} traffic`);
      }
      if (ambiguous) unknowns.push('a flow log names a VPC that cannot be resolved');
      if (unknowns.length > 0) return decide(vpc.address, [], unknowns, '');
      return decide(vpc.address, [matches.length > 0 ? 'its flow logs record accepted traffic only' : 'no aws_flow_log for this VPC'], [], '');
    });
  },
);
