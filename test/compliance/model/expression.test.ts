import { describeForm, parseExpression } from '../../../compliance/model/expression';

describe('parseExpression', () => {
  test('references, with attribute, index and key steps', () => {
    expect(parseExpression('aws_iam_role.r.arn')).toEqual({ kind: 'ref', path: ['aws_iam_role', 'r', 'arn'], text: 'aws_iam_role.r.arn' });
    expect(parseExpression('aws_a.a.cfg[0].mode')).toEqual({ kind: 'ref', path: ['aws_a', 'a', 'cfg', 0, 'mode'], text: 'aws_a.a.cfg[0].mode' });
    expect(parseExpression('aws_a.a.cfg.1.mode')).toMatchObject({ path: ['aws_a', 'a', 'cfg', 1, 'mode'] });
    expect(parseExpression('local.m["k-1"]')).toMatchObject({ path: ['local', 'm', 'k-1'] });
    expect(parseExpression('data.terraform_remote_state.cross-stack-reference-input-dev.outputs.x')).toMatchObject({ path: ['data', 'terraform_remote_state', 'cross-stack-reference-input-dev', 'outputs', 'x'] });
  });

  test('literals, tuples, objects (= or :), quoted templates and jsonencode', () => {
    expect(parseExpression('true')).toEqual({ kind: 'literal', value: true });
    expect(parseExpression('-1.5e2')).toEqual({ kind: 'literal', value: -150 });
    expect(parseExpression('"a\\"b"')).toEqual({ kind: 'literal', value: 'a"b' });
    expect(parseExpression('"${local.x}/*"')).toEqual({ kind: 'template', text: '${local.x}/*' });
    expect(parseExpression('[1, "x",]')).toEqual({ kind: 'tuple', items: [{ kind: 'literal', value: 1 }, { kind: 'literal', value: 'x' }] });
    expect(parseExpression('{a = 1, "b": null\n c = [] }')).toEqual({
      kind: 'object',
      entries: [
        ['a', { kind: 'literal', value: 1 }],
        ['b', { kind: 'literal', value: null }],
        ['c', { kind: 'tuple', items: [] }],
      ],
    });
    expect(parseExpression('jsonencode({a = local.b})')).toMatchObject({ kind: 'jsonencode', arg: { kind: 'object' } });
  });

  test.each([
    ['c ? "*" : "x"', 'a conditional expression'],
    ['[for s in l : s]', 'a `for` expression'],
    ['{for k, v in m : k => v}', 'a `for` expression'],
    ['aws_x.y[*].arn', 'a splat expression'],
    ['aws_x.y.*.arn', 'a splat expression'],
    ['lower("*")', 'a call of the function lower()'],
    ['provider::aws::arn_parse("x")', 'a call of the function provider::aws::arn_parse()'],
    ['local.l[local.i]', 'an index computed by an expression'],
    ['local.n + 1', 'an operator expression'],
    ['!local.on', 'an operator expression'],
    ['"a\\u0041"', 'an expression form config mode does not evaluate'],
  ])('%s is unsupported: %s', (source, form) => {
    expect(parseExpression(source)).toEqual({ unsupported: form });
  });

  test('nesting past the bound is unsupported, not a stack overflow', () => {
    expect(parseExpression(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toHaveProperty('unsupported');
  });

  test('describeForm ignores what is inside string literals', () => {
    expect(describeForm('"a ? b : c"')).toBe('an expression form config mode does not evaluate');
  });
});
