import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMoto, type Moto } from "../support/moto";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";

/**
 * `npx cdktf deploy 'dev-*'` of a fresh environment, through the pinned cdktf CLI, against
 * moto_server, as far as moto's EKS goes. The app (apps/fresh-eks-environment.ts, built by
 * `npm run build`) holds dev's us-east-1 network (stand-in: moto has no RAM sharing), EKS
 * cluster, CRD and add-ons stacks. The CLI must apply them in dependency order and plan each
 * only when its producers are applied. moto stops it at the cluster stack's plan: it has no EKS
 * add-on API (moto-gaps.ts, aws_eks_addon), so reading EKS's default add-on versions answers 404;
 * the CRD and add-ons stacks (Helm and Kubernetes providers, absent from the offline mirror) are
 * then never started, which is the ordering this test proves.
 */
const ROOT = join(__dirname, "..", "..");
const CDKTF = join(ROOT, "node_modules", ".bin", "cdktf");
const APP = join(ROOT, "dist", "test", "e2e", "apps", "fresh-eks-environment.js");

describeWithTooling({ moto: true })("cdktf deploy of a fresh environment against moto_server", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-cdktf-deploy-"));
  let moto: Moto;
  beforeAll(async () => {
    if (!existsSync(APP)) throw new Error(`${APP} is missing: run "npm run build" first`);
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const cdktf = (args: readonly string[]) => {
    const run = spawnSync(CDKTF, [...args, "--auto-approve", "--skip-provider-lock", "--app", `node ${APP}`, "--output", join(work, "cdktf.out")], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...moto.env,
        ORGPLAT_AWS_ENDPOINT: moto.endpoint,
        TF_CLI_CONFIG_FILE: writeCliConfig(work),
        CHECKPOINT_DISABLE: "1",
        DISABLE_VERSION_CHECK: "true",
        CI: "true",
        FORCE_COLOR: "0",
      },
      encoding: "utf8",
      timeout: 900_000,
    });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  };

  it("makes the workload account's state bucket first (bootstrap, local state)", () => {
    const run = cdktf(["deploy", "bootstrap-workload-dev"]);
    if (run.status !== 0) throw new Error(`cdktf deploy bootstrap-workload-dev failed (${run.status}):\n${run.output}`);
    expect(run.output).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed/);
  }, 900_000);

  it("deploys 'dev-*' in dependency order: network applied, cluster planned after it, CRD and add-ons stacks never started before the cluster", () => {
    const run = cdktf(["deploy", "dev-*"]);
    console.log(`cdktf deploy 'dev-*' against moto_server (exit ${run.status}):\n${run.output.split("\n").filter((l) => /Plan:|Apply complete|Error|404|dev-us-east-1-eks-(crds|addons)/.test(l)).join("\n")}`);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/dev-us-east-1-network\s.*Apply complete! Resources: 5 added, 0 changed, 0 destroyed/);
    // moto's declared gap, and nothing else, stops the cluster stack.
    expect(run.output).toMatch(/dev-us-east-1-eks-cluster[\s\S]*(DescribeAddonVersions|CreateAddon)[\s\S]*404/);
    expect(run.output).not.toMatch(/dev-us-east-1-eks-(crds|addons)\s.*(Apply complete|Plan:)/);
  }, 900_000);
});
