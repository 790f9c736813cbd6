import { CloudwatchMetricAlarm, KmsKey, SnsTopic, SnsTopicPolicy, SnsTopicSubscription } from '../../core/aws';
import { Construct } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { partitionOf } from '../identity/arn';
import { policyJson } from '../iam/policy';
import { customerManagedKey } from '../kms/customer-managed-key';
import { AlarmTopicPropsSchema, AlarmSpecSchema } from './alarm-topic.schema';

export interface AlarmTopicProps {
  /** Short lowercase label, part of the topic, key and alarm names, e.g. `platform`. */
  readonly topicName: string;
  /**
   * Operator email addresses subscribed to the topic (each confirms by mail).
   * @default - none; subscribe operators later
   */
  readonly emailSubscribers?: readonly string[];
}

/** What an alarm watches and when it fires; one metric, one threshold. */
export interface AlarmSpec {
  /** Stable label, part of the alarm's name and Terraform address. */
  readonly id: string;
  /** What the alarm means and what the operator should do. */
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  /** @default - none */
  readonly dimensions?: Readonly<Record<string, string>>;
  /** @default 'Sum' */
  readonly statistic?: 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount';
  /** Length of one evaluation period: 10, 30, or a multiple of 60 seconds. @default 300 */
  readonly periodSeconds?: number;
  readonly threshold: number;
  /** @default 'GreaterThanOrEqualToThreshold' */
  readonly comparison?: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  /** @default 1 */
  readonly evaluationPeriods?: number;
  /**
   * How a period without data counts. Metrics that only exist when something goes wrong (errors) treat it as fine.
   * @default 'notBreaching'
   */
  readonly treatMissingData?: 'breaching' | 'notBreaching' | 'ignore' | 'missing';
}

const TOPIC_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const ALARM_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The SNS topic operators subscribe to for alarms: encrypted under its own
 * customer-managed key (rotating), reachable over TLS only, and published to
 * by CloudWatch alarms of this account. {@link addAlarm} wires a metric
 * alarm to it (alarm and OK notifications); `alarms.ts` has ready-made specs
 * for Aurora, OpenSearch, API Gateway, Lambda and SQS.
 */
export class AlarmTopic extends Construct {
  public readonly topic: SnsTopic;
  public readonly key: KmsKey;
  public readonly alarms: CloudwatchMetricAlarm[] = [];
  private readonly name: string;
  private readonly where: string;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.where = describeConstruct('AlarmTopic', this.node);
    validateProps(AlarmTopicPropsSchema, props, this.where);
    const env = environmentOf(this, 'AlarmTopic');
    if (!TOPIC_NAME.test(props.topicName)) {
      throw new TenantformError({ code: 'TF-MSG-001', where: this.where, problem: 'topicName must be a lowercase label of 1-40 letters, digits and hyphens, starting with a letter.', value: props.topicName, fix: 'use e.g. "platform".' });
    }
    for (const email of props.emailSubscribers ?? []) {
      if (!EMAIL.test(email)) throw new TenantformError({ code: 'TF-MSG-002', where: this.where, problem: 'each subscriber must be one email address.', value: email, fix: 'use e.g. "oncall@example.com".' });
    }
    this.name = `tf-${env.name}-${props.topicName}-alarms`;
    const partition = partitionOf(env.region);
    const alarmArns = `arn:${partition}:cloudwatch:${env.region}:${env.accountId}:alarm:*`;

    this.key = customerManagedKey(this, {
      keyId: 'key',
      aliasId: 'key-alias',
      description: `${this.name}: alarm notifications`,
      alias: `tenantform/${env.name}/${props.topicName}-alarms`,
      partition,
      accountId: env.accountId,
      accountMayUse: false,
      statements: [
        {
          // CloudWatch encrypts the message it publishes to the topic with this key.
          Sid: 'CloudWatchAlarmsPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': env.accountId }, ArnLike: { 'aws:SourceArn': alarmArns } },
        },
        {
          // SNS decrypts to deliver to subscribers, only for topics of this account.
          Sid: 'SnsDelivers',
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': env.accountId } },
        },
      ],
    }).key;

    this.topic = new SnsTopic(this, 'topic', { name: this.name, displayName: `${props.topicName} alarms`, kmsMasterKeyId: this.key.arn });
    new SnsTopicPolicy(this, 'topic-policy', {
      arn: this.topic.arn,
      policy: policyJson([
        { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: ['sns:Publish', 'sns:Subscribe'], Resource: this.topic.arn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        {
          Sid: 'CloudWatchAlarmsPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: this.topic.arn,
          Condition: { StringEquals: { 'aws:SourceAccount': env.accountId }, ArnLike: { 'aws:SourceArn': alarmArns } },
        },
      ]),
    });
    (props.emailSubscribers ?? []).forEach((email) => {
      new SnsTopicSubscription(this, `subscriber-${email}`, { topicArn: this.topic.arn, protocol: 'email', endpoint: email });
    });
  }

  /** A CloudWatch metric alarm that notifies this topic when it fires and when it clears. */
  public addAlarm(spec: AlarmSpec): CloudwatchMetricAlarm {
    validateProps(AlarmSpecSchema, spec, this.where);
    const period = spec.periodSeconds ?? 300;
    const evaluationPeriods = spec.evaluationPeriods ?? 1;
    if (!ALARM_ID.test(spec.id) || this.node.tryFindChild(`alarm-${spec.id}`)) {
      throw new TenantformError({ code: 'TF-MSG-003', where: this.where, problem: 'an alarm ID must be a lowercase label (letters, digits, hyphens) not used by another alarm on this topic.', value: spec.id, fix: 'use e.g. "aurora-cpu".' });
    }
    if (!(period === 10 || period === 30 || (Number.isInteger(period) && period >= 60 && period % 60 === 0 && period <= 86_400)) || !Number.isInteger(evaluationPeriods) || evaluationPeriods < 1 || evaluationPeriods * period > 86_400 * 7) {
      throw new TenantformError({ code: 'TF-MSG-004', where: this.where, problem: 'an alarm period must be 10, 30 or a multiple of 60 seconds up to a day, over 1 or more periods spanning at most 7 days.', value: { periodSeconds: period, evaluationPeriods }, fix: 'use periodSeconds 300 and evaluationPeriods 1 to 3.' });
    }
    const alarm = new CloudwatchMetricAlarm(this, `alarm-${spec.id}`, {
      alarmName: `${this.name}-${spec.id}`,
      alarmDescription: spec.description,
      namespace: spec.namespace,
      metricName: spec.metricName,
      dimensions: spec.dimensions ? { ...spec.dimensions } : undefined,
      statistic: spec.statistic ?? 'Sum',
      period,
      evaluationPeriods,
      threshold: spec.threshold,
      comparisonOperator: spec.comparison ?? 'GreaterThanOrEqualToThreshold',
      treatMissingData: spec.treatMissingData ?? 'notBreaching',
      alarmActions: [this.topic.arn],
      okActions: [this.topic.arn],
    });
    this.alarms.push(alarm);
    return alarm;
  }
}
