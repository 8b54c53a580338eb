import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Testing } from "cdktf";
import { TieredLogGroup, type LogTier } from "../../../modules/observability/tiered-log-group";
import { resourcesOf, type StackJson } from "../../support/synth";

const TIERS = { security: 365, application: 90, debug: 7 };

function synthGroup(tier: LogTier, id = "logs"): Record<string, unknown> {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      const key = new KmsKey(scope, "key", {});
      new TieredLogGroup(scope, id, { name: "/orgplat/test", tier, retentionDays: TIERS, key });
    }),
  ) as StackJson;
  return { ...resourcesOf(json, "aws_cloudwatch_log_group")[0], address: Object.keys(json.resource!.aws_cloudwatch_log_group)[0] };
}

describe("TieredLogGroup", () => {
  it.each([
    ["security", 365],
    ["application", 90],
    ["debug", 7],
  ] as const)("keeps a %s group for that tier's %i days, tagged with its tier", (tier, days) => {
    expect(synthGroup(tier)).toMatchObject({ retention_in_days: days, tags: { LogTier: tier } });
  });

  it("is encrypted with the key it is given and refuses destroy", () => {
    expect(synthGroup("security")).toMatchObject({ kms_key_id: "${aws_kms_key.key.arn}", lifecycle: { prevent_destroy: true } });
  });

  it("is the log group itself, so an existing group keeps its Terraform address when it becomes tiered", () => {
    const plain = JSON.parse(Testing.synthScope((scope) => new CloudwatchLogGroup(scope, "logs", { name: "/orgplat/test" }))) as StackJson;
    expect(synthGroup("application").address).toBe(Object.keys(plain.resource!.aws_cloudwatch_log_group)[0]);
  });
});
