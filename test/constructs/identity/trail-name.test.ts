import { checkTrailName } from '../../../constructs/identity/trail-name';
import { Token } from '../../../core/cdktf';

describe('checkTrailName', () => {
  test.each(['abc', 'tenantform-audit', 'org_audit-2', 'a'.repeat(128)])('accepts %p', (name) => {
    expect(checkTrailName(name, 'trailName', 'T x')).toBe(name);
  });

  test.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(129)],
    ['a period (KMS aliases refuse it)', 'audit.trail'],
    ['a leading hyphen', '-audit'],
    ['a trailing underscore', 'audit_'],
    ['a slash', 'audit/trail'],
    ['empty', ''],
  ])('refuses %s with TF-IAM-052, naming the prop and the value', (_why, name) => {
    expect(() => checkTrailName(name, 'organizationTrail.trailName', 'SecurityServices x')).toThrow(new RegExp(`^\\[TF-IAM-052\\] SecurityServices x: organizationTrail\\.trailName must be 3-128 .*Got: ${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  });

  test('a lower limit applies where the name is part of a shorter one', () => {
    expect(() => checkTrailName('a'.repeat(57), 'trailName', 'T x', 56)).toThrow(/3-56/);
  });

  test('a token passes: its value is only known at apply', () => {
    const token = Token.asString({ ref: 'x' });
    expect(checkTrailName(token, 'trailName', 'T x')).toBe(token);
  });
});
