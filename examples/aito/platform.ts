import * as fs from 'fs';
import * as path from 'path';
import { App, Environment, NetworkStack, SharedPlatformStack, SharedPlatformStackProps } from 'tenantform/stacks';

type Placement = NonNullable<SharedPlatformStackProps['placements']>[number];

/** The apex each environment serves tenants under; dev is a subdomain delegated from prod's zone. */
const DOMAINS: Readonly<Record<string, string>> = { prod: 'aito.app', dev: 'dev.aito.app' };

/**
 * Tenant placements from `tenants.lock.json` beside this file, or none yet.
 * The tenant stacks own that file; the platform only reads which tenant sits
 * on which ALB to generate Kong's routes.
 */
export function lockedPlacements(lockPath = path.join(__dirname, 'tenants.lock.json')): Placement[] {
  if (!fs.existsSync(lockPath)) return [];
  const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { placements?: Placement[] };
  return [...(lock.placements ?? [])];
}

/**
 * The shared platform of one environment: `<env>-platform`, on the VPC of
 * `<env>-network` (cdktf wires the cross-stack references as outputs and
 * remote state, so the network keeps its own state and lifecycle).
 */
export function addPlatform(
  app: App,
  environment: Environment,
  network: NetworkStack,
  placements: readonly Placement[] = lockedPlacements(),
): SharedPlatformStack {
  return new SharedPlatformStack(app, `${environment.name}-platform`, {
    environment,
    network: network.network,
    domain: DOMAINS[environment.name] ?? `${environment.name}.aito.app`,
    placements,
    // Both environments keep the default pool of two ALBs, the size the tenant lock places into.
    kong: environment.name === 'prod' ? { minTasks: 3, maxTasks: 12 } : { minTasks: 2, maxTasks: 4 },
  });
}
