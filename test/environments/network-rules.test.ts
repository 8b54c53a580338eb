import { resolveOrg } from "../../environments/load";
import { configProblemsOf } from "../support/config-problems";
import { exampleOrgInput } from "../support/synth";

const problemsOf = configProblemsOf;

describe("network settings of the org config", () => {
  it("rejects an interface endpoint for a service the gateway endpoints already serve", () => {
    expect(problemsOf((o) => (o.environments.dev.interfaceEndpoints = ["ecr.api", "s3"]))).toEqual([
      'environments.dev.interfaceEndpoints.1: "s3" is already reached through the gateway endpoint on every private route table; remove it from interfaceEndpoints',
    ]);
  });

  it("rejects an interface endpoint listed twice", () => {
    expect(problemsOf((o) => (o.environments.dev.interfaceEndpoints = ["sts", "ec2", "sts"]))).toEqual([
      'environments.dev.interfaceEndpoints.2: "sts" is listed twice',
    ]);
  });

  it("rejects an interface endpoint that is not a service name", () => {
    expect(problemsOf((o) => (o.environments.dev.interfaceEndpoints = ["ECR API", "com.amazonaws.us-east-1.sts"]))).toEqual([
      'environments.dev.interfaceEndpoints.0: must be the service part after "com.amazonaws.<region>.", like "ecr.api" or "logs"',
      'environments.dev.interfaceEndpoints.1: must be the service part after "com.amazonaws.<region>.", like "ecr.api" or "logs"',
    ]);
  });

  it("rejects a shared tier listed twice", () => {
    expect(problemsOf((o) => (o.environments.dev.sharedTiers = ["private", "data", "private"]))).toEqual([
      'environments.dev.sharedTiers.2: tier "private" is listed twice',
    ]);
  });

  it("never shares the transit tier", () => {
    expect(problemsOf((o) => (o.environments.dev.sharedTiers = ["private", "transit" as "data"]))).toEqual([
      'environments.dev.sharedTiers.1: must be one of "public"|"private"|"data"',
    ]);
  });

  it("rejects sharing with an OU that holds accounts outside the environment", () => {
    expect(problemsOf((o) => (o.environments.dev.shareWith = "ou"))).toEqual([
      'environments.dev.shareWith: sharing with OU "workloads-nonprod" would also give "workload-staging" the environment\'s subnets; use shareWith "accounts", or move those accounts out of the OU',
    ]);
  });

  it("rejects sharing with an OU when the org has no management account to write OU ARNs under", () => {
    expect(
      problemsOf((o) => {
        o.accounts = o.accounts.filter((a) => a.role !== "management");
      }),
    ).toEqual([
      'environments.prod.shareWith: "ou" needs an account with role "management" (OU ARNs carry its id); add it to accounts or use shareWith "accounts"',
    ]);
  });

  it("rejects overlapping VPCs of different routing domains in one region of a peered org", () => {
    expect(problemsOf((o) => (o.environments.prod.regions["us-east-1"].vpcCidr = "10.0.0.0/16"))).toEqual([
      'environments.prod.regions.us-east-1.vpcCidr: 10.0.0.0/16 overlaps 10.0.0.0/16 of environment "dev" in the same region; traffic from peered regions enters us-east-1\'s Transit Gateway through one route table that reaches every VPC there, so VPCs of one region need disjoint CIDRs even across routing domains',
    ]);
  });

  it("fills network defaults an org file leaves out", () => {
    const org = exampleOrgInput();
    const staging = org.environments.staging;
    expect([staging.ipv6, staging.observability, staging.shareWith, staging.sharedTiers, staging.interfaceEndpoints]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const model = resolveOrg(org).environments.find((e) => e.name === "staging")!;
    expect(model).toMatchObject({
      ipv6: false,
      logRetention: { security: 365, application: 90, debug: 7 },
      shareWith: "accounts",
      sharedTiers: ["private", "data"],
      interfaceEndpoints: ["ecr.api", "ecr.dkr", "sts", "ec2", "logs"],
    });
  });
});
