import { CodeArtifactCustomerKey } from '../../../../compliance/rules/encryption/CodeArtifactCustomerKey';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

describe('TF-ENC-30 CodeArtifact domains use a customer-managed key', () => {
  test('GIVEN domains with a customer key, none, the AWS managed alias and a variable THEN only the customer key passes', () => {
    const stack = fixtureStack({
      variable: { key: { type: 'string' } },
      resource: {
        aws_kms_key: { packages: { enable_key_rotation: true } },
        aws_codeartifact_domain: {
          customer: { domain: 'a', encryption_key: '${aws_kms_key.packages.arn}' },
          missing: { domain: 'b' },
          aws_managed: { domain: 'c', encryption_key: 'alias/aws/codeartifact' },
          from_variable: { domain: 'd', encryption_key: '${var.key}' },
        },
      },
    });
    const r = byStatus(runRule(CodeArtifactCustomerKey, stack));
    expect(r.pass).toEqual(['aws_codeartifact_domain.customer']);
    expect(r.fail).toEqual(expect.arrayContaining(['aws_codeartifact_domain.missing', 'aws_codeartifact_domain.aws_managed']));
    expect([...r.fail, ...r.unknown]).toContain('aws_codeartifact_domain.from_variable');
  });
});
