import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadOrg } from "../../../environments/load";
import type { OrgModel } from "../../../planning/model";
import { terraformCli, type TerraformCommand } from "../../../scripts/lib/terraform-cli";
import { synthesizeOrg } from "../../../stacks/synthesize";
import { startMoto, type Moto } from "../../support/moto";
import { StackRunner } from "../../support/stack-runner";
import { readSynthesized, type SynthesizedStack } from "../../support/synthesized";
import { writeCliConfig } from "../../support/terraform";

/** The network account's bootstrap: its state bucket holds the state of every stack below. */
export const BOOTSTRAP = "bootstrap-network";
/** The smallest stack with its state in that bucket, and the one the scenarios apply, plan and lock. */
export const TRANSIT = "shared-us-east-1-transit";
/** The dev network in us-east-1: it reads the Transit Gateway stack's outputs. */
export const NETWORK = "dev-us-east-1-network";

/**
 * One moto_server, the bundled org synthesized for it as the deploy role, and the network account's
 * bootstrap applied (its state bucket): what the saved-plan, state-safety and delivery scenarios
 * share. Ready after `start()` (a beforeAll); `stop()` ends moto_server and removes the directory.
 */
export class NetworkAccountFixture {
  public readonly org: OrgModel = loadOrg();
  public readonly workDir = mkdtempSync(join(tmpdir(), "orgplat-network-account-"));
  public readonly outdir = join(this.workDir, "cdktf.out");
  private started?: { moto: Moto; cliConfig: string; runner: StackRunner; tf: TerraformCommand };
  private stacks = new Map<string, SynthesizedStack>();

  public async start(): Promise<void> {
    const moto = await startMoto();
    const cliConfig = writeCliConfig(this.workDir, "mirror-binary");
    const runner = new StackRunner(cliConfig, { env: moto.env });
    this.started = { moto, cliConfig, runner, tf: terraformCli({ ...process.env, ...moto.env, TF_CLI_CONFIG_FILE: cliConfig }, 300_000) };
    this.synthesize(this.org);
    runner.init(this.stack(BOOTSTRAP));
    runner.apply(this.stack(BOOTSTRAP));
    runner.init(this.stack(TRANSIT));
  }

  public async stop(): Promise<void> {
    await this.started?.moto.stop();
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** Synthesizes `model` into the shared output (same stack directories, their .terraform kept). */
  public synthesize(model: OrgModel): void {
    synthesizeOrg(model, { emulatorEndpoint: this.moto.endpoint, purpose: "deploy" }, this.outdir);
    this.stacks = new Map(readSynthesized(this.outdir).map((s) => [s.name, s]));
  }

  public stack(name: string): SynthesizedStack {
    const stack = this.stacks.get(name);
    if (!stack) throw new Error(`no synthesized stack ${name}`);
    return stack;
  }

  public get moto(): Moto {
    return this.ready.moto;
  }

  /** The CLI config that points terraform at the provider mirror. */
  public get cliConfig(): string {
    return this.ready.cliConfig;
  }

  public get runner(): StackRunner {
    return this.ready.runner;
  }

  /** The product's terraform runner against moto_server, for the delivery commands. */
  public get tf(): TerraformCommand {
    return this.ready.tf;
  }

  private get ready() {
    if (!this.started) throw new Error("the network account fixture is not started (call start() in a beforeAll)");
    return this.started;
  }
}
