export * from './fargate-service';
export * from './fargate-workload';
export * from './image-repository';
export * from './secure-function';
