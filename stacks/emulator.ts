/**
 * Points an app at an AWS emulator (moto's server, LocalStack) so its stacks
 * can be deployed for real in a local test, with `cdktf deploy` or plain
 * Terraform, and never touch AWS.
 *
 * Safe to leave in an app's code behind an explicit switch, and hard to ship
 * by accident:
 * - every service endpoint of the pinned provider is set to the emulator, so
 *   no call can reach AWS, and the credentials are fixed dummies, so real
 *   ones from the environment, a profile or the instance metadata are never
 *   used (or sent anywhere);
 * - state moves to a local folder of its own: a real state bucket is never
 *   read or written, and the environment's local sandbox state is not mixed
 *   with the emulator's;
 * - an AWS hostname as the endpoint, a missing endpoint, or an app with
 *   nothing to point at is refused with a coded error;
 * - every pointed stack says so in its JSON (`"//".tenantform.emulator`) and
 *   carries a synth warning, and a stack added after the call stops synth.
 *
 * What it keeps as synthesized: regions, `allowed_account_ids` (the provider
 * still asks the emulator's STS for its account, so the pin is exercised;
 * serve each account from its own emulator, e.g. moto with MOTO_ACCOUNT_ID),
 * default tags and every resource.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Annotations, App, Construct, LocalBackend, TerraformStack } from '../core/cdktf';
import { AwsProvider, awsProviderEndpointsToTerraform } from '../core/aws-stacks';
import { TenantformError } from '../core/errors';
import { validateProps } from '../core/validation';
import { EmulatorOptionsSchema } from './emulator.schema';
import { LOCAL_STATE_FOLDER } from './tenantform-stack';

export interface EmulatorOptions {
  /**
   * Base URL of the emulator, for example `http://127.0.0.1:5000` (moto) or
   * `http://localhost:4566` (LocalStack). Required: there is no default, so
   * an unset variable cannot silently point somewhere.
   */
  readonly endpoint: string;
  /**
   * Folder for every stack's state while pointed at the emulator, one
   * `<stack>.tfstate` each. Emulators keep nothing across restarts: empty it
   * when the emulator restarts.
   * @default `.tenantform-state/emulator/` beside the app's output folder
   */
  readonly stateDirectory?: string;
}

/** What `pointAtEmulator` changed. */
export interface EmulatorTarget {
  /** The endpoint, normalized (no trailing slash). */
  readonly endpoint: string;
  /** Absolute path of the state folder. */
  readonly stateDirectory: string;
  /** Names of the stacks now pointed at the emulator. */
  readonly stacks: readonly string[];
}

/** Credentials every pointed provider uses: emulators accept any key, AWS accepts none of these. */
export const EMULATOR_CREDENTIALS = { accessKey: 'tenantform-emulator', secretKey: 'tenantform-emulator' } as const;

/** Hostname suffixes of AWS's own API endpoints (commercial, China, GovCloud dual-stack, isolated regions). */
const AWS_HOST_SUFFIXES = ['amazonaws.com', 'amazonaws.com.cn', 'api.aws', 'c2s.ic.gov', 'sc2s.sgov.gov'];

/**
 * Endpoint keys that name the same service as another key, as hashicorp/aws
 * 5.100.0 reports them ("Only one of the following attributes should be
 * set", a warning today and an error in a future release): the key kept,
 * then its aliases, which are left out. The cdktf deploy e2e test fails on
 * that warning, so a provider bump that adds an alias shows up there.
 */
export const ENDPOINT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  amg: ['grafana', 'managedgrafana'],
  amp: ['prometheus', 'prometheusservice'],
  appautoscaling: ['applicationautoscaling'],
  appintegrations: ['appintegrationsservice'],
  appregistry: ['servicecatalogappregistry'],
  beanstalk: ['elasticbeanstalk'],
  ce: ['costexplorer'],
  cloudcontrol: ['cloudcontrolapi'],
  cloudhsm: ['cloudhsmv2'],
  cloudwatchevents: ['eventbridge', 'events'],
  cloudwatchevidently: ['evidently'],
  cloudwatchlog: ['cloudwatchlogs', 'logs'],
  cloudwatchobservabilityaccessmanager: ['oam'],
  cloudwatchrum: ['rum'],
  codedeploy: ['deploy'],
  cognitoidentityprovider: ['cognitoidp'],
  config: ['configservice'],
  costandusagereportservice: ['cur'],
  databasemigration: ['databasemigrationservice', 'dms'],
  databrew: ['gluedatabrew'],
  directoryservice: ['ds'],
  elasticloadbalancing: ['elb'],
  elasticloadbalancingv2: ['elbv2'],
  elasticsearch: ['elasticsearchservice', 'es'],
  inspector2: ['inspectorv2'],
  kafka: ['msk'],
  lex: ['lexmodelbuilding', 'lexmodelbuildingservice', 'lexmodels'],
  lexmodelsv2: ['lexv2models'],
  location: ['locationservice'],
  opensearch: ['opensearchservice'],
  opensearchingestion: ['osis'],
  rbin: ['recyclebin'],
  redshiftdata: ['redshiftdataapiservice'],
  resourcegroupstagging: ['resourcegroupstaggingapi'],
  s3: ['s3api'],
  sdb: ['simpledb'],
  serverlessapplicationrepository: ['serverlessapprepo', 'serverlessrepo'],
  sfn: ['stepfunctions'],
  transcribe: ['transcribeservice'],
};
const ALIAS_KEYS = new Set(Object.values(ENDPOINT_ALIASES).flat());

