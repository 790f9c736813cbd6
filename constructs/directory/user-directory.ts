import { CognitoIdentityProvider, CognitoUserGroup, CognitoUserPool, CognitoUserPoolClient, CognitoUserPoolDomain } from '../../core/aws';
import { Construct, Token } from '../../core/cdktf';
import { environmentOf } from '../../core/environment-context';
import { describeConstruct, TenantformError } from '../../core/errors';
import { validateProps } from '../../core/validation';
import { UserDirectoryPropsSchema } from './user-directory.schema';

/** A corporate identity provider the directory federates with. */
export type FederatedIdentityProvider =
  | { readonly kind: 'SAML'; readonly name: string; readonly metadataUrl: string }
  | { readonly kind: 'OIDC'; readonly name: string; readonly issuer: string; readonly clientId: string; readonly clientSecret: string };

export interface DirectoryPasswordPolicy {
  /** @default 14 */
  readonly minimumLength?: number;
  /** Days a temporary password an administrator set stays valid. @default 3 */
  readonly temporaryPasswordValidityDays?: number;
  /** Previous passwords a user may not reuse. @default 5 */
  readonly passwordHistorySize?: number;
}

export interface DirectoryGroup {
  /** Group name; it reaches the app in the token's `cognito:groups` claim. */
  readonly name: string;
  readonly description?: string;
  /** An administrators' group: the directory then requires MFA for everyone (Cognito sets MFA per pool). @default false */
  readonly admin?: boolean;
}

export interface UserDirectoryProps {
  /** Short lowercase label, part of every name, e.g. `data`. */
  readonly directoryName: string;
  /** Prefix of the hosted sign-in domain `<prefix>.auth.<region>.amazoncognito.com`; globally unique. */
  readonly domainPrefix: string;
  /** HTTPS URLs the app client may return to after sign-in. */
  readonly callbackUrls: readonly string[];
  /** HTTPS URLs the app client may return to after sign-out. @default - the callback URLs */
  readonly logoutUrls?: readonly string[];
  /**
   * Federate with a corporate identity provider. Users then sign in only there: the directory keeps no passwords of its own.
   * @default - local users (created by administrators only, no self sign-up)
   */
  readonly federation?: FederatedIdentityProvider;
  /** @default - minimum 14 characters, every character class, temporary passwords 3 days */
  readonly passwordPolicy?: DirectoryPasswordPolicy;
  /**
   * `required`: every user sets up an authenticator app. `optional` leaves it to each user, which
   * the gate reports (TF-MFA-20), and is refused outright when an admin group exists.
   * @default 'required'
   */
  readonly mfa?: 'required' | 'optional';
  /** @default - none */
  readonly groups?: readonly DirectoryGroup[];
}

const LABEL = /^[a-z][a-z0-9-]{0,29}$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const GROUP = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
const PROVIDER_NAME = /^[A-Za-z0-9_-]{3,32}$/;

/**
 * A Cognito user pool for a single-page app: a strong password policy,
 * authenticator-app MFA (required by default, always with admin groups), threat
 * protection enforced (Plus tier), no self sign-up, deletion protection,
 * an optional SAML or OIDC federation that then becomes the only way in,
 * and a public app client without a secret using the authorization-code
 * flow (PKCE) with token revocation.
 */
