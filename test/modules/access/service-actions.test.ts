import {
  deployActionsFor,
  planActionsFor,
  PLAN_DENIED_DATA_READS,
  serviceOfResourceType,
  servicesOfResourceTypes,
} from "../../../modules/access/service-actions";
import { terraformTypesOf } from "../../../stacks/account-access-plan";
import { buildTestOrg } from "../../support/synth";

describe("the IAM services of Terraform types", () => {
  const allTypes = new Set(buildTestOrg().all.flatMap((s) => [...terraformTypesOf(s)]));

  it("maps every AWS type the example org uses to a service (or to none for local-only types)", () => {
    const aws = [...allTypes].filter((t) => t.startsWith("aws_"));
    expect(aws.length).toBeGreaterThan(40);
    for (const type of aws) expect(() => serviceOfResourceType(type)).not.toThrow();
    expect(servicesOfResourceTypes(allTypes)).toEqual(
      expect.arrayContaining(["batch", "ec2", "eks", "elasticfilesystem", "events", "iam", "kms", "logs", "ram", "s3", "sqs"]),
    );
  });

  it("refuses a type nobody mapped, naming the file to extend", () => {
    expect(() => serviceOfResourceType("aws_lambda_function")).toThrow(/"aws_lambda_function" has no IAM service in modules\/access\/service-actions\.ts/);
  });

  it("skips types of other providers and types that call no AWS API", () => {
    expect(servicesOfResourceTypes(["helm_release", "kubernetes_manifest", "aws_iam_policy_document", "aws_caller_identity"])).toEqual([]);
    expect(serviceOfResourceType("aws_subnet")).toBe("ec2");
    expect(serviceOfResourceType("aws_cloudwatch_log_group")).toBe("logs");
    expect(serviceOfResourceType("aws_cloudwatch_event_rule")).toBe("events");
  });
});

describe("plan and deploy actions", () => {
  const services = ["batch", "ec2", "eks", "elasticfilesystem", "events", "iam", "kms", "logs", "ram", "s3", "sqs", "ssm"];

  it("gives plans read-only families only: Describe, Get and List, S3 configuration reads, no iam:PassRole", () => {
    for (const action of planActionsFor(services)) expect(action).toMatch(/^[a-z0-9-]+:(Describe|Get|List)[A-Za-z*]*$/);
    expect(planActionsFor(services)).not.toContain("iam:PassRole");
    expect(planActionsFor(["s3"])).not.toContain("s3:Get*");
  });

  it("denies plans the reads that return data rather than configuration", () => {
    expect(PLAN_DENIED_DATA_READS).toEqual(expect.arrayContaining(["ec2:GetPasswordData", "logs:GetLogEvents", "logs:FilterLogEvents"]));
  });

  it("never grants a whole service or everything", () => {
    for (const action of deployActionsFor(services)) expect(action).not.toMatch(/^(\*|[a-z0-9-]+:\*)$/);
  });

  it("refuses a service with no deploy families listed", () => {
    expect(() => deployActionsFor(["lambda"])).toThrow(/service "lambda" has no deploy actions/);
  });
});
