import { Token } from '../../../core/cdktf';
import { TenantformError } from '../../../core/errors';
import { Placement } from '../../platform-refs';
import { validateAlbCount, validatePlacements, DEFAULT_RULES_PER_ALB } from '../alb-pool/quotas';
import { validateDomainName } from '../edge/domain-names';
import { KongDeclarativeConfig, kongDeclarativeConfigSchema, KongRoute, KongService } from './kong-schema';
import { pathOf, v } from '../../../core/validation';

/**
 * API Gateway overwrites the Host header on the way to a VPC-link integration,
 * so the REST API copies the client's Host into this header and Kong routes
 * on it. Kong then restores Host for the ALB, whose listener rules match
 * `<tenant>.<domain>`.
 */
export const TENANT_HOST_HEADER = 'X-Tenantform-Host';

/**
 * Kong's DB-less config travels in a container environment variable; a task
 * definition may be at most 64 KiB in all, so the config keeps a margin.
 */
export const MAX_KONG_CONFIG_BYTES = 48 * 1024;

export interface KongConfigInput {
  /** Apex domain; a tenant is served at `<tenant>.<domain>`. */
  readonly domain: string;
  /** Tenant placements (tenant ID to ALB index). */
  readonly placements: readonly Placement[];
  /** DNS names of the ALBs, by pool index (literals or cdktf tokens). */
  readonly albDnsNames: readonly string[];
  /**
   * Listener-rule quota per ALB, checked against the placements.
   * @default 100
   */
  readonly rulesPerAlb?: number;
  /**
   * Upstream read and write timeout in milliseconds; API Gateway gives up after 29 s anyway.
   * @default 29000
   */
  readonly upstreamTimeoutMs?: number;
}

/** Pool services are named by index, so adding an ALB never renames another. */
export function albServiceName(index: number): string {
  return `alb-${index}`;
}

/**
 * Kong's declarative configuration for the routing tier: one service per ALB
 * (HTTPS to its DNS name, certificate verified) and one route per tenant that
 * matches the tenant host in {@link TENANT_HOST_HEADER} and sends the request
 * to the tenant's ALB with Host set back to `<tenant>.<domain>`.
 *
 * Entries are sorted by tenant ID, so the output depends only on the set of
 * placements and not on their order. The result is validated against the
 * Kong schema before it is returned.
 */
export function kongDeclarativeConfig(input: KongConfigInput, where = 'kongDeclarativeConfig'): KongDeclarativeConfig {
  const domain = validateDomainName(input.domain, where);
  const albCount = validateAlbCount(input.albDnsNames.length, where);
  validatePlacements(input.placements, albCount, input.rulesPerAlb ?? DEFAULT_RULES_PER_ALB, where);
  const timeoutMs = input.upstreamTimeoutMs ?? 29_000;
  const services: KongService[] = input.albDnsNames.map((dnsName, index) => {
    const routes: KongRoute[] = input.placements
      .filter((p) => p.alb === index)
      .map((p) => p.id)
      .sort()
      .map((id) => tenantRoute(id, `${id}.${domain}`));
    return {
      name: albServiceName(index),
      protocol: 'https',
      host: dnsName,
      port: 443,
      // The ALB presents the `*.<domain>` certificate; SNI is the restored tenant host, so verification holds.
      tls_verify: true,
      connect_timeout: 5_000,
      read_timeout: timeoutMs,
      write_timeout: timeoutMs,
      // Tenant databases are not idempotent for every call; one retry covers a connection reset only.
      retries: 1,
      tags: ['tenantform', `alb:${index}`],
      routes,
    };
  });
  const config: KongDeclarativeConfig = { _format_version: '3.0', _transform: true, services };
  return validateKongConfig(config, where);
}

function tenantRoute(tenantId: string, host: string): KongRoute {
  return {
    name: `tenant-${tenantId}`,
    protocols: ['http', 'https'],
    headers: { [TENANT_HOST_HEADER.toLowerCase()]: [host] },
    strip_path: false,
    preserve_host: false,
    tags: ['tenantform', `tenant:${tenantId}`],
    plugins: [{ name: 'request-transformer', config: { replace: { headers: [`host:${host}`] } } }],
  };
}

/**
 * Checks a declarative config against the Kong schema. ALB DNS names are
 * cdktf tokens at synth time, so a host that is still a token is accepted and
 * a literal host must be a DNS name.
 */
export function validateKongConfig(config: unknown, where: string): KongDeclarativeConfig {
  const parsed = v.safeParse(kongDeclarativeConfigSchema, config);
  const badHost = parsed.success
    ? parsed.output.services.find((s) => !Token.isUnresolved(s.host) && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(s.host))
    : undefined;
  if (!parsed.success || badHost !== undefined) {
    throw new TenantformError({
      code: 'TF-PLT-012',
      where,
      problem: 'the generated Kong declarative configuration does not match the Kong 3.0 schema.',
      value: parsed.success ? { service: badHost?.name, host: badHost?.host } : parsed.issues.map((i) => `${pathOf(i).join('.')}: ${i.message}`),
      fix: 'this is a tenantform bug if the inputs passed validation; report it with the value above.',
    });
  }
  return parsed.output;
}

/** The config as the compact JSON string Kong reads from `KONG_DECLARATIVE_CONFIG_STRING`, size-checked. */
export function kongConfigString(config: KongDeclarativeConfig, where: string): string {
  const text = JSON.stringify(config);
  // Tokens stand in for ALB DNS names of up to ~80 characters; count them at that length.
  const bytes = Buffer.byteLength(text, 'utf8') + config.services.length * 80;
  if (bytes > MAX_KONG_CONFIG_BYTES) {
    throw new TenantformError({
      code: 'TF-PLT-011',
      where,
      problem: `the Kong configuration (~${bytes} bytes) no longer fits the ${MAX_KONG_CONFIG_BYTES}-byte budget for a container environment variable.`,
      value: bytes,
      fix: 'split tenants across environments, or deliver the config as a file from S3 (an init container) instead of the environment variable.',
    });
  }
  return text;
}
