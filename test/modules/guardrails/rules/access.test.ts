import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataTerraformRemoteStateS3, S3Backend } from "cdktf";
import { violatedRules } from "../../../support/guardrails";

const stateKey = "arn:aws:kms:us-east-1:111111111111:key/state";
const role = (name: string) => ({ roleArn: `arn:aws:iam::111111111111:role/${name}` });
const adminForbidden = { forbiddenRoleNames: ["OrganizationAccountAccessRole"] };

describe("provider, backend and remote-state guardrails", () => {
  it("ORG-STATE-1: a backend or remote-state read without kms_key_id trips; with the state key, passes", () => {
    expect(violatedRules((s) => new S3Backend(s, { bucket: "state", key: "k", region: "us-east-1", encrypt: true }))).toEqual(["ORG-STATE-1"]);
    expect(violatedRules((s) => new DataTerraformRemoteStateS3(s, "read", { bucket: "state", key: "k", region: "us-east-1", encrypt: true }))).toEqual([
      "ORG-STATE-1",
    ]);
    expect(violatedRules((s) => new S3Backend(s, { bucket: "state", key: "k", region: "us-east-1", encrypt: true, kmsKeyId: stateKey }))).toEqual([]);
    expect(
      violatedRules((s) => new DataTerraformRemoteStateS3(s, "read", { bucket: "state", key: "k", region: "us-east-1", encrypt: true, kmsKeyId: stateKey })),
    ).toEqual([]);
  });

  it("ORG-PROV-1: an AWS provider without allowed_account_ids trips; with them, passes", () => {
    expect(violatedRules((s) => new AwsProvider(s, "eu", { region: "eu-west-1", alias: "eu" }))).toEqual(["ORG-PROV-1"]);
    expect(violatedRules((s) => new AwsProvider(s, "eu", { region: "eu-west-1", alias: "eu", allowedAccountIds: ["111111111111"] }))).toEqual([]);
  });

  it("ORG-ROLE-1: the admin role in a provider, backend or remote-state read trips once the stack forbids it", () => {
    const build = (name: string) => (s: Parameters<Parameters<typeof violatedRules>[0]>[0]) => {
      new AwsProvider(s, "eu", { region: "eu-west-1", alias: "eu", allowedAccountIds: ["111111111111"], assumeRole: [role(name)] });
      new S3Backend(s, { bucket: "state", key: "k", region: "us-east-1", encrypt: true, kmsKeyId: stateKey, assumeRole: role(name) });
      new DataTerraformRemoteStateS3(s, "read", { bucket: "state", key: "n", region: "us-east-1", encrypt: true, kmsKeyId: stateKey, assumeRole: role(name) });
    };
    expect(violatedRules(build("OrganizationAccountAccessRole"), adminForbidden)).toEqual(["ORG-ROLE-1", "ORG-ROLE-1", "ORG-ROLE-1"]);
    expect(violatedRules(build("orgplat-deploy"), adminForbidden)).toEqual([]);
  });

  it("ORG-ROLE-1 is off while the stack forbids no role (the org has only its admin role)", () => {
    expect(
      violatedRules(
        (s) => new AwsProvider(s, "eu", { region: "eu-west-1", alias: "eu", allowedAccountIds: ["1"], assumeRole: [role("OrganizationAccountAccessRole")] }),
      ),
    ).toEqual([]);
  });
});
