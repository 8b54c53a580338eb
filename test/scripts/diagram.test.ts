import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadOrg, resolveOrg } from "../../environments/load";
import { runDiagram } from "../../scripts/diagram";
import { currentDiagram, DIAGRAM_END, DIAGRAM_FILE, diagramBlock, DIAGRAM_START, orgDiagram } from "../../scripts/lib/org-diagram";
import { exampleOrgInput, exampleOrgModel } from "../support/synth";

const ROOT = join(__dirname, "..", "..");

function diagramIo(document: string) {
  const io = { read: [] as string[], writtenTo: undefined as string | undefined, written: undefined as string | undefined, stdout: "", stderr: "" };
  return Object.assign(io, {
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readFile: (path: string) => (io.read.push(path), document),
    writeFile: (path: string, text: string) => void ((io.writtenTo = path), (io.written = text)),
    loadOrg: () => exampleOrgModel(),
  });
}

describe("org diagram", () => {
  const org = exampleOrgModel();
  const diagram = orgDiagram(org);

  it(`${DIAGRAM_FILE} shows the diagram of the bundled org (run \`npm run diagram -- --write\` after changing the org)`, () => {
    expect(DIAGRAM_FILE).toBe("docs/architecture.md");
    expect(currentDiagram(readFileSync(join(ROOT, DIAGRAM_FILE), "utf8"))).toBe(diagramBlock(loadOrg()));
  });

  it("the README links to the diagram's document instead of holding a copy", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(currentDiagram(readme)).toBeUndefined();
    expect(readme).toContain(`](${DIAGRAM_FILE})`);
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

  it("writes the block between the markers of docs/architecture.md and leaves the rest of the file alone", () => {
    const io = diagramIo(`# title\n\n${DIAGRAM_START}\nold\n${DIAGRAM_END}\n\nafter\n`);
    expect(runDiagram(["--write"], io)).toBe(0);
    expect(io.read).toEqual([DIAGRAM_FILE]);
    expect(io.writtenTo).toBe(DIAGRAM_FILE);
    expect(io.written).toBe(`# title\n\n${diagramBlock(org)}\n\nafter\n`);
  });

  it("writes another file when given --file", () => {
    const io = diagramIo(`${DIAGRAM_START}\nold\n${DIAGRAM_END}\n`);
    expect(runDiagram(["--write", "--file", "other.md"], io)).toBe(0);
    expect(io.read).toEqual(["other.md"]);
    expect(io.writtenTo).toBe("other.md");
  });

  it("--check passes on the current diagram and writes nothing", () => {
    const io = diagramIo(`# title\n${diagramBlock(org)}\n`);
    expect(runDiagram(["--check"], io)).toBe(0);
    expect(io.written).toBeUndefined();
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
    expect(io.stderr).toContain(`${DIAGRAM_FILE}: the org diagram is stale; run \`npm run diagram -- --write\``);
  });

  it("says where the markers go when the file has none", () => {
    const io = diagramIo("# no markers\n");
    expect(runDiagram(["--write"], io)).toBe(1);
    expect(io.stderr).toContain(`${DIAGRAM_FILE} has no ${DIAGRAM_START}`);
  });
});
