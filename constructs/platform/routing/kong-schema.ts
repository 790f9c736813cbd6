import { z } from 'zod';

/**
 * The part of Kong's declarative configuration (format 3.0, DB-less mode)
 * that the platform generates, written down from Kong's entity reference:
 * services with nested routes, and plugins nested in routes. Fields Kong
 * knows but we never emit are rejected (`strict`), so a typo cannot slip
 * into a config that Kong would then refuse at boot.
 */

/** Kong entity names: letters, digits and `.-_~`. */
const entityName = z.string().min(1).max(128).regex(/^[A-Za-z0-9._~-]+$/, 'Kong names allow letters, digits and . - _ ~');
const tag = z.string().min(1).max(128).regex(/^[\x21-\x2b\x2d-\x7e]+$/, 'tags are printable ASCII without commas or spaces');
/** Timeouts are milliseconds, 1 to 2^31 - 2. */
const timeoutMs = z.number().int().min(1).max(2_147_483_646);
const port = z.number().int().min(0).max(65_535);
const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'header names are HTTP tokens')
  .refine((h) => h.toLowerCase() !== 'host', 'match the Host header with `hosts`, not `headers`');

/** A host in `hosts`: a DNS name, optionally with one wildcard at either end. */
const routeHost = z.string().regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(\.\*)?(:\d+)?$/);

export const kongPluginSchema = z
  .object({
    name: entityName,
    enabled: z.boolean().optional(),
    protocols: z.array(z.enum(['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss'])).optional(),
    config: z.record(z.unknown()).optional(),
    tags: z.array(tag).optional(),
  })
  .strict();

export const kongRouteSchema = z
  .object({
    name: entityName,
    protocols: z.array(z.enum(['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss'])).min(1).optional(),
    methods: z.array(z.string().regex(/^[A-Z]+$/)).optional(),
    hosts: z.array(routeHost).optional(),
    paths: z.array(z.string().startsWith('/').or(z.string().startsWith('~/'))).optional(),
    headers: z.record(headerName, z.array(z.string().min(1)).min(1)).optional(),
    https_redirect_status_code: z.union([z.literal(426), z.literal(301), z.literal(302), z.literal(307), z.literal(308)]).optional(),
    regex_priority: z.number().int().optional(),
    strip_path: z.boolean().optional(),
    preserve_host: z.boolean().optional(),
    request_buffering: z.boolean().optional(),
    response_buffering: z.boolean().optional(),
    tags: z.array(tag).optional(),
    plugins: z.array(kongPluginSchema).optional(),
  })
  .strict()
  // An HTTP route must say what it matches; Kong refuses one that matches nothing in particular.
  .refine((r) => (r.methods?.length ?? 0) + (r.hosts?.length ?? 0) + (r.paths?.length ?? 0) + Object.keys(r.headers ?? {}).length > 0, {
    message: 'an http(s) route needs at least one of methods, hosts, paths or headers',
  });

export const kongServiceSchema = z
  .object({
    name: entityName,
    protocol: z.enum(['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']),
    host: z.string().min(1).max(253),
    port,
    path: z.string().startsWith('/').optional(),
    retries: z.number().int().min(0).max(32_767).optional(),
    connect_timeout: timeoutMs.optional(),
    read_timeout: timeoutMs.optional(),
    write_timeout: timeoutMs.optional(),
    tls_verify: z.boolean().optional(),
    tls_verify_depth: z.number().int().min(0).max(64).nullable().optional(),
    enabled: z.boolean().optional(),
    tags: z.array(tag).optional(),
    routes: z.array(kongRouteSchema).optional(),
    plugins: z.array(kongPluginSchema).optional(),
  })
  .strict();

export const kongDeclarativeConfigSchema = z
  .object({
    _format_version: z.literal('3.0'),
    _transform: z.boolean().optional(),
    _comment: z.string().optional(),
    services: z.array(kongServiceSchema),
    plugins: z.array(kongPluginSchema).optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    // Kong keys entities by name across the whole file: two services or two routes with one name fail the load.
    const unique = (kind: string, names: string[]): void => {
      const seen = new Set<string>();
      for (const n of names) {
        if (seen.has(n)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${kind} name "${n}" is used twice` });
        seen.add(n);
      }
    };
    unique('service', config.services.map((s) => s.name));
    unique('route', config.services.flatMap((s) => (s.routes ?? []).map((r) => r.name)));
  });

export type KongDeclarativeConfig = z.infer<typeof kongDeclarativeConfigSchema>;
export type KongService = z.infer<typeof kongServiceSchema>;
export type KongRoute = z.infer<typeof kongRouteSchema>;
