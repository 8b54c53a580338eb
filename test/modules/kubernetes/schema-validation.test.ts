import { Fn } from "cdktf";
import { models } from "../../../modules/kubernetes/models";
import { ManifestSchemaError, validateModel } from "../../../modules/kubernetes/schema-validation";

function nodeClass(subnetId: string, extra: Record<string, unknown> = {}) {
  const EC2NodeClass = models.EC2NodeClass();
  return new EC2NodeClass({
    metadata: { name: "default" },
    spec: {
      role: "node-role",
      amiSelectorTerms: [{ alias: "al2023@latest" }],
      subnetSelectorTerms: [{ id: subnetId }],
      securityGroupSelectorTerms: [{ id: "sg-0abc" }],
      ...extra,
    },
  });
}

describe("validateModel", () => {
  it("accepts an object that matches its schema", () => {
    expect(() => validateModel(nodeClass("subnet-0abc"), "EC2NodeClass default")).not.toThrow();
  });

  it("reports every violation with its path", () => {
    expect(() => validateModel(nodeClass("not-a-subnet", { kubelet: { maxPods: "many" } }), "EC2NodeClass default")).toThrow(
      new ManifestSchemaError("EC2NodeClass default", [
        "/spec/kubelet/maxPods must be integer",
        '/spec/subnetSelectorTerms/0/id must match pattern "subnet-[0-9a-z]+"',
      ]),
    );
  });

  it("leaves unchecked only a value Terraform knows after apply, still checking the rest", () => {
    // An expression Terraform evaluates at plan/apply, as a subnet id read from remote state is.
    const subnetFromState = Fn.lookup({ "use1-az1": "subnet-0abc" }, "use1-az1") as string;
    expect(() => validateModel(nodeClass(subnetFromState), "EC2NodeClass default")).not.toThrow();
    expect(() => validateModel(nodeClass(subnetFromState, { kubelet: { maxPods: "many" } }), "EC2NodeClass default")).toThrow(/maxPods must be integer/);
  });
});
