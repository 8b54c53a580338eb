import { ClusterSecurityGroups } from "../../../modules/eks/cluster-security-groups";
import { resourcesOf } from "../../support/synth";
import { synthWith } from "./eks-fixture";

describe("ClusterSecurityGroups", () => {
  const json = synthWith((scope) => new ClusterSecurityGroups(scope, "groups", { namePrefix: "dev-us-east-1", vpcId: "vpc-0shared" }));
  const names = Object.fromEntries(Object.entries(json.resource!.aws_security_group).map(([id, g]) => [`\${aws_security_group.${id}.id}`, g.name as string]));
  const describe = (rules: Record<string, unknown>[], peer: string) =>
    rules
      .map(
        (r) =>
          `${names[r.security_group_id as string]} ${peer === "in" ? "<-" : "->"} ${names[r.referenced_security_group_id as string] ?? r.cidr_ipv4} ${r.ip_protocol}:${r.from_port ?? "*"}-${r.to_port ?? "*"}`,
      )
      .sort();

  it("creates a control-plane group and a node group in the shared VPC", () => {
    expect(resourcesOf(json, "aws_security_group").map((g) => [g.name, g.vpc_id])).toEqual([
      ["dev-us-east-1-cluster", "vpc-0shared"],
      ["dev-us-east-1-nodes", "vpc-0shared"],
    ]);
  });

  it("admits only the other group (and nodes each other), never a CIDR", () => {
    const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    for (const rule of ingress) expect(rule).not.toHaveProperty("cidr_ipv4");
    expect(describe(ingress, "in")).toEqual([
      "dev-us-east-1-cluster <- dev-us-east-1-nodes tcp:443-443",
      "dev-us-east-1-nodes <- dev-us-east-1-cluster tcp:1025-65535",
      "dev-us-east-1-nodes <- dev-us-east-1-cluster tcp:443-443",
      "dev-us-east-1-nodes <- dev-us-east-1-nodes -1:*-*",
    ]);
  });

  it("lets the control plane out to the nodes only, and the nodes out to anywhere", () => {
    expect(describe(resourcesOf(json, "aws_vpc_security_group_egress_rule"), "out")).toEqual([
      "dev-us-east-1-cluster -> dev-us-east-1-nodes tcp:1025-65535",
      "dev-us-east-1-cluster -> dev-us-east-1-nodes tcp:443-443",
      "dev-us-east-1-nodes -> 0.0.0.0/0 -1:*-*",
    ]);
  });
});
