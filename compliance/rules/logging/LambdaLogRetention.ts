import { blockOf, checkEach, decide, defineRule, isUnresolved, numberOf, referencedAddresses, resourcesOf } from '../../rule-kit';
import { ResourceModel } from '../../types';

/** TF-LOG-20: every Lambda function logs into a log group of the stack that has a retention. */
export const LambdaLogRetention = defineRule(
  {
    id: 'TF-LOG-20',
    title: "Ensure every Lambda function's log group is managed in the configuration with a retention period",
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_lambda_function', 'aws_cloudwatch_log_group'],
    remediation:
      'Declare the log group (`/aws/lambda/<function name>`, or the one `logging_config.log_group` names) as an `aws_cloudwatch_log_group` with `retention_in_days` and `kms_key_id`. Otherwise Lambda creates it on first run, unencrypted and kept forever, outside Terraform.',
    references: { checkov: ['CKV_AWS_338'] },
  },
  (stack) => {
    const byName = new Map<string, ResourceModel>();
    let unnamed = false;
    for (const g of resourcesOf(stack, 'aws_cloudwatch_log_group')) {
      const name = g.values.name;
      if (typeof name === 'string' && !isUnresolved(name)) byName.set(name, g);
      else unnamed = true;
    }
    return checkEach(stack, ['aws_lambda_function'], (f) => {
      const logging = f.values.logging_config;
      if (isUnresolved(logging)) return decide(f.address, [], ['logging_config is unresolved'], '');
      const named = blockOf(logging).log_group;
      let group: ResourceModel | undefined;
      let wanted: string | undefined;
      if (named !== undefined && named !== null && named !== '') {
        const refs = referencedAddresses(named).filter((a) => a.startsWith('aws_cloudwatch_log_group.'));
        if (refs.length === 1) group = stack.resources.get(refs[0]!);
        else if (typeof named === 'string' && !isUnresolved(named)) wanted = named;
        else return decide(f.address, [], ['logging_config.log_group is unresolved'], '');
      } else {
        const fn = f.values.function_name;
        if (typeof fn !== 'string' || isUnresolved(fn)) return decide(f.address, [], ['function_name is unresolved, so its log group cannot be found'], '');
        wanted = `/aws/lambda/${fn}`;
      }
      if (group === undefined && wanted !== undefined) group = byName.get(wanted);
      if (group === undefined) {
        return unnamed ? decide(f.address, [], [`no log group of the stack is known to be ${wanted ?? 'the one named'}`], '') : decide(f.address, [`its log group ${wanted ?? ''} is not in the configuration: Lambda creates it unencrypted and kept forever`], [], '');
      }
      const days = numberOf(group.values.retention_in_days);
      if (days === 'unknown') return decide(f.address, [], [`${group.address}.retention_in_days is unresolved`], '');
      if (days === undefined || days === 0) return decide(f.address, [`${group.address} keeps logs forever (no retention_in_days)`], [], '');
      return decide(f.address, [], [], `logs go to ${group.address}, kept ${days} days`);
    });
  },
);
