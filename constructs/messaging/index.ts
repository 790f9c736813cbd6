export * from './alarm-topic';
export * from './alarms';
export * from './encrypted-queue';
