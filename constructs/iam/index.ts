export * from './policy';
export * from './grants';
