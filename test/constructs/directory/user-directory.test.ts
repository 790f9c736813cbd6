import { UserDirectory, UserDirectoryProps } from '../../../constructs/directory/user-directory';
import { buildIn, gateProblemsOf } from '../../support/construct-fixtures';
import { errorCode, resourceAt } from '../../support/platform-fixtures';

function directory(overrides: Partial<UserDirectoryProps> = {}) {
  return buildIn((stack) => new UserDirectory(stack, 'users', { directoryName: 'data', domainPrefix: 'acme-data-dev', callbackUrls: ['https://ui.data.example.com/'], groups: [{ name: 'DataAdmins', admin: true }, { name: 'Analysts' }], ...overrides }));
}

describe('UserDirectory', () => {
  const { json, stack } = directory();
  const pool = resourceAt(json, 'aws_cognito_user_pool', 'users/user-pool');

  it('strong passwords, authenticator-app MFA required with an admin group, threat protection, no self sign-up, deletion protection', () => {
    expect(pool.password_policy).toMatchObject({ minimum_length: 14, require_symbols: true, require_numbers: true, require_uppercase: true, require_lowercase: true });
    expect(pool).toMatchObject({ mfa_configuration: 'ON', software_token_mfa_configuration: { enabled: true }, user_pool_add_ons: { advanced_security_mode: 'ENFORCED' }, admin_create_user_config: { allow_admin_create_user_only: true }, deletion_protection: 'ACTIVE' });
  });

  it('MFA is required by default, may be optional only without admin groups, and the gate reports optional', () => {
    expect(resourceAt(directory({ groups: [] }).json, 'aws_cognito_user_pool', 'users/user-pool').mfa_configuration).toBe('ON');
    const optional = directory({ groups: [], mfa: 'optional' });
    expect(resourceAt(optional.json, 'aws_cognito_user_pool', 'users/user-pool').mfa_configuration).toBe('OPTIONAL');
    expect(gateProblemsOf(optional.stack)).toEqual([expect.stringMatching(/^TF-MFA-20 fail aws_cognito_user_pool\./)]);
    expect(errorCode(() => directory({ mfa: 'optional' }))).toBe('TF-DIR-004');
  });

  it('a SPA client without a secret, code flow, token revocation', () => {
    expect(resourceAt(json, 'aws_cognito_user_pool_client', 'users/spa-client')).toMatchObject({ generate_secret: false, allowed_oauth_flows: ['code'], supported_identity_providers: ['COGNITO'], enable_token_revocation: true, prevent_user_existence_errors: 'ENABLED' });
  });

  it('federates with a SAML provider, which becomes the only way in', () => {
    const saml = directory({ federation: { kind: 'SAML', name: 'Okta', metadataUrl: 'https://acme.okta.com/app/x/sso/saml/metadata' } }).json;
    expect(resourceAt(saml, 'aws_cognito_identity_provider', 'users/identity-provider')).toMatchObject({ provider_type: 'SAML', provider_name: 'Okta' });
    expect(resourceAt(saml, 'aws_cognito_user_pool_client', 'users/spa-client').supported_identity_providers).toEqual(['Okta']);
  });

  it('passes the gate', () => {
    expect(gateProblemsOf(stack)).toEqual([]);
  });

  it('rejects bad names, policies, groups, URLs and providers with their codes', () => {
    expect(errorCode(() => directory({ domainPrefix: 'my-cognito' }))).toBe('TF-DIR-001');
    expect(errorCode(() => directory({ passwordPolicy: { minimumLength: 8 } }))).toBe('TF-DIR-002');
    expect(errorCode(() => directory({ groups: [{ name: 'A' }, { name: 'A' }] }))).toBe('TF-DIR-003');
    expect(errorCode(() => directory({ groups: [{ name: 'A', description: 'x'.repeat(2049) }] }))).toBe('TF-DIR-003');
    expect(errorCode(() => directory({ callbackUrls: ['http://ui.data.example.com/'] }))).toBe('TF-DIR-005');
    expect(errorCode(() => directory({ federation: { kind: 'OIDC', name: 'x', issuer: 'https://idp', clientId: 'a', clientSecret: 'b' } }))).toBe('TF-DIR-006');
  });
});
