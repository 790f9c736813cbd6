import { OpenSearchFineGrainedAccess } from '../../../../compliance/rules/least-privilege/OpenSearchFineGrainedAccess';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const fgac = { enabled: true, internal_user_database_enabled: false, master_user_options: { master_user_arn: 'arn:aws:iam::111111111111:role/admin' } };

describe('TF-LP-20 OpenSearch fine-grained access control with an IAM master', () => {
  test('GIVEN domains with FGAC, without, with an internal user database, without a master and unresolved THEN only IAM-mastered FGAC passes', () => {
    const stack = fixtureStack({
      variable: { on: { type: 'bool' } },
      resource: {
        aws_iam_role: { admin: { name: 'admin', assume_role_policy: '{}' } },
        aws_opensearch_domain: {
          iam_master: { domain_name: 'a', advanced_security_options: fgac },
          iam_master_array_form: { domain_name: 'b', advanced_security_options: [fgac] },
          iam_master_by_reference: { domain_name: 'g', advanced_security_options: { ...fgac, master_user_options: { master_user_arn: '${aws_iam_role.admin.arn}' } } },
          off: { domain_name: 'c' },
          internal_users: { domain_name: 'd', advanced_security_options: { enabled: true, internal_user_database_enabled: true, master_user_options: { master_user_name: 'admin', master_user_password: 'x' } } },
          no_master: { domain_name: 'e', advanced_security_options: { enabled: true, internal_user_database_enabled: false } },
          from_variable: { domain_name: 'f', advanced_security_options: { ...fgac, enabled: '${var.on}' } },
        },
      },
    });
    expect(byStatus(runRule(OpenSearchFineGrainedAccess, stack))).toEqual({
      fail: ['aws_opensearch_domain.internal_users', 'aws_opensearch_domain.no_master', 'aws_opensearch_domain.off'],
      unknown: ['aws_opensearch_domain.from_variable'],
      suppressed: [],
      pass: ['aws_opensearch_domain.iam_master', 'aws_opensearch_domain.iam_master_array_form', 'aws_opensearch_domain.iam_master_by_reference'],
    });
  });
});
