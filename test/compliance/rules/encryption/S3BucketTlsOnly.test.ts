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

  it('Noncompliance: the deny must cover the bucket and its objects, with no condition narrowing it', () => {
    const policyFor = (name: string, policy: string) => ({ bucket: ref(`aws_s3_bucket.${name}.id`), policy });
    const denyOn = (name: string, resource: unknown, condition?: unknown, extra?: Record<string, unknown>) => policyFor(name, denyHttp(resource, condition, extra));
    const stack = fixtureStack({
      aws_s3_bucket: { objects_only: {}, bucket_only: {}, other_bucket: {}, named: { bucket: 'acme-named' }, narrowed: {}, not_principal: {}, if_exists: {}, boolean_false: {}, unresolved_resource: {} },
      aws_s3_bucket_policy: {
        objects_only: denyOn('objects_only', `${ref('aws_s3_bucket.objects_only.arn')}/*`),
        bucket_only: denyOn('bucket_only', ref('aws_s3_bucket.bucket_only.arn')),
        other_bucket: denyOn('other_bucket', ['arn:aws:s3:::someone-else', 'arn:aws:s3:::someone-else/*']),
        named: denyOn('named', ['arn:aws:s3:::acme-named', 'arn:aws:s3:::acme-named/*']),
        narrowed: denyOn('narrowed', '*', { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': '999999999999' } }),
        not_principal: policyFor('not_principal', JSON.stringify({ Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] })),
        if_exists: denyOn('if_exists', '*', { BoolIfExists: { 'aws:SecureTransport': 'false' } }),
        boolean_false: policyFor('boolean_false', JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }] })),
        unresolved_resource: denyOn('unresolved_resource', ref('var.arn')),
      },
    });
    expect(verdicts(S3BucketTlsOnly, stack)).toEqual({
      fail: ['aws_s3_bucket.bucket_only', 'aws_s3_bucket.not_principal', 'aws_s3_bucket.objects_only', 'aws_s3_bucket.other_bucket'],
      unknown: ['aws_s3_bucket.narrowed', 'aws_s3_bucket.unresolved_resource'],
      pass: ['aws_s3_bucket.boolean_false', 'aws_s3_bucket.if_exists', 'aws_s3_bucket.named'],
    });
  });
});
