import { v } from '../../../core/validation';

/**
 * The part of Kong's declarative configuration (format 3.0, DB-less mode)
 * that the platform generates, written down from Kong's entity reference:
 * services with nested routes, and plugins nested in routes. Fields Kong
 * knows but we never emit are rejected (strict objects), so a typo cannot
 * slip into a config that Kong would then refuse at boot.
 */

/** Kong entity names: letters, digits and `.-_~`. */
const entityName = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[A-Za-z0-9._~-]+$/, 'Kong names allow letters, digits and . - _ ~'));
const tag = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\x21-\x2b\x2d-\x7e]+$/, 'tags are printable ASCII without commas or spaces'));
/** Timeouts are milliseconds, 1 to 2^31 - 2. */
const timeoutMs = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_646));
const port = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535));
const headerName = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'header names are HTTP tokens'),
  v.check((h) => h.toLowerCase() !== 'host', 'match the Host header with `hosts`, not `headers`'),
);
const protocol = v.picklist(['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']);

/** A host in `hosts`: a DNS name, optionally with one wildcard at either end. */
const routeHost = v.pipe(v.string(), v.regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(\.\*)?(:\d+)?$/));

export const kongPluginSchema = v.strictObject({
  name: entityName,
  enabled: v.optional(v.boolean()),
  protocols: v.optional(v.array(protocol)),
  config: v.optional(v.record(v.string(), v.unknown())),
  tags: v.optional(v.array(tag)),
});

export const kongRouteSchema = v.pipe(
  v.strictObject({
    name: entityName,
    protocols: v.optional(v.pipe(v.array(protocol), v.minLength(1))),
    methods: v.optional(v.array(v.pipe(v.string(), v.regex(/^[A-Z]+$/)))),
    hosts: v.optional(v.array(routeHost)),
    paths: v.optional(v.array(v.pipe(v.string(), v.check((p) => p.startsWith('/') || p.startsWith('~/'), 'paths start with / or ~/')))),
    headers: v.optional(v.record(headerName, v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1)))),
    https_redirect_status_code: v.optional(v.picklist([426, 301, 302, 307, 308])),
    regex_priority: v.optional(v.pipe(v.number(), v.integer())),
    strip_path: v.optional(v.boolean()),
    preserve_host: v.optional(v.boolean()),
    request_buffering: v.optional(v.boolean()),
    response_buffering: v.optional(v.boolean()),
    tags: v.optional(v.array(tag)),
    plugins: v.optional(v.array(kongPluginSchema)),
  }),
  // An HTTP route must say what it matches; Kong refuses one that matches nothing in particular.
  v.check(
    (r) => (r.methods?.length ?? 0) + (r.hosts?.length ?? 0) + (r.paths?.length ?? 0) + Object.keys(r.headers ?? {}).length > 0,
    'an http(s) route needs at least one of methods, hosts, paths or headers',
  ),
);

export const kongServiceSchema = v.strictObject({
  name: entityName,
  protocol,
  host: v.pipe(v.string(), v.minLength(1), v.maxLength(253)),
  port,
  path: v.optional(v.pipe(v.string(), v.startsWith('/'))),
  retries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(32_767))),
  connect_timeout: v.optional(timeoutMs),
  read_timeout: v.optional(timeoutMs),
  write_timeout: v.optional(timeoutMs),
  tls_verify: v.optional(v.boolean()),
  tls_verify_depth: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(64)))),
  enabled: v.optional(v.boolean()),
  tags: v.optional(v.array(tag)),
  routes: v.optional(v.array(kongRouteSchema)),
  plugins: v.optional(v.array(kongPluginSchema)),
});

/** Kong keys entities by name across the whole file: two services or two routes with one name fail the load. */
function firstDuplicate(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return n;
    seen.add(n);
  }
  return undefined;
}

export const kongDeclarativeConfigSchema = v.pipe(
  v.strictObject({
    _format_version: v.literal('3.0'),
    _transform: v.optional(v.boolean()),
    _comment: v.optional(v.string()),
    services: v.array(kongServiceSchema),
    plugins: v.optional(v.array(kongPluginSchema)),
  }),
  v.check((config) => firstDuplicate(config.services.map((s) => s.name)) === undefined, 'a service name is used twice'),
  v.check((config) => firstDuplicate(config.services.flatMap((s) => (s.routes ?? []).map((r) => r.name))) === undefined, 'a route name is used twice'),
);

export type KongDeclarativeConfig = v.InferOutput<typeof kongDeclarativeConfigSchema>;
export type KongService = v.InferOutput<typeof kongServiceSchema>;
export type KongRoute = v.InferOutput<typeof kongRouteSchema>;
