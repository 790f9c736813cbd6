import { withDefaults } from '../../../core/validation';

describe('withDefaults', () => {
  const defaults = { period: 'MONTH', limit: 1000 };

  test('a set override wins, including falsy values', () => {
    expect(withDefaults(defaults, { limit: 0 })).toEqual({ period: 'MONTH', limit: 0 });
  });

  test('an explicit undefined keeps the default, as an absent key does', () => {
    expect(withDefaults(defaults, { period: undefined })).toEqual(defaults);
    expect(withDefaults(defaults, undefined)).toEqual(defaults);
  });

  test('the defaults object is not changed', () => {
    withDefaults(defaults, { limit: 5 });
    expect(defaults.limit).toBe(1000);
  });
});
