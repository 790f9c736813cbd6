import { boolOf, checkEach, decide, defineRule, isUnresolved, show, type Tri } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';
import { noteCustomerKey } from '../../rule-helpers/kms';

const TLS12_POLICIES = ['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10', 'Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08'];

/** TF-ENC-10: OpenSearch domains encrypt at rest (CMK), between nodes, and serve HTTPS only with TLS 1.2+. */
export const OpenSearchEncrypted = defineRule(
  {
    id: 'TF-ENC-10',
    title: 'Ensure OpenSearch domains encrypt at rest with a customer-managed key, encrypt node-to-node traffic and enforce HTTPS with TLS 1.2',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    remediation:
      'Set `encrypt_at_rest { enabled = true, kms_key_id = <customer-managed key> }`, `node_to_node_encryption { enabled = true }` and `domain_endpoint_options { enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-2019-07" }`.',
    references: { checkov: ['CKV_AWS_5', 'CKV_AWS_6', 'CKV_AWS_83', 'CKV_AWS_228', 'CKV_AWS_247'], cdkNag: ['AwsSolutions-OS1', 'AwsSolutions-OS2', 'AwsSolutions-OS8'] },
  },
  (stack) =>
    checkEach(stack, ['aws_opensearch_domain', 'aws_elasticsearch_domain'], (domain) => {
      const problems: string[] = [];
      const unknowns: string[] = [];
      const need = (value: Tri, what: string): void => {
        if (value === 'unknown') unknowns.push(`${what} is unresolved`);
        else if (!value) problems.push(`${what} is not true`);
      };
      const atRest = nestedBlock(domain.values.encrypt_at_rest);
      if (atRest === 'unknown') unknowns.push('encrypt_at_rest is unresolved');
      else {
        need(boolOf(atRest.enabled, false), 'encrypt_at_rest.enabled');
        noteCustomerKey(stack, atRest.kms_key_id, 'encrypt_at_rest.kms_key_id', problems, unknowns);
      }
      const nodeToNode = nestedBlock(domain.values.node_to_node_encryption);
      if (nodeToNode === 'unknown') unknowns.push('node_to_node_encryption is unresolved');
      else need(boolOf(nodeToNode.enabled, false), 'node_to_node_encryption.enabled');
      const endpoint = nestedBlock(domain.values.domain_endpoint_options);
      if (endpoint === 'unknown') unknowns.push('domain_endpoint_options is unresolved');
      else {
        need(boolOf(endpoint.enforce_https, false), 'domain_endpoint_options.enforce_https');
        const policy = endpoint.tls_security_policy;
        if (isUnresolved(policy)) unknowns.push('tls_security_policy is unresolved');
        else if (!TLS12_POLICIES.includes(String(policy))) problems.push(`tls_security_policy ${show(policy ?? 'default')} allows TLS below 1.2`);
      }
      return decide(domain.address, problems, unknowns, 'encrypted at rest and in transit');
    }),
);
