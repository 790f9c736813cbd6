import { Rule } from '../../types';
import { decide } from '../_shared/outcomes';
import { blockOf, isSet, resourcesOf } from '../_shared/values';

/** TF-LOG-4: API Gateway stages write access logs. */
export const ApiGatewayAccessLogs: Rule = {
  meta: {
    id: 'TF-LOG-4',
    title: 'Ensure API Gateway stages have access logging enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
    remediation:
      'Set `access_log_settings { destination_arn = <KMS-encrypted log group ARN>, format = <JSON format with requestId, identity.sourceIp, identity.apiKeyId, status> }`. For REST APIs the account also needs an `aws_api_gateway_account` with a CloudWatch role.',
    references: { checkov: ['CKV_AWS_76'], cdkNag: ['AwsSolutions-APIG1'] },
    invariant: false,
  },
  check(stack) {
    return resourcesOf(stack, 'aws_api_gateway_stage', 'aws_apigatewayv2_stage').map((stage) => {
      const settings = blockOf(stage.values.access_log_settings);
      const ok = isSet(settings.destination_arn) && isSet(settings.format);
      return decide(stage.address, ok ? [] : ['access_log_settings with a destination and a format is missing'], [], 'access logs enabled');
    });
  },
};
