import { buildTestOrg, exampleOrgInput, exampleOrgModel, findStack, resourcesOf, synthStack, type StackJson } from "../support/synth";
import { TerraformOutput } from "cdktf";
import { resolveOrg } from "../../environments/load";

type Body = Record<string, unknown>;

describe("the network stacks of the example org", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);
  const synthed = new Map<string, StackJson>(stacks.network.map((s) => [s.node.id, synthStack(s).json]));
  const json = (name: string): StackJson => synthed.get(name)!;
  const bodies = (name: string, type: string): Body[] => resourcesOf(json(name), type);
  const envOf = (name: string) => org.environments.find((e) => name.startsWith(`${e.name}-`))!;
  const vpcOf = (name: string) => stacks.network.find((s) => s.node.id === name)!.vpcModel;

  it("has one VPC per environment and region, in the network account", () => {
    expect(stacks.network.length).toBe(org.environments.reduce((n, e) => n + e.vpcs.length, 0));
    for (const [name, stack] of synthed) {
      expect({ name, vpcs: resourcesOf(stack, "aws_vpc").length }).toEqual({ name, vpcs: 1 });
      expect((stack.provider?.aws[0] as Body).allowed_account_ids).toEqual([org.networkAccount.id]);
    }
  });

  it("places every subnet by AZ ID, never by AZ name, in one of its region's configured AZ IDs", () => {
    for (const [name, stack] of synthed) {
      const subnets = resourcesOf(stack, "aws_subnet");
      const region = vpcOf(name).region;
      expect(subnets.length).toBe(4 * region.azIds.length);
      for (const subnet of subnets) {
        expect(subnet).not.toHaveProperty("availability_zone");
        expect(region.azIds).toContain(subnet.availability_zone_id);
      }
    }
  });

  it("carves each subnet from the model: one per tier and AZ ID, with the planned CIDR", () => {
    const name = "prod-eu-west-1-network";
    const planned = Object.entries(vpcOf(name).subnets).flatMap(([tier, byAz]) => Object.entries(byAz).map(([azId, cidr]) => `${tier} ${azId} ${cidr}`));
    const made = bodies(name, "aws_subnet").map((s) => `${(s.tags as Body).tier} ${s.availability_zone_id} ${s.cidr_block}`);
    expect(made.sort()).toEqual(planned.sort());
  });

  it("runs one NAT gateway per AZ ID where the environment asks for it, and a single one otherwise", () => {
    expect(bodies("prod-us-east-1-network", "aws_nat_gateway")).toHaveLength(3);
    expect(bodies("dev-us-east-1-network", "aws_nat_gateway")).toHaveLength(1);
    const devRoutes = bodies("dev-us-east-1-network", "aws_route").filter((r) => r.destination_cidr_block === "0.0.0.0/0" && r.nat_gateway_id);
    expect(devRoutes).toHaveLength(3);
    expect(new Set(devRoutes.map((r) => r.nat_gateway_id)).size).toBe(1);
    const prodRoutes = bodies("prod-us-east-1-network", "aws_route").filter((r) => r.destination_cidr_block === "0.0.0.0/0" && r.nat_gateway_id);
    expect(new Set(prodRoutes.map((r) => r.nat_gateway_id)).size).toBe(3);
  });

  it("gives the public tier the internet gateway and keeps the data and transit tiers off the internet", () => {
    const routes = bodies("dev-us-east-1-network", "aws_route");
    expect(routes.filter((r) => r.gateway_id)).toEqual([
      expect.objectContaining({ destination_cidr_block: "0.0.0.0/0", route_table_id: expect.stringContaining("public") }),
    ]);
    expect(routes.filter((r) => String(r.route_table_id).match(/_data_|_transit_/))).toEqual([]);
    expect(bodies("dev-us-east-1-network", "aws_route_table_association")).toHaveLength(12);
  });

  it("adds S3 and DynamoDB gateway endpoints to every private route table", () => {
    for (const service of ["s3", "dynamodb"]) {
      const [endpoint] = bodies("dev-us-east-1-network", "aws_vpc_endpoint").filter((e) => e.service_name === `com.amazonaws.us-east-1.${service}`);
      expect(endpoint).toMatchObject({ vpc_endpoint_type: "Gateway" });
      expect(endpoint.route_table_ids).toHaveLength(3);
      for (const rt of endpoint.route_table_ids as string[]) expect(rt).toMatch(/route-tables_private-use1-az\d/);
    }
  });

  it("puts the configured interface endpoints in the private subnets behind a group that admits HTTPS from the VPC only", () => {
    for (const name of synthed.keys()) {
      const env = envOf(name);
      const region = vpcOf(name).region.name;
      const endpoints = bodies(name, "aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Interface");
      expect(endpoints.map((e) => e.service_name).sort()).toEqual(env.interfaceEndpoints.map((s) => `com.amazonaws.${region}.${s}`).sort());
      for (const e of endpoints) {
        expect(e).toMatchObject({ private_dns_enabled: true });
        expect((e.subnet_ids as string[]).every((id) => id.includes("subnets-private_"))).toBe(true);
      }
      const ingress = bodies(name, "aws_vpc_security_group_ingress_rule");
      expect(ingress.map((r) => `${r.ip_protocol} ${r.from_port}-${r.to_port} from ${r.cidr_ipv4 ?? r.cidr_ipv6}`).sort()).toEqual(
        [`tcp 443-443 from ${vpcOf(name).cidr}`, ...(env.ipv6 ? ["tcp 443-443 from ${aws_vpc.vpc_6776A399.ipv6_cidr_block}"] : [])].sort(),
      );
    }
  });

  it("sends flow logs of every VPC to a keyed CloudWatch log group with the environment's security tier", () => {
    for (const [name, stack] of synthed) {
      const flowLog = resourcesOf(stack, "aws_flow_log").find((f) => f.log_destination_type === "cloud-watch-logs");
      expect(flowLog).toMatchObject({ traffic_type: "ALL", vpc_id: expect.stringContaining("aws_vpc.") });
      expect(resourcesOf(stack, "aws_cloudwatch_log_group")).toEqual([
        expect.objectContaining({
          retention_in_days: envOf(name).logRetention.security,
          tags: { LogTier: "security" },
          kms_key_id: expect.stringContaining("aws_kms_key.log-group-key_"),
        }),
      ]);
    }
    // dev overrides the security tier; prod keeps the org's.
    expect(envOf("dev-us-east-1-network").logRetention.security).toBe(30);
    expect(envOf("prod-us-east-1-network").logRetention.security).toBe(365);
  });

  it("copies every VPC's flow logs to its region's log-archive bucket, by derived name, without reading the archive's state", () => {
    for (const [name, stack] of synthed) {
      const region = vpcOf(name).region.name;
      const archive = resourcesOf(stack, "aws_flow_log").find((f) => f.log_destination_type === "s3");
      expect({ name, archive }).toEqual({
        name,
        archive: expect.objectContaining({ traffic_type: "ALL", log_destination: `arn:aws:s3:::example-flow-logs-444444444444-${region}/${envOf(name).name}` }),
      });
      const network = stacks.network.find((s) => s.node.id === name)!;
      expect(network.dependencies.map((d) => d.node.id)).toContain(`shared-${region}-archive`);
      expect(network.producers.map((p) => p.node.id)).not.toContain(`shared-${region}-archive`);
    }
  });

  it("makes dev IPv4-only (moto cannot apply IPv6 subnets) and prod dual-stack", () => {
    expect(bodies("dev-us-east-1-network", "aws_vpc")[0]).not.toHaveProperty("assign_generated_ipv6_cidr_block");
    expect(bodies("dev-us-east-1-network", "aws_egress_only_internet_gateway")).toHaveLength(0);
    expect(bodies("prod-us-east-1-network", "aws_vpc")[0]).toMatchObject({ assign_generated_ipv6_cidr_block: true });
    expect(bodies("prod-us-east-1-network", "aws_egress_only_internet_gateway")).toHaveLength(1);
    const v6 = bodies("prod-us-east-1-network", "aws_subnet").map((s) => s.ipv6_cidr_block as string);
    expect(v6.every((c) => /cidrsubnet\(aws_vpc\.vpc_\w+\.ipv6_cidr_block, 8, \d+\)/.test(c))).toBe(true);
    expect(new Set(v6).size).toBe(12);
    const ipv6Defaults = bodies("prod-us-east-1-network", "aws_route").filter((r) => r.destination_ipv6_cidr_block === "::/0");
    expect(ipv6Defaults.filter((r) => r.egress_only_gateway_id)).toHaveLength(3);
    expect(ipv6Defaults.filter((r) => r.gateway_id)).toHaveLength(1);
  });

  it("keeps the dev network stacks free of IPv6, which moto cannot apply", () => {
    for (const name of [...synthed.keys()].filter((n) => n.startsWith("dev-"))) {
      expect(bodies(name, "aws_vpc")[0]).not.toHaveProperty("assign_generated_ipv6_cidr_block");
      expect(bodies(name, "aws_subnet").filter((s) => "ipv6_cidr_block" in s)).toEqual([]);
      expect(bodies(name, "aws_egress_only_internet_gateway")).toEqual([]);
    }
  });

  it("attaches the VPC to its region's Transit Gateway on the transit subnets, in its routing domain", () => {
    for (const name of synthed.keys()) {
      const domain = envOf(name).routingDomain;
      const state = `data.terraform_remote_state.state-of-shared-${vpcOf(name).region.name}-transit.outputs`;
      const [attachment] = bodies(name, "aws_ec2_transit_gateway_vpc_attachment");
      expect(attachment).toMatchObject({
        transit_gateway_id: `\${${state}.transit_gateway_id}`,
        transit_gateway_default_route_table_association: false,
        transit_gateway_default_route_table_propagation: false,
        ipv6_support: envOf(name).ipv6 ? "enable" : "disable",
      });
      expect(
        (attachment.subnet_ids as string[]).map((id) =>
          id
            .match(/subnets-(\w+)_(\w+-az\d+)_/)!
            .slice(1)
            .join(" "),
        ),
      ).toEqual(vpcOf(name).region.azIds.map((az) => `transit ${az}`));
      expect(bodies(name, "aws_ec2_transit_gateway_route_table_association").map((a) => a.transit_gateway_route_table_id)).toEqual([
        `\${${state}.route_table_ids.${domain}}`,
      ]);
      expect(
        bodies(name, "aws_ec2_transit_gateway_route_table_propagation")
          .map((p) => p.transit_gateway_route_table_id)
          .sort(),
      ).toEqual([`\${${state}.peering_route_table_id}`, `\${${state}.route_table_ids.${domain}}`].sort());
    }
  });

  it("sends every region's address space from each private route table to the Transit Gateway, once attached", () => {
    const toTgw = bodies("dev-eu-west-1-network", "aws_route").filter((r) => r.transit_gateway_id);
    const spaces = Object.values(org.regions).map((r) => r.addressSpace);
    expect(toTgw).toHaveLength(3 * spaces.length);
    for (const r of toTgw) {
      expect(spaces).toContain(r.destination_cidr_block);
      expect(r.route_table_id).toMatch(/route-tables_private-euw1-az\d/);
      expect(r.depends_on).toEqual([expect.stringMatching(/^aws_ec2_transit_gateway_vpc_attachment\./)]);
    }
  });

  it("keeps the outputs consumers read: VPC id and CIDR, subnet ids by tier and AZ ID, and the ids the alarms watch", () => {
    const outputs = json("dev-us-east-1-network").output!;
    expect(Object.keys(outputs).sort()).toEqual(["nat_gateway_ids", "subnet_ids", "transit_gateway_attachment_id", "transit_gateway_id", "vpc_cidr", "vpc_id"]);
    // dev has a single NAT gateway: one id, under the AZ ID it lives in.
    expect(Object.keys(outputs.nat_gateway_ids.value as object)).toEqual(["use1-az1"]);
    expect(Object.keys(outputs.subnet_ids.value as object).sort()).toEqual(["data", "private", "public", "transit"]);
    expect(Object.keys((outputs.subnet_ids.value as Record<string, object>).private)).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
    expect(Object.keys(json("prod-us-east-1-network").output!)).toContain("vpc_ipv6_cidr");
  });

  it("hands consumers subnet ids by tier and AZ ID through one remote-state read per consumer", () => {
    const fresh = buildTestOrg(org);
    const producer = findStack(fresh.network, "dev-us-east-1-network");
    const consumer = findStack(fresh.network, "dev-eu-west-1-network");
    const outputs = producer.outputsFor(consumer);
    new TerraformOutput(consumer, "probe", { value: producer.outputsFor(consumer).subnetId("private", "use1-az2") });
    new TerraformOutput(consumer, "probe-vpc", { value: outputs.vpcId });
    const probe = synthStack(consumer).json;
    expect(Object.keys(probe.data?.terraform_remote_state ?? {}).filter((k) => k.endsWith("-network"))).toEqual(["state-of-dev-us-east-1-network"]);
    expect(probe.output?.probe.value).toBe('${data.terraform_remote_state.state-of-dev-us-east-1-network.outputs.subnet_ids.private["use1-az2"]}');
    expect(consumer.dependencies).toContain(producer);
  });

  it("locks down the VPC's default security group and admits nothing from the whole internet", () => {
    for (const [name, stack] of synthed) {
      const [defaultGroup] = resourcesOf(stack, "aws_default_security_group");
      expect({ name, ingress: defaultGroup.ingress, egress: defaultGroup.egress }).toEqual({ name, ingress: undefined, egress: undefined });
      for (const rule of resourcesOf(stack, "aws_vpc_security_group_ingress_rule")) {
        expect(["0.0.0.0/0", "::/0"]).not.toContain(rule.cidr_ipv4 ?? rule.cidr_ipv6);
      }
      for (const group of resourcesOf(stack, "aws_security_group")) expect(group.ingress).toBeUndefined();
    }
  });
});

