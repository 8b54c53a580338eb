import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Testing } from "cdktf";
import { KEY_ADMINISTRATION_ACTIONS, KEY_READ_ACTIONS } from "../../../modules/state/state-access-policies";
import { LOG_GROUP_KEY_USE_ACTIONS, LogGroupKey } from "../../../modules/observability/log-group-key";
import type { StackJson } from "../../support/synth";

const role = (name: string) => `arn:aws:iam::555555555555:role/${name}`;
type Statement = {
  sid: string;
  effect: string;
  actions: string[];
  principals: { type: string; identifiers: string[] }[];
  condition: { test: string; variable: string; values: string[] }[];
};

describe("LogGroupKey", () => {
  const text = Testing.synthScope(
    (scope) =>
      new LogGroupKey(scope, "log-key", {
        name: "dev-us-east-1-batch",
        accountId: "555555555555",
        region: "us-east-1",
        roles: { administrators: [role("orgplat-deploy"), role("OrganizationAccountAccessRole")], planner: role("orgplat-plan") },
      }),
  );
  const json = JSON.parse(text) as StackJson;
  const statements = Object.values(json.data!.aws_iam_policy_document)[0].statement as Statement[];
  const bySid = (sid: string) => statements.find((s) => s.sid === sid)!;

  it("is a rotated key with its own policy that refuses destroy, found by an alias named after the stack", () => {
    expect(text).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(text).toHaveResourceWithProperties(KmsAlias, { name: "alias/orgplat/logs/dev-us-east-1-batch" });
  });

  it("lets CloudWatch Logs of this account and region use it, only for this account's log groups", () => {
    expect(bySid("LogGroupsOfThisAccountAndRegion")).toEqual({
      sid: "LogGroupsOfThisAccountAndRegion",
      effect: "Allow",
      actions: [...LOG_GROUP_KEY_USE_ACTIONS],
      resources: ["*"],
      principals: [{ type: "Service", identifiers: ["logs.us-east-1.amazonaws.com"] }],
      condition: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: ["arn:aws:logs:us-east-1:555555555555:log-group:*"] }],
    });
  });

  it("lets the deploy and break-glass roles administer it without any cryptographic use, and the plan role read it", () => {
    const admin = bySid("KeyAdministrationWithoutUse");
    expect(admin.actions).toEqual([...KEY_ADMINISTRATION_ACTIONS]);
    expect(admin.actions.filter((a) => /Encrypt|Decrypt|GenerateDataKey/.test(a))).toEqual([]);
    expect(admin.condition).toEqual([
      { test: "ArnEquals", variable: "aws:PrincipalArn", values: [role("orgplat-deploy"), role("OrganizationAccountAccessRole")] },
    ]);
    expect(bySid("KeyReadForPlans")).toMatchObject({
      actions: [...KEY_READ_ACTIONS],
      condition: [{ test: "ArnEquals", variable: "aws:PrincipalArn", values: [role("orgplat-plan")] }],
    });
    expect(statements.map((s) => s.sid)).toEqual(["KeyAdministrationWithoutUse", "KeyReadForPlans", "LogGroupsOfThisAccountAndRegion"]);
  });
});
