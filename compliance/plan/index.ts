export { loadPlanStacks, planName } from './load';
export type { PlanInput } from './load';
export { stackFromPlan } from './stack';
export type { PlanStackOptions } from './stack';
export { asPlanDocument } from './document';
export type { PlanDocument } from './document';
