import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { Construct } from "constructs";
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST } from "./trust-statements";

/** GitHub Actions as an identity provider of one account (one per account; the roles pin who). */
export class GithubOidcProvider extends Construct {
  public readonly provider: IamOpenidConnectProvider;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // No thumbprint: IAM verifies GitHub's certificate against its own trusted CAs for this issuer.
    this.provider = new IamOpenidConnectProvider(this, "provider", {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
  }
}
