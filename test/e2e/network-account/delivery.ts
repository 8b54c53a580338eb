import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { resolveOrg } from "../../../environments/load";
import type { OrgModel } from "../../../planning/model";
import { runDrift } from "../../../scripts/drift";
import type { StackDrift } from "../../../scripts/lib/drift-report";
import { runPlanEnv } from "../../../scripts/plan-env";
import { runPlanSummary } from "../../../scripts/plan-summary";
import { runState } from "../../../scripts/state";
import { exampleOrgInput } from "../../support/synth";
import { PLAN_FIXTURES } from "../../scripts/fixtures/plan-fixtures";
import { capturedIo } from "../../scripts/fixtures/example-synth";
import { BOOTSTRAP, NETWORK, TRANSIT, type NetworkAccountFixture } from "./fixture";

const STACKS = [BOOTSTRAP, TRANSIT, NETWORK];
/** The data subnet the config change moves, and where to. */
const MOVED = { tier: "data", azId: "use1-az1", to: "10.0.200.0/24" } as const;

/** Set ORGPLAT_RECORD_PLAN_FIXTURES=1 to refresh the recorded plans the unit tests read. */
const recording = process.env.ORGPLAT_RECORD_PLAN_FIXTURES === "1";

/** The example org with the dev us-east-1 subnets pinned where they are, but one moved: a subnet replacement. */
function orgWithMovedSubnet(base: OrgModel): OrgModel {
  const input = exampleOrgInput();
  const current = base.environments.find((e) => e.name === "dev")!.vpcs.find((v) => v.region.name === "us-east-1")!.subnets;
  const layout = input.environments.dev.regions["us-east-1"];
  const subnets = Object.fromEntries(Object.entries(layout.subnets).map(([tier, l]) => [tier, { ...l, cidrs: { ...current[tier as keyof typeof current] } }]));
  subnets[MOVED.tier].cidrs[MOVED.azId] = MOVED.to;
  layout.subnets = subnets as typeof layout.subnets;
  return resolveOrg(input, "example org, one dev subnet moved (test)");
}

/**
 * The delivery commands on the fewest stacks that show them: the network account's bootstrap (its
 * state bucket), the us-east-1 Transit Gateway the dev network reads (both applied before this
 * scenario), and the dev network in us-east-1, applied here. Everything else is planned by the org e2e.
 */
