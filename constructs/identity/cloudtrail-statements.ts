import { PolicyStatement } from '../iam/policy';

/**
 * The policy statements a CloudTrail trail needs on its KMS key and its S3
 * bucket, each scoped to the one trail by `aws:SourceArn`. Shared by the
 * account trail (AuditTrail) and the organization trail (SecurityServices).
 * The Sids are the caller's: they are in deployed key and bucket policies.
 */

/** The trail may generate data keys (within its account's trail encryption context) and describe the key. */
export function cloudTrailKeyStatements(o: { readonly partition: string; readonly account: string; readonly trailArn: string; readonly encryptSid: string }): PolicyStatement[] {
  return [
    {
      Sid: o.encryptSid,
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': o.trailArn }, StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${o.partition}:cloudtrail:*:${o.account}:trail/*` } },
    },
    { Sid: 'CloudTrailDescribesKey', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:DescribeKey', Resource: '*', Condition: { StringEquals: { 'aws:SourceArn': o.trailArn } } },
  ];
}

/** The trail may read the bucket ACL and write log files under each given `AWSLogs/<id>/` prefix, owner-controlled. */
export function cloudTrailBucketStatements(bucketArn: string, trailArn: string, writes: readonly { readonly sid: string; readonly logsOf: string }[]): PolicyStatement[] {
  return [
    { Sid: 'CloudTrailChecksAcl', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: bucketArn, Condition: { StringEquals: { 'aws:SourceArn': trailArn } } },
    ...writes.map(
      (w): PolicyStatement => ({
        Sid: w.sid,
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${bucketArn}/AWSLogs/${w.logsOf}/*`,
        Condition: { StringEquals: { 'aws:SourceArn': trailArn, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
    ),
  ];
}
