import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { loadOrg, resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import { accountAccessPlan } from "../../stacks/account-access-plan";
import { BootstrapStack } from "../../stacks/bootstrap-stack";
import { EksClusterStack } from "../../stacks/eks-cluster-stack";
import { bootstrapLocalStatePath } from "../../stacks/org-app";
import { bootstrapStackName, environmentStackName } from "../../stacks/stack-names";
import { startMoto, type Moto } from "../support/moto";
import { StandInNetworkStack } from "../support/stand-in-network-stack";
import { resourceAddresses, StackRunner } from "../support/stack-runner";
import { exampleOrgInput } from "../support/synth";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";
import { CANNOT_APPLY_TYPES, MOTO_GAPS, type ReadBackDrift } from "./moto-gaps";

/**
 * dev-us-east-1-eks-cluster applied to moto_server, re-planned and destroyed.
 *
 * Declared emulator limitation: moto has no RAM sharing, so a workload account sees none of the
 * network account's VPCs and subnets (moto-gaps.ts: its security groups and EFS mount targets
 * fail there, and the org e2e leaves them, the cluster and everything after them out). Here the
 * cluster stack is the product's own, built from the dev config, but its network outputs come
 * from a stand-in stack that makes the VPC and private subnets in the workload account itself.
 * Real: every cluster resource and the wiring between them. Not real: who owns the subnets.
 */

const ENVIRONMENT = "dev";
const REGION = "us-east-1";
const CLUSTER_STACK = environmentStackName(ENVIRONMENT, REGION, "eks-cluster");
const STAND_IN = `e2e-stand-in-${ENVIRONMENT}-${REGION}-eks-network`;

interface PlannedChange {
  address: string;
  type: string;
  mode: string;
  change: {
    actions: string[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    after_unknown?: Record<string, unknown>;
    replace_paths?: (string | number)[][];
  };
}

/** For a replacement the attributes forcing it, for an update those that change. */
function changedAttributes(change: PlannedChange["change"]): string[] {
  if (change.replace_paths?.length) return [...new Set(change.replace_paths.map((p) => String(p[0])))].sort();
  const before = change.before ?? {};
  const after = change.after ?? {};
  return [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(change.after_unknown ?? {})])]
    .filter((k) => k !== "id" && (JSON.stringify(before[k]) !== JSON.stringify(after[k]) || change.after_unknown?.[k] === true))
    .sort();
}

const withoutHash = (address: string) => address.replace(/_[0-9A-F]{8}$/, "");

/** The bootstrap, stand-in network and cluster stacks of `org`'s dev cluster, synthesized into `outdir`. */
function synthCluster(org: OrgModel, endpoint: string, outdir: string): { bootstrap: string; stacks: Map<string, SynthesizedStack> } {
  const env = org.environments.find((e) => e.name === ENVIRONMENT)!;
  const account = env.workloadAccounts[0];
  const target = { emulatorEndpoint: endpoint, purpose: "deploy" as const };
  const vpcModel = env.vpcs.find((v) => v.region.name === REGION)!;
  const bootstrap = bootstrapStackName(account);
  const app = new App({ outdir, skipBackendValidation: true });
  const network = new StandInNetworkStack(app, STAND_IN, { org, account, region: REGION, environment: ENVIRONMENT, target, vpcModel });
  const cluster = new EksClusterStack(app, CLUSTER_STACK, {
    org,
    environmentModel: env,
    eks: env.eks!,
    target,
    vpcModel,
    network,
    ownsSpotServiceLinkedRole: true,
  });
  new BootstrapStack(app, bootstrap, {
    org,
    account,
    target,
    localStatePath: bootstrapLocalStatePath(bootstrap),
    access: accountAccessPlan(org, account, [network, cluster]),
  });
  app.synth();
  return { bootstrap, stacks: new Map(readSynthesized(outdir).map((s) => [s.name, s])) };
}

const workDir = mkdtempSync(join(tmpdir(), "orgplat-eks-e2e-"));
const outdir = join(workDir, "cdktf.out");

