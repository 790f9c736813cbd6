import { boolOf, checkEach, decide, defineRule } from '../../rule-kit';

/** The trail flags this rule needs true, with the provider's default when unset. */
const FLAGS = [
  ['is_multi_region_trail', false],
  ['enable_log_file_validation', false],
  ['include_global_service_events', true],
] as const;

/** TF-LOG-2: trails cover every region and validate their log files. */
export const CloudTrailMultiRegionValidated = defineRule(
  {
    id: 'TF-LOG-2',
    title: 'Ensure CloudTrail trails are multi-region and have log file validation enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_cloudtrail'],
    remediation:
      'Set `is_multi_region_trail = true`, `include_global_service_events = true` and `enable_log_file_validation = true`. A single-region trail misses activity in regions nobody watches; without validation, edited or deleted log files go unnoticed.',
    references: { cis: 'CIS AWS v5.0.0 3.1, 3.2', checkov: ['CKV_AWS_67', 'CKV_AWS_36'], cdkNag: ['NIST.800.53.R5-CloudTrailLogFileValidationEnabled'] },
  },
  (stack) =>
    checkEach(stack, ['aws_cloudtrail'], (trail) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      for (const [attribute, fallback] of FLAGS) {
        const v = boolOf(trail.values[attribute], fallback);
        if (v === 'unknown') unknowns.push(`${attribute} is unresolved`);
        else if (!v) problems.push(`${attribute} is not true`);
      }
      return decide(trail.address, problems, unknowns, 'multi-region, global events, validated log files');
    }),
);
