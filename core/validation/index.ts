export * from './schema';
export { validateProps, propsError } from './validate-props';
export { describeIssue, issueToError, formatPath, pathOf, ReportOptions, UnknownKeyHook } from './report';
export { EnvironmentSchema } from './environment.schema';
export { guardArns } from './arn-guard';
export { withDefaults } from './defaults';
