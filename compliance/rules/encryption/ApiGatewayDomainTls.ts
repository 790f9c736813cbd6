import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, isUnresolved, resourcesOf } from '../_shared/values';

/** TLS_1_2 and the enhanced policies, all of which refuse TLS 1.0/1.1. */
function isTls12(policy: unknown): boolean {
  return policy === 'TLS_1_2' || (typeof policy === 'string' && /^SecurityPolicy_TLS1[23]_/.test(policy));
}

/** TF-ENC-16: API Gateway custom domains require TLS 1.2. */
export const ApiGatewayDomainTls: Rule = {
  meta: {
    id: 'TF-ENC-16',
    title: 'Ensure API Gateway custom domain names use the TLS_1_2 security policy',
    category: 'encryption',
    level: 'error',
    resourceTypes: ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'],
    remediation:
      'Set `security_policy = "TLS_1_2"` on `aws_api_gateway_domain_name` (`domain_name_configuration.security_policy` on v2). REST API domains default to TLS_1_0.',
    references: { checkov: ['CKV_AWS_206'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name').map((domain) => {
      const policy = domain.type === 'aws_api_gateway_domain_name' ? domain.values.security_policy : blockOf(domain.values.domain_name_configuration).security_policy;
      if (isUnresolved(policy)) return decide(domain.address, [], ['security_policy is unresolved'], '');
      return decide(domain.address, isTls12(policy) ? [] : [`security_policy ${JSON.stringify(policy ?? 'TLS_1_0')} admits TLS below 1.2`], [], 'TLS 1.2 security policy');
    });
  },
};
