import { blockOf, boolOf, checkEach, decide, defineRule, isUnresolved, resolveTarget } from '../../rule-kit';

/** TF-LP-20: OpenSearch domains use fine-grained access control with IAM principals, not an internal user database. */
export const OpenSearchFineGrainedAccess = defineRule(
  {
    id: 'TF-LP-20',
    title: 'Ensure OpenSearch domains enable fine-grained access control with an IAM master user (no internal user database)',
    category: 'least-privilege',
    level: 'error',
    resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    remediation:
      'Set `advanced_security_options { enabled = true, internal_user_database_enabled = false, master_user_options { master_user_arn = <IAM role ARN> } }`. Without fine-grained access control anyone the access policy lets in may read and write every index; an internal user database adds passwords outside IAM.',
    references: { checkov: ['CKV2_AWS_52'] },
  },
  (stack) =>
    checkEach(stack, ['aws_opensearch_domain', 'aws_elasticsearch_domain'], (d) => {
      const raw = d.values.advanced_security_options;
      if (isUnresolved(raw)) return decide(d.address, [], ['advanced_security_options is unresolved'], '');
      const options = blockOf(raw);
      const problems: string[] = [];
      const unknowns: string[] = [];
      const enabled = boolOf(options.enabled, false);
      if (enabled === 'unknown') unknowns.push('advanced_security_options.enabled is unresolved');
      else if (!enabled) problems.push('fine-grained access control is off');
      const internal = boolOf(options.internal_user_database_enabled, false);
      if (internal === 'unknown') unknowns.push('internal_user_database_enabled is unresolved');
      else if (internal) problems.push('the internal user database is enabled (users with passwords outside IAM)');
      const master = blockOf(options.master_user_options).master_user_arn;
      if (enabled === true && internal === false) {
        // A role of this configuration has its ARN once it exists.
        if (typeof resolveTarget(stack, master, ['aws_iam_role']) === 'object') return decide(d.address, problems, unknowns, 'fine-grained access control with an IAM master user');
        if (isUnresolved(master)) unknowns.push('master_user_options.master_user_arn is unresolved');
        else if (typeof master !== 'string' || master === '') problems.push('no IAM master user (master_user_options.master_user_arn)');
      }
      return decide(d.address, problems, unknowns, 'fine-grained access control with an IAM master user');
    }),
);
