export * from './private-rest-api';
