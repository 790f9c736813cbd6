import { formatValue, TenantformError } from '../../core/errors';

describe('formatValue', () => {
  test.each<[unknown, string]>([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [undefined, 'undefined'],
    ['false', '"false"'],
    [false, 'false'],
    [null, 'null'],
    [42, '42'],
    [10n, '10n'],
    [[1, NaN, undefined], '[1,NaN,undefined]'],
    [{ maxAzCount: NaN, name: undefined }, '{"maxAzCount":NaN,"name":undefined}'],
    // eslint-disable-next-line no-sparse-arrays
    [[1, , 3], '[1,<empty>,3]'],
  ])('shows %p as %s', (value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });

  test('survives cycles and cuts deep object graphs', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(formatValue(a)).toBe('{"name":"a","self":[Circular]}');
    expect(formatValue({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toBe('{"a":{"b":{"c":{"d":{"e":{…}}}}}}');
  });

  test('is what a coded error prints after "Got:"', () => {
    expect(new TenantformError({ code: 'TF-VPC-005', where: 'SharedVpc x', problem: 'bad.', value: NaN, fix: 'fix it.' }).message).toBe('[TF-VPC-005] SharedVpc x: bad. Got: NaN. Fix: fix it.');
  });
});
