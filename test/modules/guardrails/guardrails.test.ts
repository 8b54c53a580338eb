import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, DataTerraformRemoteStateS3, S3Backend, Testing, TerraformStack } from "cdktf";
import { Guardrails, suppressedFindingsUnder } from "../../../modules/guardrails/guardrails";
import { guardrailReportOf, suppressionSummary } from "../../../modules/guardrails/report";
import { GUARDRAIL_RULES } from "../../../modules/guardrails/rules";
import { guardedStack, guardrailErrorsOf, violatedRules } from "../../support/guardrails";

describe("guardrails", () => {
  it("every rule has an id of its own, a description, a why and a fix", () => {
    const ids = GUARDRAIL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of GUARDRAIL_RULES) {
      expect(rule.id).toMatch(/^ORG-[A-Z]+-\d+$/);
      expect([rule.description, rule.why, rule.fix].every((text) => text.length > 10)).toBe(true);
      expect(rule.appliesTo.length).toBeGreaterThan(0);
    }
  });

  it("a suppression with a reason turns a violation into a recorded finding", () => {
    const stack = guardedStack();
    const bucket = new S3Bucket(stack, "scratch", { bucket: "scratch" });
    Guardrails.suppress(bucket, "ORG-DATA-1", "scratch space, recreated by every run");
    Testing.synth(stack);
    expect(suppressedFindingsUnder(stack)).toEqual([
      {
        ruleId: "ORG-DATA-1",
        reason: "scratch space, recreated by every run",
        stack: "guarded",
        path: "guarded/scratch",
        kind: "aws_s3_bucket",
        problem: "lifecycle.prevent_destroy is not set",
      },
    ]);
  });

  it("a suppression limited to kinds leaves the rule on for every other kind below it", () => {
    expect(
      violatedRules((s) => {
        Guardrails.suppress(s, "ORG-DATA-1", "keys are handled elsewhere", ["aws_kms_key"]);
        new KmsKey(s, "key", { enableKeyRotation: true, policy: "{}" });
        new S3Bucket(s, "bucket", { bucket: "b" });
      }),
    ).toEqual(["ORG-DATA-1"]);
  });

  it("a suppression without a reason is refused", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => Guardrails.suppress(stack, "ORG-DATA-1", " ")).toThrow(/needs a written reason/);
  });

  it("visits providers, backends and remote-state reads, not only resources", () => {
    const errors = guardrailErrorsOf((s) => {
      new AwsProvider(s, "other", { region: "eu-west-1", alias: "eu" });
      new S3Backend(s, { bucket: "state", key: "k", region: "us-east-1", encrypt: true });
      new DataTerraformRemoteStateS3(s, "network", { bucket: "state", key: "network", region: "us-east-1" });
    });
    expect(errors).toEqual([
      expect.stringMatching(/^\[ORG-PROV-1\] .*: provider\.aws guarded\/other: allowed_account_ids is not set/),
      expect.stringMatching(/^\[ORG-STATE-1\] .*: backend\.s3 guarded\/backend: kms_key_id is not set/),
      expect.stringMatching(/^\[ORG-STATE-1\] .*: remote_state\.s3 guarded\/network: encrypt is not true/),
    ]);
  });

  it("reads the stack's context when it runs, so a stack can switch a rule on after construction", () => {
    const stack = new TerraformStack(Testing.app(), "late");
    const context = { forbiddenRoleNames: [] as string[] };
    Aspects.of(stack).add(new Guardrails({ context: () => context }));
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["1"], assumeRole: [{ roleArn: "arn:aws:iam::1:role/Admin" }] });
    context.forbiddenRoleNames = ["Admin"];
    Testing.synth(stack);
    expect(stack.node.findAll().flatMap((c) => c.node.metadata.map((m) => String(m.data)))).toContainEqual(expect.stringMatching(/^\[ORG-ROLE-1\]/));
  });

  it("the report lists every rule and every suppressed finding; the summary one line per reason", () => {
    const stack = guardedStack();
    Guardrails.suppress(stack, "ORG-ENC-2", "a test queue");
    new SqsQueue(stack, "a", { name: "a" });
    new SqsQueue(stack, "b", { name: "b" });
    Testing.synth(stack);
    const report = guardrailReportOf(stack);
    expect(report.rules.map((r) => r.id)).toEqual(GUARDRAIL_RULES.map((r) => r.id));
    expect(report.suppressed.map((f) => f.path)).toEqual(["guarded/a", "guarded/b"]);
    expect(suppressionSummary(report)).toEqual(["[ORG-ENC-2] suppressed on 2 aws_sqs_queue element(s) in 1 stack(s): a test queue"]);
  });
});
