export * from './policy';
export * from './grants';
export { PolicyStatementSchema } from './policy.schema';
