import { stackFromJson } from '../../../compliance/model';
import { isResourceAttributeRef, isSpecificUnknown, isUnknown, unknownValue } from '../../../compliance/values';
import { normalizePolicy } from '../../../compliance/policy';

function stack(json: Record<string, unknown>) {
  return stackFromJson(json, 's', 's.tf.json');
}

describe('reference resolution', () => {
  test('a reference to a literal attribute resolves to that literal', () => {
    const s = stack({
      resource: {
        aws_iam_group: { g: { name: 'humans' } },
        aws_iam_group_membership: { m: { group: '${aws_iam_group.g.name}', users: ['${aws_iam_user.u.name}'], name: 'm' } },
        aws_iam_user: { u: { name: 'alice' } },
      },
    });
    expect(s.resources.get('aws_iam_group_membership.m')!.values).toEqual({ group: 'humans', users: ['alice'], name: 'm' });
  });

  test('a computed attribute stays unknown and keeps its reference', () => {
    const s = stack({ resource: { aws_iam_role: { r: { name: 'x' } }, aws_iam_role_policy_attachment: { a: { role: '${aws_iam_role.r.arn}', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } } });
    expect(s.resources.get('aws_iam_role_policy_attachment.a')!.values.role).toMatchObject({ ...unknownValue('${aws_iam_role.r.arn}', ['aws_iam_role.r.arn']), specific: true, form: 'reference' });
  });

  test('interpolated strings resolve when every part is literal, and are unknown otherwise', () => {
    const s = stack({
      variable: { env: { type: 'string' } },
      resource: {
        aws_s3_bucket: { b: { bucket: 'logs' } },
        aws_x: { y: { known: 'arn:aws:s3:::${aws_s3_bucket.b.bucket}/*', unknown: 'arn:aws:s3:::${var.env}-logs' } },
      },
    });
    const v = s.resources.get('aws_x.y')!.values;
    expect(v.known).toBe('arn:aws:s3:::logs/*');
    expect(v.unknown).toMatchObject({ ...unknownValue('arn:aws:s3:::${var.env}-logs', ['var.env']), specific: false });
  });

  test('locals and nested block paths resolve; cycles and function calls become unknown; jsonencode of literals is evaluated', () => {
    const s = stack({
      locals: { prefix: 'acme' },
      resource: {
        aws_a: { a: { name: '${local.prefix}-a', ref: '${aws_b.b.ref}', cfg: [{ mode: 'strict' }] } },
        aws_b: { b: { ref: '${aws_a.a.ref}', mode: '${aws_a.a.cfg[0].mode}', short: '${aws_a.a.cfg.mode}', fn: '${lower("A")}', json: '${jsonencode({a = 1})}' } },
      },
    });
    const a = s.resources.get('aws_a.a')!.values;
    const b = s.resources.get('aws_b.b')!.values;
    expect(a.name).toBe('acme-a');
    expect(isUnknown(a.ref)).toBe(true);
    expect(b.mode).toBe('strict');
    expect(b.short).toBe('strict');
    expect(b.fn).toMatchObject({ $unknown: '${lower("A")}', specific: false, form: 'expression', reason: expect.stringContaining('lower()') });
    expect(b.json).toBe('{"a":1}');
  });

  test('a counted resource is unknown when referenced, since its instances are not in the JSON', () => {
    const s = stack({ resource: { aws_a: { a: { count: 2, name: 'n' } }, aws_b: { b: { n: '${aws_a.a.name}' } } } });
    expect(isUnknown(s.resources.get('aws_b.b')!.values.n)).toBe(true);
  });

  test('data.aws_iam_policy_document.x.json resolves to the rendered document, statements normalized', () => {
    const s = stack({
      data: {
        aws_iam_policy_document: {
          trust: {
            statement: [
              {
                actions: ['sts:AssumeRole'],
                principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::333333333333:root'] }],
                condition: [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }],
              },
            ],
          },
        },
      },
      resource: { aws_iam_role: { r: { assume_role_policy: '${data.aws_iam_policy_document.trust.json}' } } },
    });
    expect(normalizePolicy(s.resources.get('aws_iam_role.r')!.values.assume_role_policy)).toEqual({
      statements: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole'],
          Resource: [],
          Principal: { AWS: ['arn:aws:iam::333333333333:root'] },
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } },
        },
      ],
    });
  });

  test('a JSON string with references inside is decoded and its leaves resolved', () => {
    const s = stack({
      resource: {
        aws_s3_bucket: { b: { bucket: 'logs' } },
        aws_iam_policy: {
          p: { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::${aws_s3_bucket.b.bucket}/*', '${aws_s3_bucket.b.arn}'] }] }) },
        },
      },
    });
    const doc = normalizePolicy(s.resources.get('aws_iam_policy.p')!.values.policy);
    expect(doc).toEqual({
      statements: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::logs/*', expect.objectContaining(unknownValue('${aws_s3_bucket.b.arn}', ['aws_s3_bucket.b.arn']))] }],
    });
  });
});

describe('stack model', () => {
  test('reads environment, accounts, customer-data flag, backend, providers, data sources, variables and suppressions', () => {
    const s = stackFromJson(
      {
        provider: {
          aws: [
            { region: 'eu-west-1', allowed_account_ids: ['111111111111'], default_tags: [{ tags: { environment: 'prod', 'tenantform:customer-data': 'true' } }] },
            { alias: 'us-east-1', region: 'us-east-1', allowed_account_ids: ['111111111111'], default_tags: [{ tags: { environment: 'prod' } }] },
          ],
        },
        terraform: { backend: { s3: { bucket: 'acme-prod-tfstate', key: 'k' } } },
        variable: { v: { type: 'string' } },
        data: { aws_caller_identity: { me: {} } },
        resource: {
          aws_kms_key: {
            k: {
              '//': { metadata: { path: 'prod/k' }, tenantform: { suppressions: [{ ruleId: 'TF-LP-3', reason: 'key policy self reference' }] } },
              provider: 'aws.us-east-1',
              enable_key_rotation: true,
            },
          },
        },
      },
      'prod-keys',
      'x',
    );
    expect(s.environment).toBe('prod');
    expect(s.accounts).toEqual(['111111111111']);
    expect(s.customerDataAllowed).toBe(true);
    expect(s.backend).toEqual({ type: 's3', config: { bucket: 'acme-prod-tfstate', key: 'k' } });
    expect(s.providers.map((p) => p.alias)).toEqual([undefined, 'us-east-1']);
    expect([...s.dataSources.keys()]).toEqual(['data.aws_caller_identity.me']);
    expect(s.variables).toEqual({ v: { type: 'string' } });
    expect(s.resources.get('aws_kms_key.k')).toEqual({
      address: 'aws_kms_key.k',
      type: 'aws_kms_key',
      name: 'k',
      values: { provider: 'aws.us-east-1', enable_key_rotation: true },
      constructPath: 'prod/k',
      suppressions: [{ ruleId: 'TF-LP-3', reason: 'key policy self reference' }],
      provider: 'aws.us-east-1',
    });
  });

  test('a stack without providers has no environment and no accounts', () => {
    const s = stackFromJson({}, 'bare', 'x');
    expect(s.environment).toBeUndefined();
    expect(s.accounts).toEqual([]);
    expect(s.customerDataAllowed).toBeUndefined();
    expect(s.backend).toBeUndefined();
  });
});

/** The value of `aws_x.y.v` when the stack states `v` as written, plus whatever else the stack holds. */
function valueOf(v: unknown, extra: Record<string, unknown> = {}): unknown {
  const { resource, ...rest } = extra as { resource?: Record<string, unknown> };
  return stack({ ...rest, resource: { ...(resource ?? {}), aws_x: { y: { v } } } }).resources.get('aws_x.y')!.values.v;
}

function expectUnknown(v: unknown, reason: RegExp, specific = false): void {
  expect(isUnknown(v)).toBe(true);
  expect(v).toMatchObject({ specific, reason: expect.stringMatching(reason) });
}

describe('the closed set of forms config mode evaluates', () => {
  describe('leaves these unknown, saying why and pointing to plan mode', () => {
    test.each([
      ['a conditional that may yield "*"', '${local.on ? "*" : aws_iam_role.r.arn}', /conditional.*--plan/],
      ['a for expression', '${[for s in local.l : upper(s)]}', /`for` expression/],
      ['an object for expression', '${{for k, v in local.m : k => v}}', /`for` expression/],
      ['a [*] splat', '${aws_iam_role.r[*].arn}', /splat/],
      ['a legacy .* splat', '${aws_iam_role.r.*.arn}', /splat/],
      ['lower("*")', '${lower("*")}', /lower\(\)/],
      ['replace()', '${replace("x", "x", "*")}', /replace\(\)/],
      ['an operator', '${local.n + 1}', /operator/],
      ['an index computed by an expression', '${local.l[local.i]}', /index computed/],
      ['a strip marker', '${~ local.a ~}', /does not evaluate/],
    ])('%s', (_name, written, reason) => {
      expectUnknown(valueOf(written, { locals: { on: true, l: ['a'], m: {}, n: 1, i: 0, a: 'x' }, resource: { aws_iam_role: { r: { name: 'r' } } } }), reason);
    });

    test('a template directive, even around literal text, is not taken as text', () => {
      expectUnknown(valueOf('%{ if true }*%{ else }arn:aws:iam::111111111111:root%{ endif }'), /template directive/);
      expectUnknown(valueOf('{"Statement":[{"Effect":"Allow","Action":"%{ for a in local.l }${a}%{ endfor }","Resource":"*"}]}', { locals: { l: ['*'] } }), /template directive/);
    });

    test('variables, defaults included: -var and tfvars override them', () => {
      expectUnknown(valueOf('${var.cidr}', { variable: { cidr: { type: 'string', default: '0.0.0.0/0' } } }), /variable.*defaults included/);
    });

    test('module outputs, each, count, self and the values of terraform_data and null_resource', () => {
      expectUnknown(valueOf('${module.m.arn}'), /module output/);
      expectUnknown(valueOf('${each.value}'), /per instance/);
      expectUnknown(valueOf('${count.index}'), /per instance/);
      const opaque = { resource: { terraform_data: { t: { input: 'arn:aws:iam::111111111111:role/x' } }, null_resource: { n: {} } } };
      expectUnknown(valueOf('${terraform_data.t.output}', opaque), /terraform_data.*apply time/);
      // Even its stated input: terraform_data is a pass-through the gate does not trust.
      expectUnknown(valueOf('${terraform_data.t.input}', opaque), /terraform_data/);
      expectUnknown(valueOf('${null_resource.n.id}', opaque), /null_resource/);
    });

    test('an object key written as a template, in an argument or inside a JSON document', () => {
      expectUnknown(valueOf({ '${local.k}': 'v' }, { locals: { k: 'Name' } }), /object key/);
      const doc = valueOf(JSON.stringify({ Statement: [{ Effect: 'Allow', '${local.k}': '*', Resource: '*' }] }), { locals: { k: 'Action' } }) as { Statement: unknown[] };
      expectUnknown(doc.Statement[0], /JSON key/);
    });

    test('an interpolated value that would close a JSON string and rewrite the document', () => {
      const doc = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::${local.r}' }] });
      expectUnknown(valueOf(doc, { locals: { r: 'b", "Action": "*' } }), /change its structure/);
      expect(valueOf(doc, { locals: { r: 'b/*' } })).toEqual({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });
    });

    test('a remote-state output is marked with the stack it comes from', () => {
      const v = valueOf('${data.terraform_remote_state.cross-stack-reference-input-dev-platform.outputs.key}', {
        data: { terraform_remote_state: { 'cross-stack-reference-input-dev-platform': { backend: 's3', config: { bucket: 'b', key: 'tenantform/dev-platform.tfstate' } } } },
      });
      expectUnknown(v, /output key of stack dev-platform \(state s3:\/\/b\/tenantform\/dev-platform.tfstate\)/);
      expect(v).toMatchObject({ remote: { dataSource: 'cross-stack-reference-input-dev-platform', output: 'key', stack: 'dev-platform', location: 's3://b/tenantform/dev-platform.tfstate' } });
      const byKey = valueOf('${data.terraform_remote_state.net.outputs.id}', { data: { terraform_remote_state: { net: { backend: 's3', config: { bucket: 'b', key: 'network/terraform.tfstate' } } } } });
      expect(byKey).toMatchObject({ remote: { stack: 'network' } });
    });
  });

  describe('evaluates these', () => {
    test('a chain of locals and nested paths, including legacy numeric steps', () => {
      expect(valueOf('${local.a}', { locals: { a: '${local.b}', b: '${local.c}', c: 'done' } })).toBe('done');
      expect(valueOf('${aws_a.a.cfg.1.mode}', { resource: { aws_a: { a: { cfg: [{ mode: 'zero' }, { mode: 'one' }] } } } })).toBe('one');
      expect(valueOf('${local.m["k"]}', { locals: { m: { k: 'v' } } })).toBe('v');
    });

    test('the $${ and %%{ escapes are literal text, not references', () => {
      expect(valueOf('arn:aws:s3:::b/$${aws:username}/*')).toBe('arn:aws:s3:::b/${aws:username}/*');
      expect(valueOf('100%%{x}')).toBe('100%{x}');
    });

    test('literal expressions and jsonencode of them; jsonencode around an unknown keeps the unknown leaf', () => {
      expect(valueOf('${true}')).toBe(true);
      expect(valueOf('${"*"}')).toBe('*');
      expect(valueOf('${jsonencode({Statement = [{Effect = "Allow", Action = "s3:GetObject", Resource = local.arn}]})}', { locals: { arn: 'arn:aws:s3:::b/*' } })).toBe(
        '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
      );
      expect(valueOf('${jsonencode({Resource = "arn:aws:s3:::${local.b}/*"})}', { locals: { b: 'logs' } })).toBe('{"Resource":"arn:aws:s3:::logs/*"}');
      expectUnknown((valueOf('${jsonencode({Resource = "${local.on ? "*" : "x"}"})}', { locals: { on: true } }) as Record<string, unknown>).Resource, /conditional/);
      const partial = valueOf('${jsonencode({Resource = aws_s3_bucket.b.arn})}', { resource: { aws_s3_bucket: { b: { bucket: 'b' } } } }) as Record<string, unknown>;
      expect(partial.Resource).toMatchObject({ specific: true });
    });
  });

  describe('specific values come only from the identifier table', () => {
    const resources = { resource: { aws_iam_role: { r: { name: 'ci' } }, aws_kms_key: { k: {} }, aws_s3_bucket: { b: {} }, aws_iam_policy: { p: { policy: '{}' } } } };
    test.each(['${aws_iam_role.r.arn}', '${aws_iam_role.r.unique_id}', '${aws_kms_key.k.key_id}', '${aws_kms_key.k.arn}', '${aws_s3_bucket.b.bucket}', '${aws_iam_policy.p.arn}', '${aws_s3_bucket.b.arn}/*'])('%s is specific', (written) => {
      const v = valueOf(written, resources);
      expect(isSpecificUnknown(v)).toBe(true);
    });
    test.each([
      ['a non-identifier attribute', '${aws_iam_role.r.tags_all}'],
      ['a conditional over specific references', '${local.on ? aws_iam_role.r.arn : aws_kms_key.k.arn}'],
      ['a wildcard before the reference', '*${aws_s3_bucket.b.bucket}'],
      ['an undeclared resource', '${aws_iam_role.ghost.arn}'],
      ['a data source', '${data.aws_iam_role.r.arn}'],
      ['a variable', '${var.role_arn}'],
    ])('%s is not', (_why, written) => {
      const v = valueOf(written, { ...resources, locals: { on: true }, data: { aws_iam_role: { r: { name: 'x' } } } });
      expect(isUnknown(v)).toBe(true);
      expect(isSpecificUnknown(v)).toBe(false);
    });
    test('the rule-facing readers agree: isResourceAttributeRef follows the table', () => {
      expect(isResourceAttributeRef('aws_iam_role.r.arn')).toBe(true);
      expect(isResourceAttributeRef('aws_iam_role.r[0].arn')).toBe(true);
      expect(isResourceAttributeRef('aws_iam_role.r.tags')).toBe(false);
      expect(isResourceAttributeRef('terraform_data.t.output')).toBe(false);
      expect(isResourceAttributeRef('data.aws_iam_role.r.arn')).toBe(false);
    });
  });

  describe('bounded: deep chains give unknown, never a RangeError', () => {
    test('a 10,000-deep locals chain', () => {
      const locals: Record<string, unknown> = { l9999: '0.0.0.0/0' };
      for (let i = 0; i < 9999; i++) locals[`l${i}`] = `\${local.l${i + 1}}`;
      expectUnknown(valueOf('${local.l0}', { locals }), /deeper than/);
    });

    test('a 10,000-long resource-to-resource chain: every resource still gets a model, none half-resolved to a pass', () => {
      const chain: Record<string, unknown> = { r9999: { cidr: '0.0.0.0/0' } };
      for (let i = 0; i < 9999; i++) chain[`r${i}`] = { cidr: `\${aws_chain.r${i + 1}.cidr}` };
      const s = stack({ resource: { aws_chain: chain } });
      expect(s.resources.size).toBe(10000);
      expectUnknown(s.resources.get('aws_chain.r0')!.values.cidr, /deeper than/);
      expect(s.resources.get('aws_chain.r9999')!.values.cidr).toBe('0.0.0.0/0');
    });

    test('a 10,000-deep nested value', () => {
      let v: unknown = 'x';
      for (let i = 0; i < 10000; i++) v = [v];
      expect(() => valueOf(v)).not.toThrow();
      expect(JSON.stringify(valueOf(v))).toContain('deeper than');
    });

    test('a diamond of locals (each used twice by the next) is evaluated once per local, and text past the size bound is unknown', () => {
      const locals: Record<string, unknown> = { d0: 'a' };
      for (let i = 1; i < 60; i++) locals[`d${i}`] = `\${local.d${i - 1}}\${local.d${i - 1}}`;
      // Evaluated once per use instead, d59 would expand 2^59 times: the test would never end and fail on jest's timeout.
      expectUnknown(valueOf('${local.d59}', { locals }), /longer than/);
      expect(valueOf('${local.d3}', { locals })).toBe('aaaaaaaa');
    });

    test('cycles are unknown', () => {
      expectUnknown(valueOf('${local.a}', { locals: { a: '${local.b}', b: '${local.a}' } }), /cycle/);
    });
  });

  describe('dynamic blocks', () => {
    test('the generated blocks are unknown, pointing to plan mode; static blocks of the same name stay in front', () => {
      const s = stack({
        resource: {
          aws_security_group: {
            only: { dynamic: { ingress: { for_each: '${local.ports}', content: { from_port: '${ingress.value}', to_port: '${ingress.value}', protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } } } },
            mixed: { ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }], dynamic: [{ ingress: [{ for_each: '${local.ports}', content: {} }] }] },
          },
        },
      });
      const only = s.resources.get('aws_security_group.only')!;
      expectUnknown(only.values.ingress, /dynamic block.*--plan/);
      expect(only.dynamicBlocks).toEqual(['ingress']);
      const mixed = s.resources.get('aws_security_group.mixed')!.values.ingress as unknown[];
      expect(mixed[0]).toEqual({ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] });
      expect(isUnknown(mixed[1])).toBe(true);
    });

    test('a tag that happens to be called "dynamic" is just a tag', () => {
      const s = stack({ resource: { aws_x: { y: { tags: { dynamic: 'yes' } } } } });
      expect(s.resources.get('aws_x.y')!.values.tags).toEqual({ dynamic: 'yes' });
      expect(s.resources.get('aws_x.y')!.dynamicBlocks).toBeUndefined();
    });
  });
});

describe('isSpecificUnknown on unknowns built outside the evaluator', () => {
  test.each([
    ['${aws_iam_role.r.arn}', ['aws_iam_role.r.arn'], true],
    ['${aws_s3_bucket.b.arn}/*', ['aws_s3_bucket.b.arn'], true],
    ['*${aws_s3_bucket.b.arn}', ['aws_s3_bucket.b.arn'], false],
    ['${local.on ? aws_iam_role.r.arn : "*"}', ['aws_iam_role.r.arn'], false],
    ['${replace(aws_iam_role.r.arn, "a", "*")}', ['aws_iam_role.r.arn'], false],
    ['%{ if true }${aws_iam_role.r.arn}%{ endif }', ['aws_iam_role.r.arn'], false],
    ['${aws_iam_role.r.tags}', ['aws_iam_role.r.tags'], false],
    ['x (known after apply)', ['aws_iam_role.r.arn'], false],
  ])('%s → %s', (text, refs, expected) => {
    expect(isSpecificUnknown(unknownValue(text, refs))).toBe(expected);
  });
});
