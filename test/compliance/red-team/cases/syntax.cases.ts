/**
 * Terraform JSON syntax the loader must read as Terraform does: array forms at
 * every level, repeated keys, several files, override files and their order,
 * HCL beside JSON, a root that is not an object. Each case hides one insecure
 * resource (KMS rotation off, SSH open to the internet, an unencrypted EBS
 * volume, an unpinned provider) in a form `terraform validate` accepts.
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { DEV_ACCOUNT, mainFile, PROD_ACCOUNT, ref, skeleton } from '../support/module';
import { entries, jsonText } from '../support/json-text';

const ROTATION = ['TF-ENC-13'];
const SSH = ['TF-NET-2'];
const EBS = ['TF-ENC-1'];
const PINNING = ['TF-SEP-1'];

const key = (rotation: unknown) => ({ enable_key_rotation: rotation, description: 'red-team key' });
const keys = (rotation: unknown, name = 'k') => ({ aws_kms_key: { [name]: key(rotation) } });

const group = { aws_security_group: { g: { name: 'red-team', description: 'red-team group' } } };
const sshRule = (cidr: string) => ({ security_group_id: ref('aws_security_group.g.id'), cidr_ipv4: cidr, from_port: 22, to_port: 22, ip_protocol: 'tcp', description: 'ssh' });
const volume = (encrypted: boolean) => ({ availability_zone: 'eu-west-1a', size: 8, encrypted, ...(encrypted ? { kms_key_id: ref('aws_kms_key.ebs.arn') } : {}) });
const ebsKey = { ebs: key(true) };

/** A security group written the way cdktf writes attribute-as-block ingress: every field set. */
const sgIngress = (cidr: string) => ({ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: [cidr], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'ssh' });

const s = skeleton();
const pinnedAws = { region: 'eu-west-1', allowed_account_ids: [DEV_ACCOUNT], default_tags: [{ tags: { environment: 'dev' } }] };
const unpinnedAlias = { alias: 'other', region: 'us-east-1', default_tags: [{ tags: { environment: 'dev' } }] };

