export * from './schema';
export { validateProps, propsError } from './validate-props';
export { issueToError, formatPath, ReportOptions, UnknownKeyHook } from './report';
export { EnvironmentSchema } from './environment.schema';
export { guardArns } from './arn-guard';
