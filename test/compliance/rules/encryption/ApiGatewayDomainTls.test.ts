import { ApiGatewayDomainTls } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-ENC-16 ApiGatewayDomainTls', () => {
  it('requires TLS_1_2 on REST and HTTP API domains', () => {
    const stack = fixtureStack({
      aws_api_gateway_domain_name: {
        tls12: { domain_name: 'a.example.com', security_policy: 'TLS_1_2' },
        defaulted: { domain_name: 'b.example.com' },
        tls10: { domain_name: 'c.example.com', security_policy: 'TLS_1_0' },
        from_var: { domain_name: 'd.example.com', security_policy: ref('var.p') },
      },
      aws_apigatewayv2_domain_name: {
        v2: { domain_name: 'e.example.com', domain_name_configuration: [{ security_policy: 'TLS_1_2', endpoint_type: 'REGIONAL' }] },
      },
    });
    expect(verdicts(ApiGatewayDomainTls, stack)).toEqual({
      fail: ['aws_api_gateway_domain_name.defaulted', 'aws_api_gateway_domain_name.tls10'],
      unknown: ['aws_api_gateway_domain_name.from_var'],
      pass: ['aws_api_gateway_domain_name.tls12', 'aws_apigatewayv2_domain_name.v2'],
    });
  });

  it('a computed v2 domain_name_configuration is unknown', () => {
    const stack = fixtureStack({ aws_apigatewayv2_domain_name: { computed: { domain_name: 'api.example.com', domain_name_configuration: ref('var.config') } } });
    expect(verdicts(ApiGatewayDomainTls, stack)).toEqual({ fail: [], unknown: ['aws_apigatewayv2_domain_name.computed'], pass: [] });
  });
});
