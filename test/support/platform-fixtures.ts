import { Environment } from '../../core/environment';
import { Placement } from '../../constructs/platform-refs';
import { SharedPlatformStack, SharedPlatformStackProps } from '../../stacks/shared-platform-stack';
import { DEV, newApp, PROD, synthJson, TerraformJson } from './synth';

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
  const app = newApp();
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

type Resource = Record<string, unknown> & { '//'?: { metadata?: { path?: string } } };

/** The construct path of a synthesized resource, without the stack name. */
export function pathOf(resource: Resource): string {
  return (resource['//']?.metadata?.path ?? '').split('/').slice(1).join('/');
}

/** The one resource of `type` whose construct path (stack name dropped) equals `path`, with its Terraform key. */
export function resourceAt(json: TerraformJson, type: string, path: string): Resource & { key: string } {
  const hits = Object.entries(json.resource?.[type] ?? {}).filter(([, r]) => pathOf(r as Resource) === path);
  if (hits.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${hits.length}: ${Object.values(json.resource?.[type] ?? {}).map((r) => pathOf(r as Resource)).join(', ')}`);
  const [key, resource] = hits[0]!;
  return { ...(resource as Resource), key };
}

/** `${type.key.attr}`: how Terraform JSON refers to another resource's attribute. */
export function ref(type: string, key: string, attr = 'id'): string {
  return `\${${type}.${key}.${attr}}`;
}

/** Runs `fn` and returns the TenantformError code it throws (or fails the test). */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? `not a coded error: ${(e as Error).message}`;
  }
  throw new Error('expected a coded error, nothing was thrown');
}