describe("RAM sharing of the subnets", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);

  it("shares exactly the environment's shared tiers with its workload accounts, closed to outsiders", () => {
    const { json } = synthStack(findStack(stacks.network, "dev-us-east-1-network"));
    expect(resourcesOf(json, "aws_ram_resource_share")).toEqual([expect.objectContaining({ name: "dev-us-east-1-subnets", allow_external_principals: false })]);
    const shared = resourcesOf(json, "aws_ram_resource_association").map((a) =>
      String(a.resource_arn)
        .match(/aws_subnet\.subnets-(\w+)_(\w+-az\d+)_/)!
        .slice(1)
        .join(" "),
    );
    expect(shared.sort()).toEqual(["data use1-az1", "data use1-az2", "data use1-az4", "private use1-az1", "private use1-az2", "private use1-az4"]);
    expect(resourcesOf(json, "aws_ram_principal_association").map((p) => p.principal)).toEqual(["555555555555"]);
  });

  it("shares with the OU ARN, written under the management account, when the environment says so", () => {
    const { json } = synthStack(findStack(stacks.network, "prod-ap-southeast-1-network"));
    expect(resourcesOf(json, "aws_ram_principal_association").map((p) => p.principal)).toEqual([
      "arn:aws:organizations::111111111111:ou/o-exampleorg1/ou-exmp-44444444",
    ]);
    const tiers = resourcesOf(json, "aws_ram_resource_association").map((a) => String(a.resource_arn).match(/subnets-(\w+)_/)![1]);
    expect([...new Set(tiers)].sort()).toEqual(["data", "private", "public"]);
    expect(tiers).toHaveLength(9);
  });

  it("never shares the transit tier", () => {
    for (const stack of stacks.network) {
      const { json } = synthStack(stack);
      expect(resourcesOf(json, "aws_ram_resource_association").some((a) => String(a.resource_arn).includes("subnets-transit_"))).toBe(false);
    }
  });

  it("lists each workload account once, in accounts mode, however many accounts the environment has", () => {
    const input = exampleOrgInput();
    input.accounts.push({ id: "999999999999", name: "workload-dev-b", role: "workload", ou: "workloads-nonprod" });
    input.environments.dev.workloadAccounts = ["workload-dev", "workload-dev-b"];
    const twoAccounts = buildTestOrg(resolveOrg(input));
    const { json } = synthStack(findStack(twoAccounts.network, "dev-eu-west-1-network"));
    expect(resourcesOf(json, "aws_ram_principal_association").map((p) => p.principal)).toEqual(["555555555555", "999999999999"]);
  });
});
