import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { Construct } from "constructs";

/** Anything RAM can share: subnets, Transit Gateways… */
export interface Shareable {
  readonly arn: string;
}

/** Resources of the network account offered to other accounts of the organization. */
export interface ResourceShareProps {
  /** Name of the share, e.g. "dev-us-east-1-subnets". */
  readonly name: string;
  /** Resources to share, keyed by a stable name (it names the association). */
  readonly resources: Readonly<Record<string, Shareable>>;
  /** Account ids, OU ARNs or the organization ARN. */
  readonly principals: readonly string[];
}

/**
 * A RAM share closed to accounts outside the organization. Inside an organization with RAM
 * sharing enabled, account and OU principals need no invitation to accept.
 */
export class ResourceShare extends Construct {
  public readonly share: RamResourceShare;
  public readonly resourceAssociations: readonly RamResourceAssociation[];
  public readonly principalAssociations: readonly RamPrincipalAssociation[];

  constructor(scope: Construct, id: string, props: ResourceShareProps) {
    super(scope, id);
    if (!props.principals.length) throw new Error(`resource share ${props.name} has no principals; name at least one account or OU`);
    this.share = new RamResourceShare(this, "share", {
      name: props.name,
      allowExternalPrincipals: false,
      tags: { Name: props.name },
    });
    this.resourceAssociations = Object.entries(props.resources).map(
      ([key, resource]) => new RamResourceAssociation(this, `resource-${key}`, { resourceShareArn: this.share.arn, resourceArn: resource.arn }),
    );
    this.principalAssociations = props.principals.map(
      (principal) =>
        // An OU ARN ends in its id: keyed by the id, reordering principals moves nothing.
        new RamPrincipalAssociation(this, `principal-${principal.split("/").pop()}`, { resourceShareArn: this.share.arn, principal }),
    );
  }
}
