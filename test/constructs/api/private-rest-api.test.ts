import { PrivateRestApi, PrivateRestApiProps } from '../../../constructs/api/private-rest-api';
import { buildIn, ConstructTestStack, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, ref, resourceAt } from '../../support/platform-fixtures';

const POOL = 'arn:aws:cognito-idp:eu-west-1:222222222222:userpool/eu-west-1_abc';
const LOGS = 'arn:aws:kms:eu-west-1:222222222222:key/logs';

function api(overrides: Partial<PrivateRestApiProps> = {}) {
  return buildIn((stack: ConstructTestStack) =>
    new PrivateRestApi(stack, 'api', {
      apiName: 'graphql',
      endpoint: { kind: 'create', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], allowedSecurityGroupIds: ['sg-frontend'] },
      userPoolArn: POOL,
      handler: { functionName: 'tf-dev-api-handler', invokeArn: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:222222222222:function:tf-dev-api-handler/invocations' },
      logsKmsKeyArn: LOGS,
      provider: stack.provider,
      ...overrides,
    }),
  );
}

describe('PrivateRestApi', () => {
  const { json, stack } = api();
  const restApi = resourceAt(json, 'aws_api_gateway_rest_api', 'api/rest-api');
  const endpoint = resourceAt(json, 'aws_vpc_endpoint', 'api/endpoint');
  const endpointId = ref('aws_vpc_endpoint', endpoint.key);

  it('is private, bound to its execute-api endpoint, whose policy allows only that endpoint', () => {
    expect(restApi.endpoint_configuration).toEqual({ types: ['PRIVATE'], vpc_endpoint_ids: [endpointId] });
    expect(endpoint).toMatchObject({ service_name: 'com.amazonaws.eu-west-1.execute-api', vpc_endpoint_type: 'Interface', private_dns_enabled: true, subnet_ids: ['subnet-a', 'subnet-b'] });
    const policy = JSON.parse(resourceAt(json, 'aws_api_gateway_rest_api_policy', 'api/policy').policy as string);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceVpce': endpointId } } });
    expect(policy.Statement[1]).toMatchObject({ Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': endpointId } } });
    expect(resourceAt(json, 'aws_vpc_security_group_ingress_rule', 'api/endpoint-from-caller-0')).toMatchObject({ from_port: 443, referenced_security_group_id: 'sg-frontend' });
  });

  it('authorizes every method with the Cognito user pool and proxies to the Lambda handler', () => {
    const authorizer = resourceAt(json, 'aws_api_gateway_authorizer', 'api/authorizer');
    expect(authorizer).toMatchObject({ type: 'COGNITO_USER_POOLS', provider_arns: [POOL] });
    for (const key of ['root', 'proxy']) {
      expect(resourceAt(json, 'aws_api_gateway_method', `api/method-${key}`)).toMatchObject({ authorization: 'COGNITO_USER_POOLS', authorizer_id: ref('aws_api_gateway_authorizer', authorizer.key) });
      expect(resourceAt(json, 'aws_api_gateway_integration', `api/integration-${key}`)).toMatchObject({ type: 'AWS_PROXY', integration_http_method: 'POST' });
    }
    expect(resourceAt(json, 'aws_lambda_permission', 'api/invoke-permission')).toMatchObject({ principal: 'apigateway.amazonaws.com', source_arn: `arn:aws:execute-api:eu-west-1:222222222222:${ref('aws_api_gateway_rest_api', restApi.key)}/*/*` });
  });

  it('stage: X-Ray, KMS access logs, throttle, Regional WAF', () => {
    const stage = resourceAt(json, 'aws_api_gateway_stage', 'api/stage');
    expect(stage).toMatchObject({ xray_tracing_enabled: true, access_log_settings: { destination_arn: ref('aws_cloudwatch_log_group', resourceAt(json, 'aws_cloudwatch_log_group', 'api/access-log-group').key, 'arn') } });
    expect(resourceAt(json, 'aws_cloudwatch_log_group', 'api/access-log-group').kms_key_id).toBe(LOGS);
    expect(resourceAt(json, 'aws_api_gateway_method_settings', 'api/method-settings').settings).toMatchObject({ throttling_rate_limit: 100, throttling_burst_limit: 200, data_trace_enabled: false });
    expect(resourceAt(json, 'aws_wafv2_web_acl', 'api/waf/web-acl').scope).toBe('REGIONAL');
    expect(resourceAt(json, 'aws_wafv2_web_acl_association', 'api/waf-association').resource_arn).toBe(ref('aws_api_gateway_stage', stage.key, 'arn'));
  });

  it('admits private caller networks, and validates the Authorization header before anything runs', () => {
    const vpn = api({ endpoint: { kind: 'create', vpcId: 'vpc-1', subnetIds: ['subnet-a'], allowedSecurityGroupIds: [], allowedCidrs: ['10.0.0.0/12'] } }).json;
    expect(resourceAt(vpn, 'aws_vpc_security_group_ingress_rule', 'api/endpoint-from-10-0-0-0-12')).toMatchObject({ cidr_ipv4: '10.0.0.0/12', from_port: 443 });
    const validator = resourceAt(json, 'aws_api_gateway_request_validator', 'api/request-validator');
    expect(resourceAt(json, 'aws_api_gateway_method', 'api/method-proxy')).toMatchObject({ request_validator_id: ref('aws_api_gateway_request_validator', validator.key), request_parameters: { 'method.request.header.Authorization': true } });
  });

  it('uses a shared endpoint when given one', () => {
    const shared = api({ endpoint: { kind: 'existing', vpcEndpointId: 'vpce-0123' } }).json;
    expect(shared.resource?.aws_vpc_endpoint).toBeUndefined();
    expect(resourceAt(shared, 'aws_api_gateway_rest_api', 'api/rest-api').endpoint_configuration).toEqual({ types: ['PRIVATE'], vpc_endpoint_ids: ['vpce-0123'] });
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('rejects bad names, stages and endpoints with their codes', () => {
    expect(errorCode(() => api({ apiName: 'GraphQL' }))).toBe('TF-API-001');
    expect(errorCode(() => api({ stageName: 'v 1' }))).toBe('TF-API-002');
    expect(errorCode(() => api({ endpoint: { kind: 'create', vpcId: 'vpc-1', subnetIds: ['subnet-a'], allowedSecurityGroupIds: [] } }))).toBe('TF-API-003');
    expect(errorCode(() => api({ throttle: { rateLimitRps: 0, burstLimit: 1 } }))).toBe('TF-PLT-008');
    expect(errorCode(() => api({ endpoint: { kind: 'create', vpcId: 'vpc-1', subnetIds: ['subnet-a'], allowedSecurityGroupIds: [], allowedCidrs: ['8.8.8.0/24'] } }))).toBe('TF-API-004');
    expect(errorCode(() => api({ endpoint: { kind: 'create', vpcId: 'vpc-1', subnetIds: ['subnet-a'], allowedSecurityGroupIds: [], allowedCidrs: ['10.0.0.1/8'] } }))).toBe('TF-API-004');
  });

  it.each([' ', 'a'.repeat(65), 'api handler', 'arn:aws:lambda:eu-west-1:1:function:x'])('rejects handler function name %p (TF-API-005)', (functionName) => {
    expect(errorCode(() => api({ handler: { functionName, invokeArn: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/x/invocations' } }))).toBe('TF-API-005');
  });

  it.each(['api-handler', 'arn:aws:lambda:eu-west-1:111111111111:function:api-handler', 'api-handler:live', 'api-handler:$LATEST'])('accepts handler function name %p', (functionName) => {
    expect(() => api({ handler: { functionName, invokeArn: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/x/invocations' } })).not.toThrow();
  });
});
