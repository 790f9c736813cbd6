/**
 * A generator of syntactic forms: one resource whose decisive argument is
 * secure or insecure, written in a random form Terraform accepts. Object or
 * array at the `resource`, type and body levels; repeated keys (JSON.parse
 * keeps only the last); the resource in an extra file; its value as a
 * literal, through a local, a chain of locals or a string template of a
 * literal local; and overrides (in lexical-order files) that rewrite the
 * argument or the local, earlier ones with random values, the one Terraform
 * applies last with the value the module is meant to have.
 */
import fc from 'fast-check';
import { ModuleFiles } from './red-team-case';
import { ref, skeleton } from './module';
import { entries, jsonText } from './json-text';

export type Kind = 'kms' | 'ssh' | 'ebs';
type Level = 'object' | 'array' | 'repeated';
type Route = 'literal' | 'local' | 'chain' | 'template';

export interface OverrideStep {
  readonly file: string;
  /** What the override rewrites: the resource argument (with a literal) or the local holding the literal. */
  readonly target: 'argument' | 'local';
  readonly form: 'object' | 'array';
  /** Whether this step writes the secure value (ignored for the decisive step). */
  readonly secure: boolean;
}

export interface FormChoice {
  readonly kind: Kind;
  readonly resourceKey: Level;
  readonly typeLevel: Level;
  readonly body: 'object' | 'array';
  readonly route: Route;
  readonly resourceFile: 'main.tf.json' | 'a.tf.json' | 'resources.tf.json' | 'z.tf.json';
  readonly localsFile: 'main.tf.json' | 'locals.tf.json';
  readonly localsForm: 'object' | 'array';
  readonly decoyFirst: boolean;
  readonly baseSecure: boolean;
  readonly overrides: readonly OverrideStep[];
}

interface KindSpec {
  readonly type: string;
  readonly attr: string;
  readonly rules: readonly string[];
  readonly value: (secure: boolean) => unknown;
  /** The body around the decisive argument. */
  readonly body: Record<string, unknown>;
  /** Resources the body needs (a group for a rule, a key for a volume), always secure, always in main.tf.json. */
  readonly helpers: ReadonlyArray<readonly [string, unknown]>;
  /** A string template of literal locals, for kinds whose value is a string: the locals and the template. */
  readonly template?: { readonly locals: (secure: boolean) => Array<readonly [string, unknown]>; readonly text: string };
}

const KINDS: Readonly<Record<Kind, KindSpec>> = {
  kms: { type: 'aws_kms_key', attr: 'enable_key_rotation', rules: ['TF-ENC-13'], value: (s) => s, body: { description: 'generated key' }, helpers: [] },
  ssh: {
    type: 'aws_vpc_security_group_ingress_rule',
    attr: 'cidr_ipv4',
    rules: ['TF-NET-2'],
    value: (s) => (s ? '10.0.0.0/8' : '0.0.0.0/0'),
    body: { security_group_id: ref('aws_security_group.g.id'), from_port: 22, to_port: 22, ip_protocol: 'tcp', description: 'ssh' },
    helpers: [['aws_security_group', { g: { name: 'generated', description: 'generated group' } }]],
    template: { locals: (s) => [['net', s ? '10.0.0.0' : '0.0.0.0'], ['bits', s ? '8' : '0']], text: `${ref('local.net')}/${ref('local.bits')}` },
  },
  ebs: {
    type: 'aws_ebs_volume',
    attr: 'encrypted',
    rules: ['TF-ENC-1'],
    value: (s) => s,
    body: { availability_zone: 'eu-west-1a', size: 8, kms_key_id: ref('aws_kms_key.ebs.arn') },
    helpers: [['aws_kms_key', { ebs: { enable_key_rotation: true, description: 'helper key' } }]],
  },
};

/** The rules that must not pass the insecure variant of a kind. */
export function rulesOf(kind: Kind): readonly string[] {
  return KINDS[kind].rules;
}

const OVERRIDE_FILES = ['a_override.tf.json', 'm_override.tf.json', 'override.tf.json', 'net_override.tf.json', 'z_override.tf.json'];

