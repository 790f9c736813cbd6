import { stackIndex } from '../../../compliance/rule-helpers/stack-index';
import { stackFromJson } from '../../../compliance/model';
import { fixtureStack, ref } from '../../support/rules-fixtures';

describe('stackIndex', () => {
  const stack = fixtureStack({
    aws_security_group: { b: { name: 'b-group' }, a: { name: 'a-group' } },
    aws_vpc: { v: {} },
  });
  const index = stackIndex(stack);

  it('lists resources by type in address order, once per stack', () => {
    expect(index.ofTypes('aws_security_group').map((r) => r.address)).toEqual(['aws_security_group.a', 'aws_security_group.b']);
    expect(index.ofTypes('aws_vpc', 'aws_security_group').map((r) => r.address)).toEqual(['aws_security_group.a', 'aws_security_group.b', 'aws_vpc.v']);
    expect(stackIndex(stack)).toBe(index);
  });

  it('resolves references and literal identifiers, and nothing else', () => {
    const types = ['aws_security_group'];
    expect(index.resolve(ref('aws_security_group.a.id'), types)).toMatchObject({ address: 'aws_security_group.a' });
    expect(index.resolve('b-group', types, ['name'])).toMatchObject({ address: 'aws_security_group.b' });
    expect(index.resolve('b-group', types)).toBe('unknown');
    expect(index.resolve(ref('aws_vpc.v.id'), types)).toBe('unknown');
    expect(index.resolve(ref('var.sg'), types)).toBe('unknown');
    expect(index.resolve(undefined, types)).toBeUndefined();
    expect(index.resolve('', types)).toBeUndefined();
  });

  it('refuses what only mentions a reference: conditionals, function calls, text around it', () => {
    const types = ['aws_security_group'];
    expect(index.resolve(ref('var.x ? aws_security_group.a.id : aws_security_group.b.id'), types)).toBe('unknown');
    expect(index.resolve(ref('var.x ? aws_security_group.a.id : var.other'), types)).toBe('unknown');
    expect(index.resolve(ref('coalesce(aws_security_group.a.id, "sg-1")'), types)).toBe('unknown');
    expect(index.resolve(`sg-${ref('aws_security_group.a.name')}x`, types)).toBe('unknown');
  });

  it('follows a reference through a local, but not through a variable', () => {
    const viaLocal = stackFromJson(
      {
        locals: { sg: ref('aws_security_group.a.id') },
        resource: { aws_security_group: { a: {} }, aws_vpc_security_group_ingress_rule: { local: { security_group_id: ref('local.sg') }, variable: { security_group_id: ref('var.sg') } } },
      },
      'locals',
      'locals.tf.json',
    );
    const idOf = (name: string) => viaLocal.resources.get(`aws_vpc_security_group_ingress_rule.${name}`)!.values.security_group_id;
    expect(stackIndex(viaLocal).resolve(idOf('local'), ['aws_security_group'])).toMatchObject({ address: 'aws_security_group.a' });
    expect(stackIndex(viaLocal).resolve(idOf('variable'), ['aws_security_group'])).toBe('unknown');
  });

  it('computes a memo once', () => {
    let calls = 0;
    const build = () => ++calls;
    expect(index.memo('test', build)).toBe(1);
    expect(index.memo('test', build)).toBe(1);
  });
});
