import { Token } from '../../../../core/cdktf';
import {
  kongConfigString,
  kongDeclarativeConfig,
  MAX_KONG_CONFIG_BYTES,
  TENANT_HOST_HEADER,
  validateKongConfig,
} from '../../../../constructs/platform/routing/kong-config';
import { kongDeclarativeConfigSchema } from '../../../../constructs/platform/routing/kong-schema';
import { v } from '../../../../core/validation';
import { errorCode } from '../../../support/platform-fixtures';

// Mutations poke at arbitrary JSON paths; a loose type keeps them readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ALBS = ['internal-tf-prod-alb-0-1.eu-west-1.elb.amazonaws.com', 'internal-tf-prod-alb-1-2.eu-west-1.elb.amazonaws.com'];
const PLACEMENTS = [
  { id: 'globex', alb: 1, priority: 1 },
  { id: 'acme', alb: 0, priority: 1 },
  { id: 'initech', alb: 0, priority: 2 },
];

describe('kongDeclarativeConfig', () => {
  const config = kongDeclarativeConfig({ domain: 'aito.app', placements: PLACEMENTS, albDnsNames: ALBS });

  it('produces format 3.0 with one HTTPS service per ALB', () => {
    expect(config._format_version).toBe('3.0');
    expect(config.services.map((s) => [s.name, s.protocol, s.host, s.port, s.tls_verify])).toEqual([
      ['alb-0', 'https', ALBS[0], 443, true],
      ['alb-1', 'https', ALBS[1], 443, true],
    ]);
  });

  it('routes each tenant host to its ALB and restores the Host header', () => {
    expect(config.services[0]!.routes).toEqual([
      {
        name: 'tenant-acme',
        protocols: ['http', 'https'],
        headers: { 'x-tenantform-host': ['acme.aito.app'] },
        strip_path: false,
        preserve_host: false,
        tags: ['tenantform', 'tenant:acme'],
        plugins: [{ name: 'request-transformer', config: { replace: { headers: ['host:acme.aito.app'] } } }],
      },
      expect.objectContaining({ name: 'tenant-initech', headers: { 'x-tenantform-host': ['initech.aito.app'] } }),
    ]);
    expect(config.services[1]!.routes!.map((r) => r.name)).toEqual(['tenant-globex']);
    expect(TENANT_HOST_HEADER.toLowerCase()).toBe('x-tenantform-host');
  });

  it('depends on the set of placements, not their order', () => {
    const reversed = kongDeclarativeConfig({ domain: 'aito.app', placements: [...PLACEMENTS].reverse(), albDnsNames: ALBS });
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(config));
  });

  it('adding a tenant leaves every other route unchanged', () => {
    const more = kongDeclarativeConfig({ domain: 'aito.app', placements: [...PLACEMENTS, { id: 'hooli', alb: 1, priority: 2 }], albDnsNames: ALBS });
    expect(more.services[0]).toEqual(config.services[0]);
    expect(more.services[1]!.routes!.filter((r) => r.name !== 'tenant-hooli')).toEqual(config.services[1]!.routes);
  });

  it('gives empty pools services without routes', () => {
    const empty = kongDeclarativeConfig({ domain: 'aito.app', placements: [], albDnsNames: ALBS });
    expect(empty.services.map((s) => s.routes)).toEqual([[], []]);
  });

  it('accepts unresolved tokens as ALB hosts', () => {
    const token = Token.asString({ resolve: () => 'x' });
    expect(kongDeclarativeConfig({ domain: 'aito.app', placements: [], albDnsNames: [token] }).services[0]!.host).toBe(token);
  });

  it('rejects bad inputs with the platform codes', () => {
    expect(errorCode(() => kongDeclarativeConfig({ domain: 'AITO', placements: [], albDnsNames: ALBS }))).toBe('TF-PLT-001');
    expect(errorCode(() => kongDeclarativeConfig({ domain: 'aito.app', placements: [], albDnsNames: [] }))).toBe('TF-PLT-004');
    expect(errorCode(() => kongDeclarativeConfig({ domain: 'aito.app', placements: [{ id: 'a', alb: 2, priority: 1 }], albDnsNames: ALBS }))).toBe('TF-PLT-005');
    expect(errorCode(() => kongDeclarativeConfig({ domain: 'aito.app', placements: PLACEMENTS, albDnsNames: ALBS, rulesPerAlb: 1 }))).toBe('TF-PLT-006');
  });
});

