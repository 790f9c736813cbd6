import { boolOf, checkEach, decide, defineRule } from '../../rule-kit';
import { managementCoverage } from '../../rule-helpers/cloudtrail';

/** TF-LOG-6: trails are switched on and record every management event. */
export const CloudTrailLogging = defineRule(
  {
    id: 'TF-LOG-6',
    title: 'Ensure CloudTrail trails are logging and record all management events',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_cloudtrail'],
    remediation:
      'Leave `enable_logging` unset or `true` (false stops the trail). Record management events for reads and writes: omit the event selectors, or keep one `event_selector` with `include_management_events = true`, `read_write_type = "All"` and no `exclude_management_event_sources`, or one `advanced_event_selector` whose only field selector is `eventCategory = ["Management"]`.',
    references: { cis: 'CIS AWS v5.0.0 3.1', checkov: ['CKV_AWS_251'] },
  },
  (stack) =>
    checkEach(stack, ['aws_cloudtrail'], (trail) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const logging = boolOf(trail.values.enable_logging, true);
      if (logging === 'unknown') unknowns.push('enable_logging is unresolved');
      else if (!logging) problems.push('enable_logging is false, so the trail records nothing');
      const coverage = managementCoverage(trail.values);
      problems.push(...coverage.problems);
      unknowns.push(...coverage.unknowns);
      return decide(trail.address, problems, unknowns, 'logging every management event');
    }),
);
