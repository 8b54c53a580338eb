import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Testing } from "cdktf";
import { ResourceShare } from "../../../modules/network/resource-share";
import { resourcesOf } from "../../support/synth";

describe("ResourceShare", () => {
  it("shares the given resources with the given principals only, never outside the organization", () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        const subnet = new Subnet(scope, "subnet", { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", availabilityZoneId: "use1-az1" });
        new ResourceShare(scope, "share", {
          name: "dev-subnets",
          resources: { "private-use1-az1": subnet },
          principals: ["555555555555", "arn:aws:organizations::111111111111:ou/o-x/ou-ab12-cd34ef56"],
        });
      }),
    );
    expect(resourcesOf(json, "aws_ram_resource_share")).toEqual([{ name: "dev-subnets", allow_external_principals: false, tags: { Name: "dev-subnets" } }]);
    expect(resourcesOf(json, "aws_ram_resource_association").map((a) => a.resource_arn)).toEqual(["${aws_subnet.subnet.arn}"]);
    expect(resourcesOf(json, "aws_ram_principal_association").map((p) => p.principal)).toEqual([
      "555555555555",
      "arn:aws:organizations::111111111111:ou/o-x/ou-ab12-cd34ef56",
    ]);
    expect(Object.keys(json.resource.aws_ram_principal_association).every((k) => /principal-(555555555555|ou-ab12-cd34ef56)_/.test(k))).toBe(true);
  });

  it("refuses a share with nobody to share with", () => {
    expect(() => Testing.synthScope((scope) => new ResourceShare(scope, "share", { name: "empty", resources: {}, principals: [] }))).toThrow(
      "resource share empty has no principals; name at least one account or OU",
    );
  });
});
