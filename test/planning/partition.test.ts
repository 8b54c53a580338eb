import type { TerraformStack } from "cdktf";
import { resolveOrg } from "../../environments/load";
import type { OrgConfigInput } from "../../environments/schema";
import { accountRootArn, arnOf, awsManagedPolicyArn, partitionOf, partitionOfArn, regionalArn } from "../../planning/partition";
import { configProblemsOf } from "../support/config-problems";
import { buildTestOrg, exampleOrgInput, synthStack } from "../support/synth";

/**
 * The example org moved to GovCloud: us-east-1 → us-gov-west-1, eu-west-1 → us-gov-east-1
 * (ap-southeast-1 has no GovCloud counterpart and is left out), role ARNs in aws-us-gov.
 */
function govCloudOrg(): OrgConfigInput {
  const org = exampleOrgInput();
  delete org.regions["ap-southeast-1"];
  for (const env of Object.values(org.environments)) delete env.regions["ap-southeast-1"];
  const text = JSON.stringify(org)
    .replaceAll("us-east-1", "us-gov-west-1")
    .replaceAll("use1-az4", "usgw1-az3")
    .replaceAll("use1-az", "usgw1-az")
    .replaceAll("eu-west-1", "us-gov-east-1")
    .replaceAll("euw1-az", "usge1-az")
    .replaceAll("arn:aws:", "arn:aws-us-gov:");
  return JSON.parse(text) as OrgConfigInput;
}

describe("partitions", () => {
  it("takes the partition from the region", () => {
    expect(partitionOf("us-east-1")).toBe("aws");
    expect(partitionOf("eu-west-1")).toBe("aws");
    expect(partitionOf("us-gov-west-1")).toBe("aws-us-gov");
    expect(partitionOf("us-gov-east-1")).toBe("aws-us-gov");
    expect(partitionOf("cn-north-1")).toBe("aws-cn");
    expect(partitionOf("cn-northwest-1")).toBe("aws-cn");
  });

  it("reads the partition of an ARN and refuses one it does not know", () => {
    expect(partitionOfArn("arn:aws-us-gov:iam::111111111111:role/deploy")).toBe("aws-us-gov");
    expect(() => partitionOfArn("arn:aws-moon:iam::111111111111:role/deploy")).toThrow(/not an ARN of a known partition/);
  });

  it("writes ARNs in the region's partition, with empty fields for global services", () => {
    expect(regionalArn("us-gov-west-1", "kms", "111111111111", "alias/org-tfstate")).toBe("arn:aws-us-gov:kms:us-gov-west-1:111111111111:alias/org-tfstate");
    expect(regionalArn("cn-north-1", "ecs", "111111111111", "cluster/*")).toBe("arn:aws-cn:ecs:cn-north-1:111111111111:cluster/*");
    expect(accountRootArn("aws-us-gov", "111111111111")).toBe("arn:aws-us-gov:iam::111111111111:root");
    expect(awsManagedPolicyArn("aws-cn", "AmazonEKSClusterPolicy")).toBe("arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy");
    expect(arnOf("aws", { service: "organizations", account: "111111111111", resource: "ou/o-abc/ou-1" })).toBe(
      "arn:aws:organizations::111111111111:ou/o-abc/ou-1",
    );
  });

  it("refuses an org whose regions span two partitions, naming the region and the fix", () => {
    const problems = configProblemsOf((o) => {
      o.regions["us-gov-west-1"] = { group: "us", azIds: ["usgw1-az1", "usgw1-az2"], addressSpace: "10.48.0.0/12", transitGatewayAsn: 64520 };
    });
    expect(problems).toContain(
      "regions.us-gov-west-1: us-gov-west-1 is in partition aws-us-gov but stateRegion us-east-1 is in aws; accounts, Transit Gateway peerings and RAM shares stay inside one partition, so keep one org file per partition",
    );
  });

  describe("a GovCloud org", () => {
    const model = resolveOrg(govCloudOrg(), "govcloud-org (test)");
    const stacks: TerraformStack[] = Object.values(buildTestOrg(model))
      .flat()
      .filter((s): s is TerraformStack => typeof s === "object" && s !== null && "node" in s);
    const arns = stacks.flatMap((stack) => synthStack(stack).text.match(/arn:[a-z-]+:[a-z0-9-]*:/g) ?? []);

    it("synthesizes stacks that write ARNs", () => {
      expect(stacks.length).toBeGreaterThan(10);
      expect(arns.length).toBeGreaterThan(100);
    });

    it("writes every ARN in the aws-us-gov partition", () => {
      expect(arns.filter((arn) => !arn.startsWith("arn:aws-us-gov:"))).toEqual([]);
    });
  });
});
