import { SecureFunction, SecureFunctionProps } from '../../../constructs/compute/secure-function';
import { EncryptedQueue } from '../../../constructs/messaging/encrypted-queue';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, ref, resourceAt } from '../../support/platform-fixtures';
import { resourcesOf } from '../../support/synth';

const KEY = 'arn:aws:kms:eu-west-1:222222222222:key/app';
const LOGS = 'arn:aws:kms:eu-west-1:222222222222:key/logs';
const ZIP = { kind: 'zip', s3Bucket: 'artifacts', s3Key: 'api.zip', handler: 'app.handler', runtime: 'python3.12' } as const;

function fn(overrides: Partial<SecureFunctionProps> = {}, more?: (f: SecureFunction) => void) {
  return buildIn((stack) => {
    const f = new SecureFunction(stack, 'api', { functionName: 'api-handler', vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], code: ZIP, kmsKeyArn: KEY, logsKmsKeyArn: LOGS, environment: { STAGE: 'dev' }, reservedConcurrency: 5, ...overrides });
    more?.(f);
    return f;
  });
}

describe('SecureFunction', () => {
  const { json, stack } = fn({}, (f) => f.consume(new EncryptedQueue(f, 'tasks', { queueName: 'tasks', fifo: true })));
  const lambda = resourceAt(json, 'aws_lambda_function', 'api/function');

  it('runs in the private subnets behind its own security group, with KMS env vars, a DLQ, X-Ray and a KMS log group', () => {
    const sg = resourceAt(json, 'aws_security_group', 'api/security-group');
    expect(lambda).toMatchObject({
      function_name: 'tf-dev-api-handler',
      vpc_config: { subnet_ids: ['subnet-a', 'subnet-b'], security_group_ids: [ref('aws_security_group', sg.key)] },
      kms_key_arn: KEY,
      environment: { variables: { STAGE: 'dev' } },
      dead_letter_config: { target_arn: ref('aws_sqs_queue', resourceAt(json, 'aws_sqs_queue', 'api/dead-letter-queue').key, 'arn') },
      tracing_config: { mode: 'Active' },
      reserved_concurrent_executions: 5,
      package_type: 'Zip',
    });
    expect(resourceAt(json, 'aws_cloudwatch_log_group', 'api/log-group')).toMatchObject({ name: '/aws/lambda/tf-dev-api-handler', kms_key_id: LOGS, retention_in_days: 365 });
    expect(resourceAt(json, 'aws_sqs_queue', 'api/dead-letter-queue').kms_master_key_id).toBe(KEY);
    expect(json.resource?.aws_vpc_security_group_ingress_rule).toBeUndefined();
  });

  it('builds its role from grants only, network interfaces scoped to its subnets and security group', () => {
    const policies = Object.values(resourcesOf(json, 'aws_iam_role_policy')).map((p) => (p['//'] as { metadata: { path: string } }).metadata.path.split('/').pop());
    expect(policies.every((p) => p!.startsWith('grant-'))).toBe(true);
    const vpc = JSON.parse(resourceAt(json, 'aws_iam_role_policy', 'api/role/grant-ec2-vpc-interfaces').policy as string);
    expect(vpc.Statement[0].Resource).toEqual(['arn:aws:ec2:eu-west-1:222222222222:network-interface/*', 'arn:aws:ec2:eu-west-1:222222222222:subnet/subnet-a', 'arn:aws:ec2:eu-west-1:222222222222:subnet/subnet-b', expect.stringContaining('security-group/${aws_security_group.')]);
    expect(resourcesOf(json, 'aws_iam_role_policy_attachment')).toEqual({});
  });

  it('consumes a FIFO queue through an event source mapping with the grants to receive and decrypt', () => {
    expect(resourceAt(json, 'aws_lambda_event_source_mapping', 'api/consume-tasks')).toMatchObject({ batch_size: 10, function_response_types: ['ReportBatchItemFailures'] });
    expect(resourceAt(json, 'aws_iam_role_policy', 'api/role/grant-sqs-consume-tasks')).toBeDefined();
    expect(resourceAt(json, 'aws_iam_role_policy', 'api/role/grant-kms-decrypt-tasks-queue')).toBeDefined();
  });

  it('signs zip code when given a code-signing configuration', () => {
    const signed = resourceAt(fn({ codeSigningConfigArn: 'arn:aws:lambda:eu-west-1:222222222222:code-signing-config:csc-1' }).json, 'aws_lambda_function', 'api/function');
    expect(signed.code_signing_config_arn).toBe('arn:aws:lambda:eu-west-1:222222222222:code-signing-config:csc-1');
  });

  it('takes a container image', () => {
    const image = resourceAt(fn({ code: { kind: 'image', image: { repositoryArn: 'arn:aws:ecr:eu-west-1:222222222222:repository/api', repositoryUrl: '222222222222.dkr.ecr.eu-west-1.amazonaws.com/api', tag: '1.2.3' } } }).json, 'aws_lambda_function', 'api/function');
    expect(image).toMatchObject({ package_type: 'Image', image_uri: '222222222222.dkr.ecr.eu-west-1.amazonaws.com/api:1.2.3' });
    expect(image.handler).toBeUndefined();
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('rejects bad names, sizes, concurrency, subnets, handlers and batch sizes with their codes', () => {
    expect(errorCode(() => fn({ functionName: 'Api' }))).toBe('TF-FN-001');
    // The key props reach Lambda as ARNs; a bare word would be written out and fail only at validate.
    expect(errorCode(() => fn({ kmsKeyArn: 'true' }))).toBe('TF-PRP-012');
    expect(errorCode(() => fn({ logsKmsKeyArn: '42' }))).toBe('TF-PRP-012');
    expect(errorCode(() => fn({ memoryMiB: 64 }))).toBe('TF-FN-002');
    expect(errorCode(() => fn({ timeoutSeconds: 901 }))).toBe('TF-FN-002');
    expect(errorCode(() => fn({ subnetIds: [] }))).toBe('TF-FN-003');
    expect(errorCode(() => fn({ reservedConcurrency: 0 }))).toBe('TF-FN-004');
    expect(errorCode(() => fn({ code: { ...ZIP, handler: 'a b' } }))).toBe('TF-FN-005');
    expect(errorCode(() => fn({}, (f) => f.consume(new EncryptedQueue(f, 'q', { queueName: 'q' }), { batchSize: 11 })))).toBe('TF-FN-006');
    expect(errorCode(() => fn({ code: { ...ZIP, runtime: 'python2.7' as never } }))).toBe('TF-PRP-007');
    expect(errorCode(() => fn({ code: { kind: 'image', image: { repositoryArn: 'arn:aws:ecr:eu-west-1:222222222222:repository/api', repositoryUrl: 'x', tag: '1' } }, codeSigningConfigArn: 'arn:aws:lambda:eu-west-1:222222222222:code-signing-config:csc-1' }))).toBe('TF-FN-007');
    // 0 would keep the logs forever.
    expect(errorCode(() => fn({ logRetentionDays: 0 }))).toBe('TF-IAM-040');
  });
});
