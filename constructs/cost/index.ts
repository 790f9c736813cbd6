export { CostControls, CostControlsProps, BudgetSpec, CostExportSpec, TagPolicySpec } from './cost-controls';
