import { App } from 'tenantform/stacks';
import { DataPlatformConfig, DEFAULT_CONFIG } from './config';
import { DeploymentStack } from './deployment';
import { LinkedEnvironmentStack } from './linked';
import { ToolingStack } from './tooling';

/** The data platform's stacks, one per account. */
export function buildDataPlatform(app: App, overrides: Partial<DataPlatformConfig> = {}): { tooling: ToolingStack; deployment: DeploymentStack; linked: LinkedEnvironmentStack } {
  const config = { ...DEFAULT_CONFIG, ...overrides };
  return { tooling: new ToolingStack(app, config), deployment: new DeploymentStack(app, config), linked: new LinkedEnvironmentStack(app, config) };
}
