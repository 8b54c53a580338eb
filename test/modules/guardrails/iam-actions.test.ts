import { actionsMatching } from "../../../modules/guardrails/iam-actions";

const names = (pattern: string) => {
  const matched = actionsMatching(pattern);
  return "actions" in matched ? matched.actions.map((a) => a.name) : matched;
};

describe("actionsMatching (AWS's action list, IAM's matching)", () => {
  it("matches case-insensitively with * and ?", () => {
    expect(names("IAM:passrole")).toEqual(["iam:PassRole"]);
    expect(names("iam:Pass*")).toEqual(["iam:PassRole"]);
    expect(names("s3:?etObject")).toEqual(expect.arrayContaining(["s3:GetObject"]));
  });

  it("knows access levels and whether an action can be scoped to resources", () => {
    const matched = actionsMatching("ec2:TerminateInstances");
    expect("actions" in matched && matched.actions).toEqual([{ name: "ec2:TerminateInstances", accessLevel: "Write", hasResourceTypes: true }]);
  });

  it("treats a wildcard in the service as every service, and names an unknown service", () => {
    expect(actionsMatching("*")).toEqual({ everything: true });
    expect(actionsMatching("*:GetObject")).toEqual({ everything: true });
    expect(actionsMatching("nosuchservice:Get*")).toEqual({ unknownService: "nosuchservice" });
    expect(names("s3:NoSuchAction")).toEqual([]);
  });
});
