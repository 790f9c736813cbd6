import { CloudwatchLogGroup, IamRole, LambdaEventSourceMapping, LambdaFunction, SecurityGroup, SqsQueue } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { suppress } from '../../core/suppressions';
import { validateProps } from '../../core/validation';
import { partitionOf } from '../identity/arn';
import { workloadBoundaryArn } from '../identity/workload-boundary';
import { grantKeyEncryptDecrypt, grantLogGroupWrite, grantQueueSend, grantTracing, grantVpcNetworkInterfaces } from '../iam/grants';
import { serviceTrustPolicy } from '../iam/policy';
import { EncryptedQueue, tlsOnlyQueuePolicy } from '../messaging/encrypted-queue';
import type { ContainerImage } from './fargate-service';
import { allowEgressToGroup, workloadSecurityGroup } from './workload-security-group';
import { checkLogRetention } from './log-retention';
import { SecureFunctionPropsSchema } from './secure-function.schema';

import { ZIP_RUNTIMES } from './function-runtimes';
export { ZIP_RUNTIMES };

/** Where a function's code comes from: a container image in the kit's ECR repository, or a zip package in S3. */
export type FunctionCode =
  | { readonly kind: 'image'; readonly image: ContainerImage }
  | { readonly kind: 'zip'; readonly s3Bucket: string; readonly s3Key: string; readonly handler: string; readonly runtime: (typeof ZIP_RUNTIMES)[number] };

export interface SecureFunctionProps {
  /** Short lowercase label, part of every name, e.g. `api-handler`. */
  readonly functionName: string;
  readonly vpcId: string;
  /** Private subnets, one per AZ: the function leaves the VPC only through NAT or endpoints. */
  readonly subnetIds: readonly string[];
  readonly code: FunctionCode;
  /** Customer-managed key for the environment variables and the dead-letter queue. */
  readonly kmsKeyArn: string;
  /** Customer-managed key for the log group. */
  readonly logsKmsKeyArn: string;
  /** Plain configuration; encrypted at rest with `kmsKeyArn`. Secrets belong in Secrets Manager. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default 512 */
  readonly memoryMiB?: number;
  /** @default 30 */
  readonly timeoutSeconds?: number;
  /**
   * Concurrency reserved for (and capping) this function.
   * @default - unreserved: the account's shared pool
   */
  readonly reservedConcurrency?: number;
  /** @default 'x86_64' */
  readonly architecture?: 'x86_64' | 'arm64';
  /** @default 365 */
  readonly logRetentionDays?: number;
  /**
   * ARN of a Lambda code-signing configuration, so only signed zip packages deploy.
   * @default - none (container images are verified by ECR: immutable, scanned on push)
   */
  readonly codeSigningConfigArn?: string;
}

const FUNCTION_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const HANDLER = /^[A-Za-z0-9_.\-/]{1,128}$/;

/**
 * A Lambda function the secure way: in the VPC's private subnets behind its
 * own security group (HTTPS egress only, no ingress: Lambda takes none),
 * environment variables under a customer-managed key, a KMS-encrypted
 * dead-letter queue for failed asynchronous invocations, a log group under
 * KMS with retention, X-Ray tracing, optional reserved concurrency, code
 * from an ECR image or an S3 zip. Its role holds only grants: logs, the
 * dead-letter queue and its key, tracing and its network interfaces; add
 * more with the grant helpers on `role`.
 */
export class SecureFunction extends Construct {
  public readonly function: LambdaFunction;
  public readonly role: IamRole;
  public readonly securityGroup: SecurityGroup;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly deadLetterQueue: SqsQueue;
  /** The function's full name, e.g. `tf-dev-api-handler`. */
  public readonly functionName: string;
  private readonly where: string;