export const cases: RedTeamCase[] = [
  // ── array forms at every label level ─────────────────────────────────────
  {
    id: 'syntax/array-resource-key',
    why: '`resource` written as an array of objects',
    files: { 'main.tf.json': { ...s, resource: [keys(false)] } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/array-type-level',
    why: 'the type level written as an array of objects',
    files: mainFile({ resource: { aws_kms_key: [{ k: key(false) }] } }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/array-body-of-one',
    why: 'the body written as an array holding one object',
    files: mainFile({ resource: { aws_kms_key: { k: [key(false)] } } }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/array-every-level',
    why: 'arrays at the resource, type and body levels at once',
    files: mainFile({ resource: [{ aws_kms_key: [{ k: [key(false)] }] }] }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/array-second-element',
    why: 'the insecure key in the second element of the `resource` array, after a secure one',
    files: mainFile({ resource: [keys(true, 'good'), keys(false, 'bad')] }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/array-null-element-empty-body',
    why: 'a null array element is a key with an empty body, so rotation is off by default',
    files: mainFile({ resource: { aws_kms_key: { k: [null] } } }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/array-ssh-rule-every-level',
    why: 'an ingress rule open on 22 to 0.0.0.0/0, arrays at every level',
    files: mainFile({ resource: [group, { aws_vpc_security_group_ingress_rule: [{ ssh: [sshRule('0.0.0.0/0')] }] }] }),
    expect: { rules: SSH },
  },
  {
    id: 'syntax/array-ebs-volume',
    why: 'an unencrypted volume in the array form of the type level',
    files: mainFile({ resource: { aws_ebs_volume: [{ v: volume(false) }] } }),
    expect: { rules: EBS },
  },
  {
    id: 'syntax/array-provider-top-level',
    why: '`provider` as an array whose second element adds an aliased AWS provider pinned to no account',
    files: { 'main.tf.json': { terraform: s.terraform, provider: [{ aws: pinnedAws }, { aws: unpinnedAlias }], resource: keys(true) } },
    expect: { rules: PINNING },
  },
  {
    id: 'syntax/array-locals',
    why: '`locals` as an array of blocks; the second says rotation is off',
    files: mainFile({ locals: [{ name: 'k' }, { rotate: false }], resource: keys(ref('local.rotate')) }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/array-data-policy-document',
    why: 'an admin policy document in arrays at every data level, nested statement blocks as an array',
    files: mainFile({
      data: [{ aws_iam_policy_document: [{ admin: [{ statement: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] }] }] }],
      resource: { aws_iam_policy: { admin: { name: 'admin', policy: ref('data.aws_iam_policy_document.admin.json') } } },
    }),
    expect: { rules: ['TF-LP-1'] },
  },
  // ── repeated keys (JSON.parse keeps only the last) ───────────────────────
  {
    id: 'syntax/duplicate-resource-key',
    why: 'two root `resource` keys; the first holds the insecure key and JSON.parse would drop it',
    files: { 'main.tf.json': jsonText(entries(['terraform', s.terraform], ['provider', s.provider], ['resource', keys(false, 'bad')], ['resource', keys(true, 'good')])) },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/duplicate-type-key',
    why: 'the `aws_kms_key` type key twice; the first holds the insecure key',
    files: { 'main.tf.json': jsonText(entries(['terraform', s.terraform], ['provider', s.provider], ['resource', entries(['aws_kms_key', { bad: key(false) }], ['aws_kms_key', { good: key(true) }])])) },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/duplicate-provider-name-key',
    why: 'the `aws` provider key twice: an unpinned alias first, the pinned default second',
    files: { 'main.tf.json': jsonText(entries(['terraform', s.terraform], ['provider', entries(['aws', unpinnedAlias], ['aws', pinnedAws])], ['resource', keys(true)])) },
    expect: { rules: PINNING },
  },
  {
    id: 'syntax/duplicate-locals-key',
    why: 'two root `locals` keys; the first sets the value the key reads',
    files: { 'main.tf.json': jsonText(entries(['terraform', s.terraform], ['provider', s.provider], ['locals', { rotate: false }], ['locals', { other: 'x' }], ['resource', keys(ref('local.rotate'))])) },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/duplicate-resource-key-ssh',
    why: 'two root `resource` keys; the open ingress rule is in the first',
    files: { 'main.tf.json': jsonText(entries(['terraform', s.terraform], ['provider', s.provider], ['resource', { aws_vpc_security_group_ingress_rule: { ssh: sshRule('0.0.0.0/0') } }], ['resource', group])) },
    expect: { rules: SSH },
  },
  // ── several files in one folder ──────────────────────────────────────────
  {
    id: 'syntax/second-file',
    why: 'the insecure key in a second *.tf.json beside main.tf.json',
    files: { ...mainFile({ resource: keys(true, 'good') }), 'keys.tf.json': { resource: keys(false, 'bad') } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/file-sorting-first',
    why: 'the open rule in a.tf.json, which sorts before main.tf.json',
    files: { ...mainFile({ resource: group }), 'a.tf.json': { resource: { aws_vpc_security_group_ingress_rule: { ssh: sshRule('0.0.0.0/0') } } } },
    expect: { rules: SSH },
  },
  {
    id: 'syntax/third-file-ebs',
    why: 'the unencrypted volume in the third of three files',
    files: { ...mainFile({ resource: { aws_kms_key: ebsKey } }), 'b.tf.json': { locals: { az: 'eu-west-1a' } }, 'volumes.tf.json': { resource: { aws_ebs_volume: { v: volume(false) } } } },
    expect: { rules: EBS },
  },
  {
    id: 'syntax/second-file-provider',
    why: 'an aliased, unpinned AWS provider in a second file',
    files: { ...mainFile({ resource: keys(true) }), 'providers.tf.json': { provider: { aws: [unpinnedAlias] } } },
    expect: { rules: PINNING },
  },
  {
    id: 'syntax/local-in-other-file',
    why: 'the local the key reads is defined in another file',
    files: { ...mainFile({ resource: keys(ref('local.rotate')) }), 'locals.tf.json': { locals: { rotate: false } } },
    expect: { rules: ROTATION },
  },
  // ── override files ────────────────────────────────────────────────────────
  {
    id: 'syntax/override-turns-insecure',
    why: 'override.tf.json turns rotation off on a secure key',
    files: { ...mainFile({ resource: keys(true) }), 'override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-sorting-before-main',
    why: 'a_override.tf.json sorts before main.tf.json, yet Terraform applies it after every primary file',
    files: { ...mainFile({ resource: keys(true) }), 'a_override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-order-z-after-plain',
    why: 'override.tf.json turns rotation on, z_override.tf.json (later) turns it off',
    files: { ...mainFile({ resource: keys(false) }), 'override.tf.json': { resource: keys(true) }, 'z_override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-order-plain-after-a',
    why: 'a_override.tf.json turns rotation on, override.tf.json (later) turns it off',
    files: { ...mainFile({ resource: keys(false) }), 'a_override.tf.json': { resource: keys(true) }, 'override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-order-z-after-a',
    why: 'a_override.tf.json turns rotation on, z_override.tf.json turns it off',
    files: { ...mainFile({ resource: keys(true) }), 'a_override.tf.json': { resource: keys(true) }, 'z_override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-per-argument',
    why: 'x_override turns rotation off; y_override changes only the description, which must not restore the base block',
    files: { ...mainFile({ resource: keys(true) }), 'x_override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } }, 'y_override.tf.json': { resource: { aws_kms_key: { k: { description: 'renamed' } } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-array-form',
    why: 'the override itself in arrays at every level',
    files: { ...mainFile({ resource: keys(true) }), 'override.tf.json': { resource: [{ aws_kms_key: [{ k: [{ enable_key_rotation: false }] }] }] } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-two-blocks-one-file',
    why: 'one override file overrides the key twice (array body); the later block, rotation off, wins',
    files: { ...mainFile({ resource: keys(true) }), 'override.tf.json': { resource: { aws_kms_key: { k: [{ enable_key_rotation: true }, { enable_key_rotation: false }] } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-ssh-cidr',
    why: 'an override widens an ingress rule from 10.0.0.0/8 to 0.0.0.0/0',
    files: { ...mainFile({ resource: { ...group, aws_vpc_security_group_ingress_rule: { ssh: sshRule('10.0.0.0/8') } } }), 'override.tf.json': { resource: { aws_vpc_security_group_ingress_rule: { ssh: { cidr_ipv4: '0.0.0.0/0' } } } } },
    expect: { rules: SSH },
  },
  {
    id: 'syntax/override-nested-block-replaced',
    why: 'an override `ingress` replaces every ingress block of the group with SSH from anywhere',
    files: {
      ...mainFile({ resource: { aws_security_group: { g: { name: 'red-team', description: 'red-team group', ingress: [sgIngress('10.0.0.0/8')] } } } }),
      'override.tf.json': { resource: { aws_security_group: { g: { ingress: [sgIngress('0.0.0.0/0')] } } } },
    },
    expect: { rules: SSH },
  },
  {
    id: 'syntax/override-ebs-unencrypted',
    why: 'an override sets encrypted = false on a volume (its kms_key_id stays)',
    files: { ...mainFile({ resource: { aws_kms_key: ebsKey, aws_ebs_volume: { v: volume(true) } } }), 'storage_override.tf.json': { resource: { aws_ebs_volume: { v: { encrypted: false } } } } },
    expect: { rules: EBS },
  },
  {
    id: 'syntax/override-provider-accounts',
    why: 'an override pins the AWS provider to two accounts, prod and dev',
    files: { ...mainFile({ resource: keys(true) }), 'override.tf.json': { provider: { aws: { allowed_account_ids: [DEV_ACCOUNT, PROD_ACCOUNT] } } } },
    expect: { rules: PINNING },
  },
  {
    id: 'syntax/override-local',
    why: 'an override file changes the local the key reads',
    files: { ...mainFile({ locals: { rotate: true }, resource: keys(ref('local.rotate')) }), 'override.tf.json': { locals: { rotate: false } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-to-interpolated-local',
    why: 'an override points rotation at `${local.off}`, a literal false defined in a primary file',
    files: { ...mainFile({ locals: { off: false }, resource: keys(true) }), 'override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: ref('local.off') } } } } },
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/override-comment-cannot-suppress',
    why: 'an override adds a "//" suppression to an insecure key; Terraform ignores "//", so the base block is unchanged',
    files: {
      ...mainFile({ resource: keys(false) }),
      'override.tf.json': { resource: { aws_kms_key: { k: { '//': { tenantform: { suppressions: [{ ruleId: 'TF-ENC-13', reason: 'rotation handled by an external process' }] } }, description: 'x' } } } },
    },
    expect: { rules: ROTATION },
  },
  // ── odd names and values ──────────────────────────────────────────────────
  {
    id: 'syntax/name-proto',
    why: 'a key named __proto__ (a valid Terraform name) that plain object assignment would drop',
    files: mainFile({ resource: { aws_kms_key: JSON.parse('{"__proto__": {"enable_key_rotation": false, "description": "k"}}') as Record<string, unknown> } }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/string-false',
    why: 'rotation given as the string "false", which Terraform converts to bool',
    files: mainFile({ resource: keys('false') }),
    expect: { rules: ROTATION },
  },
  {
    id: 'syntax/interpolated-literal',
    why: 'rotation given as the interpolation `${false}`',
    files: mainFile({ resource: keys(ref('false')) }),
    expect: { rules: ROTATION },
  },
  // ── what the gate refuses ─────────────────────────────────────────────────
  {
    id: 'syntax/hcl-beside-json',
    why: 'a *.tf (HCL) file beside the JSON holds the insecure key; config mode cannot read it',
    files: { ...mainFile({ resource: keys(true, 'good') }), 'keys.tf': 'resource "aws_kms_key" "bad" {\n  description         = "red-team key"\n  enable_key_rotation = false\n}\n' },
    expect: { refused: 'TF-CHK-007' },
  },
  {
    id: 'syntax/hcl-override-beside-json',
    why: 'an HCL override file (override.tf) turns rotation off',
    files: { ...mainFile({ resource: keys(true) }), 'override.tf': 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n' },
    expect: { refused: 'TF-CHK-007' },
  },
  {
    id: 'syntax/empty-folder',
    why: 'an empty folder is a valid (empty) module, but yields zero stacks: the gate must not report success',
    files: {},
    expect: { refused: 'TF-CHK-005' },
  },
  {
    id: 'syntax/no-terraform-files',
    why: 'a folder of documentation only, the configuration one level down where Terraform does not read it',
    files: { 'README.md': '# keys\n', 'keys/main.tf.json': { resource: keys(false) } },
    expect: { refused: 'TF-CHK-005' },
  },
  {
    id: 'syntax/manifest-zero-stacks',
    why: 'a cdktf manifest that lists no stacks',
    files: { 'manifest.json': { version: '0.21.0', stacks: {} } },
    expect: { refused: 'TF-CHK-005' },
  },
  {
    id: 'syntax/root-array',
    why: 'the file root is an array of objects (HCL reads it); the gate refuses a root that is not an object',
    files: { 'main.tf.json': [{ terraform: s.terraform, provider: s.provider }, { resource: keys(false) }] },
    expect: { refused: 'TF-CHK-008' },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'syntax/control-array-every-level',
    why: 'a rotating key in arrays at every level',
    files: mainFile({ resource: [{ aws_kms_key: [{ k: [key(true)] }] }] }),
  },
  {
    id: 'syntax/control-override-makes-secure',
    why: 'an override turns rotation on for a key whose primary file has it off',
    files: { ...mainFile({ resource: keys(false) }), 'override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: true } } } } },
  },
  {
    id: 'syntax/control-override-order-secure-last',
    why: 'override.tf.json turns rotation off, z_override.tf.json (applied last) turns it on',
    files: { ...mainFile({ resource: keys(true) }), 'override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } }, 'z_override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: true } } } } },
  },
  {
    id: 'syntax/control-a-override-before-main',
    why: 'a_override.tf.json turns rotation on; it applies after main.tf.json although it sorts first',
    files: { ...mainFile({ resource: keys(false) }), 'a_override.tf.json': { resource: { aws_kms_key: { k: { enable_key_rotation: true } } } } },
  },
  {
    id: 'syntax/control-duplicate-resource-keys',
    why: 'two root `resource` keys, both secure',
    files: { 'main.tf.json': jsonText(entries(['terraform', s.terraform], ['provider', s.provider], ['resource', keys(true, 'a')], ['resource', keys(true, 'b')])) },
  },
  {
    id: 'syntax/control-two-files',
    why: 'secure resources split over two files',
    files: { ...mainFile({ resource: { aws_kms_key: ebsKey } }), 'volumes.tf.json': { resource: [{ aws_ebs_volume: [{ v: volume(true) }] }] } },
  },
  {
    id: 'syntax/control-ssh-private-array',
    why: 'SSH from a private range only, arrays at every level',
    files: mainFile({ resource: [group, { aws_vpc_security_group_ingress_rule: [{ ssh: [sshRule('10.0.0.0/8')] }] }] }),
  },
  {
    id: 'syntax/control-override-local-secure',
    why: 'an override sets the local the key reads to true',
    files: { ...mainFile({ locals: [{ rotate: false }], resource: keys(ref('local.rotate')) }), 'override.tf.json': { locals: { rotate: true } } },
  },
  {
    id: 'syntax/control-ignored-files',
    why: 'Terraform reads neither editor backups, hidden files nor subfolders; insecure content there is not deployed',
    files: { ...mainFile({ resource: keys(true) }), 'main.tf.json~': { resource: keys(false, 'backup') }, '.draft.tf.json': { resource: keys(false, 'draft') }, 'notes/keys.tf.json': { resource: keys(false, 'notes') } },
  },
  {
    id: 'syntax/control-provider-alias-pinned',
    why: 'a default and an aliased provider, both pinned, in the array form of `provider`',
    files: { 'main.tf.json': { terraform: s.terraform, provider: [{ aws: pinnedAws }, { aws: [{ ...pinnedAws, alias: 'use1', region: 'us-east-1' }] }], resource: keys(true) } },
  },
];
