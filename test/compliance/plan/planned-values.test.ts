import { valueAt, withUnknowns } from '../../../compliance/plan/planned-values';
import { isUnknown, unknownValue } from '../../../compliance/values';

describe('withUnknowns', () => {
  const fill = (path: readonly (string | number)[]) => unknownValue(path.join('.'));

  test('an unknown list entry (null in the values) becomes an unknown, not a null', () => {
    const out = withUnknowns({ statement: [{ resources: [null, 'arn:aws:s3:::b'] }] }, { statement: [{ resources: [true, false] }] }, fill);
    const resources = (out.statement as { resources: unknown[] }[])[0]!.resources;
    expect(isUnknown(resources[0])).toBe(true);
    expect(resources[1]).toBe('arn:aws:s3:::b');
  });

  test('an attribute left out of the values because it is unknown is added back as unknown', () => {
    expect(isUnknown(withUnknowns({ name: 'n' }, { arn: true }, fill).arn)).toBe(true);
  });

  test('a filler that answers "not set" leaves the attribute out', () => {
    expect(withUnknowns({ name: 'n' }, { arn: true }, () => undefined)).toEqual({ name: 'n' });
  });

  test('nulls and empty lists are dropped from objects, as config mode never sees what is not written', () => {
    expect(withUnknowns({ a: null, b: { c: null, d: 1, f: [] }, e: [null], g: [] }, undefined, fill)).toEqual({ b: { d: 1 }, e: [null] });
  });

  test('nesting beyond any schema is unknown, not a stack overflow', () => {
    let mask: unknown = true;
    for (let i = 0; i < 200; i++) mask = [mask];
    expect(JSON.stringify(withUnknowns({}, { a: mask }, fill))).toContain('nested too deeply');
  });
});

test('valueAt reads a single nested block written as one object like a list of one', () => {
  expect(valueAt({ rule: { id: 'x' } }, ['rule', 0, 'id'])).toBe('x');
  expect(valueAt({ rule: [{ id: 'x' }] }, ['rule', 0, 'id'])).toBe('x');
  expect(isUnknown(valueAt({ rule: unknownValue('${var.r}') }, ['rule', 0, 'id']))).toBe(true);
  expect(valueAt({ rule: [] }, ['rule', 0, 'id'])).toBeUndefined();
});
