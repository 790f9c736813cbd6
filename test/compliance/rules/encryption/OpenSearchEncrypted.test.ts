import { OpenSearchEncrypted } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const secure = {
  encrypt_at_rest: [{ enabled: true, kms_key_id: ref('aws_kms_key.k.arn') }],
  node_to_node_encryption: [{ enabled: true }],
  domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }],
};

describe('TF-ENC-10 OpenSearchEncrypted', () => {
  it('needs at-rest CMK, node-to-node and HTTPS with TLS 1.2', () => {
    const stack = fixtureStack({
      aws_kms_key: { k: { enable_key_rotation: true } },
      aws_opensearch_domain: {
        good: secure,
        default_key: { ...secure, encrypt_at_rest: [{ enabled: true }] },
        no_n2n: { ...secure, node_to_node_encryption: [{ enabled: false }] },
        old_tls: { ...secure, domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' }] },
        http: { ...secure, domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }] },
        from_var: { ...secure, node_to_node_encryption: [{ enabled: ref('var.n2n') }] },
      },
      aws_elasticsearch_domain: { legacy: {} },
    });
    expect(verdicts(OpenSearchEncrypted, stack)).toEqual({
      fail: ['aws_elasticsearch_domain.legacy', 'aws_opensearch_domain.default_key', 'aws_opensearch_domain.http', 'aws_opensearch_domain.no_n2n', 'aws_opensearch_domain.old_tls'],
      unknown: ['aws_opensearch_domain.from_var'],
      pass: ['aws_opensearch_domain.good'],
    });
  });

  it('computed blocks are unknown, string flags are read, and the FIPS TLS 1.2 policy counts', () => {
    const good = {
      encrypt_at_rest: { enabled: 'true', kms_key_id: 'arn:aws:kms:eu-west-1:111111111111:key/1' },
      node_to_node_encryption: { enabled: 'true' },
      domain_endpoint_options: { enforce_https: 'true', tls_security_policy: 'Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08' },
    };
    const stack = fixtureStack({
      aws_opensearch_domain: {
        strings: good,
        computed_at_rest: { ...good, encrypt_at_rest: ref('var.at_rest') },
        computed_endpoint: { ...good, domain_endpoint_options: ref('var.endpoint') },
        string_false: { ...good, node_to_node_encryption: { enabled: 'false' } },
      },
    });
    expect(verdicts(OpenSearchEncrypted, stack)).toEqual({
      fail: ['aws_opensearch_domain.string_false'],
      unknown: ['aws_opensearch_domain.computed_at_rest', 'aws_opensearch_domain.computed_endpoint'],
      pass: ['aws_opensearch_domain.strings'],
    });
  });
});
