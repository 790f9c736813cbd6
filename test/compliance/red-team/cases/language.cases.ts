/**
 * Terraform's expression language against the config-mode evaluator: forms
 * it does not evaluate (conditionals, `for`, splats, directives, function
 * calls, variables, modules, dynamic blocks, `terraform_data`) must end
 * unknown, never as a guess that passes. Controls hold the forms it does
 * evaluate (a local chain, escapes, jsonencode of literals).
 *
 * `terraform_data` stands for the pass-through resources: `null_resource`
 * needs the hashicorp/null provider, which the validate tier's mirror does not
 * hold; the evaluator treats both alike (test/compliance/model/resolve.test.ts).
 */
import { RedTeamCase, RedTeamControl } from '../support/red-team-case';
import { DEV_ACCOUNT, mainFile, ref } from '../support/module';

const ROLE_ARN = `arn:aws:iam::${DEV_ACCOUNT}:role/deployer`;

/** An IAM policy document as Terraform JSON writes it with `jsonencode`. */
function policy(statement: string): string {
  return ref(`jsonencode({Version = "2012-10-17", Statement = [${statement}]})`);
}

/** A role whose trust policy lets `principal` (an HCL expression) assume it. */
function roleTrusting(principal: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return mainFile({
    ...extra,
    resource: {
      ...((extra.resource as Record<string, unknown> | undefined) ?? {}),
      aws_iam_role: { r: { name: 'trusting', assume_role_policy: policy(`{Effect = "Allow", Action = "sts:AssumeRole", Principal = {AWS = ${principal}}}`) } },
    },
  });
}

/** A security group admitting SSH from `cidrBlocks` (a list as written in the JSON). */
function sshFrom(cidrBlocks: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return mainFile({
    ...extra,
    resource: {
      ...((extra.resource as Record<string, unknown> | undefined) ?? {}),
      aws_security_group: { g: { name: 'ssh', description: 'ssh', ingress: [{ description: 'ssh', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: cidrBlocks, ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }] } },
    },
  });
}

/**
 * An SSH ingress rule whose IPv4 source is `cidr` (an expression as written in
 * the JSON). `rule` adds arguments to the rule; the rest are top-level blocks.
 */
function sshRuleFrom(cidr: string, extra: { readonly rule?: Record<string, unknown>; readonly resource?: Record<string, unknown>; readonly [block: string]: unknown } = {}): Record<string, unknown> {
  const { rule, resource, ...blocks } = extra;
  return mainFile({
    ...blocks,
    resource: {
      ...(resource ?? {}),
      aws_security_group: { g: { name: 'ssh', description: 'ssh' } },
      aws_vpc_security_group_ingress_rule: { ssh: { security_group_id: ref('aws_security_group.g.id'), ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: cidr, ...(rule ?? {}) } },
    },
  });
}

/** A customer-managed policy whose document is `document` (a string as written in the JSON). */
function policyWith(document: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return mainFile({ ...extra, resource: { aws_iam_policy: { p: { name: 'p', policy: document } } } });
}

/** A locals chain `l0 → l1 → … → l<depth>` ending in `last`. */
function localsChain(depth: number, last: unknown): Record<string, unknown> {
  const locals: Record<string, unknown> = { [`l${depth}`]: last };
  for (let i = 0; i < depth; i++) locals[`l${i}`] = ref(`local.l${i + 1}`);
  return locals;
}

