import { S3BucketTlsOnly } from '../../../../compliance/rules/encryption';
import { fixtureStack, ref, verdicts } from '../../../support/rules-fixtures';

const denyHttp = (resource: unknown, condition: unknown = { Bool: { 'aws:SecureTransport': 'false' } }, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resource, Condition: condition, ...extra }] });

describe('TF-ENC-5 S3BucketTlsOnly', () => {
  it('accepts the TLS-only deny in every policy form and rejects look-alikes', () => {
    const stack = fixtureStack(
      {
        aws_s3_bucket: { json: {}, doc: {}, allow_only: {}, wrong_value: {}, narrow_action: {}, none: {}, from_var: {} },
        aws_s3_bucket_policy: {
          json: { bucket: ref('aws_s3_bucket.json.id'), policy: denyHttp([ref('aws_s3_bucket.json.arn'), `${ref('aws_s3_bucket.json.arn')}/*`]) },
          doc: { bucket: ref('aws_s3_bucket.doc.id'), policy: ref('data.aws_iam_policy_document.tls.json') },
          allow_only: { bucket: ref('aws_s3_bucket.allow_only.id'), policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: '*' }] }) },
          wrong_value: { bucket: ref('aws_s3_bucket.wrong_value.id'), policy: denyHttp('*', { Bool: { 'aws:SecureTransport': 'true' } }) },
          narrow_action: { bucket: ref('aws_s3_bucket.narrow_action.id'), policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }) },
          from_var: { bucket: ref('aws_s3_bucket.from_var.id'), policy: ref('var.policy') },
        },
      },
      {
        data: {
          aws_iam_policy_document: {
            tls: { statement: [{ effect: 'Deny', actions: ['s3:*'], resources: ['*'], principals: [{ type: '*', identifiers: ['*'] }], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] }] },
          },
        },
      },
    );
    expect(verdicts(S3BucketTlsOnly, stack)).toEqual({
      fail: ['aws_s3_bucket.allow_only', 'aws_s3_bucket.narrow_action', 'aws_s3_bucket.none', 'aws_s3_bucket.wrong_value'],
      unknown: ['aws_s3_bucket.from_var'],
      pass: ['aws_s3_bucket.doc', 'aws_s3_bucket.json'],
    });
  });
});
