import { TenantApi } from '../../../../constructs/platform/api/tenant-api';
import { TenantformStack } from '../../../../stacks/tenantform-stack';
import { newApp } from '../../../support/synth';
import { defaultPlatformJson, errorCode, PLATFORM_PROD, platformStack, ref, resourceAt } from '../../../support/platform-fixtures';
import { resourcesOf } from '../../../support/synth';

class BareStack extends TenantformStack {}

describe('TenantApi', () => {
  const json = defaultPlatformJson();
  const api = () => resourceAt(json, 'aws_api_gateway_rest_api', 'api/rest-api');

  it('is Regional, reads API keys from the header and disables the execute-api endpoint', () => {
    expect(api()).toMatchObject({ endpoint_configuration: { types: ['REGIONAL'] }, api_key_source: 'HEADER', disable_execute_api_endpoint: true });
  });

  it('requires an API key on every method, with parameter validation', () => {
    const methods = Object.values(resourcesOf(json, 'aws_api_gateway_method'));
    expect(methods).toHaveLength(2);
    const validator = resourceAt(json, 'aws_api_gateway_request_validator', 'api/request-validator');
    expect(validator).toMatchObject({ validate_request_parameters: true, validate_request_body: false });
    for (const m of methods) {
      expect(m).toMatchObject({ api_key_required: true, authorization: 'NONE', http_method: 'ANY', request_validator_id: ref('aws_api_gateway_request_validator', validator.key) });
      expect((m.request_parameters as Record<string, boolean>)['method.request.header.x-api-key']).toBe(true);
    }
  });

  it('proxies over the VPC link to the NLB, passing the client Host in the tenant header', () => {
    const link = resourceAt(json, 'aws_api_gateway_vpc_link', 'api/vpc-link');
    expect(link.target_arns).toEqual([ref('aws_lb', resourceAt(json, 'aws_lb', 'routing/nlb/nlb').key, 'arn')]);
    expect(resourceAt(json, 'aws_api_gateway_integration', 'api/integration-proxy')).toMatchObject({
      type: 'HTTP_PROXY',
      integration_http_method: 'ANY',
      connection_type: 'VPC_LINK',
      connection_id: ref('aws_api_gateway_vpc_link', link.key),
      uri: 'https://gateway.aito.app/{proxy}',
      request_parameters: { 'integration.request.header.X-Tenantform-Host': 'method.request.header.Host', 'integration.request.path.proxy': 'method.request.path.proxy' },
    });
    expect(resourceAt(json, 'aws_api_gateway_integration', 'api/integration-root').uri).toBe('https://gateway.aito.app/');
  });

  it('stage: X-Ray and JSON access logs to a KMS-encrypted log group', () => {
    const logsKey = ref('aws_kms_key', resourceAt(json, 'aws_kms_key', 'keys/logs').key, 'arn');
    const access = resourceAt(json, 'aws_cloudwatch_log_group', 'api/access-log-group');
    expect(access).toMatchObject({ name: '/tenantform/prod/api-access', kms_key_id: logsKey, retention_in_days: 365 });
    expect(resourceAt(json, 'aws_cloudwatch_log_group', 'api/execution-log-group')).toMatchObject({
      name: `API-Gateway-Execution-Logs_${ref('aws_api_gateway_rest_api', api().key)}/v1`,
      kms_key_id: logsKey,
    });
    const stage = resourceAt(json, 'aws_api_gateway_stage', 'api/stage');
    expect(stage).toMatchObject({ stage_name: 'v1', xray_tracing_enabled: true });
    const logSettings = stage.access_log_settings as { destination_arn: string; format: string };
    expect(logSettings.destination_arn).toBe(ref('aws_cloudwatch_log_group', access.key, 'arn'));
    expect(Object.keys(JSON.parse(logSettings.format))).toEqual(expect.arrayContaining(['requestId', 'sourceIp', 'host', 'status', 'apiKeyId', 'usagePlanId']));
  });

  it('method settings: stage-wide throttle, metrics, error logs, no data trace', () => {
    expect(resourceAt(json, 'aws_api_gateway_method_settings', 'api/method-settings')).toMatchObject({
      method_path: '*/*',
      settings: { metrics_enabled: true, logging_level: 'ERROR', data_trace_enabled: false, throttling_rate_limit: 1000, throttling_burst_limit: 2000 },
    });
  });

  it('a Regional WAF blocks every request without the CloudFront origin secret', () => {
    const acl = resourceAt(json, 'aws_wafv2_web_acl', 'api/origin-verify/web-acl');
    const secret = ref('aws_ssm_parameter', resourceAt(json, 'aws_ssm_parameter', 'origin-secret/parameter').key, 'value');
    expect(acl).toMatchObject({ scope: 'REGIONAL', default_action: { block: {} } });
    expect((acl.rule as unknown[])[0]).toMatchObject({
      action: { allow: {} },
      statement: { byte_match_statement: { field_to_match: { single_header: { name: 'x-origin-verify' } }, positional_constraint: 'EXACTLY', search_string: secret } },
    });
    expect(resourceAt(json, 'aws_wafv2_web_acl_association', 'api/origin-verify/association').resource_arn).toBe(
      ref('aws_api_gateway_stage', resourceAt(json, 'aws_api_gateway_stage', 'api/stage').key, 'arn'),
    );
  });

  it('the CloudWatch role writes only to the API log groups', () => {
    const statements = JSON.parse(resourceAt(json, 'aws_iam_role_policy', 'api/cloudwatch-role-policy').policy as string).Statement;
    expect(statements.map((s: { Resource: unknown }) => s.Resource)).toEqual([
      [`${ref('aws_cloudwatch_log_group', resourceAt(json, 'aws_cloudwatch_log_group', 'api/access-log-group').key, 'arn')}:*`, `${ref('aws_cloudwatch_log_group', resourceAt(json, 'aws_cloudwatch_log_group', 'api/execution-log-group').key, 'arn')}:*`],
      'arn:aws:logs:eu-west-1:111111111111:log-group:*',
    ]);
  });

  it('TF-PLT-008: a stage throttle beyond the account limit', () => {
    expect(errorCode(() => platformStack({ stageThrottle: { rateLimitRps: 20_000, burstLimit: 100 } }))).toBe('TF-PLT-008');
  });

  it('TF-PLT-019: a stage name API Gateway refuses', () => {
    const stack = new BareStack(newApp(), 'prod-api', { environment: PLATFORM_PROD });
    expect(errorCode(() => new TenantApi(stack, 'api', { domain: 'aito.app', nlbArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/nlb/0', logsKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/logs', originSecret: 's', stageName: 'v 1' }))).toBe('TF-PLT-019');
  });
});
