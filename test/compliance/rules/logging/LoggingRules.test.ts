import { AlbAccessLogs, ApiGatewayAccessLogs, CloudFrontAccessLogs, CloudTrailMultiRegionValidated, VpcFlowLogs } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LOG-1 VpcFlowLogs', () => {
  it('needs a flow log per VPC; an unresolvable one makes the rest unknown', () => {
    expect(verdicts(VpcFlowLogs, fixtureStack({ aws_vpc: { logged: {}, dark: {} }, aws_flow_log: { f: { vpc_id: ref('aws_vpc.logged.id'), traffic_type: 'ALL' } } }))).toEqual({ fail: ['aws_vpc.dark'], unknown: [], pass: ['aws_vpc.logged'] });
    expect(verdicts(VpcFlowLogs, fixtureStack({ aws_vpc: { v: {} }, aws_flow_log: { f: { vpc_id: ref('var.vpc') } } }))).toEqual({ fail: [], unknown: ['aws_vpc.v'], pass: [] });
  });
});

describe('TF-LOG-2 CloudTrailMultiRegionValidated', () => {
  it('requires multi-region, validation and global events', () => {
    const stack = fixtureStack({
      aws_cloudtrail: {
        good: { is_multi_region_trail: true, enable_log_file_validation: true },
        single_region: { enable_log_file_validation: true },
        unvalidated: { is_multi_region_trail: true },
        no_global: { is_multi_region_trail: true, enable_log_file_validation: true, include_global_service_events: false },
        from_var: { is_multi_region_trail: ref('var.m'), enable_log_file_validation: true },
      },
    });
    expect(verdicts(CloudTrailMultiRegionValidated, stack)).toEqual({
      fail: ['aws_cloudtrail.no_global', 'aws_cloudtrail.single_region', 'aws_cloudtrail.unvalidated'],
      unknown: ['aws_cloudtrail.from_var'],
      pass: ['aws_cloudtrail.good'],
    });
  });
});

describe('TF-LOG-3 AlbAccessLogs', () => {
  it('checks application load balancers only', () => {
    const stack = fixtureStack({
      aws_lb: {
        logged: { access_logs: [{ bucket: 'logs', enabled: true }] },
        implied: { access_logs: [{ bucket: 'logs' }] },
        disabled: { access_logs: [{ bucket: 'logs', enabled: false }] },
        none: { load_balancer_type: 'application' },
        nlb: { load_balancer_type: 'network' },
        from_var: { access_logs: [{ bucket: 'logs', enabled: ref('var.on') }] },
      },
      aws_alb: { legacy: {} },
    });
    expect(verdicts(AlbAccessLogs, stack)).toEqual({ fail: ['aws_alb.legacy', 'aws_lb.disabled', 'aws_lb.none'], unknown: ['aws_lb.from_var'], pass: ['aws_lb.implied', 'aws_lb.logged'] });
  });
});

describe('TF-LOG-4 ApiGatewayAccessLogs', () => {
  it('needs a destination and a format', () => {
    const stack = fixtureStack({
      aws_api_gateway_stage: { logged: { access_log_settings: [{ destination_arn: ref('aws_cloudwatch_log_group.l.arn'), format: '{}' }] }, none: {}, no_format: { access_log_settings: [{ destination_arn: 'arn:x' }] } },
      aws_apigatewayv2_stage: { v2: { access_log_settings: [{ destination_arn: 'arn:y', format: '$context.requestId' }] } },
    });
    expect(verdicts(ApiGatewayAccessLogs, stack)).toEqual({ fail: ['aws_api_gateway_stage.no_format', 'aws_api_gateway_stage.none'], unknown: [], pass: ['aws_api_gateway_stage.logged', 'aws_apigatewayv2_stage.v2'] });
  });
});

describe('TF-LOG-5 CloudFrontAccessLogs', () => {
  it('accepts legacy logging_config or a v2 delivery source', () => {
    const stack = fixtureStack({
      aws_cloudfront_distribution: { legacy: { logging_config: [{ bucket: 'logs.s3.amazonaws.com' }] }, v2: {}, dark: {} },
      aws_cloudwatch_log_delivery_source: { cf: { name: 'cf', log_type: 'ACCESS_LOGS', resource_arn: ref('aws_cloudfront_distribution.v2.arn') } },
    });
    expect(verdicts(CloudFrontAccessLogs, stack)).toEqual({ fail: ['aws_cloudfront_distribution.dark'], unknown: [], pass: ['aws_cloudfront_distribution.legacy', 'aws_cloudfront_distribution.v2'] });
  });
});
