import { checkEach, decide, defineRule, isUnresolved, listOf } from '../../rule-kit';

/** Every control-plane log type EKS offers. */
const LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

/** TF-LOG-40: EKS sends every control-plane log type to CloudWatch Logs. */
export const EksControlPlaneLogging = defineRule(
  {
    id: 'TF-LOG-40',
    title: 'Ensure EKS clusters send every control-plane log type (api, audit, authenticator, controllerManager, scheduler) to CloudWatch Logs',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_eks_cluster'],
    remediation:
      'Set `enabled_cluster_log_types` to all five types, and create the `/aws/eks/<cluster>/cluster` log group first (KMS-encrypted, with retention) so EKS does not create a plain one.',
    references: { checkov: ['CKV_AWS_37'], cdkNag: ['AwsSolutions-EKS2'] },
  },
  (stack) =>
    checkEach(stack, ['aws_eks_cluster'], (c) => {
      const written = c.values.enabled_cluster_log_types;
      if (isUnresolved(written)) return decide(c.address, [], ['enabled_cluster_log_types is unresolved'], '');
      const listed = listOf(written);
      if (listed.some(isUnresolved)) return decide(c.address, [], ['a log type is unresolved'], '');
      const missing = LOG_TYPES.filter((t) => !listed.includes(t));
      return decide(c.address, missing.length > 0 ? [`control-plane log types not sent: ${missing.join(', ')}`] : [], [], 'every control-plane log type is sent');
    }),
);