  constructor(scope: Construct, id: string, props: SecureFunctionProps) {
    super(scope, id);
    this.where = describeConstruct('SecureFunction', this.node);
    validateProps(SecureFunctionPropsSchema, props, this.where);
    const env = environmentOf(this, 'SecureFunction');
    if (!FUNCTION_NAME.test(props.functionName)) {
      throw new TenantformError({ code: 'TF-FN-001', where: this.where, problem: 'functionName must be a lowercase label of 1-40 letters, digits and hyphens, starting with a letter.', value: props.functionName, fix: 'use e.g. "api-handler".' });
    }
    const memory = props.memoryMiB ?? 512;
    const timeout = props.timeoutSeconds ?? 30;
    if (!Number.isInteger(memory) || memory < 128 || memory > 10_240 || !Number.isInteger(timeout) || timeout < 1 || timeout > 900) {
      throw new TenantformError({ code: 'TF-FN-002', where: this.where, problem: 'memoryMiB must be a whole number from 128 to 10240 and timeoutSeconds from 1 to 900.', value: { memoryMiB: memory, timeoutSeconds: timeout }, fix: 'use e.g. memoryMiB 512 and timeoutSeconds 30.' });
    }
    if (props.reservedConcurrency !== undefined && (!Number.isInteger(props.reservedConcurrency) || props.reservedConcurrency < 1 || props.reservedConcurrency > 1000)) {
      throw new TenantformError({ code: 'TF-FN-004', where: this.where, problem: 'reservedConcurrency must be a whole number from 1 to 1000 (0 would stop the function; leave it out for the shared pool).', value: props.reservedConcurrency, fix: 'use e.g. 10, or leave it out.' });
    }
    if (props.subnetIds.length === 0) {
      throw new TenantformError({ code: 'TF-FN-003', where: this.where, problem: 'a function needs at least one private subnet: it always runs in the VPC.', value: props.subnetIds, fix: "pass the VPC's private subnet IDs, one per AZ." });
    }
    const code = props.code;
    if (code.kind === 'zip' && !HANDLER.test(code.handler)) {
      throw new TenantformError({ code: 'TF-FN-005', where: this.where, problem: 'a zip function needs a handler such as "app.handler".', value: code.handler, fix: 'name the module and function, e.g. "app.handler".' });
    }
    if (code.kind === 'image' && props.codeSigningConfigArn !== undefined) {
      throw new TenantformError({ code: 'TF-FN-007', where: this.where, problem: 'Lambda code signing applies to zip packages only, not to container images.', value: props.codeSigningConfigArn, fix: 'drop codeSigningConfigArn for an image function (ECR immutable tags and scan on push guard images).' });
    }
    if (code.kind === 'image' && !Token.isUnresolved(code.image.tag) && !/^(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|sha256:[a-f0-9]{64})$/.test(code.image.tag)) {
      throw new TenantformError({ code: 'TF-FN-016', where: this.where, problem: 'an image tag must be an ECR tag or an sha256 digest.', value: code.image.tag, fix: 'use e.g. "1.4.2" or "sha256:<64 hex digits>".' });
    }
    const partition = partitionOf(env.region);
    this.functionName = `tf-${env.name}-${props.functionName}`;
    const name = this.functionName;

    this.role = new IamRole(this, 'role', {
      name: `${name}-function`,
      description: `Runs the ${props.functionName} function; permissions come from grants`,
      assumeRolePolicy: serviceTrustPolicy('lambda.amazonaws.com', env.accountId),
      permissionsBoundary: workloadBoundaryArn(env),
    });
    this.securityGroup = workloadSecurityGroup(this, {
      id: 'security-group',
      httpsOutId: 'security-group-https-out',
      name: `${name}-function`,
      description: `${name}: no ingress; egress only as granted`,
      vpcId: props.vpcId,
      nameTag: `${this.node.path}/function`,
      httpsOutDescription: 'HTTPS to AWS APIs through NAT or endpoints',
    });
    // Lambda would create this group itself, unencrypted and kept forever; owning it sets KMS and retention.
    this.logGroup = new CloudwatchLogGroup(this, 'log-group', { name: `/aws/lambda/${name}`, retentionInDays: checkLogRetention(props.logRetentionDays ?? 365, this.where), kmsKeyId: props.logsKmsKeyArn });
    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', { name: `${name}-dlq`, kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300, messageRetentionSeconds: 1_209_600 });
    tlsOnlyQueuePolicy(this, 'dead-letter-queue-policy', this.deadLetterQueue);

    const grants = [
      grantLogGroupWrite(this.logGroup, this.role),
      grantQueueSend(this.deadLetterQueue, this.role),
      grantKeyEncryptDecrypt({ arn: props.kmsKeyArn }, this.role, { id: 'kms-use-function-key' }),
      grantTracing(this.role),
      grantVpcNetworkInterfaces(this.role, { partition, region: env.region, accountId: env.accountId, subnetIds: props.subnetIds, securityGroupIds: [this.securityGroup.id] }),
    ];

    const source =
      code.kind === 'image'
        ? { packageType: 'Image', imageUri: code.image.tag.startsWith('sha256:') ? `${code.image.repositoryUrl}@${code.image.tag}` : `${code.image.repositoryUrl}:${code.image.tag}` }
        : { packageType: 'Zip', s3Bucket: code.s3Bucket, s3Key: code.s3Key, handler: code.handler, runtime: code.runtime };
    this.function = new LambdaFunction(this, 'function', {
      functionName: name,
      role: this.role.arn,
      ...source,
      architectures: [props.architecture ?? 'x86_64'],
      memorySize: memory,
      timeout,
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      kmsKeyArn: props.kmsKeyArn,
      ...(props.codeSigningConfigArn !== undefined ? { codeSigningConfigArn: props.codeSigningConfigArn } : {}),
      ...(props.environment && Object.keys(props.environment).length > 0 ? { environment: { variables: { ...props.environment } } } : {}),
      vpcConfig: { subnetIds: [...props.subnetIds], securityGroupIds: [this.securityGroup.id] },
      deadLetterConfig: { targetArn: this.deadLetterQueue.arn },
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name },
      // The role must hold its grants before Lambda checks it can create network interfaces and write logs.
      dependsOn: grants.map((g) => g.policy),
    });
    // checkov judges two cases that do not apply here; say why on the resource.
    if (code.kind === 'image') suppress(this.function, 'CKV_AWS_272', 'a container-image function cannot use Lambda code signing (zip only); its image is immutable and scanned on push in ECR');
    if (!props.environment || Object.keys(props.environment).length === 0) suppress(this.function, 'CKV_AWS_173', 'the function has no environment variables, so there is nothing to encrypt; kms_key_arn is set for when it gets some');
  }

  /** Lets the function reach one security group on one port (a database, say), beyond HTTPS. */
  public allowEgressTo(label: string, destinationSecurityGroupId: string, port: number): void {
    allowEgressToGroup(this, this.where, { id: `security-group-to-${label}`, securityGroupId: this.securityGroup.id, label, description: `Port ${port} to ${label}`, destinationSecurityGroupId, port });
  }

  /** Makes the function the consumer of a queue: an event source mapping and the grants to receive and decrypt. */
  public consume(queue: EncryptedQueue, options: { readonly batchSize?: number } = {}): LambdaEventSourceMapping {
    const batchSize = options.batchSize ?? 10;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10) {
      throw new TenantformError({ code: 'TF-FN-006', where: this.where, problem: 'a queue batch size must be a whole number from 1 to 10.', value: batchSize, fix: 'use 10, or 1 to handle messages one by one.' });
    }
    const grants = queue.grantConsume(this.role);
    return new LambdaEventSourceMapping(this, `consume-${queue.node.id}`, {
      eventSourceArn: queue.queue.arn,
      functionName: this.function.arn,
      batchSize,
      // Failed messages of a batch return to the queue alone, so one bad message does not retry its batch.
      functionResponseTypes: ['ReportBatchItemFailures'],
      dependsOn: grants.map((g) => g.policy),
    });
  }
}
