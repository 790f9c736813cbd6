export { DeliveryPipeline, DeliveryPipelineProps, DeployTarget, PipelineBuildspecs, PipelineSource } from './delivery-pipeline';
