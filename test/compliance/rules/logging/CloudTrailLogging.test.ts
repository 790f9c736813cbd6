import { CloudTrailLogging } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const base = { name: 't', s3_bucket_name: 'audit' };

describe('TF-LOG-6 CloudTrailLogging', () => {
  it('Noncompliance 1: enable_logging false, as a boolean or a string, stops the trail; unresolved is unknown', () => {
    const stack = fixtureStack({
      aws_cloudtrail: {
        on_by_default: base,
        on: { ...base, enable_logging: true },
        off: { ...base, enable_logging: false },
        off_string: { ...base, enable_logging: 'false' },
        from_var: { ...base, enable_logging: ref('var.on') },
        conditional: { ...base, enable_logging: ref('var.prod ? true : false') },
      },
    });
    expect(verdicts(CloudTrailLogging, stack)).toEqual({
      fail: ['aws_cloudtrail.off', 'aws_cloudtrail.off_string'],
      unknown: ['aws_cloudtrail.conditional', 'aws_cloudtrail.from_var'],
      pass: ['aws_cloudtrail.on', 'aws_cloudtrail.on_by_default'],
    });
  });

  it('Noncompliance 2: event selectors that drop management events', () => {
    const stack = fixtureStack({
      aws_cloudtrail: {
        data_only: { ...base, event_selector: [{ include_management_events: false, data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] },
        data_only_string: { ...base, event_selector: { include_management_events: 'false' } },
        read_only: { ...base, event_selector: [{ read_write_type: 'ReadOnly' }] },
        kms_excluded: { ...base, event_selector: [{ exclude_management_event_sources: ['kms.amazonaws.com'] }] },
        full_selector: { ...base, event_selector: [{ include_management_events: true, read_write_type: 'All' }] },
        computed_selector: { ...base, event_selector: ref('var.selectors') },
        advanced_data_only: { ...base, advanced_event_selector: [{ field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] }] },
        advanced_reads_only: { ...base, advanced_event_selector: [{ field_selector: [{ field: 'eventCategory', equals: ['Management'] }, { field: 'readOnly', equals: ['true'] }] }] },
        advanced_management: { ...base, advanced_event_selector: [{ name: 'mgmt', field_selector: { field: 'eventCategory', equals: ['Management'] } }] },
      },
    });
    expect(verdicts(CloudTrailLogging, stack)).toEqual({
      fail: ['aws_cloudtrail.advanced_data_only', 'aws_cloudtrail.advanced_reads_only', 'aws_cloudtrail.data_only', 'aws_cloudtrail.data_only_string', 'aws_cloudtrail.kms_excluded', 'aws_cloudtrail.read_only'],
      unknown: ['aws_cloudtrail.computed_selector'],
      pass: ['aws_cloudtrail.advanced_management', 'aws_cloudtrail.full_selector'],
    });
  });
});