/** Random form choices; `route: 'template'` only for kinds with a string value. */
export const formChoice: fc.Arbitrary<FormChoice> = fc
  .record({
    kind: fc.constantFrom<Kind>('kms', 'ssh', 'ebs'),
    resourceKey: fc.constantFrom<Level>('object', 'array', 'repeated'),
    typeLevel: fc.constantFrom<Level>('object', 'array', 'repeated'),
    body: fc.constantFrom<'object' | 'array'>('object', 'array'),
    route: fc.constantFrom<Route>('literal', 'local', 'chain', 'template'),
    resourceFile: fc.constantFrom<FormChoice['resourceFile']>('main.tf.json', 'a.tf.json', 'resources.tf.json', 'z.tf.json'),
    localsFile: fc.constantFrom<FormChoice['localsFile']>('main.tf.json', 'locals.tf.json'),
    localsForm: fc.constantFrom<'object' | 'array'>('object', 'array'),
    decoyFirst: fc.boolean(),
    baseSecure: fc.boolean(),
    overrideFiles: fc.uniqueArray(fc.constantFrom(...OVERRIDE_FILES), { maxLength: 3 }),
    steps: fc.array(fc.record({ target: fc.constantFrom<'argument' | 'local'>('argument', 'local'), form: fc.constantFrom<'object' | 'array'>('object', 'array'), secure: fc.boolean() }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ overrideFiles, steps, ...rest }): FormChoice => {
    const route: Route = rest.route === 'template' && KINDS[rest.kind].template === undefined ? 'local' : rest.route;
    // Terraform applies override files in lexical order of their names.
    const overrides = [...overrideFiles].sort().map((file, i) => ({ ...steps[i]!, file, target: route === 'literal' ? ('argument' as const) : steps[i]!.target }));
    return { ...rest, route, overrides };
  });

/** A short, stable description of a choice: equal strings are the same form. */
export function formSignature(c: FormChoice): string {
  const o = c.overrides.map((s) => `${s.file.replace('.tf.json', '')}:${s.target}:${s.form}`).join(',');
  const locals = c.route === 'literal' ? '' : `locals=${c.localsFile}/${c.localsForm}`;
  return [c.kind, `res=${c.resourceKey}`, `type=${c.typeLevel}`, `body=${c.body}`, `via=${c.route}`, `in=${c.resourceFile}`, locals, `decoy=${c.decoyFirst ? 'first' : 'last'}`, `ovr=[${o}]`].filter(Boolean).join(' ');
}

/** Which write decides the value Terraform ends with: the last argument write, or (when that is the base reference to a local) the last local write. */
function decisiveStep(c: FormChoice): number | 'base' {
  const targets = c.overrides.map((s) => s.target);
  const lastArgument = targets.lastIndexOf('argument');
  if (lastArgument >= 0) return lastArgument;
  const lastLocal = c.route === 'literal' ? -1 : targets.lastIndexOf('local');
  return lastLocal >= 0 ? lastLocal : 'base';
}

/** The locals that hold the literal of a route, for a secure or insecure value. */
function literalLocals(spec: KindSpec, route: Route, secure: boolean): Array<readonly [string, unknown]> {
  if (route === 'template') return spec.template!.locals(secure);
  return [[route === 'chain' ? 'w' : 'v', spec.value(secure)]];
}

/** The module folder for choice `c`, its decisive argument ending secure or not. */
export function moduleOf(c: FormChoice, secure: boolean): ModuleFiles {
  const spec = KINDS[c.kind];
  const decisive = decisiveStep(c);
  const baseSecure = decisive === 'base' ? secure : c.baseSecure;

  const locals: Array<readonly [string, unknown]> = [];
  let argument: unknown = spec.value(baseSecure);
  if (c.route !== 'literal') {
    if (c.route === 'chain') locals.push(['v', ref('local.w')]);
    locals.push(...literalLocals(spec, c.route, baseSecure));
    argument = c.route === 'template' ? spec.template!.text : ref('local.v');
  }

  const files: Record<string, string> = {};
  c.overrides.forEach((step, i) => {
    const s = decisive === i ? secure : step.secure;
    let content: unknown;
    if (step.target === 'argument') {
      const body = { [spec.attr]: spec.value(s) };
      content = step.form === 'object' ? { resource: { [spec.type]: { r: body } } } : { resource: [{ [spec.type]: [{ r: [body] }] }] };
    } else {
      const values = literalLocals(spec, c.route, s);
      content = { locals: step.form === 'object' ? Object.fromEntries(values) : values.map(([k, v]) => ({ [k]: v })) };
    }
    files[step.file] = jsonText(content);
  });

  const body = { ...spec.body, [spec.attr]: argument };
  const target: readonly [string, unknown] = ['r', c.body === 'object' ? body : [body]];
  const decoy: readonly [string, unknown] = ['decoy', { ...spec.body, [spec.attr]: spec.value(true) }];
  const types = typeEntries(c.typeLevel, spec.type, target, decoy, c.decoyFirst);

  const { terraform, provider } = skeleton();
  const main: Array<readonly [string, unknown]> = [['terraform', terraform], ['provider', provider]];
  const localsValue = c.localsForm === 'object' ? entries(...locals) : locals.map((l) => entries(l));
  if (locals.length > 0 && c.localsFile === 'main.tf.json') main.push(['locals', localsValue]);
  if (locals.length > 0 && c.localsFile === 'locals.tf.json') files['locals.tf.json'] = jsonText({ locals: localsValue });
  if (c.resourceFile === 'main.tf.json') {
    main.push(...resourceKeys(c.resourceKey, types, spec.helpers, c.decoyFirst));
  } else {
    if (spec.helpers.length > 0) main.push(['resource', entries(...spec.helpers)]);
    files[c.resourceFile] = jsonText(entries(...resourceKeys(c.resourceKey, types, [], c.decoyFirst)));
  }
  files['main.tf.json'] = jsonText(entries(...main));
  return files;
}

/**
 * The type entries of the resource object: the type key with the target and a secure decoy of the
 * same type, as an object, an array of objects, or the type key written twice (JSON.parse keeps the second).
 */
function typeEntries(level: Level, type: string, target: readonly [string, unknown], decoy: readonly [string, unknown], decoyFirst: boolean): Array<readonly [string, unknown]> {
  const names = decoyFirst ? [decoy, target] : [target, decoy];
  if (level === 'object') return [[type, entries(...names)]];
  if (level === 'array') return [[type, names.map((n) => entries(n))]];
  return names.map((n) => [type, entries(n)] as const);
}

/** The root `resource` key(s): one object, one array of objects, or the `resource` key written twice. */
function resourceKeys(level: Level, types: ReadonlyArray<readonly [string, unknown]>, helpers: ReadonlyArray<readonly [string, unknown]>, decoyFirst: boolean): Array<readonly [string, unknown]> {
  if (level === 'object') return [['resource', entries(...helpers, ...types)]];
  if (level === 'array') return [['resource', [...helpers, ...types].map((t) => entries(t))]];
  const other = helpers.length > 0 ? helpers : [['aws_kms_key', { decoy_root: { enable_key_rotation: true, description: 'decoy' } }] as const];
  const own: readonly [string, unknown] = ['resource', entries(...types)];
  const second: readonly [string, unknown] = ['resource', entries(...other)];
  return decoyFirst ? [second, own] : [own, second];
}