/** Every service endpoint key of the pinned provider, from its own generated bindings, one per service. */
export const EMULATOR_ENDPOINT_KEYS: readonly string[] = Object.keys(awsProviderEndpointsToTerraform({})).filter((key) => !ALIAS_KEYS.has(key));

/** The endpoint each app was pointed at, so a second call cannot repoint it. */
const pointedApps = new WeakMap<Construct, string>();
const pointedStacks = new WeakSet<TerraformStack>();
const pointedProviders = new WeakSet<AwsProvider>();

/**
 * Points every AWS provider of every stack of `app` at the emulator and moves
 * their state to a local folder. Call it after building every stack and
 * before `app.synth()`; a stack added later stops synth (TF-EMU-004).
 *
 * ```ts
 * const endpoint = process.env.MY_EMULATOR_ENDPOINT;
 * if (endpoint !== undefined) pointAtEmulator(app, { endpoint });
 * app.synth();
 * ```
 */
export function pointAtEmulator(app: App, options: EmulatorOptions): EmulatorTarget {
  const where = 'pointAtEmulator';
  if (!App.isApp(app)) {
    throw new TenantformError({ code: 'TF-EMU-003', where, problem: 'the first argument is not a cdktf App.', value: (app as Construct | undefined)?.node?.path ?? app, fix: 'pass the App that holds every stack: pointAtEmulator(app, { endpoint }).' });
  }
  const endpoint = checkedOptions(options, where);
  const previous = pointedApps.get(app);
  if (previous !== undefined && previous !== endpoint) {
    throw new TenantformError({ code: 'TF-EMU-005', where, problem: `the app is already pointed at ${previous}.`, value: endpoint, fix: 'point an app at one emulator; run one emulator per account and serve each account\'s stacks from a separate app or synth.' });
  }
  const stateDirectory = path.resolve(options.stateDirectory ?? path.join(path.dirname(path.resolve(app.outdir)), LOCAL_STATE_FOLDER, 'emulator'));
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  const providers = stacks.flatMap(awsProvidersOf);
  if (providers.length === 0) {
    throw new TenantformError({ code: 'TF-EMU-003', where, problem: 'the app has no stack with an AWS provider yet.', value: stacks.map((s) => s.node.id), fix: 'build the stacks (or the TenantFleet) first, then call pointAtEmulator just before app.synth().' });
  }
  pointedApps.set(app, endpoint);
  for (const provider of providers) pointProvider(provider, endpoint);
  for (const stack of stacks) pointStack(stack, endpoint, stateDirectory);
  return { endpoint, stateDirectory, stacks: stacks.map((s) => s.node.id) };
}

/** TF-EMU-001, the options' shape, TF-EMU-002 and TF-EMU-006; returns the endpoint, normalized. */
function checkedOptions(options: EmulatorOptions, where: string): string {
  if (options === null || typeof options !== 'object' || options.endpoint === undefined || options.endpoint === '') {
    throw new TenantformError({
      code: 'TF-EMU-001',
      where,
      problem: 'no emulator endpoint was given, so there is nothing safe to point the providers at.',
      value: options === null || typeof options !== 'object' ? options : options.endpoint,
      fix: 'pass the emulator\'s URL, e.g. { endpoint: "http://127.0.0.1:5000" } for moto; call pointAtEmulator only when a test asks for the emulator.',
    });
  }
  const valid = validateProps(EmulatorOptionsSchema, options, where);
  if (valid.stateDirectory !== undefined && valid.stateDirectory.trim() === '') {
    throw new TenantformError({ code: 'TF-EMU-006', where, problem: 'the state directory is empty.', value: valid.stateDirectory, fix: 'name a folder, or leave stateDirectory out for .tenantform-state/emulator/ beside the output folder.' });
  }
  return emulatorEndpoint(valid.endpoint, where);
}

