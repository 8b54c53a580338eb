import { runSimulation } from "@cloud-copilot/iam-simulate";
import { renderPolicyDocument, type IamPolicyJson } from "../../support/iam-policy-json";
import { buildTestOrg, findStack, synthStack, type StackJson } from "../../support/synth";

/**
 * The access model evaluated the way IAM evaluates it (identity policy, bucket policy, key policy,
 * with their conditions), on the policies the example org's network account bootstrap synthesizes.
 */
const ACCOUNT = "222222222222";
const BUCKET = `arn:aws:s3:::example-tfstate-${ACCOUNT}`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789`;
const ALIAS = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/example-tfstate`;
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

describe("the network account's access, as IAM evaluates it", () => {
  const json: StackJson = synthStack(findStack(buildTestOrg().bootstrap, "bootstrap-network")).json;
  const refs: Record<string, string> = {};
  for (const name of Object.keys(json.resource?.aws_s3_bucket ?? {})) refs[`aws_s3_bucket.${name}.arn`] = BUCKET;
  for (const name of Object.keys(json.resource?.aws_kms_key ?? {})) refs[`aws_kms_key.${name}.arn`] = KEY;
  for (const name of Object.keys(json.resource?.aws_iam_openid_connect_provider ?? {})) {
    refs[`aws_iam_openid_connect_provider.${name}.arn`] = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
  }
  const policy = (fragment: string): IamPolicyJson => renderPolicyDocument(json, fragment, refs);
  const bucketPolicy = policy("state_bucket-policy");
  const keyPolicy = policy("state_key-policy");

  const evaluate = async (request: {
    principal: string;
    action: string;
    resource: string;
    identity?: IamPolicyJson;
    resourcePolicy?: IamPolicyJson;
    context?: Record<string, string>;
  }): Promise<string> => {
    const result = await runSimulation(
      {
        request: {
          // A role acts through a session; aws:PrincipalArn is the role's ARN.
          principal: request.principal.replace(/^arn:aws:iam::(\d{12}):role\/(.+)$/, "arn:aws:sts::$1:assumed-role/$2/orgplat"),
          action: request.action,
          resource: { resource: request.resource, accountId: ACCOUNT },
          contextVariables: { "aws:SecureTransport": "true", "aws:PrincipalArn": request.principal, ...request.context },
        },
        identityPolicies: request.identity ? [{ name: "identity", policy: request.identity }] : [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: request.resourcePolicy,
      },
      {},
    );
    if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
    return result.overallResult;
  };

  describe("the plan role", () => {
    const plan = { principal: role("orgplat-plan"), identity: policy("access_plan_permissions") };

    it.each(["ec2:DescribeVpcs", "ec2:DescribeTransitGateways", "iam:GetRole", "kms:DescribeKey", "logs:DescribeLogGroups"])("may %s", async (action) => {
      expect(await evaluate({ ...plan, action, resource: "*" })).toBe("Allowed");
    });

    it.each([
      ["ec2:CreateVpc", "*"],
      ["ec2:DeleteSubnet", `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/subnet-0abc`],
      ["iam:PassRole", role("dev-us-east-1-cluster")],
      ["iam:CreateRole", role("anything")],
      ["kms:ScheduleKeyDeletion", KEY],
      ["ram:CreateResourceShare", "*"],
      ["ec2:GetPasswordData", `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`],
      ["logs:GetLogEvents", `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/orgplat/vpc-flow-logs/dev-us-east-1:log-stream:x`],
    ])("may not %s", async (action, resource) => {
      expect(await evaluate({ ...plan, action, resource })).not.toBe("Allowed");
    });

    it("reads state and writes lock files, but never writes state", async () => {
      const state = `${BUCKET}/dev-us-east-1-network/terraform.tfstate`;
      expect(await evaluate({ ...plan, action: "s3:GetObject", resource: state, resourcePolicy: bucketPolicy })).toBe("Allowed");
      expect(await evaluate({ ...plan, action: "s3:PutObject", resource: `${state}.tflock`, resourcePolicy: bucketPolicy })).toBe("Allowed");
      expect(
        await evaluate({
          ...plan,
          action: "s3:PutObject",
          resource: state,
          resourcePolicy: bucketPolicy,
          context: { "s3:x-amz-server-side-encryption-aws-kms-key-id": ALIAS },
        }),
      ).not.toBe("Allowed");
    });
  });

  describe("the state reader of workload-dev", () => {
    const reader = { principal: role("orgplat-state-reader-workload-dev"), identity: policy("orgplat-state-reader-workload-dev_permissions") };

    it("reads dev's network state", async () => {
      expect(
        await evaluate({ ...reader, action: "s3:GetObject", resource: `${BUCKET}/dev-us-east-1-network/terraform.tfstate`, resourcePolicy: bucketPolicy }),
      ).toBe("Allowed");
    });

    it.each(["prod-us-east-1-network", "staging-us-east-1-network", "shared-us-east-1-transit"])("cannot read %s's state", async (stack) => {
      expect(await evaluate({ ...reader, action: "s3:GetObject", resource: `${BUCKET}/${stack}/terraform.tfstate`, resourcePolicy: bucketPolicy })).not.toBe(
        "Allowed",
      );
    });

    it("writes nothing, not even a lock file", async () => {
      const wide = { Version: "2012-10-17" as const, Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: `${BUCKET}/*` }] };
      expect(
        await evaluate({
          principal: reader.principal,
          identity: wide,
          action: "s3:PutObject",
          resource: `${BUCKET}/dev-us-east-1-network/terraform.tfstate.tflock`,
          resourcePolicy: bucketPolicy,
        }),
      ).toBe("ExplicitlyDenied");
    });

    it("decrypts state only through S3", async () => {
      const decrypt = { ...reader, action: "kms:Decrypt", resource: KEY, resourcePolicy: keyPolicy };
      expect(await evaluate({ ...decrypt, context: { "kms:ViaService": "s3.us-east-1.amazonaws.com", "kms:CallerAccount": ACCOUNT } })).toBe("Allowed");
      expect(await evaluate({ ...decrypt, context: { "kms:CallerAccount": ACCOUNT } })).not.toBe("Allowed");
    });
  });

  describe("the bucket and key policies", () => {
    const everything = { Version: "2012-10-17" as const, Statement: [{ Effect: "Allow", Action: ["s3:*", "kms:*"], Resource: "*" }] };

    it("deny state objects to a role of the account that is none of the purpose roles, whatever its own policy", async () => {
      expect(
        await evaluate({
          principal: role("some-admin"),
          identity: everything,
          action: "s3:GetObject",
          resource: `${BUCKET}/dev-us-east-1-network/terraform.tfstate`,
          resourcePolicy: bucketPolicy,
        }),
      ).toBe("ExplicitlyDenied");
    });

    it("deny the deploy role a state write that does not name the state key", async () => {
      const deploy = {
        principal: role("orgplat-deploy"),
        identity: policy("access_deploy_permissions"),
        action: "s3:PutObject",
        resource: `${BUCKET}/dev-us-east-1-network/terraform.tfstate`,
        resourcePolicy: bucketPolicy,
      };
      expect(await evaluate({ ...deploy, context: { "s3:x-amz-server-side-encryption-aws-kms-key-id": ALIAS } })).toBe("Allowed");
      expect(await evaluate({ ...deploy, context: { "s3:x-amz-server-side-encryption": "AES256" } })).toBe("ExplicitlyDenied");
    });

    it("deny bucket policy changes to everyone but the deploy role", async () => {
      const put = { action: "s3:PutBucketPolicy", resource: BUCKET, resourcePolicy: bucketPolicy, identity: everything };
      expect(await evaluate({ ...put, principal: role("OrganizationAccountAccessRole") })).toBe("ExplicitlyDenied");
      expect(await evaluate({ ...put, principal: role("orgplat-deploy") })).toBe("Allowed");
    });

    it("let no administrator of the state key decrypt with it", async () => {
      expect(
        await evaluate({
          principal: role("OrganizationAccountAccessRole"),
          identity: everything,
          action: "kms:Decrypt",
          resource: KEY,
          resourcePolicy: keyPolicy,
        }),
      ).not.toBe("Allowed");
      expect(
        await evaluate({
          principal: role("OrganizationAccountAccessRole"),
          identity: everything,
          action: "kms:PutKeyPolicy",
          resource: KEY,
          resourcePolicy: keyPolicy,
        }),
      ).toBe("Allowed");
    });
  });
});
