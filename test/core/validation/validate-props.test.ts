import { Token } from '../../../core/cdktf';
import { TenantformError } from '../../../core/errors';
import { bool, construct, dict, int, isTemplateFree, list, num, oneOf, opt, str, strict, validateProps } from '../../../core/validation';

const Schema = strict({
  name: str(),
  count: opt(int()),
  ratio: opt(num()),
  enabled: opt(bool()),
  mode: opt(oneOf(['a', 'b'] as const)),
  items: opt(list(str())),
  tags: opt(dict(str())),
  nested: opt(strict({ size: int() })),
  scope: opt(construct<object>()),
});

function errorOf(props: unknown): TenantformError {
  try {
    validateProps(Schema, props, 'Thing test/x');
  } catch (e) {
    if (e instanceof TenantformError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('validateProps', () => {
  test('valid props pass and come back typed', () => {
    expect(validateProps(Schema, { name: 'a', count: 2, enabled: false, items: ['x'], nested: { size: 1 } }, 'w').name).toBe('a');
  });

  test.each<[string, unknown, string, RegExp]>([
    ['unknown key (typo)', { name: 'a', cuont: 2 }, 'TF-PRP-001', /prop "cuont" is not one this construct takes\. Got: \{"cuont":2\}\. Fix: remove "cuont"/],
    ['nested unknown key', { name: 'a', nested: { size: 1, sise: 2 } }, 'TF-PRP-001', /"nested\.sise"/],
    ['"false" for a boolean', { name: 'a', enabled: 'false' }, 'TF-PRP-002', /"enabled" must be a boolean \(true or false\)\. Got: "false"\. Fix: pass the boolean false without quotes/],
    ['a string for a list', { name: 'a', items: 'x' }, 'TF-PRP-002', /"items" must be a list\. Got: "x"/],
    ['a number for a string', { name: -1 }, 'TF-PRP-002', /"name" must be a string\. Got: -1/],
    ['NaN', { name: 'a', count: NaN }, 'TF-PRP-003', /"count" must be a finite number\. Got: NaN/],
    ['Infinity', { name: 'a', ratio: Infinity }, 'TF-PRP-003', /Got: Infinity/],
    ['-Infinity', { name: 'a', ratio: -Infinity }, 'TF-PRP-003', /Got: -Infinity/],
    ['a fraction where AWS wants an integer', { name: 'a', count: 1.5 }, 'TF-PRP-004', /"count" must be an integer.*Got: 1\.5\. Fix: round it, e\.g\. 2/],
    ['a huge double, which JavaScript counts as an integer', { name: 'a', count: 1.7976931348623137e308 }, 'TF-PRP-014', /"count" must be an integer of at most 9007199254740991.*Got: 1\.7976931348623137e\+308/],
    ['a negative integer beyond 2^53', { name: 'a', count: -(2 ** 60) }, 'TF-PRP-014', /TF-PRP-014/],
    ['${ in a literal', { name: '${var.x}' }, 'TF-PRP-005', /"name" is taken literally.*Got: "\$\{var\.x\}".*cdktf token/],
    ['%{ in a literal', { name: 'a', tags: { team: '%{ if x }y%{ endif }' } }, 'TF-PRP-005', /"tags\.team"/],
    ['${ in a map key', { name: 'a', tags: { '${x}': 'y' } }, 'TF-PRP-005', /TF-PRP-005/],
    // eslint-disable-next-line no-sparse-arrays
    ['a sparse list', { name: 'a', items: [, 'x'] }, 'TF-PRP-006', /"items" has holes.*Got: \[<empty>,"x"\]/],
    ['a value outside a picklist', { name: 'a', mode: 'c' }, 'TF-PRP-007', /"mode" is not one of the values it accepts\. Got: "c"/],
    ['a missing required prop', {}, 'TF-PRP-008', /required prop "name" is missing\. Got: undefined/],
    ['props that are not an object', null, 'TF-PRP-002', /prop "props" must be an object\. Got: null/],
    ['a list item of the wrong type', { name: 'a', items: ['x', 3] }, 'TF-PRP-002', /"items\[1\]" must be a string/],
    ['a plain object where a construct is expected', { name: 'a', scope: { path: 'x' } }, 'TF-PRP-002', /"scope" must be a construct instance/],
  ])('%s: %s', (_why, props, code, message) => {
    const e = errorOf(props);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/^\[TF-PRP-\d{3}\] Thing test\/x: /);
    expect(e.message).toMatch(message);
  });

  test('integers up to 2^53 - 1 and cdktf number tokens (huge doubles themselves) pass as integers', () => {
    expect(() => validateProps(Schema, { name: 'a', count: Number.MAX_SAFE_INTEGER }, 'w')).not.toThrow();
    expect(() => validateProps(Schema, { name: 'a', count: Token.asNumber({ ref: 'x' }) }, 'w')).not.toThrow();
  });

  test('undefined for an optional prop is absent, not an error', () => {
    expect(() => validateProps(Schema, { name: 'a', count: undefined }, 'w')).not.toThrow();
  });

  test('cdktf tokens pass where literals are checked, but not text around them', () => {
    const token = Token.asString({ ref: 'x' });
    expect(isTemplateFree(token)).toBe(true);
    expect(isTemplateFree(`prefix-${token}`)).toBe(true);
    expect(isTemplateFree(`${token}-\${var.x}`)).toBe(false);
    expect(isTemplateFree(Token.asList({ ref: 'x' })[0]!)).toBe(true);
    expect(isTemplateFree('$${escaped}')).toBe(false);
    expect(isTemplateFree('plain $ and % and {braces}')).toBe(true);
  });
});