export const cases: RedTeamCase[] = [
  {
    id: 'language/conditional-principal-star',
    why: 'a conditional whose one arm is Principal "*"; the evaluator must not read the other arm',
    files: roleTrusting(`local.open ? "*" : "${ROLE_ARN}"`, { locals: { open: true } }),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'language/conditional-principal-in-json-text',
    why: 'the same conditional inside a policy written as JSON text',
    files: mainFile({
      locals: { open: true },
      resource: { aws_iam_role: { r: { name: 'trusting', assume_role_policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"\${local.open ? "*" : "${ROLE_ARN}"}"}}]}` } } },
    }),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'language/conditional-ssh-cidr',
    why: 'SSH from a conditional that yields 0.0.0.0/0',
    files: sshFrom([ref('local.open ? "0.0.0.0/0" : "10.0.0.0/8"')], { locals: { open: true } }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/conditional-kms-key',
    why: 'a volume key chosen by a conditional between a customer key and the AWS-managed alias',
    files: mainFile({
      locals: { prod: false },
      resource: {
        aws_kms_key: { k: { description: 'data', enable_key_rotation: true } },
        aws_ebs_volume: { v: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: ref(`local.prod ? aws_kms_key.k.arn : "arn:aws:kms:eu-west-1:${DEV_ACCOUNT}:alias/aws/ebs"`) } },
      },
    }),
    expect: { rules: ['TF-ENC-1'] },
  },
  {
    id: 'language/conditional-resource-star',
    why: 'a write action on a Resource chosen by a conditional between "*" and one bucket',
    files: mainFile({
      locals: { wide: true },
      resource: {
        aws_s3_bucket: { b: { bucket: 'acme-dev-uploads' } },
        aws_iam_policy: { p: { name: 'p', policy: policy('{Effect = "Allow", Action = "s3:PutObject", Resource = local.wide ? "*" : aws_s3_bucket.b.arn}') } },
      },
    }),
    expect: { rules: ['TF-LP-3'] },
  },
  {
    id: 'language/template-if-directive-action',
    why: 'a %{ if } directive that renders Action "*", inside a policy written as JSON text',
    files: policyWith('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"%{ if local.admin }*%{ else }s3:GetObject%{ endif }","Resource":"*"}]}', { locals: { admin: true } }),
    expect: { rules: ['TF-LP-1'] },
  },
  {
    id: 'language/template-for-directive-cidr',
    why: 'a %{ for } directive that renders 0.0.0.0/0 as the SSH source',
    files: sshRuleFrom('%{ for c in local.cidrs }${c}%{ endfor }', { locals: { cidrs: ['0.0.0.0/0'] } }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/template-if-directive-ssh-cidr',
    why: 'a %{ if } directive around a literal 0.0.0.0/0, which a text reading would miss as "not a CIDR"',
    files: sshFrom(['%{ if true }0.0.0.0/0%{ endif }']),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/for-expression-actions',
    why: 'Action built by a for expression over a local holding "*"',
    files: policyWith(policy('{Effect = "Allow", Action = [for a in local.actions : a], Resource = "*"}'), { locals: { actions: ['*'] } }),
    expect: { rules: ['TF-LP-1'] },
  },
  {
    id: 'language/splat-ssh-cidrs',
    why: 'SSH sources taken with a splat from a local list of objects',
    files: sshFrom(ref('local.rules[*].cidr'), { locals: { rules: [{ cidr: '0.0.0.0/0' }] } }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/lower-star-action',
    why: 'Action "*" hidden in a lower("*") call',
    files: policyWith('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${lower("*")}","Resource":"*"}]}'),
    expect: { rules: ['TF-LP-1'] },
  },
  {
    id: 'language/replace-anywhere-cidr',
    why: 'the SSH source 0.0.0.0/0 produced by replace()',
    files: sshRuleFrom(ref('replace("0.0.0.0/0x", "x", "")')),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/terraform-data-principal',
    why: 'a trust principal read from a terraform_data output (whatever its input, known only at apply)',
    files: roleTrusting('terraform_data.who.output', { resource: { terraform_data: { who: { input: '*' } } } }),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'language/terraform-data-cidr',
    why: 'the SSH source read from a terraform_data output',
    files: sshRuleFrom(ref('terraform_data.cidr.output'), { resource: { terraform_data: { cidr: { input: '0.0.0.0/0' } } } }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/terraform-data-kms-key',
    why: 'a volume key read from a terraform_data output, which names no key managed here',
    files: mainFile({
      resource: {
        terraform_data: { key: { input: `arn:aws:kms:eu-west-1:${DEV_ACCOUNT}:alias/aws/ebs` } },
        aws_ebs_volume: { v: { availability_zone: 'eu-west-1a', size: 10, encrypted: true, kms_key_id: ref('terraform_data.key.output') } },
      },
    }),
    expect: { rules: ['TF-ENC-1'] },
  },
  {
    id: 'language/deep-locals-chain-cidr',
    why: 'the SSH source at the end of a 1,000-deep locals chain (past the evaluator bound, which must give unknown, not a crash)',
    files: sshFrom([ref('local.l0')], { locals: localsChain(1000, '0.0.0.0/0') }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/variable-default-anywhere',
    why: 'a variable whose default is 0.0.0.0/0 (tfvars could change it, but the default is what an unattended apply uses)',
    files: sshRuleFrom(ref('var.admin_cidr'), { variable: { admin_cidr: { type: 'string', default: '0.0.0.0/0' } } }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/variable-default-action-star',
    why: 'Action from a variable whose default is "*"',
    files: policyWith(policy('{Effect = "Allow", Action = var.action, Resource = "*"}'), { variable: { action: { type: 'string', default: '*' } } }),
    expect: { rules: ['TF-LP-1'] },
  },
  {
    id: 'language/module-with-open-ssh',
    why: 'an open SSH security group inside a local module, which config mode cannot read',
    files: {
      ...mainFile({ module: { net: { source: './mod' } } }),
      'mod/main.tf.json': {
        resource: { aws_security_group: { g: { name: 'ssh', description: 'ssh', ingress: [{ description: 'ssh', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }] } } },
      },
    },
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/module-output-principal',
    why: 'a trust principal read from a module output',
    files: {
      ...roleTrusting('module.who.principal', { module: { who: { source: './who' } } }),
      'who/main.tf.json': { output: { principal: { value: '*' } } },
    },
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'language/dynamic-ingress-ssh',
    why: 'a dynamic "ingress" block opening port 22 to 0.0.0.0/0',
    files: mainFile({
      locals: { ports: [22] },
      resource: {
        aws_security_group: {
          g: {
            name: 'ssh',
            description: 'ssh',
            dynamic: { ingress: { for_each: ref('local.ports'), content: { description: 'ssh', from_port: ref('ingress.value'), to_port: ref('ingress.value'), protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } } },
          },
        },
      },
    }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/dynamic-ebs-block-device-unencrypted',
    why: 'an unencrypted EBS block device generated by a dynamic block',
    files: mainFile({
      locals: { disks: ['/dev/sdf'] },
      resource: {
        aws_instance: {
          i: {
            ami: 'ami-0123456789abcdef0',
            instance_type: 't3.micro',
            metadata_options: { http_tokens: 'required' },
            root_block_device: { encrypted: true },
            dynamic: { ebs_block_device: { for_each: ref('local.disks'), content: { device_name: ref('ebs_block_device.value'), volume_size: 10, encrypted: false } } },
          },
        },
      },
    }),
    expect: { rules: ['TF-ENC-2'] },
  },
  {
    id: 'language/count-index-principal',
    why: 'a trust principal picked by count.index from a list holding "*"',
    files: mainFile({
      locals: { principals: ['*'] },
      resource: { aws_iam_role: { r: { count: 1, name: 'trusting', assume_role_policy: policy('{Effect = "Allow", Action = "sts:AssumeRole", Principal = {AWS = local.principals[count.index]}}') } } },
    }),
    expect: { rules: ['TF-LP-6'] },
  },
  {
    id: 'language/for-each-anywhere-cidr',
    why: 'the SSH source taken from each.value of a for_each set holding 0.0.0.0/0',
    files: sshRuleFrom(ref('each.value'), { rule: { for_each: ref('toset(["0.0.0.0/0"])') } }),
    expect: { rules: ['TF-NET-2'] },
  },
  {
    id: 'language/json-text-rewritten-by-interpolation',
    why: 'a local whose text closes the Resource string and adds Action "*" to a policy written as JSON text',
    files: policyWith('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-logs/${local.suffix}"}]}', {
      locals: { suffix: '*", "NotAction": "s3:GetObject' },
    }),
    expect: { rules: ['TF-LP-1', 'TF-LP-3', 'TF-LP-4'] },
  },
];

export const controls: RedTeamControl[] = [
  {
    id: 'language/local-chain-resolves',
    why: 'HTTPS from the VPC range through a short chain of locals: evaluated, and fine',
    files: mainFile({
      locals: { ...localsChain(3, '10.0.0.0/8') },
      resource: {
        aws_security_group: { g: { name: 'https', description: 'https', ingress: [{ description: 'https', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: [ref('local.l0')], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }] } },
      },
    }),
  },
  {
    id: 'language/escaped-policy-variable',
    why: 'an IAM policy variable written with the $${ escape (literal text, not a reference), in a condition of a policy scoped to one bucket',
    files: policyWith('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::acme-dev-home","Condition":{"StringLike":{"s3:prefix":["home/$${aws:username}/*"]}}}]}'),
  },
  {
    id: 'language/jsonencode-literal-policy',
    why: 'a policy built with jsonencode of literals only',
    files: policyWith(policy('{Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::acme-dev-logs/*"]}')),
  },
  {
    id: 'language/jsonencode-specific-resource',
    why: 'iam:PassRole scoped to a role managed in the same stack, by a template inside jsonencode',
    files: mainFile({
      resource: {
        aws_iam_role: { r: { name: 'worker', assume_role_policy: policy('{Effect = "Allow", Action = "sts:AssumeRole", Principal = {Service = "ec2.amazonaws.com"}}') } },
        aws_iam_policy: { p: { name: 'p', policy: policy('{Effect = "Allow", Action = "iam:PassRole", Resource = "${aws_iam_role.r.arn}"}') } },
      },
    }),
  },
];
