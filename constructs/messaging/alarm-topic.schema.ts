import { dict, int, list, num, oneOf, opt, ref, Schema, str, strict } from '../../core/validation';
import type { AlarmSpec, AlarmTopicProps } from './alarm-topic';

export const AlarmTopicPropsSchema = strict({
  topicName: str(),
  emailSubscribers: opt(list(str())),
}) satisfies Schema<AlarmTopicProps>;

export const AlarmSpecSchema = strict({
  id: str(),
  description: str(),
  namespace: ref(),
  metricName: ref(),
  dimensions: opt(dict(ref())),
  statistic: opt(oneOf(['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount'] as const)),
  periodSeconds: opt(int()),
  threshold: num(),
  comparison: opt(oneOf(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const)),
  evaluationPeriods: opt(int()),
  treatMissingData: opt(oneOf(['breaching', 'notBreaching', 'ignore', 'missing'] as const)),
}) satisfies Schema<AlarmSpec>;
