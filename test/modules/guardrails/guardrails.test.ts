import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { EfsFileSystem } from "@cdktf/provider-aws/lib/efs-file-system";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { Aspects, Testing, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { Guardrails } from "../../../modules/guardrails/guardrails";

/** Synthesizes `build` under the guardrails and returns the error they raise, if any. */
function guardrailErrorOf(build: (scope: Construct) => void): string | undefined {
  const stack = new TerraformStack(Testing.app(), "guarded");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  Aspects.of(stack).add(new Guardrails());
  build(stack);
  try {
    Testing.fullSynth(stack);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("guardrails", () => {
  it("ORG-DATA-1: a bucket without prevent_destroy stops the synth, naming rule, path and fix", () => {
    expect(guardrailErrorOf((s) => new S3Bucket(s, "logs", { bucket: "logs" }))).toMatch(
      /\[ORG-DATA-1\] Resources that hold data refuse destroy: aws_s3_bucket guarded\/logs: lifecycle\.prevent_destroy is not set\. Fix: add `lifecycle: \{ preventDestroy: true \}`/,
    );
  });

  it("ORG-DATA-1: passes a KMS key that refuses destroy", () => {
    expect(guardrailErrorOf((s) => new KmsKey(s, "key", { enableKeyRotation: true, lifecycle: { preventDestroy: true } }))).toBeUndefined();
  });

  it("ORG-ENC-1: an unencrypted EFS file system stops the synth", () => {
    expect(guardrailErrorOf((s) => new EfsFileSystem(s, "fs", { lifecycle: { preventDestroy: true } }))).toMatch(/\[ORG-ENC-1\].*encrypted is not true/);
  });

  it("ORG-ENC-2: an unencrypted SQS queue stops the synth", () => {
    expect(guardrailErrorOf((s) => new SqsQueue(s, "q", { name: "q" }))).toMatch(/\[ORG-ENC-2\]/);
    expect(guardrailErrorOf((s) => new SqsQueue(s, "q", { name: "q", sqsManagedSseEnabled: true }))).toBeUndefined();
  });

  it("ORG-NET-1: ingress from 0.0.0.0/0 stops the synth", () => {
    expect(
      guardrailErrorOf((s) => new SecurityGroup(s, "sg", { ingress: [{ fromPort: 22, toPort: 22, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }] })),
    ).toMatch(/\[ORG-NET-1\].*admits 0\.0\.0\.0\/0/);
  });

  it("ORG-IAM-1: an Allow of \"service:*\" in a policy document stops the synth", () => {
    expect(guardrailErrorOf((s) => new DataAwsIamPolicyDocument(s, "doc", { statement: [{ actions: ["ec2:*"], resources: ["*"] }] }))).toMatch(
      /\[ORG-IAM-1\].*grants "ec2:\*"/,
    );
  });

  it("ORG-IAM-1: an Allow of \"*\" in an inline JSON policy stops the synth; a Deny of s3:* does not", () => {
    const policy = (effect: string, action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: effect, Action: action, Resource: "*" }] });
    expect(guardrailErrorOf((s) => new IamRolePolicy(s, "p", { role: "r", policy: policy("Allow", "*") }))).toMatch(/\[ORG-IAM-1\]/);
    expect(guardrailErrorOf((s) => new IamRolePolicy(s, "p", { role: "r", policy: policy("Deny", "s3:*") }))).toBeUndefined();
  });

  it("a suppression with a reason turns a violation into a printed note", () => {
    expect(
      guardrailErrorOf((s) => {
        const bucket = new S3Bucket(s, "scratch", { bucket: "scratch" });
        Guardrails.suppress(bucket, "ORG-DATA-1", "scratch space, recreated by every run");
      }),
    ).toBeUndefined();
  });

  it("a suppression without a reason is refused", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => Guardrails.suppress(stack, "ORG-DATA-1", " ")).toThrow(/needs a written reason/);
  });
});
