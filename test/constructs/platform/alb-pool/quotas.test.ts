import { validateAlbCount, validatePlacements, validateRulesPerAlb } from '../../../../constructs/platform/alb-pool/quotas';
import { errorCode } from '../../../support/platform-fixtures';

describe('validateAlbCount', () => {
  it.each([1, 2, 20])('accepts %p', (n) => expect(validateAlbCount(n, 'test')).toBe(n));
  it.each([0, -1, 21, 1.5, Number.NaN])('rejects %p with TF-PLT-004', (n) => {
    expect(errorCode(() => validateAlbCount(n, 'test'))).toBe('TF-PLT-004');
  });
});

describe('validateRulesPerAlb', () => {
  it.each([0, 1001, 2.5])('rejects %p with TF-PLT-006', (n) => {
    expect(errorCode(() => validateRulesPerAlb(n, 'test'))).toBe('TF-PLT-006');
  });
});

describe('validatePlacements', () => {
  const ok = [
    { id: 'acme', alb: 0, priority: 1 },
    { id: 'globex', alb: 1, priority: 1 },
  ];

  it('accepts unique tenants on pool ALBs, same priority on different ALBs', () => {
    expect(() => validatePlacements(ok, 2, 100, 'test')).not.toThrow();
  });

  it('TF-PLT-005: placement on an ALB outside the pool', () => {
    expect(errorCode(() => validatePlacements(ok, 1, 100, 'test'))).toBe('TF-PLT-005');
    expect(errorCode(() => validatePlacements([{ id: 'acme', alb: -1, priority: 1 }], 2, 100, 'test'))).toBe('TF-PLT-005');
  });

  it('TF-PLT-006: more tenants on one ALB than its rule quota', () => {
    const three = ['a', 'b', 'c'].map((id, i) => ({ id, alb: 0, priority: i + 1 }));
    expect(() => validatePlacements(three, 1, 3, 'test')).not.toThrow();
    expect(errorCode(() => validatePlacements(three, 1, 2, 'test'))).toBe('TF-PLT-006');
  });

  it.each([
    ['duplicate on one listener', [{ id: 'a', alb: 0, priority: 5 }, { id: 'b', alb: 0, priority: 5 }]],
    ['zero', [{ id: 'a', alb: 0, priority: 0 }]],
    ['above 50000', [{ id: 'a', alb: 0, priority: 50_001 }]],
    ['fractional', [{ id: 'a', alb: 0, priority: 1.5 }]],
  ])('TF-PLT-007: priority %s', (_why, placements) => {
    expect(errorCode(() => validatePlacements(placements, 1, 100, 'test'))).toBe('TF-PLT-007');
  });

  it.each([
    ['uppercase', 'Acme'],
    ['dot', 'a.b'],
    ['reserved', 'gateway'],
    ['empty', ''],
  ])('TF-PLT-010: tenant ID %s', (_why, id) => {
    expect(errorCode(() => validatePlacements([{ id, alb: 0, priority: 1 }], 1, 100, 'test'))).toBe('TF-PLT-010');
  });

  it('TF-PLT-010: the same tenant twice', () => {
    expect(errorCode(() => validatePlacements([{ id: 'a', alb: 0, priority: 1 }, { id: 'a', alb: 0, priority: 2 }], 1, 100, 'test'))).toBe('TF-PLT-010');
  });
});
