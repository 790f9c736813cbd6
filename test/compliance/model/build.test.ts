import { stackFromJson } from '../../../compliance/model';
import { TenantformError } from '../../../core/errors';

describe('stackFromJson', () => {
  test('records module calls, in the object and the array form, with their source', () => {
    const s = stackFromJson({ module: [{ net: { source: './mod' } }, { extra: [{ source: 'terraform-aws-modules/vpc/aws', version: '5.0.0' }] }] }, 's', 's.tf.json');
    expect(s.modules).toEqual([
      { name: 'net', source: './mod' },
      { name: 'extra', source: 'terraform-aws-modules/vpc/aws' },
    ]);
    expect(stackFromJson({}, 's', 's.tf.json').modules).toEqual([]);
  });

  test('normalizes every JSON form first: array-form resources read like object-form ones', () => {
    const object = stackFromJson({ resource: { aws_kms_key: { k: { enable_key_rotation: false } } } }, 's', 'a.tf.json');
    const array = stackFromJson({ resource: [{ aws_kms_key: [{ k: [{ enable_key_rotation: false }] }] }] }, 's', 'b.tf.json');
    expect(array.resources.get('aws_kms_key.k')!.values).toEqual(object.resources.get('aws_kms_key.k')!.values);
  });

  test('refuses what Terraform refuses, with a coded error', () => {
    expect(() => stackFromJson([1, 2], 's', 'bad.tf.json')).toThrow(TenantformError);
  });

  test('lists the dynamic blocks of each resource', () => {
    const s = stackFromJson({ resource: { aws_security_group: { g: { dynamic: { ingress: { for_each: '${var.rules}', content: { from_port: 22 } } } } } } }, 's', 's.tf.json');
    expect(s.resources.get('aws_security_group.g')!.dynamicBlocks).toEqual(['ingress']);
  });

  test('a block, output or key named __proto__ is an ordinary name', () => {
    // JSON.parse, as the loader would: an object literal would set the prototype instead.
    const json: unknown = JSON.parse('{"locals":{"__proto__":"x"},"output":{"__proto__":{"value":"${local.__proto__}"}},"resource":{"aws_x":{"y":{"v":"${local.__proto__}","tags":{"__proto__":"t"}}}}}');
    const s = stackFromJson(json, 's', 's.tf.json');
    expect(s.resources.get('aws_x.y')!.values.v).toBe('x');
    expect(Object.keys(s.resources.get('aws_x.y')!.values.tags as object)).toEqual(['__proto__']);
    expect(Object.keys(s.outputs!)).toEqual(['__proto__']);
  });
});

describe('dynamic blocks reach what reads them', () => {
  test('a role whose trust policy is a policy document with a dynamic statement depends on that dynamic block', () => {
    const s = stackFromJson(
      {
        data: { aws_iam_policy_document: { t: { dynamic: { statement: { for_each: '${local.ids}', content: { actions: ['sts:AssumeRole'] } } } } } },
        resource: { aws_iam_role: { r: { assume_role_policy: '${data.aws_iam_policy_document.t.json}' } }, aws_iam_user: { u: { name: 'u' } } },
      },
      's',
      's.tf.json',
    );
    expect(s.dataSources.get('data.aws_iam_policy_document.t')!.dynamicBlocks).toEqual(['statement']);
    expect(s.resources.get('aws_iam_role.r')!.dynamicBlocks).toEqual(['statement']);
    expect(s.resources.get('aws_iam_user.u')!.dynamicBlocks).toBeUndefined();
  });
});
