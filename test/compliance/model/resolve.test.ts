import { stackFromJson } from '../../../compliance/model';
import { isUnknown, unknownValue } from '../../../compliance/values';
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
    expect(s.resources.get('aws_iam_role_policy_attachment.a')!.values.role).toEqual(unknownValue('${aws_iam_role.r.arn}', ['aws_iam_role.r.arn']));
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
    expect(v.unknown).toEqual(unknownValue('arn:aws:s3:::${var.env}-logs', ['var.env']));
  });

  test('locals and nested block paths resolve; cycles and function calls become unknown', () => {
    const s = stack({
      locals: { prefix: 'acme' },
      resource: {
        aws_a: { a: { name: '${local.prefix}-a', ref: '${aws_b.b.ref}', cfg: [{ mode: 'strict' }] } },
        aws_b: { b: { ref: '${aws_a.a.ref}', mode: '${aws_a.a.cfg[0].mode}', short: '${aws_a.a.cfg.mode}', fn: '${jsonencode({a = 1})}' } },
      },
    });
    const a = s.resources.get('aws_a.a')!.values;
    const b = s.resources.get('aws_b.b')!.values;
    expect(a.name).toBe('acme-a');
    expect(isUnknown(a.ref)).toBe(true);
    expect(b.mode).toBe('strict');
    expect(b.short).toBe('strict');
    expect(b.fn).toEqual(unknownValue('${jsonencode({a = 1})}', []));
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
      statements: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::logs/*', unknownValue('${aws_s3_bucket.b.arn}', ['aws_s3_bucket.b.arn'])] }],
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
