import { buildTestOrg, exampleOrgModel, findStack, synthStack } from "../support/synth";

describe("the stacks of the example org", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);

  it("has one bootstrap stack per account, named after the account", () => {
    expect(stacks.bootstrap.map((s) => s.node.id).sort()).toEqual(org.accounts.map((a) => `bootstrap-${a.name}`).sort());
  });

  it("names environment stacks <env>-<region>-<concern>", () => {
    expect(stacks.network.map((s) => s.node.id).sort()).toEqual(
      org.environments.flatMap((e) => e.vpcs.map((v) => `${e.name}-${v.region.name}-network`)).sort(),
    );
  });

  it("keeps each stack's state in its own account's bucket under <stack>/terraform.tfstate, locked by a lock file", () => {
    const stack = findStack(stacks.network, "dev-eu-west-1-network");
    const { json } = synthStack(stack);
    expect(json.terraform?.backend).toEqual({
      s3: {
        bucket: `example-tfstate-${org.networkAccount.id}`,
        key: "dev-eu-west-1-network/terraform.tfstate",
        region: "us-east-1",
        encrypt: true,
        kms_key_id: `arn:aws:kms:us-east-1:${org.networkAccount.id}:alias/example-tfstate`,
        use_lockfile: true,
        assume_role: { role_arn: `arn:aws:iam::${org.networkAccount.id}:role/orgplat-plan`, session_name: "orgplat-state" },
      },
    });
  });

  it("gives each stack a provider that assumes its account's plan role by default, pins the account and tags everything", () => {
    const { json } = synthStack(findStack(stacks.bootstrap, "bootstrap-workload-dev"));
    expect(json.provider?.aws).toEqual([
      {
        region: "us-east-1",
        allowed_account_ids: ["555555555555"],
        assume_role: [{ role_arn: "arn:aws:iam::555555555555:role/orgplat-plan", session_name: "orgplat" }],
        default_tags: [{ tags: { environment: "global", owner: "platform-team", "managed-by": "orgplat", stack: "bootstrap-workload-dev" } }],
      },
    ]);
  });

  it("keeps the bootstrap state local, outside cdktf.out, until it is migrated", () => {
    const { json } = synthStack(findStack(stacks.bootstrap, "bootstrap-network"));
    expect(json.terraform?.backend).toEqual({ local: { path: "../../../.bootstrap-state/bootstrap-network.tfstate" } });
  });

  it("moves the bootstrap state into the account's bucket once bootstrapBackend is s3", () => {
    const migrated = buildTestOrg({ ...org, bootstrapBackend: "s3" });
    const { json } = synthStack(findStack(migrated.bootstrap, "bootstrap-network"));
    expect(json.terraform?.backend).toMatchObject({ s3: { bucket: "example-tfstate-222222222222", key: "bootstrap-network/terraform.tfstate" } });
  });

  it("points backends at an emulator and readies providers for one only when asked", () => {
    const emulated = buildTestOrg(org, { emulatorEndpoint: "http://127.0.0.1:4599" });
    const { json } = synthStack(findStack(emulated.network, "dev-us-east-1-network"));
    expect(json.terraform?.backend).toMatchObject({ s3: { use_path_style: true, endpoints: { s3: "http://127.0.0.1:4599" } } });
    for (const provider of json.provider?.aws ?? []) {
      expect(provider).toMatchObject({ s3_use_path_style: true, skip_credentials_validation: true, skip_region_validation: true });
      // The URL reaches the providers as AWS_ENDPOINT_URL: an endpoints block costs every provider process ~3 CPU-s.
      expect(provider).not.toHaveProperty("endpoints");
    }
    const plain = JSON.stringify(synthStack(findStack(stacks.network, "dev-us-east-1-network")).json);
    // The "endpoints" key, not the word: VPC endpoints are named after what they are.
    expect(plain).not.toMatch(/127\.0\.0\.1|"endpoints":|use_path_style|skip_credentials_validation/);
  });
});