describeWithTooling({ moto: true })(`${CLUSTER_STACK} applied to moto_server`, () => {
  let moto: Moto;
  let runner: StackRunner;
  let stacks: Map<string, SynthesizedStack>;
  const stack = (name: string): SynthesizedStack => stacks.get(name)!;
  let bootstrap: string;
  /** Access entries (moto has no API for them) and what depends on them. */
  let excluded: string[];
  let targets: string[];

  beforeAll(async () => {
    moto = await startMoto();
    runner = new StackRunner(writeCliConfig(workDir, "mirror-binary"), { env: moto.env });
    ({ bootstrap, stacks } = synthCluster(loadOrg(), moto.endpoint, outdir));
    for (const name of [bootstrap, STAND_IN]) {
      runner.init(stack(name));
      runner.apply(stack(name));
    }
    const cluster = stack(CLUSTER_STACK);
    excluded = excludedFrom(cluster);
    targets = resourceAddresses(cluster)
      .filter((a) => !excluded.includes(a))
      .map((a) => `-target=${a}`);
    runner.init(cluster);
  }, 20 * 60_000);

  afterAll(async () => {
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it(
    "applies every resource but the access entries and add-ons moto lacks (and the node group waiting for them): cluster, OIDC, IRSA roles, EFS per AZ ID, queue, Spot role",
    () => {
      const cluster = stack(CLUSTER_STACK);
      expect(excluded.map(withoutHash).sort()).toEqual([
        "aws_eks_access_entry.access_deployer",
        "aws_eks_access_entry.access_karpenter-nodes",
        "aws_eks_access_entry.access_planner",
        "aws_eks_access_entry.access_platform-admin",
        "aws_eks_access_policy_association.access_deployer-admin",
        "aws_eks_access_policy_association.access_planner-view",
        "aws_eks_access_policy_association.access_platform-admin-admin",
        "aws_eks_addon.addons_kube-proxy_addon",
        "aws_eks_addon.addons_pod-identity-agent_addon",
        "aws_eks_addon.addons_vpc-cni_addon",
        "aws_eks_addon.coredns_addon",
        "aws_eks_node_group.system-nodes",
      ]);
      runner.ok(cluster, ["apply", "-auto-approve", "-input=false", "-no-color", ...targets]);
      const applied = runner
        .run(cluster, ["state", "list"])
        .stdout.split("\n")
        .filter((a) => a.startsWith("aws_"));
      expect(applied.sort()).toEqual(
        resourceAddresses(cluster)
          .filter((a) => !excluded.includes(a))
          .sort(),
      );
      expect(applied.filter((a) => a.startsWith("aws_efs_mount_target."))).toHaveLength(3);
    },
    20 * 60_000,
  );

  it(
    "re-plans with only moto's declared drift: the cluster moto replaces, what follows from it, rule descriptions",
    () => {
      const cluster = stack(CLUSTER_STACK);
      const changes = plannedChanges(runner, cluster, "replan.tfplan", targets);
      const undeclared = changes
        .map((rc) => ({ address: rc.address, attributes: changedAttributes(rc.change) }))
        .filter(({ address, attributes }) => {
          const drift = MOTO_GAPS.find((g): g is ReadBackDrift => g.kind === "drift" && g.resourceType === address.split(".")[0]);
          return !drift || !attributes.length || !attributes.every((a) => drift.attributes.includes(a));
        });
      console.log(
        `${CLUSTER_STACK} re-plan, moto's declared drift only:\n${changes.map((rc) => `  ${withoutHash(rc.address)}: ${rc.change.actions.join("/")} [${changedAttributes(rc.change).join(", ")}]`).join("\n")}`,
      );
      expect(undeclared).toEqual([]);
      // Declared drift on roles is allowed for IRSA roles only: the ones trusting the replaced cluster's issuer.
      expect(
        changes
          .filter((rc) => rc.type === "aws_iam_role")
          .map((rc) => withoutHash(rc.address))
          .sort(),
      ).toEqual(["aws_iam_role.addons_vpc-cni-role", "aws_iam_role.efs-csi_irsa_role", "aws_iam_role.karpenter_controller-role"]);
    },
    20 * 60_000,
  );

  it(
    "plans a Kubernetes version bump as an in-place change of the cluster: the version forces nothing",
    () => {
      const input = exampleOrgInput();
      input.environments[ENVIRONMENT].eks!.kubernetesVersion = "1.36";
      // A version newer than the facts table, declared the way an org file declares one EKS launched since.
      input.awsFacts = { eksVersions: { "1.36": { standardSupportEnd: "2027-08-01", extendedSupportEnd: "2028-08-01" } } };
      const bumped = synthCluster(resolveOrg(input, "example-org, Kubernetes bumped"), moto.endpoint, join(workDir, "bumped")).stacks.get(CLUSTER_STACK)!;
      runner.init(bumped);
      const baseline = plannedChanges(runner, stack(CLUSTER_STACK), "baseline.tfplan", targets);
      const changes = plannedChanges(runner, bumped, "bumped.tfplan", targets);
      const clusterChange = changes.find((rc) => rc.type === "aws_eks_cluster")!.change;
      const drift = MOTO_GAPS.find((g): g is ReadBackDrift => g.kind === "drift" && g.resourceType === "aws_eks_cluster")!;
      console.log(
        `${CLUSTER_STACK} with kubernetesVersion 1.36 (moto drift included):\n` +
          changes.map((rc) => `  ${withoutHash(rc.address)}: ${rc.change.actions.join("/")} [${changedAttributes(rc.change).join(", ")}]`).join("\n"),
      );
      expect([clusterChange.before?.version, clusterChange.after?.version]).toEqual(["1.35", "1.36"]);
      // Replacement, if any, comes from moto's declared read-back drift alone, never from the version.
      expect((clusterChange.replace_paths ?? []).map((p) => String(p[0])).filter((a) => !drift.attributes.includes(a))).toEqual([]);
      // Besides the version, the bump changes nothing the unchanged config would not (the add-ons and node group moto lacks are not planned here).
      const summary = (rcs: PlannedChange[]) => rcs.map((rc) => `${withoutHash(rc.address)} ${rc.change.actions.join("/")}`).sort();
      expect(summary(changes)).toEqual(summary(baseline));
    },
    20 * 60_000,
  );

  it(
    // The stand-in network and the state bucket are fixtures: moto_server is stopped with them.
    "destroys the cluster stack (key and file system dropped from state first)",
    () => {
      const retired = runner.destroy(stack(CLUSTER_STACK));
      const applied = runner.protectedAddresses(stack(CLUSTER_STACK)).filter((a) => !excluded.includes(a));
      expect(retired.sort()).toEqual(applied.sort());
      expect(runner.run(stack(CLUSTER_STACK), ["state", "list"]).stdout.trim()).toBe("");
    },
    20 * 60_000,
  );
});

/** Managed resources a saved plan of `stack` (with the e2e's -target set) would change. */
function plannedChanges(runner: StackRunner, stack: SynthesizedStack, planFile: string, targets: readonly string[]): PlannedChange[] {
  const plan = runner.run(stack, ["plan", "-detailed-exitcode", "-input=false", "-no-color", `-out=${planFile}`, ...targets]);
  if (plan.code !== 0 && plan.code !== 2) throw new Error(`plan of ${stack.name} failed:\n${plan.stdout}\n${plan.stderr}`);
  console.log(`${stack.name} ${planFile}: ${plan.stdout.match(/Plan: .*|No changes\./)?.[0]}`);
  const json = JSON.parse(runner.ok(stack, ["show", "-json", planFile]).stdout) as { resource_changes?: PlannedChange[] };
  return (json.resource_changes ?? []).filter((rc) => rc.mode === "managed" && !rc.change.actions.every((a) => a === "no-op" || a === "read"));
}

/** Resources of a type moto cannot apply at all (moto-gaps.ts), and everything referring to them. */
function excludedFrom(stack: SynthesizedStack): string[] {
  const bodies = new Map(
    Object.entries(stack.json.resource ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, body]) => [`${type}.${name}`, JSON.stringify(body)] as const),
    ),
  );
  const excluded = new Set([...bodies.keys()].filter((a) => CANNOT_APPLY_TYPES.has(a.split(".")[0])));
  for (let grew = true; grew;) {
    grew = false;
    for (const [address, body] of bodies) {
      // A reference (`<address>.attr`) or a depends_on entry (`"<address>"`).
      if (!excluded.has(address) && [...excluded].some((e) => body.includes(`${e}.`) || body.includes(`"${e}"`))) {
        excluded.add(address);
        grew = true;
      }
    }
  }
  return [...excluded];
}
