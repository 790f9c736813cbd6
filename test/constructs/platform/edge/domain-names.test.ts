import { isDomainName, validateDomainName, validateSubjectAlternativeNames } from '../../../../constructs/platform/edge/domain-names';
import { errorCode } from '../../../support/platform-fixtures';

const W = 'test';

describe('validateDomainName', () => {
  it.each(['aito.app', 'dev.aito.app', 'a-b.example.co.uk', 'x1.io'])('accepts %s', (d) => {
    expect(validateDomainName(d, W)).toBe(d);
  });

  it.each([
    ['no dot', 'localhost'],
    ['uppercase', 'Aito.app'],
    ['wildcard', '*.aito.app'],
    ['trailing dot', 'aito.app.'],
    ['leading hyphen', '-aito.app'],
    ['label over 63', `${'a'.repeat(64)}.app`],
    ['empty label', 'aito..app'],
    ['numeric TLD', 'host.123'],
    ['not a string', 42],
    ['too long for tenant labels', `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(20)}.app`],
  ])('rejects %s with TF-PLT-001', (_why, d) => {
    expect(errorCode(() => validateDomainName(d, W))).toBe('TF-PLT-001');
  });

  it('isDomainName rejects over 253 characters', () => {
    expect(isDomainName(`${'a.'.repeat(127)}io`)).toBe(false);
  });
});

describe('validateSubjectAlternativeNames', () => {
  it('accepts the apex and names under it, keeping order', () => {
    expect(validateSubjectAlternativeNames('aito.app', ['aito.app', '*.eu.aito.app', 'status.aito.app'], W)).toEqual([
      'aito.app',
      '*.eu.aito.app',
      'status.aito.app',
    ]);
  });

  it.each([
    ['outside the domain', 'example.com'],
    ['suffix without a dot boundary', 'notaito.app'],
    ['wildcard not leftmost', 'eu.*.aito.app'],
    ['double wildcard', '*.*.aito.app'],
    ['the primary name again', '*.aito.app'],
    ['malformed', 'bad_name.aito.app'],
  ])('rejects a SAN %s with TF-PLT-002', (_why, san) => {
    expect(errorCode(() => validateSubjectAlternativeNames('aito.app', [san], W))).toBe('TF-PLT-002');
  });

  it('rejects duplicates with TF-PLT-002', () => {
    expect(errorCode(() => validateSubjectAlternativeNames('aito.app', ['aito.app', 'aito.app'], W))).toBe('TF-PLT-002');
  });

  it('allows 9 extra names and rejects the 10th with TF-PLT-003 (ACM quota of 10)', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `n${i}.aito.app`);
    expect(validateSubjectAlternativeNames('aito.app', nine, W)).toHaveLength(9);
    expect(errorCode(() => validateSubjectAlternativeNames('aito.app', [...nine, 'n9.aito.app'], W))).toBe('TF-PLT-003');
  });
});
