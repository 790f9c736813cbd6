import { cloudTrailBucketStatements, cloudTrailKeyStatements } from '../../../constructs/identity/cloudtrail-statements';

const TRAIL = 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/audit';

describe('cloudTrailKeyStatements', () => {
  test('every statement is scoped to the one trail, and data keys to the account trail context', () => {
    const statements = cloudTrailKeyStatements({ partition: 'aws', account: '111111111111', trailArn: TRAIL, encryptSid: 'Encrypts' });
    expect(statements.map((s) => s.Sid)).toEqual(['Encrypts', 'CloudTrailDescribesKey']);
    for (const s of statements) expect(s.Condition?.StringEquals).toEqual({ 'aws:SourceArn': TRAIL });
    expect(statements[0]!.Condition?.StringLike).toEqual({ 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:111111111111:trail/*' });
  });
});

describe('cloudTrailBucketStatements', () => {
  test('one ACL check, then one owner-controlled write per log prefix, each scoped to the trail', () => {
    const statements = cloudTrailBucketStatements('arn:aws:s3:::audit', TRAIL, [
      { sid: 'Own', logsOf: '111111111111' },
      { sid: 'Org', logsOf: 'o-abcdefghij' },
    ]);
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ['CloudTrailChecksAcl', 's3:GetBucketAcl', 'arn:aws:s3:::audit'],
      ['Own', 's3:PutObject', 'arn:aws:s3:::audit/AWSLogs/111111111111/*'],
      ['Org', 's3:PutObject', 'arn:aws:s3:::audit/AWSLogs/o-abcdefghij/*'],
    ]);
    for (const s of statements.slice(1)) expect(s.Condition).toEqual({ StringEquals: { 'aws:SourceArn': TRAIL, 's3:x-amz-acl': 'bucket-owner-full-control' } });
  });
});
