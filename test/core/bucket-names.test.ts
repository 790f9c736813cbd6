import { isS3BucketName } from '../../core/bucket-names';

describe('isS3BucketName', () => {
  test.each(['abc', 'acme-prod-tfstate', 'logs.example.com', 'a'.repeat(63), '1bucket'])('accepts %p', (name) => {
    expect(isS3BucketName(name)).toBe(true);
  });

  test.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(64)],
    ['upper case', 'Acme'],
    ['an underscore', 'acme_logs'],
    ['a leading hyphen', '-acme'],
    ['a trailing dot', 'acme.'],
    ['two dots in a row', 'acme..logs'],
    ['an IPv4 address', '192.168.5.4'],
    ['empty', ''],
  ])('refuses %s', (_why, name) => {
    expect(isS3BucketName(name)).toBe(false);
  });
});
