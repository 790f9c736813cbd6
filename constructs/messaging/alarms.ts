/**
 * Ready-made alarm specs for the services the data platform watches, to pass
 * to `AlarmTopic.addAlarm`. Thresholds follow AWS's recommended alarms for
 * each service; override a field by spreading: `{ ...spec, threshold: 90 }`.
 */
import type { AlarmSpec } from './alarm-topic';

/** Aurora Serverless v2: CPU and capacity near the ceiling, so max ACUs can be raised before queries queue. */
export function auroraAlarms(clusterIdentifier: string, label = 'aurora'): AlarmSpec[] {
  const dimensions = { DBClusterIdentifier: clusterIdentifier };
  return [
    { id: `${label}-cpu`, description: 'Aurora CPU above 80% for 15 minutes: raise max capacity or find the expensive queries', namespace: 'AWS/RDS', metricName: 'CPUUtilization', dimensions, statistic: 'Average', threshold: 80, evaluationPeriods: 3 },
    { id: `${label}-acu`, description: 'Aurora Serverless at over 90% of its max ACUs for 15 minutes: raise maxCapacityAcu', namespace: 'AWS/RDS', metricName: 'ACUUtilization', dimensions, statistic: 'Average', threshold: 90, evaluationPeriods: 3 },
  ];
}

/** OpenSearch: red cluster, blocked writes, low storage, JVM pressure (AWS/ES metrics carry the account ID as ClientId). */
export function openSearchAlarms(domainName: string, accountId: string, label = 'search'): AlarmSpec[] {
  const dimensions = { DomainName: domainName, ClientId: accountId };
  return [
    { id: `${label}-red`, description: 'OpenSearch cluster status red: at least one primary shard is unassigned', namespace: 'AWS/ES', metricName: 'ClusterStatus.red', dimensions, statistic: 'Maximum', periodSeconds: 60, threshold: 1 },
    { id: `${label}-writes-blocked`, description: 'OpenSearch blocks writes (storage or memory pressure)', namespace: 'AWS/ES', metricName: 'ClusterIndexWritesBlocked', dimensions, statistic: 'Maximum', periodSeconds: 300, threshold: 1 },
    { id: `${label}-storage`, description: 'OpenSearch node free storage under 20 GiB: grow the volumes', namespace: 'AWS/ES', metricName: 'FreeStorageSpace', dimensions, statistic: 'Minimum', periodSeconds: 60, threshold: 20_480, comparison: 'LessThanOrEqualToThreshold', treatMissingData: 'breaching' },
    { id: `${label}-jvm`, description: 'OpenSearch JVM memory pressure above 80% for 15 minutes', namespace: 'AWS/ES', metricName: 'JVMMemoryPressure', dimensions, statistic: 'Maximum', threshold: 80, evaluationPeriods: 3 },
  ];
}

/** API Gateway REST stage: server errors and slow answers. */
export function restApiAlarms(apiName: string, stageName: string, label = 'api'): AlarmSpec[] {
  const dimensions = { ApiName: apiName, Stage: stageName };
  return [
    { id: `${label}-5xx`, description: 'API 5XX errors: the handler or its integration is failing', namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions, threshold: 10 },
    { id: `${label}-latency`, description: 'API average latency above 5 s for 15 minutes', namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions, statistic: 'Average', threshold: 5000, evaluationPeriods: 3 },
  ];
}

/** Lambda: any error or throttle. */
export function functionAlarms(functionName: string, label: string): AlarmSpec[] {
  const dimensions = { FunctionName: functionName };
  return [
    { id: `${label}-errors`, description: `${label}: invocations failed`, namespace: 'AWS/Lambda', metricName: 'Errors', dimensions, threshold: 1 },
    { id: `${label}-throttles`, description: `${label}: invocations throttled (reserved concurrency or account limit)`, namespace: 'AWS/Lambda', metricName: 'Throttles', dimensions, threshold: 1 },
  ];
}

/** SQS: messages waiting too long, and anything in the dead-letter queue. */
export function queueAlarms(queueName: string, deadLetterQueueName: string, label: string): AlarmSpec[] {
  return [
    { id: `${label}-age`, description: `${label}: oldest message waiting over 15 minutes; the consumer is stuck or too slow`, namespace: 'AWS/SQS', metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: queueName }, statistic: 'Maximum', threshold: 900 },
    { id: `${label}-dead-letters`, description: `${label}: messages reached the dead-letter queue`, namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: deadLetterQueueName }, statistic: 'Maximum', threshold: 1 },
  ];
}
