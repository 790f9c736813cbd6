export { planWaves } from './plan-waves';
export type { DeployWaves, DependentsMode, PlanWavesOptions } from './plan-waves';
