import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StackRunner } from "./stack-runner";
import type { SynthesizedStack } from "./synthesized";

function stackOf(json: SynthesizedStack["json"], accountId = "555555555555"): SynthesizedStack {
  return {
    name: "s",
    dir: "/nowhere",
    json,
    dependencies: [],
    accountId,
    providers: ["aws"],
    region: "us-east-1",
    environment: "dev",
    backend: { kind: "local", path: "terraform.tfstate" },
    resourceCount: 0,
    emulator: true,
  };
}

const runner = new StackRunner("/nowhere/terraform.rc", {});
const networkState = (account: string) => ({ config: { assume_role: { role_arn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole` } } });

describe("the e2e exclusion of what moto cannot apply", () => {
  it("excludes a gap type and everything reading it, through data sources too", () => {
    const stack = stackOf({
      resource: {
        aws_ram_resource_share: { share: {} },
        aws_ram_resource_association: { assoc: { resource_share_arn: "${aws_ram_resource_share.share.arn}" } },
        aws_iam_role: { role: { assume_role_policy: "${data.aws_iam_policy_document.trust.json}" }, unrelated: {} },
      },
      data: { aws_iam_policy_document: { trust: { statement: [{ resources: ["${aws_ram_resource_share.share.arn}"] }] } } },
    });
    expect(runner.excludedAddresses(stack).sort()).toEqual(["aws_iam_role.role", "aws_ram_resource_association.assoc", "aws_ram_resource_share.share"]);
    expect(runner.targetArgs(stack)).toEqual(["-target=aws_iam_role.unrelated"]);
  });

  it("does not mistake a longer name for a reference", () => {
    const stack = stackOf({
      resource: { aws_ram_resource_share: { share: {} }, aws_iam_role: { other: { name: "${aws_ram_resource_share.share_two.arn}" } } },
    });
    expect(runner.excludedAddresses(stack)).toEqual(["aws_ram_resource_share.share"]);
  });

  it("excludes a participant type only where it uses another account's shared networking", () => {
    const json = {
      resource: {
        aws_security_group: {
          shared: { vpc_id: "${data.terraform_remote_state.network.outputs.vpc_id}" },
          own: { vpc_id: "${aws_vpc.own.id}" },
        },
        aws_vpc: { own: {} },
      },
      data: { terraform_remote_state: { network: networkState("222222222222") } },
    };
    expect(runner.excludedAddresses(stackOf(json))).toEqual(["aws_security_group.shared"]);
    expect(runner.excludedAddresses(stackOf(json, "222222222222"))).toEqual([]);
  });

  it("excludes nothing and targets nothing for a stack moto applies whole", () => {
    const stack = stackOf({ resource: { aws_vpc: { own: {} } } });
    expect(runner.excludedAddresses(stack)).toEqual([]);
    expect(runner.targetArgs(stack)).toEqual([]);
  });
});

describe("the e2e teardown of a stack", () => {
  // A stand-in terraform on PATH: logs each command, keeps a state list in a file, and destroys by
  // leaving only the data sources in it, as a targeted destroy does.
  const work = mkdtempSync(join(tmpdir(), "orgplat-runner-"));
  const log = join(work, "commands.log");
  const state = join(work, "state.txt");
  writeFileSync(
    join(work, "terraform"),
    [
      "#!/usr/bin/env bash",
      `echo "$*" >> "${log}"`,
      `case "$1 $2" in`,
      `  "state list") cat "${state}" ;;`,
      `  "state rm") shift 2; for a in "$@"; do grep -vxF "$a" "${state}" > "${state}.new"; mv "${state}.new" "${state}"; done ;;`,
      `  destroy*) grep '^data\\.' "${state}" > "${state}.new"; mv "${state}.new" "${state}" ;;`,
      "esac",
      "",
    ].join("\n"),
  );
  chmodSync(join(work, "terraform"), 0o755);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const stack = {
    ...stackOf({
      resource: {
        aws_ram_resource_share: { share: {} },
        aws_s3_bucket: { state: { lifecycle: { prevent_destroy: true } } },
        aws_iam_role: { unrelated: {} },
      },
      data: { aws_caller_identity: { me: {} } },
    }),
    dir: work,
  };
  const fakeRunner = new StackRunner(join(work, "terraform.rc"), { env: { PATH: `${work}:${process.env.PATH}` } });
  const applied = ["aws_s3_bucket.state", "aws_iam_role.unrelated", "data.aws_caller_identity.me"].join("\n") + "\n";
  const expectedCommands = [
    "state list",
    "state rm aws_s3_bucket.state",
    "destroy -auto-approve -input=false -no-color -target=aws_s3_bucket.state -target=aws_iam_role.unrelated",
    "state list",
    "state rm data.aws_caller_identity.me",
  ];
  const reset = () => {
    writeFileSync(state, applied);
    rmSync(log, { force: true });
  };

  it("drops protected resources from state, destroys with the apply's -target list and ends with an empty state", () => {
    reset();
    expect(fakeRunner.destroy(stack)).toEqual(["aws_s3_bucket.state"]);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual(expectedCommands);
    expect(readFileSync(state, "utf8")).toBe("");
  });

  it("does the same without blocking, for stacks torn down side by side", async () => {
    reset();
    expect(await fakeRunner.destroyAsync(stack)).toEqual(["aws_s3_bucket.state"]);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual(expectedCommands);
    expect(readFileSync(state, "utf8")).toBe("");
  });
});
