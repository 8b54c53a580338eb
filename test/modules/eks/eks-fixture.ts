import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { EksCluster, type EksClusterProps } from "../../../modules/eks/cluster";
import { ClusterKey, type ClusterKeyProps } from "../../../modules/eks/cluster-key";
import { ClusterSecurityGroups } from "../../../modules/eks/cluster-security-groups";
import { LogGroupKey } from "../../../modules/observability/log-group-key";
import type { StackJson } from "../../support/synth";

/** Shared private subnets of a three-zone VPC, as a workload account receives them. */
export const SUBNETS_BY_AZ_ID = { "use1-az1": "subnet-0aaa1111", "use1-az2": "subnet-0bbb2222", "use1-az4": "subnet-0ccc4444" } as const;

/** Key props of a cluster in account 555555555555 with the default role names. */
export function testClusterKeyProps(clusterName: string): ClusterKeyProps {
  const role = (name: string) => `arn:aws:iam::555555555555:role/${name}`;
  return {
    clusterName,
    accountId: "555555555555",
    region: "us-east-1",
    roles: {
      administrators: [role("orgplat-deploy"), role("OrganizationAccountAccessRole")],
      deployer: role("orgplat-deploy"),
      planner: role("orgplat-plan"),
      controlPlane: role(`${clusterName}-cluster`),
    },
  };
}

/** A cluster named "dev-us-east-1" in account 555555555555, for module tests. */
export function testCluster(scope: Construct, overrides: Partial<EksClusterProps> = {}): EksCluster {
  const key = new ClusterKey(scope, "key", testClusterKeyProps("dev-us-east-1"));
  const groups = new ClusterSecurityGroups(scope, "security-groups", { namePrefix: "dev-us-east-1", vpcId: "vpc-0shared" });
  return new EksCluster(scope, "cluster", {
    name: "dev-us-east-1",
    kubernetesVersion: "1.33",
    accountId: "555555555555",
    region: "us-east-1",
    subnetIds: Object.values(SUBNETS_BY_AZ_ID),
    securityGroup: groups.cluster,
    secretsKey: key.key,
    logRetentionDays: { security: 30, application: 90, debug: 7 },
    logKey: new LogGroupKey(scope, "log-key", {
      name: "dev-us-east-1-eks-cluster",
      accountId: "555555555555",
      region: "us-east-1",
      roles: { administrators: [], planner: "arn:aws:iam::555555555555:role/orgplat-plan" },
    }).key,
    ...overrides,
  });
}

/** Synthesizes what `build` adds to a fresh test stack. */
export function synthWith(build: (scope: Construct) => void): StackJson {
  return JSON.parse(Testing.synthScope((scope) => build(scope))) as StackJson;
}

/** The one resource of `type` (fails the test when there are several). */
export function onlyResource(json: StackJson, type: string): Record<string, unknown> {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Statements of the policy document data source whose name contains `fragment`. */
export function statementsOf(json: StackJson, fragment: string): Record<string, unknown>[] {
  const docs = Object.entries(json.data?.aws_iam_policy_document ?? {}).filter(([name]) => name.includes(fragment));
  if (docs.length !== 1) throw new Error(`expected one policy document named like ${fragment}, found ${docs.map(([n]) => n).join(", ") || "none"}`);
  return docs[0][1].statement as Record<string, unknown>[];
}
