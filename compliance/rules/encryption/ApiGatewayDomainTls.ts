import { checkEach, decide, defineRule, isUnresolved, show } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';

/** TLS_1_2 and the enhanced policies, all of which refuse TLS 1.0/1.1. */
function isTls12(policy: unknown): boolean {
  return policy === 'TLS_1_2' || (typeof policy === 'string' && /^SecurityPolicy_TLS1[23]_/.test(policy));
}

/** TF-ENC-16: API Gateway custom domains require TLS 1.2. */
export const ApiGatewayDomainTls = defineRule(
  {
    id: 'TF-ENC-16',
    title: 'Ensure API Gateway custom domain names use the TLS_1_2 security policy',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'],
    remediation:
      'Set `security_policy = "TLS_1_2"` on `aws_api_gateway_domain_name` (`domain_name_configuration.security_policy` on v2). REST API domains default to TLS_1_0.',
    references: { checkov: ['CKV_AWS_206'] },
  },
  (stack) =>
    checkEach(stack, ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'], (domain) => {
      let policy: unknown;
      if (domain.type === 'aws_api_gateway_domain_name') policy = domain.values.security_policy;
      else {
        const config = nestedBlock(domain.values.domain_name_configuration);
        if (config === 'unknown') return decide(domain.address, [], ['domain_name_configuration is unresolved'], '');
        policy = config.security_policy;
      }
      if (isUnresolved(policy)) return decide(domain.address, [], ['security_policy is unresolved'], '');
      return decide(domain.address, isTls12(policy) ? [] : [`security_policy ${show(policy ?? 'TLS_1_0')} admits TLS below 1.2`], [], 'TLS 1.2 security policy');
    }),
);
