import { CloudTrailMultiRegionValidated } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LOG-2 CloudTrailMultiRegionValidated', () => {
  it('requires multi-region, validation and global events', () => {
    const stack = fixtureStack({
      aws_cloudtrail: {
        good: { is_multi_region_trail: true, enable_log_file_validation: true },
        single_region: { enable_log_file_validation: true },
        unvalidated: { is_multi_region_trail: true },
        no_global: { is_multi_region_trail: true, enable_log_file_validation: true, include_global_service_events: false },
        from_var: { is_multi_region_trail: ref('var.m'), enable_log_file_validation: true },
      },
    });
    expect(verdicts(CloudTrailMultiRegionValidated, stack)).toEqual({
      fail: ['aws_cloudtrail.no_global', 'aws_cloudtrail.single_region', 'aws_cloudtrail.unvalidated'],
      unknown: ['aws_cloudtrail.from_var'],
      pass: ['aws_cloudtrail.good'],
    });
  });

  it('reads string booleans as Terraform does', () => {
    const stack = fixtureStack({
      aws_cloudtrail: {
        strings: { is_multi_region_trail: 'true', enable_log_file_validation: 'true' },
        string_false: { is_multi_region_trail: 'false', enable_log_file_validation: 'true' },
      },
    });
    expect(verdicts(CloudTrailMultiRegionValidated, stack)).toEqual({ fail: ['aws_cloudtrail.string_false'], unknown: [], pass: ['aws_cloudtrail.strings'] });
  });
});