/** The endpoint as a plain http(s) origin that is not AWS; throws TF-EMU-002 otherwise. */
function emulatorEndpoint(raw: string, where: string): string {
  const refuse = (problem: string, fix: string): never => {
    throw new TenantformError({ code: 'TF-EMU-002', where, problem, value: raw, fix });
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('the endpoint is not a URL.', 'pass scheme, host and port, e.g. "http://127.0.0.1:5000".');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(`the endpoint's scheme is ${url.protocol}, not http or https.`, 'pass an http:// or https:// URL.');
  if (url.username !== '' || url.password !== '') refuse('the endpoint carries credentials, which would be written into the synthesized JSON.', 'drop the user and password from the URL.');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    refuse('the endpoint has a path, query or fragment; the provider appends its own paths to a base URL.', `pass the origin only, e.g. "${url.origin}".`);
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (AWS_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    refuse('the endpoint is an AWS API host, and the override exists to keep tests away from AWS.', 'pass the emulator\'s own address; to deploy to AWS, do not call pointAtEmulator at all.');
  }
  return url.origin;
}

function awsProvidersOf(stack: TerraformStack): AwsProvider[] {
  return stack.node.findAll().filter((c): c is AwsProvider => c instanceof AwsProvider);
}

/**
 * The provider arguments every pointed AWS provider gets, in Terraform's own
 * names: the one table both forms (pointAtEmulator, writeEmulatorOverride) apply.
 */
function providerSettings(endpoint: string): Record<string, unknown> {
  return {
    // Fixed dummies: static keys win over any profile, session token or role chain the environment offers.
    access_key: EMULATOR_CREDENTIALS.accessKey,
    secret_key: EMULATOR_CREDENTIALS.secretKey,
    skip_credentials_validation: true,
    skip_metadata_api_check: 'true',
    skip_region_validation: true,
    // Emulators serve buckets by path, not by virtual host.
    s3_use_path_style: true,
    // A few retries ride out connections an emulator drops under load (seen with moto on 2 cores);
    // a call it refuses for good still fails in seconds rather than after the provider's default 25.
    max_retries: 5,
    endpoints: [Object.fromEntries(EMULATOR_ENDPOINT_KEYS.map((key) => [key, endpoint]))],
  };
}

function pointProvider(provider: AwsProvider, endpoint: string): void {
  if (pointedProviders.has(provider)) return;
  pointedProviders.add(provider);
  // Replaced, not merged: an override would append a second endpoints block to one the stack set itself.
  provider.resetEndpoints();
  provider.resetProfile();
  provider.resetToken();
  for (const [key, value] of Object.entries(providerSettings(endpoint))) provider.addOverride(key, value);
}

function pointStack(stack: TerraformStack, endpoint: string, stateDirectory: string): void {
  if (pointedStacks.has(stack)) return;
  pointedStacks.add(stack);
  const id = stack.node.id;
  // One backend per stack: the environment's (S3 or local) gives way to the emulator's own local state.
  for (const child of stack.node.children) {
    if (isBackend(child)) stack.node.tryRemoveChild(child.node.id);
  }
  new LocalBackend(stack, { path: path.join(stateDirectory, `${id}.tfstate`) });
  // Settings a stack added beside its backend (S3-native locking) must not survive the swap.
  stack.addOverride('terraform.backend.s3', undefined);
  stack.addOverride('//.tenantform.emulator', { endpoint, note: 'synthesized for an AWS emulator by pointAtEmulator: never deploy this output to AWS' });
  Annotations.of(stack).addWarning(`${id} is pointed at the emulator at ${endpoint} (pointAtEmulator): never deploy this output to AWS.`);
  stack.node.addValidation({ validate: () => latecomers(stack) });
}

/** Every cdktf backend (S3, local, remote, cloud, ...) can serve remote state; nothing else in a stack can. */
function isBackend(c: Construct): boolean {
  return typeof (c as { getRemoteStateDataSource?: unknown }).getRemoteStateDataSource === 'function';
}

/** Stacks and AWS providers of the app that were added after the call: they would reach AWS. */
function latecomers(stack: TerraformStack): string[] {
  const app = stack.node.root;
  const endpoint = pointedApps.get(app) ?? '';
  const lateStacks = app.node.findAll().filter(TerraformStack.isStack).filter((s) => !pointedStacks.has(s));
  const lateProviders = lateStacks.length > 0 ? [] : awsProvidersOf(stack).filter((p) => !pointedProviders.has(p));
  if (lateStacks.length === 0 && lateProviders.length === 0) return [];
  return [
    new TenantformError({
      code: 'TF-EMU-004',
      where: 'pointAtEmulator',
      problem: `the app was pointed at the emulator at ${endpoint}, then got stacks or AWS providers that are not pointed at it.`,
      value: [...lateStacks.map((s) => s.node.id), ...lateProviders.map((p) => p.node.path)],
      fix: 'call pointAtEmulator after every stack is built, just before app.synth().',
    }).message,
  ];
}

/** The file Terraform merges over a stack's own JSON (any `*_override.tf.json` is merged); the synthesized file stays untouched. */
export const EMULATOR_OVERRIDE_FILE = 'emulator_override.tf.json';

interface StackJsonView {
  readonly provider?: { readonly aws?: readonly Record<string, unknown>[] };
  readonly terraform?: { readonly backend?: Record<string, unknown> };
  readonly data?: { readonly terraform_remote_state?: Record<string, { readonly backend?: string; readonly config?: { readonly path?: string } }> };
}

/**
 * The same override for a stack that was synthesized without pointAtEmulator
 * (an app you cannot change, or Terraform JSON from elsewhere): writes
 * `emulator_override.tf.json` into the stack's folder, and Terraform merges
 * it over the stack's `cdk.tf.json`. State moves to `<stateDirectory>/<stack>.tfstate`,
 * and local cross-stack reads follow it. Returns the file's path.
 *
 * `cdktf synth` and `cdktf deploy` rewrite the output folder and drop the
 * file, so this form is for driving Terraform yourself; with cdktf, use
 * pointAtEmulator. A stack that reads another stack's state from S3 is
 * refused (TF-EMU-007): synthesize it with local state first.
 */
export function writeEmulatorOverride(stackDirectory: string, options: EmulatorOptions): string {
  const where = `writeEmulatorOverride ${stackDirectory}`;
  const endpoint = checkedOptions(options, where);
  const directory = path.resolve(stackDirectory);
  const name = path.basename(directory);
  // cdktf's layout is <outdir>/stacks/<stack>, so the default sits beside the output folder, as pointAtEmulator's does.
  const stateDirectory = path.resolve(options.stateDirectory ?? path.join(path.dirname(path.dirname(path.dirname(directory))), LOCAL_STATE_FOLDER, 'emulator'));
  const stackFile = path.join(directory, 'cdk.tf.json');
  if (!existsSync(stackFile)) {
    throw new TenantformError({ code: 'TF-EMU-003', where, problem: 'the folder holds no synthesized stack (cdk.tf.json).', value: directory, fix: 'synthesize first, and pass <outdir>/stacks/<stack>.' });
  }
  const json = JSON.parse(readFileSync(stackFile, 'utf8')) as StackJsonView;
  const providers = (json.provider?.aws ?? []).map((p) => ({
    ...(p.alias !== undefined ? { alias: p.alias } : {}),
    ...providerSettings(endpoint),
    ...('profile' in p ? { profile: null } : {}),
    ...('token' in p ? { token: null } : {}),
  }));
  if (providers.length === 0) {
    throw new TenantformError({ code: 'TF-EMU-003', where, problem: 'the stack has no AWS provider to point at.', value: name, fix: 'pass the folder of a synthesized stack that uses the AWS provider (<outdir>/stacks/<stack>).' });
  }
  const remoteStates: Record<string, unknown> = {};
  for (const [id, remote] of Object.entries(json.data?.terraform_remote_state ?? {})) {
    if (remote.backend !== 'local' || remote.config?.path === undefined) {
      throw new TenantformError({ code: 'TF-EMU-007', where, problem: `data.terraform_remote_state.${id} reads another stack's state from a "${remote.backend}" backend the override cannot follow.`, value: remote.config, fix: 'synthesize the app with local state, or call pointAtEmulator(app, …) in the app instead.' });
    }
    remoteStates[id] = { backend: 'local', config: { path: path.join(stateDirectory, path.basename(remote.config.path)) } };
  }
  const override = {
    '//': { tenantform: { emulator: { endpoint, note: 'written by writeEmulatorOverride: never deploy this folder to AWS' } } },
    provider: { aws: providers },
    // A backend in an override file replaces the stack's own backend entirely.
    terraform: { backend: { local: { path: path.join(stateDirectory, `${name}.tfstate`) } } },
    ...(Object.keys(remoteStates).length > 0 ? { data: { terraform_remote_state: remoteStates } } : {}),
  };
  const file = path.join(directory, EMULATOR_OVERRIDE_FILE);
  writeFileSync(file, `${JSON.stringify(override, null, 2)}\n`);
  return file;
}