export function describeDelivery(fixture: NetworkAccountFixture): void {
  describe("delivery commands", () => {
    const org = fixture.org;
    const stack = (name: string) => fixture.stack(name);

    /** `aws` in `accountId`, through the same account role Terraform assumes. */
    const awsIn = (accountId: string, args: readonly string[]): string => {
      const run = (argv: readonly string[], env: NodeJS.ProcessEnv) => {
        const r = spawnSync("aws", [...argv, "--output", "json"], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
        if (r.status !== 0) throw new Error(`aws ${argv.join(" ")} failed: ${r.stderr}`);
        return r.stdout;
      };
      const role = `arn:aws:iam::${accountId}:role/${org.accessRoleName}`;
      const creds = JSON.parse(run(["sts", "assume-role", "--role-arn", role, "--role-session-name", "behind-terraforms-back"], fixture.moto.env)).Credentials;
      return run(args, {
        ...fixture.moto.env,
        AWS_ACCESS_KEY_ID: creds.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: creds.SecretAccessKey,
        AWS_SESSION_TOKEN: creds.SessionToken,
      });
    };
    const record = (name: string, text: string) => {
      if (!recording) return;
      const path = join(PLAN_FIXTURES, name.endsWith(".json") ? `${name}.gz` : name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, name.endsWith(".json") ? gzipSync(text) : text);
    };

    beforeAll(() => {
      fixture.runner.init(stack(NETWORK));
      fixture.runner.apply(stack(NETWORK));
    }, 20 * 60_000);

    it(
      "state list / show / pull / output read the stack's state from its account's bucket, initializing first",
      () => {
        rmSync(join(stack(NETWORK).dir, ".terraform"), { recursive: true, force: true });
        const list = capturedIo();
        expect(runState([NETWORK, "list", "--outdir", fixture.outdir], list, fixture.tf)).toBe(0);
        const managed = list.stdout.split("\n").filter((a) => a && !a.startsWith("data."));
        const applied = fixture.runner.targetArgs(stack(NETWORK)).map((t) => t.slice("-target=".length));
        expect(managed.sort()).toEqual(applied.sort());

        const vpc = managed.find((a) => a.startsWith("aws_vpc."))!;
        const show = capturedIo();
        expect(runState([NETWORK, "show", vpc, "--outdir", fixture.outdir], show, fixture.tf)).toBe(0);
        expect(show.stdout).toMatch(/cidr_block\s+= "10\.0\.0\.0\/16"/);

        const pull = capturedIo();
        expect(runState([NETWORK, "pull", "--outdir", fixture.outdir], pull, fixture.tf)).toBe(0);
        const state = JSON.parse(pull.stdout) as { resources: { mode: string }[]; outputs: Record<string, unknown> };
        expect(state.resources.filter((r) => r.mode === "managed")).toHaveLength(applied.length);

        const output = capturedIo();
        expect(runState([NETWORK, "output", "vpc_cidr", "--outdir", fixture.outdir], output, fixture.tf)).toBe(0);
        expect(JSON.parse(output.stdout)).toBe("10.0.0.0/16");
      },
      5 * 60_000,
    );

    it("state names a mistyped stack's closest names and runs nothing", () => {
      const io = capturedIo();
      expect(runState(["dev-us-east-1-netwrk", "list", "--outdir", fixture.outdir], io, fixture.tf)).toBe(64);
      expect(io.stderr).toContain(`did you mean ${NETWORK}`);
    });

    it(
      "drift finds nothing right after apply: what moto could not apply is reported as not applied, not as drift",
      async () => {
        const io = capturedIo();
        const json = join(fixture.workDir, "drift-clean.json");
        expect(await runDrift(["--outdir", fixture.outdir, ...STACKS.flatMap((s) => ["--stack", s]), "--json", json], io, fixture.tf)).toBe(0);
        const reports = (JSON.parse(readFileSync(json, "utf8")) as { stacks: StackDrift[] }).stacks;
        for (const report of reports) {
          expect({ stack: report.stack, drifted: report.drifted }).toEqual({ stack: report.stack, drifted: [] });
          expect(report.pending.map((p) => p.address).sort()).toEqual(fixture.runner.excludedAddresses(stack(report.stack)).sort());
        }
        expect(io.stdout).toContain("drift: 0 of 3 stacks drifted");
      },
      10 * 60_000,
    );

    it(
      "drift reports exactly the stack and the subnet changed behind Terraform's back",
      async () => {
        const subnet = "aws_subnet.subnets-private_use1-az2";
        const address = fixture.runner
          .targetArgs(stack(NETWORK))
          .map((t) => t.slice("-target=".length))
          .find((a) => a.startsWith(subnet))!;
        const subnetId = (
          JSON.parse(fixture.runner.ok(stack(NETWORK), ["state", "pull"]).stdout) as {
            resources: { type: string; name: string; instances: { attributes: { id: string } }[] }[];
          }
        ).resources.find((r) => `${r.type}.${r.name}` === address)!.instances[0].attributes.id;
        awsIn(org.networkAccount.id, ["ec2", "modify-subnet-attribute", "--subnet-id", subnetId, "--map-public-ip-on-launch"]);

        const io = capturedIo();
        const json = join(fixture.workDir, "drift.json");
        const issues = join(fixture.workDir, "drift-issues");
        const plans = join(fixture.workDir, "drift-plans");
        const code = await runDrift(
          ["--outdir", fixture.outdir, ...STACKS.flatMap((s) => ["--stack", s]), "--json", json, "--issues-dir", issues, "--plans-dir", plans],
          io,
          fixture.tf,
        );
        awsIn(org.networkAccount.id, ["ec2", "modify-subnet-attribute", "--subnet-id", subnetId, "--no-map-public-ip-on-launch"]);

        expect(code).toBe(2);
        const reports = (JSON.parse(readFileSync(json, "utf8")) as { stacks: StackDrift[] }).stacks;
        expect(reports.filter((r) => r.status === "drifted").map((r) => ({ stack: r.stack, drifted: r.drifted }))).toEqual([
          { stack: NETWORK, drifted: [{ address, type: "aws_subnet", kind: "update", attributes: ["map_public_ip_on_launch"] }] },
        ]);
        expect(readdirSync(issues)).toEqual([`${NETWORK}.md`]);
        const issue = readFileSync(join(issues, `${NETWORK}.md`), "utf8");
        expect(issue.split("\n")[0]).toBe(`Drift: ${NETWORK}`);
        expect(issue).toContain(`| \`${address}\` | update | \`map_public_ip_on_launch\` |`);
        expect(io.stdout).toContain(`  ~ ${address} (update): map_public_ip_on_launch`);
        record("drift/dev-us-east-1-network.json", readFileSync(join(plans, `${NETWORK}.json`), "utf8"));
      },
      10 * 60_000,
    );

    it(
      "plan prints a progress line per stack and the summary table",
      async () => {
        const io = capturedIo();
        expect(await runPlanEnv(["--outdir", fixture.outdir, "--stack", TRANSIT, "--no-lock"], io, fixture.tf)).toBe(0);
        const excluded = fixture.runner.excludedAddresses(stack(TRANSIT)).length;
        expect(io.stdout).toMatch(new RegExp(`^\\[1/1\\] ${TRANSIT}: ${excluded} to add \\(\\d+\\.\\d s\\)$`, "m"));
        expect(io.stdout).toMatch(new RegExp(`^${TRANSIT}\\s+${excluded}\\s+0\\s+0\\s+0\\s+changes$`, "m"));
      },
      5 * 60_000,
    );

    describe("plan-summary on the plans of a pull request that moves a dev subnet", () => {
      const plans = join(fixture.workDir, "pr-plans");
      let comment: string;

      beforeAll(() => {
        fixture.synthesize(orgWithMovedSubnet(org));
        mkdirSync(plans, { recursive: true });
        for (const name of [NETWORK, TRANSIT]) {
          fixture.runner.ok(stack(name), ["plan", "-input=false", "-no-color", "-out=pr.tfplan", ...fixture.runner.targetArgs(stack(name))]);
          const json = fixture.runner.ok(stack(name), ["show", "-json", "pr.tfplan"]).stdout;
          writeFileSync(join(plans, `${name}.json`), json);
          record(`pull-request/${name}.json`, json);
        }
        // A plan that cannot be made: the state bucket refuses destroy (prevent_destroy).
        const refused = fixture.runner.run(stack(BOOTSTRAP), ["plan", "-destroy", "-input=false", "-no-color"]);
        expect(refused.code).toBe(1);
        writeFileSync(join(plans, `${BOOTSTRAP}.error.txt`), refused.stderr);
        record(`pull-request/${BOOTSTRAP}.error.txt`, refused.stderr);
        const io = capturedIo();
        expect(runPlanSummary([plans, "--run-url", "https://github.com/example/orgplat/actions/runs/1"], io)).toBe(0);
        comment = io.stdout;
        // The comment itself, for a look at what a pull request would show.
        if (process.env.ORGPLAT_PR_COMMENT_OUT) writeFileSync(process.env.ORGPLAT_PR_COMMENT_OUT, comment);
      }, 10 * 60_000);

      it("opens with the hidden marker the workflow updates the comment by", () => {
        expect(comment.split("\n")[0]).toBe("<!-- orgplat-plan-summary -->");
      });

      it("counts the replaced subnet and its route-table association, and the NACL update, in one table", () => {
        expect(comment).toContain(
          [
            "| stack | add | change | destroy | replace |",
            "| --- | ---: | ---: | ---: | ---: |",
            `| \`${BOOTSTRAP}\` | :x: plan failed | | | |`,
            `| :warning: \`${NETWORK}\` | 0 | 1 | 0 | 2 |`,
          ].join("\n"),
        );
        expect(comment).toContain(`cidr_block: "10.0.51.0/24" -> "${MOVED.to}"  # forces replacement`);
      });

      it("collapses the unchanged transit stack and folds the details", () => {
        expect(comment).toContain(`<details><summary>1 stack without changes</summary>\n\n\`${TRANSIT}\``);
        expect(comment).toContain(`<details><summary><code>${NETWORK}</code>: 1 to change, 2 to replace</summary>`);
      });

      it("shows why the bootstrap plan failed, and raises no data warning for a subnet", () => {
        expect(comment).toContain("Instance cannot be destroyed");
        expect(comment).toContain("> [!WARNING]");
        expect(comment).not.toContain("[!CAUTION]");
      });
    });

    it(
      "plan-summary warns loudly when a plan destroys a resource that holds data",
      () => {
        const plans = join(fixture.workDir, "destroy-plans");
        mkdirSync(plans, { recursive: true });
        // Terraform refuses to plan away what has prevent_destroy (log groups, keys): retiring data starts by lifting it,
        // and that plan is the one the summary must flag.
        const file = join(stack(NETWORK).dir, "cdk.tf.json");
        const synthesized = readFileSync(file, "utf8");
        const lifted = JSON.parse(synthesized) as { resource?: Record<string, Record<string, { lifecycle?: { prevent_destroy?: boolean } }>> };
        for (const byName of Object.values(lifted.resource ?? {})) for (const body of Object.values(byName)) delete body.lifecycle?.prevent_destroy;
        writeFileSync(file, JSON.stringify(lifted, null, 2));
        try {
          fixture.runner.ok(stack(NETWORK), [
            "plan",
            "-destroy",
            "-input=false",
            "-no-color",
            "-out=destroy.tfplan",
            ...fixture.runner.targetArgs(stack(NETWORK)),
          ]);
        } finally {
          writeFileSync(file, synthesized);
        }
        const json = fixture.runner.ok(stack(NETWORK), ["show", "-json", "destroy.tfplan"]).stdout;
        writeFileSync(join(plans, `${NETWORK}.json`), json);
        record("destroy/dev-us-east-1-network.json", json);
        const io = capturedIo();
        expect(runPlanSummary([plans], io)).toBe(0);
        const logGroup = fixture.runner
          .targetArgs(stack(NETWORK))
          .map((t) => t.slice("-target=".length))
          .find((a) => a.startsWith("aws_cloudwatch_log_group."))!;
        expect(io.stdout).toContain("> [!CAUTION]");
        expect(io.stdout).toContain(`> - \`${NETWORK}\`: **destroy** \`${logGroup}\` (CloudWatch log group (its log events))`);
        expect(io.stdout).toContain(`| :warning: \`${NETWORK}\` | 0 | 0 | ${fixture.runner.targetArgs(stack(NETWORK)).length} | 0 |`);
      },
      5 * 60_000,
    );
  });
}
