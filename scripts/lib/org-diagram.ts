import type { AccountModel, EnvironmentModel, OrgModel, VpcModel } from "../../planning/model";
import { domainOf, isMeshed, peeringPlan } from "../../planning/routing-plan";

export const DIAGRAM_START = "<!-- org-diagram:start -->";
export const DIAGRAM_END = "<!-- org-diagram:end -->";

/** Mermaid node ids: letters, digits and underscores only. */
function id(...parts: readonly string[]): string {
  return parts.join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

function accountLabel(a: AccountModel): string {
  return `${a.name} · ${a.id}`;
}

/**
 * The organization as a Mermaid flowchart, from the org model alone: accounts (subgraphs) and
 * their regions, the network account's VPCs and Transit Gateways, VPC attachments, the peering
 * mesh, RAM shares of subnets (and of each gateway, in its label), EKS clusters and Batch.
 */
export function orgDiagram(org: OrgModel): string {
  const lines = ["flowchart LR"];
  const net = org.networkAccount;
  const regions = Object.values(org.regions);

  lines.push(`  subgraph ${id("acct", net.id)}["${accountLabel(net)}"]`, "    direction TB");
  for (const region of regions) {
    const vpcs = org.environments.flatMap((e) => e.vpcs.filter((v) => v.region.name === region.name));
    const sharedWith = unique(
      org.environments.filter((e) => e.vpcs.some((v) => v.region.name === region.name)).flatMap((e) => e.workloadAccounts.map((a) => a.name)),
    );
    lines.push(`    subgraph ${id("net", region.name)}["${region.name}"]`);
    lines.push(
      `      ${id("tgw", region.name)}{{"Transit Gateway · ASN ${region.transitGatewayAsn}${sharedWith.length ? `<br/>RAM: ${sharedWith.join(", ")}` : ""}"}}`,
    );
    for (const vpc of vpcs) lines.push(`      ${vpcId(vpc)}["VPC ${vpc.environment} · ${vpc.cidr}<br/>domain ${domainOf(org, vpc)}"]`);
    lines.push("    end");
  }
  lines.push("  end");

  for (const account of org.accounts.filter((a) => a.id !== net.id)) {
    const workloads = workloadsIn(org, account);
    if (!workloads.length) {
      lines.push(`  ${id("acct", account.id)}["${accountLabel(account)}<br/>(state bucket only)"]`);
      continue;
    }
    lines.push(`  subgraph ${id("acct", account.id)}["${accountLabel(account)}"]`, "    direction TB");
    for (const region of regions.filter((r) => workloads.some((w) => w.region === r.name))) {
      lines.push(`    subgraph ${id("wl", account.id, region.name)}["${region.name}"]`);
      for (const w of workloads.filter((x) => x.region === region.name)) lines.push(`      ${w.node}`);
      lines.push("    end");
    }
    lines.push("  end");
  }

  for (const env of org.environments) for (const vpc of env.vpcs) lines.push(`  ${vpcId(vpc)} ---|attachment| ${id("tgw", vpc.region.name)}`);
  if (isMeshed(org)) for (const p of peeringPlan(org)) lines.push(`  ${id("tgw", p.requester)} <-->|peering| ${id("tgw", p.accepter)}`);
  for (const env of org.environments) {
    const via = env.shareWith === "ou" ? ` via OU ${unique(env.workloadAccounts.map((a) => a.ou)).join(", ")}` : "";
    for (const vpc of env.vpcs) {
      for (const account of env.workloadAccounts) {
        lines.push(`  ${vpcId(vpc)} -.->|"RAM: ${env.sharedTiers.join(", ")} subnets${via}"| ${id("acct", account.id)}`);
      }
    }
  }
  for (const account of org.accounts) for (const w of workloadsIn(org, account)) lines.push(`  ${w.id} -->|subnets| ${w.vpc}`);
  return lines.join("\n");
}

interface Workload {
  readonly id: string;
  readonly node: string;
  readonly region: string;
  /** Node id of the VPC whose shared subnets it runs in. */
  readonly vpc: string;
}

/** EKS clusters and Batch environments run in the environment's first workload account (see stacks/org-app.ts). */
function workloadsIn(org: OrgModel, account: AccountModel): Workload[] {
  return org.environments
    .filter((env) => env.workloadAccounts[0]?.id === account.id)
    .flatMap((env) => [
      ...(env.eks?.regions ?? []).map((region) => ({
        id: id("eks", env.name, region),
        node: `${id("eks", env.name, region)}(["EKS ${env.name} · Kubernetes ${env.eks!.kubernetesVersion}<br/>Karpenter: ${Object.keys(env.eks!.nodePools).join(", ")} · EFS CSI"])`,
        region,
        vpc: vpcId(vpcOf(env, region)),
      })),
      ...(env.batch?.regions ?? []).map((region) => ({
        id: id("batch", env.name, region),
        node: `${id("batch", env.name, region)}[["Batch ${env.name} · active ${env.batch!.active}${env.batch!.draining ? `, draining ${env.batch!.draining}` : ""}"]]`,
        region,
        vpc: vpcId(vpcOf(env, region)),
      })),
    ]);
}

function vpcOf(env: EnvironmentModel, region: string): VpcModel {
  return env.vpcs.find((v) => v.region.name === region)!;
}

function vpcId(vpc: VpcModel): string {
  return id("vpc", vpc.environment, vpc.region.name);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The document that shows the org diagram between the markers. */
export const DIAGRAM_FILE = "docs/architecture.md";

/** The block between the markers: a mermaid code fence. */
export function diagramBlock(org: OrgModel): string {
  return `${DIAGRAM_START}\n\`\`\`mermaid\n${orgDiagram(org)}\n\`\`\`\n${DIAGRAM_END}`;
}

/** `text` with the block between the markers replaced; throws when the markers are missing. */
export function withDiagram(text: string, block: string, file: string = DIAGRAM_FILE): string {
  const start = text.indexOf(DIAGRAM_START);
  const end = text.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${DIAGRAM_START} … ${DIAGRAM_END} block; add the two markers where the diagram belongs`);
  return text.slice(0, start) + block + text.slice(end + DIAGRAM_END.length);
}

/** The block currently between the markers (markers included), or undefined. */
export function currentDiagram(text: string): string | undefined {
  const start = text.indexOf(DIAGRAM_START);
  const end = text.indexOf(DIAGRAM_END);
  return start < 0 || end < start ? undefined : text.slice(start, end + DIAGRAM_END.length);
}
