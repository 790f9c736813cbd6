import { ELB_LOG_DELIVERY_ACCOUNTS as ELB_LOG_ACCOUNTS } from '../../../core/elb-log-accounts';
import { LogWriterStatement } from '../storage/log-bucket';

/**
 * Bucket-policy statements that let ALBs and NLBs of `accountId` write access
 * logs under `<prefix>AWSLogs/<accountId>/`.
 */
export function elbLogWriters(region: string, accountId: string, albPrefix: string, nlbPrefix: string): LogWriterStatement[] {
  const elbAccount = ELB_LOG_ACCOUNTS[region];
  return [
    {
      Sid: 'AlbAccessLogsWrite',
      Principal: elbAccount ? { AWS: `arn:aws:iam::${elbAccount}:root` } : { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
      Action: 's3:PutObject',
      on: 'objects',
      prefix: `${albPrefix}AWSLogs/${accountId}/`,
    },
    {
      // NLB access logs (TLS listeners) go through the log-delivery service, which checks the ACL first.
      Sid: 'NlbAccessLogsAclCheck',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      on: 'bucket',
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    },
    {
      Sid: 'NlbAccessLogsWrite',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:PutObject',
      on: 'objects',
      prefix: `${nlbPrefix}AWSLogs/${accountId}/`,
      Condition: { StringEquals: { 'aws:SourceAccount': accountId, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    },
  ];
}
