import { buildTestOrg, exampleOrgModel, findStack, synthStack, type StackJson } from "../support/synth";

type Statement = { sid: string; effect: string; actions: string[]; resources?: string[]; condition?: { test: string; variable: string; values: string[] }[] };
const documents = (json: StackJson, fragment: string): [string, Statement[]][] =>
  Object.entries(json.data?.aws_iam_policy_document ?? {})
    .filter(([name]) => name.includes(fragment))
    .map(([name, d]) => [name, d.statement as Statement[]]);
const subjectsOf = (statements: Statement[]): string[] =>
  statements
    .flatMap((s) => s.condition ?? [])
    .filter((c) => c.variable === "token.actions.githubusercontent.com:sub")
    .flatMap((c) => c.values);

describe("the bootstrap stack's access model", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);
  const bootstrap = (account: string) => synthStack(findStack(stacks.bootstrap, `bootstrap-${account}`)).json;

  it("gives every state reader exactly the producer keys its consumer account's stacks read, derived from their remote-state reads", () => {
    for (const producerAccount of org.accounts) {
      const json = bootstrap(producerAccount.name);
      const readers = documents(json, "state-reader").filter(([name]) => name.includes("permissions"));
      const expected = new Map<string, Set<string>>();
      for (const consumer of stacks.all) {
        for (const producer of consumer.producers.filter((p) => p.account.id === producerAccount.id)) {
          const role = `orgplat-state-reader-${consumer.account.name}`;
          expected.set(role, (expected.get(role) ?? new Set()).add(producer.stateLocation.key));
        }
      }
      const granted = new Map(
        readers.map(([name, statements]) => [
          name.match(/orgplat-state-reader-[a-z-]+?(?=_permissions)/)![0],
          new Set(statements.find((s) => s.sid === "ReadGrantedStateKeys")!.resources!.map((r) => r.split("}/")[1])),
        ]),
      );
      expect({ account: producerAccount.name, granted }).toEqual({ account: producerAccount.name, granted: expected });
    }
  });

  it("grants the network account's reader for workload-dev only dev's network state, nothing of prod", () => {
    const [, statements] = documents(bootstrap("network"), "orgplat-state-reader-workload-dev_permissions")[0];
    expect(statements.find((s) => s.sid === "ReadGrantedStateKeys")!.resources).toEqual([
      "${aws_s3_bucket.state_bucket_803B4E61.arn}/dev-us-east-1-network/terraform.tfstate",
    ]);
  });

  it("trusts a state reader only from the consumer account's plan, deploy and break-glass roles", () => {
    const [, trust] = documents(bootstrap("network"), "orgplat-state-reader-workload-dev_trust")[0];
    expect(trust).toEqual([
      expect.objectContaining({
        actions: ["sts:AssumeRole"],
        principals: [{ type: "AWS", identifiers: ["arn:aws:iam::555555555555:root"] }],
        condition: [
          {
            test: "ArnEquals",
            variable: "aws:PrincipalArn",
            values: [
              "arn:aws:iam::555555555555:role/OrganizationAccountAccessRole",
              "arn:aws:iam::555555555555:role/orgplat-deploy",
              "arn:aws:iam::555555555555:role/orgplat-plan",
            ],
          },
        ],
      }),
    ]);
  });

  it("lets plan roles be assumed only by pull requests and the drift branch of the configured repository", () => {
    const [, trust] = documents(bootstrap("workload-dev"), "access_plan_trust")[0];
    const github = trust.find((s) => s.sid === "GithubPullRequestsAndDrift")!;
    expect(github.condition).toEqual([
      { test: "StringEquals", variable: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"] },
      {
        test: "StringEquals",
        variable: "token.actions.githubusercontent.com:sub",
        values: ["repo:example-org/platform:pull_request", "repo:example-org/platform:ref:refs/heads/main"],
      },
    ]);
  });

  it("lets a workload account's deploy role be assumed only from the GitHub environments of its own stacks", () => {
    expect(subjectsOf(documents(bootstrap("workload-dev"), "access_deploy_trust")[0][1])).toEqual([
      "repo:example-org/platform:environment:dev",
      "repo:example-org/platform:environment:global",
    ]);
    expect(subjectsOf(documents(bootstrap("workload-prod"), "access_deploy_trust")[0][1])).toEqual([
      "repo:example-org/platform:environment:global",
      "repo:example-org/platform:environment:prod",
    ]);
  });

  it("lets the network account's deploy role be assumed from the environments whose network stacks it deploys", () => {
    expect(subjectsOf(documents(bootstrap("network"), "access_deploy_trust")[0][1])).toEqual(
      ["dev", "global", "prod", "shared", "staging"].map((e) => `repo:example-org/platform:environment:${e}`),
    );
  });

  it("gives the management account no CI role: no OIDC provider, no GitHub trust", () => {
    const json = bootstrap("management");
    expect(json.resource?.aws_iam_openid_connect_provider).toBeUndefined();
    expect(JSON.stringify(documents(json, "trust"))).not.toContain("token.actions.githubusercontent.com");
    expect(bootstrap("network").resource?.aws_iam_openid_connect_provider).toBeDefined();
  });

  it("lets the plan role read the services its account's stacks use, lock state, and nothing more", () => {
    const [, permissions] = documents(bootstrap("workload-dev"), "access_plan_permissions")[0];
    const allowed = permissions.filter((s) => s.effect === "Allow").flatMap((s) => s.actions);
    const notReads = [...new Set(allowed.filter((a) => !/^[a-z0-9-]+:(Describe|Get|List)/.test(a)))];
    // Lock files, state decryption through S3, and assuming the producers' state readers.
    expect(notReads.sort()).toEqual(["kms:Decrypt", "kms:GenerateDataKey", "s3:DeleteObject", "s3:PutObject", "sts:AssumeRole"]);
    expect(permissions.find((s) => s.sid === "TakeStateLocks")!.resources).toEqual(["${aws_s3_bucket.state_bucket_803B4E61.arn}/*.tflock"]);
    expect(allowed).not.toContain("iam:PassRole");
  });

  it("never lets the deploy role pass or change the break-glass role or pass a purpose role", () => {
    const [, permissions] = documents(bootstrap("workload-dev"), "access_deploy_permissions")[0];
    expect(permissions.find((s) => s.sid === "NeverPassOrChangeTheBreakGlassRole")).toMatchObject({
      effect: "Deny",
      resources: ["arn:aws:iam::555555555555:role/OrganizationAccountAccessRole"],
    });
    expect(permissions.find((s) => s.sid === "NeverPassThePurposeRoles")!.resources).toEqual(
      expect.arrayContaining(["arn:aws:iam::555555555555:role/orgplat-plan", "arn:aws:iam::555555555555:role/orgplat-deploy"]),
    );
  });

  it("pins the EKS deployer access entry to the deploy role, never the admin role", () => {
    const { json } = synthStack(findStack(stacks.eksClusters, "dev-us-east-1-eks-cluster"));
    const entries = Object.values(json.resource!.aws_eks_access_entry).map((e) => e.principal_arn);
    expect(entries).toContain("arn:aws:iam::555555555555:role/orgplat-deploy");
    expect(JSON.stringify(entries)).not.toContain("OrganizationAccountAccessRole");
  });
});