export class UserDirectory extends Construct {
  public readonly userPool: CognitoUserPool;
  public readonly client: CognitoUserPoolClient;
  public readonly domain: CognitoUserPoolDomain;
  public readonly identityProvider?: CognitoIdentityProvider;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    const where = describeConstruct('UserDirectory', this.node);
    validateProps(UserDirectoryPropsSchema, props, where);
    const env = environmentOf(this, 'UserDirectory');
    if (!LABEL.test(props.directoryName) || !DOMAIN_PREFIX.test(props.domainPrefix) || /aws|amazon|cognito/.test(props.domainPrefix)) {
      throw new TenantformError({ code: 'TF-DIR-001', where, problem: 'directoryName must be a lowercase label (1-30), and domainPrefix a lowercase DNS label without "aws", "amazon" or "cognito".', value: { directoryName: props.directoryName, domainPrefix: props.domainPrefix }, fix: 'use e.g. directoryName "data" and domainPrefix "acme-data-dev".' });
    }
    const password = props.passwordPolicy ?? {};
    const minimumLength = password.minimumLength ?? 14;
    const temporaryDays = password.temporaryPasswordValidityDays ?? 3;
    const history = password.passwordHistorySize ?? 5;
    if (!Number.isInteger(minimumLength) || minimumLength < 12 || minimumLength > 99 || !Number.isInteger(temporaryDays) || temporaryDays < 1 || temporaryDays > 7 || !Number.isInteger(history) || history < 0 || history > 24) {
      throw new TenantformError({ code: 'TF-DIR-002', where, problem: 'password policy out of range: minimumLength 12-99, temporaryPasswordValidityDays 1-7, passwordHistorySize 0-24.', value: password, fix: 'use minimumLength 14, temporaryPasswordValidityDays 3.' });
    }
    const groups = props.groups ?? [];
    const seen = new Set<string>();
    for (const g of groups) {
      if (!GROUP.test(g.name) || seen.has(g.name)) throw new TenantformError({ code: 'TF-DIR-003', where, problem: 'group names must be 1-128 visible characters and distinct.', value: g.name, fix: 'use e.g. "DataAdmins".' });
      seen.add(g.name);
      if (g.description !== undefined && g.description.length > 2048) throw new TenantformError({ code: 'TF-DIR-003', where, problem: `group ${g.name} has a description longer than the 2048 characters Cognito keeps.`, value: g.description, fix: 'shorten it to a line or two.' });
    }
    const hasAdmin = groups.some((g) => g.admin === true);
    const mfa = props.mfa ?? 'required';
    if (mfa === 'optional' && hasAdmin) {
      throw new TenantformError({ code: 'TF-DIR-004', where, problem: 'Cognito sets MFA for the whole pool, so a directory with an admin group must require it.', value: { mfa, adminGroups: groups.filter((g) => g.admin).map((g) => g.name) }, fix: 'leave mfa at its default ("required"), or drop admin: true.' });
    }
    for (const url of [...props.callbackUrls, ...(props.logoutUrls ?? [])]) {
      if (!Token.isUnresolved(url) && !/^https:\/\/[a-z0-9.-]+(?::\d+)?(?:\/[^\s#]*)?$/.test(url)) {
        throw new TenantformError({ code: 'TF-DIR-005', where, problem: 'callback and logout URLs must be https:// URLs without fragments (tokens must never travel over plain HTTP).', value: url, fix: 'use e.g. "https://ui.data.example.com/".' });
      }
    }
    if (props.callbackUrls.length === 0) {
      throw new TenantformError({ code: 'TF-DIR-005', where, problem: 'the app client needs at least one callback URL.', value: props.callbackUrls, fix: 'pass the SPA\'s https URL.' });
    }
    const federation = props.federation;
    if (federation && (!PROVIDER_NAME.test(federation.name) || (federation.kind === 'SAML' ? !/^https:\/\//.test(federation.metadataUrl) : !/^https:\/\//.test(federation.issuer)))) {
      throw new TenantformError({ code: 'TF-DIR-006', where, problem: 'a federated provider needs a name of 3-32 letters, digits, hyphens or underscores and an https metadata URL (SAML) or issuer (OIDC).', value: federation.kind === 'OIDC' ? { ...federation, clientSecret: '(hidden)' } : federation, fix: 'e.g. { kind: "SAML", name: "Okta", metadataUrl: "https://acme.okta.com/app/.../sso/saml/metadata" }.' });
    }
    const name = `tf-${env.name}-${props.directoryName}`;

    this.userPool = new CognitoUserPool(this, 'user-pool', {
      name,
      deletionProtection: 'ACTIVE',
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      usernameConfiguration: { caseSensitive: false },
      // Users are provisioned by administrators or come from the identity provider; nobody signs up alone.
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      passwordPolicy: { minimumLength, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: temporaryDays, passwordHistorySize: history },
      mfaConfiguration: mfa === 'required' ? 'ON' : 'OPTIONAL',
      // Authenticator apps only: SMS codes can be intercepted.
      softwareTokenMfaConfiguration: { enabled: true },
      userPoolTier: 'PLUS',
      userPoolAddOns: { advancedSecurityMode: 'ENFORCED' },
      accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
    });
    this.domain = new CognitoUserPoolDomain(this, 'domain', { domain: props.domainPrefix, userPoolId: this.userPool.id });

    if (federation) {
      this.identityProvider = new CognitoIdentityProvider(this, 'identity-provider', {
        userPoolId: this.userPool.id,
        providerName: federation.name,
        providerType: federation.kind,
        providerDetails:
          federation.kind === 'SAML'
            ? { MetadataURL: federation.metadataUrl, IDPSignout: 'true' }
            : { client_id: federation.clientId, client_secret: federation.clientSecret, oidc_issuer: federation.issuer, authorize_scopes: 'openid email profile', attributes_request_method: 'GET' },
        attributeMapping: federation.kind === 'SAML' ? { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' } : { email: 'email' },
      });
    }

    this.client = new CognitoUserPoolClient(this, 'spa-client', {
      name: `${name}-spa`,
      userPoolId: this.userPool.id,
      // A browser app cannot keep a secret.
      generateSecret: false,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ['code'],
      allowedOauthScopes: ['openid', 'email', 'profile'],
      callbackUrls: [...props.callbackUrls],
      logoutUrls: [...(props.logoutUrls ?? props.callbackUrls)],
      supportedIdentityProviders: federation ? [federation.name] : ['COGNITO'],
      explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      accessTokenValidity: 60,
      idTokenValidity: 60,
      refreshTokenValidity: 12,
      tokenValidityUnits: [{ accessToken: 'minutes', idToken: 'minutes', refreshToken: 'hours' }],
      dependsOn: this.identityProvider ? [this.identityProvider] : undefined,
    });

    groups.forEach((g) => {
      new CognitoUserGroup(this, `group-${g.name}`, { userPoolId: this.userPool.id, name: g.name, description: g.description });
    });
  }
}
