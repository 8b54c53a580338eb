import { StackRunner } from "./stack-runner";
import type { SynthesizedStack } from "./synthesized";

function stackOf(json: SynthesizedStack["json"], accountId = "555555555555"): SynthesizedStack {
  return { name: "s", dir: "/nowhere", json, dependencies: [], accountId, providers: ["aws"], region: "us-east-1", environment: "dev", backend: { kind: "local", path: "terraform.tfstate" }, resourceCount: 0, emulator: true };
}

const runner = new StackRunner("/nowhere/terraform.rc", {});
const networkState = (account: string) => ({ config: { assume_role: { role_arn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole` } } });

describe("the e2e exclusion of what moto cannot apply", () => {
  it("excludes a gap type and everything reading it, through data sources too", () => {
    const stack = stackOf({
      resource: {
        aws_ram_resource_share: { share: {} },
        aws_ram_resource_association: { assoc: { resource_share_arn: "${aws_ram_resource_share.share.arn}" } },
        aws_iam_role: { role: { assume_role_policy: "${data.aws_iam_policy_document.trust.json}" }, unrelated: {} },
      },
      data: { aws_iam_policy_document: { trust: { statement: [{ resources: ["${aws_ram_resource_share.share.arn}"] }] } } },
    });
    expect(runner.excludedAddresses(stack).sort()).toEqual(["aws_iam_role.role", "aws_ram_resource_association.assoc", "aws_ram_resource_share.share"]);
    expect(runner.targetArgs(stack)).toEqual(["-target=aws_iam_role.unrelated"]);
  });

  it("does not mistake a longer name for a reference", () => {
    const stack = stackOf({
      resource: { aws_ram_resource_share: { share: {} }, aws_iam_role: { other: { name: "${aws_ram_resource_share.share_two.arn}" } } },
    });
    expect(runner.excludedAddresses(stack)).toEqual(["aws_ram_resource_share.share"]);
  });

  it("excludes a participant type only where it uses another account's shared networking", () => {
    const json = {
      resource: {
        aws_security_group: {
          shared: { vpc_id: "${data.terraform_remote_state.network.outputs.vpc_id}" },
          own: { vpc_id: "${aws_vpc.own.id}" },
        },
        aws_vpc: { own: {} },
      },
      data: { terraform_remote_state: { network: networkState("222222222222") } },
    };
    expect(runner.excludedAddresses(stackOf(json))).toEqual(["aws_security_group.shared"]);
    expect(runner.excludedAddresses(stackOf(json, "222222222222"))).toEqual([]);
  });

  it("excludes nothing and targets nothing for a stack moto applies whole", () => {
    const stack = stackOf({ resource: { aws_vpc: { own: {} } } });
    expect(runner.excludedAddresses(stack)).toEqual([]);
    expect(runner.targetArgs(stack)).toEqual([]);
  });
});
