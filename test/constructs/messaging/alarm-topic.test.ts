import { AlarmTopic, AlarmTopicProps } from '../../../constructs/messaging/alarm-topic';
import { auroraAlarms, functionAlarms, openSearchAlarms, queueAlarms, restApiAlarms } from '../../../constructs/messaging/alarms';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, ref, resourceAt } from '../../support/platform-fixtures';
import { resourcesOf } from '../../support/synth';

function topic(overrides: Partial<AlarmTopicProps> = {}, more?: (t: AlarmTopic) => void) {
  return buildIn((stack) => {
    const t = new AlarmTopic(stack, 'alarms', { topicName: 'platform', emailSubscribers: ['oncall@example.com'], ...overrides });
    more?.(t);
    return t;
  });
}

describe('AlarmTopic', () => {
  const { json, stack } = topic({}, (t) => {
    for (const spec of [...auroraAlarms('tf-dev-meta'), ...openSearchAlarms('tf-dev-catalog', '222222222222'), ...restApiAlarms('tf-dev-api', 'v1'), ...functionAlarms('tf-dev-worker', 'worker'), ...queueAlarms('q.fifo', 'dlq.fifo', 'tasks')]) t.addAlarm(spec);
  });
  const snsTopic = resourceAt(json, 'aws_sns_topic', 'alarms/topic');
  const topicArn = ref('aws_sns_topic', snsTopic.key, 'arn');

  it('encrypts the topic under its own rotating key that CloudWatch and SNS of this account may use', () => {
    const key = resourceAt(json, 'aws_kms_key', 'alarms/key');
    expect(key.enable_key_rotation).toBe(true);
    expect(snsTopic.kms_master_key_id).toBe(ref('aws_kms_key', key.key, 'arn'));
    const statements = JSON.parse(key.policy as string).Statement;
    expect(statements.map((s: { Sid: string }) => s.Sid)).toEqual(['AccountAdministersKey', 'CloudWatchAlarmsPublish', 'SnsDelivers']);
    expect(statements[1].Condition.StringEquals).toEqual({ 'aws:SourceAccount': '222222222222' });
  });

  it('refuses plain-HTTP publish and subscribe, and lets only this account\'s alarms publish', () => {
    const policy = JSON.parse(resourceAt(json, 'aws_sns_topic_policy', 'alarms/topic-policy').policy as string);
    expect(policy.Statement[0]).toEqual({ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: ['sns:Publish', 'sns:Subscribe'], Resource: topicArn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(policy.Statement[1]).toMatchObject({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:222222222222:alarm:*' } } });
  });

  it('subscribes operators by email', () => {
    expect(resourceAt(json, 'aws_sns_topic_subscription', 'alarms/subscriber-oncall@example.com')).toMatchObject({ protocol: 'email', endpoint: 'oncall@example.com', topic_arn: topicArn });
  });

  it('wires every alarm to the topic for alarm and OK, named after the topic', () => {
    const alarms = Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm'));
    expect(alarms).toHaveLength(12);
    for (const a of alarms) expect(a).toMatchObject({ alarm_actions: [topicArn], ok_actions: [topicArn] });
    expect(resourceAt(json, 'aws_cloudwatch_metric_alarm', 'alarms/alarm-search-red')).toMatchObject({ alarm_name: 'tf-dev-platform-alarms-search-red', namespace: 'AWS/ES', dimensions: { DomainName: 'tf-dev-catalog', ClientId: '222222222222' }, threshold: 1 });
    expect(resourceAt(json, 'aws_cloudwatch_metric_alarm', 'alarms/alarm-aurora-acu')).toMatchObject({ metric_name: 'ACUUtilization', evaluation_periods: 3, statistic: 'Average' });
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('rejects bad names, subscribers, alarm IDs and periods with their codes', () => {
    expect(errorCode(() => topic({ topicName: 'Platform' }))).toBe('TF-MSG-001');
    expect(errorCode(() => topic({ emailSubscribers: ['not-an-email'] }))).toBe('TF-MSG-002');
    const base = { description: 'x', namespace: 'AWS/Lambda', metricName: 'Errors', threshold: 1 };
    expect(errorCode(() => topic({}, (t) => { t.addAlarm({ ...base, id: 'a' }); t.addAlarm({ ...base, id: 'a' }); }))).toBe('TF-MSG-003');
    expect(errorCode(() => topic({}, (t) => t.addAlarm({ ...base, id: 'a', periodSeconds: 45 })))).toBe('TF-MSG-004');
    expect(errorCode(() => topic({}, (t) => t.addAlarm({ ...base, id: 'a', threshold: NaN })))).toBe('TF-PRP-003');
  });
});
