import { movedSubnets, subnetIdsByKey } from "../../../modules/network/subnet-move-guard";
import { buildTestOrg, exampleOrgModel, resourcesOf, synthStack } from "../../support/synth";
import { TerraformConsole } from "../../support/terraform-console";
import { describeWithTooling } from "../../support/tooling";

const terraform = new TerraformConsole();
const evaluate = (expression: string): unknown => terraform.evaluate(expression);

const where = { configPath: "environments.dev.regions.us-east-1" };
/** What the aws_subnet data source reads for the subnets the last apply made. */
const deployed = `{ "private/use1-az1" = { cidr_block = "10.0.0.0/20" }, "data/use1-az1" = { cidr_block = "10.0.51.0/24" }, "data/use1-az2" = { cidr_block = "10.0.52.0/24" } }`;
const unpinned = { private: [], data: [] };

describeWithTooling({ moto: false })("subnet move guard expressions, evaluated by terraform", () => {
  beforeAll(() => terraform.open());
  afterAll(() => terraform.close());

  it("keys the deployed subnet ids by tier and AZ ID", () => {
    expect(evaluate(subnetIdsByKey(`{ private = { "use1-az1" = "subnet-1" }, data = { "use1-az1" = "subnet-2", "use1-az2" = "subnet-3" } }`))).toEqual({
      "private/use1-az1": "subnet-1",
      "data/use1-az1": "subnet-2",
      "data/use1-az2": "subnet-3",
    });
    expect(evaluate(subnetIdsByKey("{}"))).toEqual({});
  });

  it("names a subnet that would move, with its old and new CIDR and the pin that keeps it", () => {
    const planned = { private: { "use1-az1": "10.0.0.0/20" }, data: { "use1-az1": "10.0.8.0/24", "use1-az2": "10.0.52.0/24" } };
    expect(evaluate(movedSubnets(deployed, { ...where, planned, pinned: unpinned }))).toEqual([
      "data use1-az1: 10.0.51.0/24 -> 10.0.8.0/24 (pin it: environments.dev.regions.us-east-1.subnets.data.cidrs.use1-az1 = 10.0.51.0/24)",
    ]);
  });

  it("lets a pinned subnet move (a deliberate move) and ignores subnets the config drops or never had", () => {
    const planned = { private: { "use1-az1": "10.0.0.0/20", "use1-az2": "10.0.16.0/20" }, data: { "use1-az1": "10.0.200.0/24" } };
    expect(evaluate(movedSubnets(deployed, { ...where, planned, pinned: { private: [], data: ["use1-az1"] } }))).toEqual([]);
    expect(evaluate(movedSubnets("{}", { ...where, planned, pinned: unpinned }))).toEqual([]);
  });
});

describe("subnet move guard in the network stack", () => {
  const stack = buildTestOrg(exampleOrgModel()).network.find((s) => s.node.id === "dev-us-east-1-network")!;
  const json = synthStack(stack).json;

  it("refuses, through a precondition on the VPC, a plan in which an unpinned deployed subnet moves", () => {
    const [vpc] = resourcesOf(json, "aws_vpc");
    const [precondition] = (vpc.lifecycle as { precondition: { condition: string; error_message: string }[] }).precondition;
    expect(precondition.condition).toBe("${length(local.subnets_moved) == 0}");
    expect(precondition.error_message).toContain("pin");
    expect((json as { locals?: Record<string, string> }).locals?.subnets_moved).toContain("environments.dev.regions.us-east-1.subnets.%s.cidrs.%s");
  });

  it("reads the deployed subnets live, from the ids the stack's own last apply wrote", () => {
    const [deployedSubnets] = Object.values((json.data as Record<string, Record<string, Record<string, unknown>>>).aws_subnet);
    expect(deployedSubnets.for_each).toMatch(/data\.terraform_remote_state\.subnet-move-guard_state_previous_\w+\[0\]\.outputs\.subnet_ids/);
  });
});
