import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadOrg, resolveOrg } from "../../environments/load";
import { runDiagram } from "../../scripts/diagram";
import { currentDiagram, diagramBlock, DIAGRAM_END, DIAGRAM_START, orgDiagram } from "../../scripts/lib/org-diagram";
import { exampleOrgInput, exampleOrgModel } from "../support/synth";

const README = join(__dirname, "..", "..", "README.md");

function diagramIo(readme: string) {
  const io = { written: undefined as string | undefined, stdout: "", stderr: "" };
  return Object.assign(io, {
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readFile: () => readme,
    writeFile: (_: string, text: string) => void (io.written = text),
    loadOrg: () => exampleOrgModel(),
  });
}

describe("org diagram", () => {
  const org = exampleOrgModel();
  const diagram = orgDiagram(org);

  it("README.md shows the diagram of the bundled org (run `npm run diagram` after changing the org)", () => {
    expect(currentDiagram(readFileSync(README, "utf8"))).toBe(diagramBlock(loadOrg()));
  });

  it("draws every account, with the network account's regions, Transit Gateways and VPCs", () => {
    for (const a of org.accounts) expect(diagram).toContain(`acct_${a.id}["${a.name} · ${a.id}`);
    for (const r of Object.values(org.regions)) expect(diagram).toContain(`tgw_${r.name.replace(/-/g, "_")}{{"Transit Gateway · ASN ${r.transitGatewayAsn}`);
    for (const e of org.environments) for (const v of e.vpcs) expect(diagram).toContain(`["VPC ${e.name} · ${v.cidr}<br/>domain ${e.routingDomain}"]`);
  });

  it("attaches every VPC to its region's gateway and peers the gateways in a full mesh", () => {
    expect(diagram).toContain("vpc_staging_eu_west_1 ---|attachment| tgw_eu_west_1");
    expect(diagram.match(/<-->\|peering\|/g)).toHaveLength(3);
    expect(diagram).toContain("tgw_us_east_1 <-->|peering| tgw_ap_southeast_1");
  });

  it("shows the RAM shares: subnets per VPC to each workload account, through the OU where configured", () => {
    expect(diagram).toContain('vpc_dev_us_east_1 -.->|"RAM: private, data subnets"| acct_555555555555');
    expect(diagram).toContain('vpc_prod_eu_west_1 -.->|"RAM: public, private, data subnets via OU workloads-prod"| acct_777777777777');
    expect(diagram).toContain("RAM: workload-dev, workload-prod");
  });

  it("places EKS clusters and Batch in their workload account and region, on their VPC's subnets", () => {
    expect(diagram).toContain('eks_prod_eu_west_1(["EKS prod · Kubernetes 1.35<br/>Karpenter: general · EFS CSI"])');
    expect(diagram).toContain('batch_staging_us_east_1[["Batch staging · active blue"]]');
    expect(diagram).toContain("batch_prod_eu_west_1 -->|subnets| vpc_prod_eu_west_1");
  });

  it("follows the config: a Batch colour draining while the other takes jobs", () => {
    const input = exampleOrgInput();
    input.environments.dev.batch!.colours.green = { ...input.environments.dev.batch!.colours.blue! };
    input.environments.dev.batch!.state = { active: "green", draining: "blue" };
    expect(orgDiagram(resolveOrg(input))).toContain('[["Batch dev · active green, draining blue"]]');
  });

  it("writes the block between the markers and leaves the rest of the README alone", () => {
    const io = diagramIo(`# title\n\n${DIAGRAM_START}\nold\n${DIAGRAM_END}\n\nafter\n`);
    expect(runDiagram(["--write"], io)).toBe(0);
    expect(io.written).toBe(`# title\n\n${diagramBlock(org)}\n\nafter\n`);
  });

  it("prints the diagram and writes nothing unless asked to (--write)", () => {
    const io = diagramIo(`${DIAGRAM_START}\nold\n${DIAGRAM_END}\n`);
    expect(runDiagram([], io)).toBe(0);
    expect(io.written).toBeUndefined();
    expect(io.stdout).toBe(`${diagram}\n`);
  });

  it("--check fails on a stale diagram and changes nothing", () => {
    const io = diagramIo(`${DIAGRAM_START}\nold\n${DIAGRAM_END}\n`);
    expect(runDiagram(["--check"], io)).toBe(1);
    expect(io.written).toBeUndefined();
    expect(io.stderr).toContain("the org diagram is stale; run `npm run diagram`");
  });

  it("says where the markers go when the README has none", () => {
    const io = diagramIo("# no markers\n");
    expect(runDiagram(["--write"], io)).toBe(1);
    expect(io.stderr).toContain(`README.md has no ${DIAGRAM_START}`);
  });
});
