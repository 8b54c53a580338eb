import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { guardrailErrorsOf, violatedRules } from "../../../support/guardrails";

const document = (...statement: DataAwsIamPolicyDocumentStatement[]) => violatedRules((s) => new DataAwsIamPolicyDocument(s, "doc", { statement }));
const json = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const rolePolicy = (...statements: Record<string, unknown>[]) => violatedRules((s) => new IamRolePolicy(s, "p", { role: "r", policy: json(...statements) }));
const bucket = "arn:aws:s3:::bucket/*";

describe("IAM guardrails", () => {
  describe("ORG-IAM-1: wildcards with IAM's own matching", () => {
    it('trips on "*" and on "service:*" in any case', () => {
      expect(rolePolicy({ Effect: "Allow", Action: "*", Resource: bucket })).toEqual(["ORG-IAM-1"]);
      expect(document({ actions: ["EC2:*"], resources: ["arn:aws:ec2:us-east-1:1:instance/*"] })).toEqual(["ORG-IAM-1"]);
    });

    it("trips on a partial wildcard that reaches a changing action, naming it", () => {
      const errors = guardrailErrorsOf(
        (s) => new DataAwsIamPolicyDocument(s, "doc", { statement: [{ actions: ["iam:Pass*"], resources: ["arn:aws:iam::1:role/r"] }] }),
      );
      expect(errors).toEqual([expect.stringMatching(/\[ORG-IAM-1\].*"iam:Pass\*" grants 1 changing action\(s\): iam:PassRole \(Write\)/)]);
      expect(document({ actions: ["s3:Put?bject"], resources: [bucket] })).toEqual(["ORG-IAM-1"]);
    });

    it("passes a wildcard over read and list actions only, and named actions", () => {
      expect(document({ actions: ["ec2:Describe*", "s3:GetObject"], resources: ["*"] })).toEqual([]);
    });

    it("passes a wildcard in a Deny", () => {
      expect(rolePolicy({ Effect: "Deny", Action: "s3:*", Resource: "*" })).toEqual([]);
    });
  });

  describe("ORG-IAM-2: NotAction / NotResource", () => {
    it("trips on an Allow with NotAction or NotResource", () => {
      expect(rolePolicy({ Effect: "Allow", NotAction: "iam:*", Resource: bucket })).toEqual(["ORG-IAM-2"]);
      expect(document({ actions: ["s3:GetObject"], notResources: [bucket] })).toEqual(["ORG-IAM-2"]);
    });

    it("passes NotAction in a Deny", () => {
      expect(document({ effect: "Deny", notActions: ["iam:GetRole"], resources: ["*"] })).toEqual([]);
    });
  });

  describe('ORG-IAM-3: Resource "*" with changing actions', () => {
    it("trips on a write that can be scoped, granted on every resource without a condition", () => {
      expect(document({ actions: ["s3:PutObject"], resources: ["*"] })).toEqual(["ORG-IAM-3"]);
      expect(rolePolicy({ Effect: "Allow", Action: ["ec2:TerminateInstances"], Resource: "*" })).toEqual(["ORG-IAM-3"]);
    });

    it("passes a write scoped by a condition, a write AWS cannot scope, and reads", () => {
      expect(
        document({
          actions: ["ec2:TerminateInstances"],
          resources: ["*"],
          condition: [{ test: "StringEquals", variable: "aws:ResourceTag/owner", values: ["me"] }],
        }),
      ).toEqual([]);
      expect(document({ actions: ["ecr:GetAuthorizationToken", "ec2:DescribeInstances"], resources: ["*"] })).toEqual([]);
    });
  });

  describe("ORG-IAM-4: service trusts pinned to the caller", () => {
    const trust = (service: string, condition?: DataAwsIamPolicyDocumentStatement["condition"]) =>
      document({ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: [service] }], condition });

    it("trips on a trust of a service that supports aws:SourceAccount but has none", () => {
      expect(trust("eks.amazonaws.com")).toEqual(["ORG-IAM-4"]);
      expect(
        violatedRules(
          (s) => new IamRole(s, "r", { assumeRolePolicy: json({ Effect: "Allow", Principal: { Service: "batch.amazonaws.com" }, Action: "sts:AssumeRole" }) }),
        ),
      ).toEqual(["ORG-IAM-4"]);
    });

    it("passes a pinned trust, and a service that does not support the keys (EC2)", () => {
      expect(trust("eks.amazonaws.com", [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }])).toEqual([]);
      expect(trust("ec2.amazonaws.com")).toEqual([]);
    });
  });

  describe("ORG-IAM-5: web-identity trusts", () => {
    const issuer = "oidc.eks.us-east-1.amazonaws.com/id/ABC";
    const trust = (test: string, claims: string[]) =>
      document({
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: [`arn:aws:iam::1:oidc-provider/${issuer}`] }],
        condition: claims.map((claim) => ({
          test,
          variable: `${issuer}:${claim}`,
          values: [claim === "aud" ? "sts.amazonaws.com" : "system:serviceaccount:ns:sa"],
        })),
      });

    it("trips without StringEquals on sub and aud (StringLike or a missing claim)", () => {
      expect(trust("StringLike", ["sub", "aud"])).toEqual(["ORG-IAM-5"]);
      expect(trust("StringEquals", ["aud"])).toEqual(["ORG-IAM-5"]);
    });

    it("passes StringEquals on both", () => {
      expect(trust("StringEquals", ["sub", "aud"])).toEqual([]);
    });
  });

  describe("ORG-IAM-6: AWS-managed admin policies", () => {
    it("trips on AdministratorAccess, PowerUserAccess and IAMFullAccess, in any partition", () => {
      for (const arn of [
        "arn:aws:iam::aws:policy/AdministratorAccess",
        "arn:aws:iam::aws:policy/PowerUserAccess",
        "arn:aws-us-gov:iam::aws:policy/IAMFullAccess",
      ]) {
        expect(violatedRules((s) => new IamRolePolicyAttachment(s, "a", { role: "r", policyArn: arn }))).toEqual(["ORG-IAM-6"]);
      }
      expect(
        violatedRules((s) => new IamRole(s, "r", { assumeRolePolicy: "${x}", managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] })),
      ).toEqual(["ORG-IAM-6"]);
    });

    it("passes a narrow AWS-managed policy and the account's own policies", () => {
      expect(violatedRules((s) => new IamRolePolicyAttachment(s, "a", { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" }))).toEqual([]);
      expect(violatedRules((s) => new IamPolicy(s, "p", { policy: json({ Effect: "Allow", Action: "s3:GetObject", Resource: bucket }) }))).toEqual([]);
    });
  });

  describe("ORG-IAM-7: actions that exist", () => {
    it("trips on a misspelt action or service, in an Allow or a Deny", () => {
      expect(guardrailErrorsOf((s) => new DataAwsIamPolicyDocument(s, "doc", { statement: [{ actions: ["s3:GetObjekt"], resources: [bucket] }] }))).toEqual([
        expect.stringMatching(/\[ORG-IAM-7\].*no such action: s3:GetObjekt/),
      ]);
      expect(rolePolicy({ Effect: "Deny", Action: ["ec3:RunInstances"], Resource: "*" })).toEqual(["ORG-IAM-7"]);
      expect(document({ actions: ["s3:Get*Objekt"], resources: [bucket] })).toEqual(["ORG-IAM-7"]);
    });

    it("passes AWS's actions in any case, and trust actions", () => {
      expect(document({ actions: ["S3:getobject", "kms:Decrypt"], resources: [bucket] })).toEqual([]);
      expect(
        document({ actions: ["sts:AssumeRole", "sts:TagSession"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:root"] }] }),
      ).toEqual([]);
    });
  });
});
