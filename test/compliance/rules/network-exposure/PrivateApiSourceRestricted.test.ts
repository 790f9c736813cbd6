import { PrivateApiSourceRestricted } from '../../../../compliance/rules/network-exposure/PrivateApiSourceRestricted';
import { byStatus, fixtureStack, runRule } from '../../support/compliance-fixtures';

const privateApi = (extra: Record<string, unknown> = {}) => ({ name: 'api', endpoint_configuration: { types: ['PRIVATE'], vpc_endpoint_ids: ['vpce-1'] }, ...extra });
const doc = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allowAll = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
const denyOthers = { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } };

describe('TF-NET-20 private APIs limit invocation to named VPC endpoints', () => {
  test('GIVEN private APIs with inline, separate, missing, open and unreadable policies THEN only endpoint-scoped ones pass', () => {
    const stack = fixtureStack({
      variable: { vpce: { type: 'string' } },
      resource: {
        aws_api_gateway_rest_api: {
          inline_deny: privateApi({ policy: doc(allowAll, denyOthers) }),
          allow_bounded: privateApi({ policy: doc({ ...allowAll, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }) }),
          separate_policy: privateApi(),
          no_policy: privateApi(),
          open_policy: privateApi({ policy: doc(allowAll) }),
          deny_with_extra_condition: privateApi({ policy: doc(allowAll, { ...denyOthers, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' }, Bool: { 'aws:SecureTransport': 'true' } } }) }),
          deny_from_variable: privateApi({ policy: doc(allowAll, { ...denyOthers, Condition: { StringNotEquals: { 'aws:SourceVpce': '${var.vpce}' } } }) }),
          deny_by_reference: privateApi({ policy: doc(allowAll, { ...denyOthers, Condition: { StringNotEquals: { 'aws:SourceVpce': '${aws_vpc_endpoint.api.id}' } } }) }),
          regional: { name: 'r', endpoint_configuration: { types: ['REGIONAL'] } },
        },
        aws_vpc_endpoint: { api: { vpc_id: 'vpc-1', service_name: 'com.amazonaws.eu-west-1.execute-api', vpc_endpoint_type: 'Interface' } },
        aws_api_gateway_rest_api_policy: { separate: { rest_api_id: '${aws_api_gateway_rest_api.separate_policy.id}', policy: doc(allowAll, denyOthers) } },
      },
    });
    expect(byStatus(runRule(PrivateApiSourceRestricted, stack))).toEqual({
      fail: ['aws_api_gateway_rest_api.deny_with_extra_condition', 'aws_api_gateway_rest_api.no_policy', 'aws_api_gateway_rest_api.open_policy'],
      unknown: ['aws_api_gateway_rest_api.deny_from_variable'],
      suppressed: [],
      pass: ['aws_api_gateway_rest_api.allow_bounded', 'aws_api_gateway_rest_api.deny_by_reference', 'aws_api_gateway_rest_api.inline_deny', 'aws_api_gateway_rest_api.regional', 'aws_api_gateway_rest_api.separate_policy'],
    });
  });
});
