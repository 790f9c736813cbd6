import { SecurityServices, SecurityServicesProps } from '../../../constructs/security-services/security-services';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { resourcesOf, testEnvironment } from '../../support/synth';

const MANAGEMENT = testEnvironment({ name: 'management', accountId: '666666666666', state: { kind: 's3', bucket: 'acme-management-tfstate', kmsKeyId: 'alias/acme-management-tfstate' } });
const build = (props: SecurityServicesProps = { organizationTrail: { organizationId: 'o-abcdefghij' } }) => buildIn((stack) => new SecurityServices(stack, 'security', props), MANAGEMENT);

describe('SecurityServices', () => {
  const { json, stack } = build();

  it('GuardDuty, Inspector v2 for EC2 and ECR, Security Hub with the foundational and CIS standards by default', () => {
    expect(Object.values(resourcesOf(json, 'aws_guardduty_detector'))).toMatchObject([{ enable: true }]);
    expect(Object.values(resourcesOf(json, 'aws_inspector2_enabler'))).toMatchObject([{ account_ids: ['666666666666'], resource_types: ['EC2', 'ECR'] }]);
    expect(Object.values(resourcesOf(json, 'aws_securityhub_standards_subscription')).map((s) => String(s.standards_arn).split('standards/')[1])).toEqual([
      'aws-foundational-security-best-practices/v/1.0.0',
      'cis-aws-foundations-benchmark/v/3.0.0',
    ]);
  });

  it('an organization trail, multi-region and validated, KMS-encrypted, into the log archive with the organization prefix', () => {
    const [trail] = Object.values(resourcesOf(json, 'aws_cloudtrail'));
    expect(trail).toMatchObject({ is_organization_trail: true, is_multi_region_trail: true, enable_log_file_validation: true });
    expect(trail!.kms_key_id).toMatch(/aws_kms_key\./);
    const [policy] = Object.values(resourcesOf(json, 'aws_s3_bucket_policy'));
    expect(String(policy!.policy)).toContain('AWSLogs/o-abcdefghij/*');
  });

  it('the gate passes it', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('every service is an option', () => {
    const { json: j } = build({ guardDuty: false, inspector: false, securityHubStandards: false });
    for (const type of ['aws_guardduty_detector', 'aws_inspector2_enabler', 'aws_securityhub_account', 'aws_cloudtrail']) expect(resourcesOf(j, type)).toEqual({});
  });

  it.each([
    ['an empty inspector list', { inspector: [] }, /\[TF-SEC-001\]/],
    ['a malformed organization', { organizationTrail: { organizationId: 'org-1' } }, /\[TF-SEC-002\]/],
    ['a one-letter trail name', { organizationTrail: { organizationId: 'o-abcdefghij', trailName: 's' } }, /\[TF-IAM-052\].*organizationTrail\.trailName must be 3-128/],
    ['a trail name with a pipe', { organizationTrail: { organizationId: 'o-abcdefghij', trailName: 'q|r' } }, /\[TF-IAM-052\]/],
    ['a 64-character bucket name', { organizationTrail: { organizationId: 'o-abcdefghij', bucketName: 'x'.repeat(64) } }, /\[TF-IAM-053\]/],
    ['90 days of retention', { organizationTrail: { organizationId: 'o-abcdefghij', retentionDays: 90 } }, /\[TF-SEC-002\]/],
  ])('refuses %s', (_, props, error) => {
    expect(() => build(props as SecurityServicesProps)).toThrow(error);
  });
});
