export * from './alarm-topic';
export * from './alarms';