describe('Kong declarative schema', () => {
  const valid = kongDeclarativeConfig({ domain: 'aito.app', placements: PLACEMENTS, albDnsNames: ALBS });

  it('accepts the generated config', () => {
    expect(v.safeParse(kongDeclarativeConfigSchema, valid).success).toBe(true);
  });

  const mutate = (f: (c: Json) => void): unknown => {
    const copy = JSON.parse(JSON.stringify(valid));
    f(copy);
    return copy;
  };

  it.each([
    ['missing _format_version', (c: Json) => delete c._format_version],
    ['format version 2.1', (c: Json) => (c._format_version = '2.1')],
    ['unknown top-level key', (c: Json) => (c.upstream = [])],
    ['unknown service protocol', (c: Json) => (c.services[0].protocol = 'gopher')],
    ['port out of range', (c: Json) => (c.services[0].port = 70_000)],
    ['timeout of zero', (c: Json) => (c.services[0].read_timeout = 0)],
    ['unknown route protocol', (c: Json) => (c.services[0].routes[0].protocols = ['gruber'])],
    ['route that matches nothing', (c: Json) => delete c.services[0].routes[0].headers],
    ['Host in headers', (c: Json) => (c.services[0].routes[0].headers = { Host: ['a.aito.app'] })],
    ['duplicate route names', (c: Json) => (c.services[0].routes[1].name = 'tenant-acme')],
    ['duplicate service names', (c: Json) => (c.services[1].name = 'alb-0')],
    ['bad entity name', (c: Json) => (c.services[0].name = 'alb 0')],
    ['unknown route field', (c: Json) => (c.services[0].routes[0].host = 'x')],
    ['bad redirect code', (c: Json) => (c.services[0].routes[0].https_redirect_status_code = 303)],
    ['tag with a comma', (c: Json) => (c.services[0].tags = ['a,b'])],
  ])('rejects %s', (_why, f) => {
    expect(v.safeParse(kongDeclarativeConfigSchema, mutate(f)).success).toBe(false);
    expect(errorCode(() => validateKongConfig(mutate(f), 'test'))).toBe('TF-PLT-012');
  });

  it('rejects a literal service host that is not a DNS name with TF-PLT-012', () => {
    expect(errorCode(() => validateKongConfig(mutate((c: Json) => (c.services[0].host = 'not a host')), 'test'))).toBe('TF-PLT-012');
  });
});

describe('kongConfigString', () => {
  it('is compact JSON that parses back to the config', () => {
    const config = kongDeclarativeConfig({ domain: 'aito.app', placements: PLACEMENTS, albDnsNames: ALBS });
    const text = kongConfigString(config, 'test');
    expect(JSON.parse(text)).toEqual(config);
    expect(text).not.toContain('\n');
  });

  it('fails with TF-PLT-011 once the config outgrows an environment variable', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `tenant-with-a-long-name-${String(i).padStart(4, '0')}`);
    const many = ids.map((id, i) => ({ id, alb: i % 2, priority: Math.floor(i / 2) + 1 }));
    const config = kongDeclarativeConfig({ domain: 'aito.app', placements: many, albDnsNames: ALBS, rulesPerAlb: 1000 });
    expect(Buffer.byteLength(JSON.stringify(config))).toBeGreaterThan(MAX_KONG_CONFIG_BYTES);
    expect(errorCode(() => kongConfigString(config, 'test'))).toBe('TF-PLT-011');
  });
});
