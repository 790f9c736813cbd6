import { Testing } from '../../core/cdktf';
import { Environment } from '../../core/environment';
import { Placement } from '../../constructs/platform-refs';
import { SharedPlatformStack, SharedPlatformStackProps } from '../../stacks/shared-platform-stack';
import { PROD, DEV, synthJson, TerraformJson } from './synth';

/** Environments that may use us-east-1 (CloudFront certificate and WAF). */
export const PLATFORM_PROD: Environment = { ...PROD, additionalRegions: ['us-east-1'] };
export const PLATFORM_DEV: Environment = { ...DEV, additionalRegions: ['us-east-1'] };

export const PLACEMENTS: readonly Placement[] = [
  { id: 'acme', alb: 0, priority: 10 },
  { id: 'globex', alb: 1, priority: 10 },
  { id: 'initech', alb: 0, priority: 20 },
];

/** A platform stack with its own VPC, overridable per test. */
export function platformStack(overrides: Partial<SharedPlatformStackProps> = {}): SharedPlatformStack {
  const app = Testing.app();
  return new SharedPlatformStack(app, 'prod-platform', {
    environment: PLATFORM_PROD,
    vpc: { cidrBlock: '10.10.0.0/16' },
    domain: 'aito.app',
    placements: PLACEMENTS,
    ...overrides,
  });
}

const cache = new Map<string, TerraformJson>();
/** Synthesized JSON of the default prod platform (built once per test file). */
export function defaultPlatformJson(): TerraformJson {
  if (!cache.has('default')) cache.set('default', synthJson(platformStack()));
  return cache.get('default')!;
}
