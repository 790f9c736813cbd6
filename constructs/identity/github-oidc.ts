import { IamOpenidConnectProvider } from '../../core/aws';
import { Construct } from '../../core/cdktf';

/** GitHub Actions' OIDC issuer (without scheme, as IAM condition keys spell it). */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
/** The audience GitHub's aws-actions/configure-aws-credentials asks for. */
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/**
 * The account's trust in GitHub Actions tokens. One per account; roles decide
 * which repository and environment they accept. IAM verifies GitHub's
 * certificate through its own trust store, so no thumbprint is pinned.
 */
export class GithubOidcProvider extends Construct {
  public readonly provider: IamOpenidConnectProvider;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.provider = new IamOpenidConnectProvider(this, 'provider', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
  }

  public get arn(): string {
    return this.provider.arn;
  }
}
