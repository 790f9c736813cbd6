import { ApiGatewayAccessLogs } from '../../../../compliance/rules/logging';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

describe('TF-LOG-4 ApiGatewayAccessLogs', () => {
  it('needs a destination and a format', () => {
    const stack = fixtureStack({
      aws_api_gateway_stage: { logged: { access_log_settings: [{ destination_arn: ref('aws_cloudwatch_log_group.l.arn'), format: '{}' }] }, none: {}, no_format: { access_log_settings: [{ destination_arn: 'arn:x' }] } },
      aws_apigatewayv2_stage: { v2: { access_log_settings: [{ destination_arn: 'arn:y', format: '$context.requestId' }] } },
    });
    expect(verdicts(ApiGatewayAccessLogs, stack)).toEqual({ fail: ['aws_api_gateway_stage.no_format', 'aws_api_gateway_stage.none'], unknown: [], pass: ['aws_api_gateway_stage.logged', 'aws_apigatewayv2_stage.v2'] });
  });

  it('a computed access_log_settings block is unknown, not missing', () => {
    const stack = fixtureStack({ aws_api_gateway_stage: { computed: { access_log_settings: ref('var.settings') }, object_form: { access_log_settings: { destination_arn: 'arn:z', format: '{}' } } } });
    expect(verdicts(ApiGatewayAccessLogs, stack)).toEqual({ fail: [], unknown: ['aws_api_gateway_stage.computed'], pass: ['aws_api_gateway_stage.object_form'] });
  });
});
