import { checkEach, decide, defineRule, isSet } from '../../rule-kit';
import { nestedBlock } from '../../rule-helpers/blocks';

/** TF-LOG-4: API Gateway stages write access logs. */
export const ApiGatewayAccessLogs = defineRule(
  {
    id: 'TF-LOG-4',
    title: 'Ensure API Gateway stages have access logging enabled',
    category: 'logging',
    level: 'error',
    resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
    remediation:
      'Set `access_log_settings { destination_arn = <KMS-encrypted log group ARN>, format = <JSON format with requestId, identity.sourceIp, identity.apiKeyId, status> }`. For REST APIs the account also needs an `aws_api_gateway_account` with a CloudWatch role.',
    references: { checkov: ['CKV_AWS_76'], cdkNag: ['AwsSolutions-APIG1'] },
  },
  (stack) =>
    checkEach(stack, ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'], (stage) => {
      const settings = nestedBlock(stage.values.access_log_settings);
      if (settings === 'unknown') return decide(stage.address, [], ['access_log_settings is unresolved'], '');
      const ok = isSet(settings.destination_arn) && isSet(settings.format);
      return decide(stage.address, ok ? [] : ['access_log_settings with a destination and a format is missing'], [], 'access logs enabled');
    }),
);
