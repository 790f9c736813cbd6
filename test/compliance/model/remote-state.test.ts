import { backendLocation, producerName } from '../../../compliance/model/remote-state';

describe('remote state', () => {
  test('a backend block and a remote-state data source reading it give the same location', () => {
    expect(backendLocation('s3', { bucket: 'b', key: 'k/x.tfstate', region: 'eu-west-1' })).toBe('s3://b/k/x.tfstate');
    expect(backendLocation('local', { path: '../state/x.tfstate' })).toBe('local://x.tfstate');
    expect(backendLocation('s3', { bucket: 'b' })).toBeUndefined();
    expect(backendLocation('remote', { organization: 'o' })).toBeUndefined();
  });

  test.each([
    ['cross-stack-reference-input-dev-platform', { key: 'whatever' }, 'dev-platform'],
    ['platform', { key: 'tenantform/dev-platform.tfstate' }, 'dev-platform'],
    ['platform', { key: 'dev-platform/terraform.tfstate' }, 'dev-platform'],
    ['platform', { path: 'state/dev-network.tfstate' }, 'dev-network'],
    ['platform', { bucket: 'b' }, undefined],
  ])('producerName(%s, %j) is %s', (name, config, expected) => {
    expect(producerName(name, config)).toBe(expected);
  });
});
