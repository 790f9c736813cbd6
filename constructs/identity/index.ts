export * from './policy';
export * from './arn';
export * from './grants';
