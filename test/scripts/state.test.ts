import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findStack, runState, stateArgs, withoutAnsi } from "../../scripts/state";
import type { TerraformCommand } from "../../scripts/lib/terraform-cli";
import { capturedIo, synthesizeExample } from "./fixtures/example-synth";

/** Fails the test if the command reaches terraform: these cases must stop before. */
const noTerraform: TerraformCommand = (_dir, args) => {
  throw new Error(`terraform ${args.join(" ")} should not have run`);
};

describe("state", () => {
  const example = synthesizeExample();
  afterAll(() => example.cleanup());

  it("maps each subcommand to its terraform command", () => {
    expect(stateArgs("list", [])).toEqual(["state", "list", "-no-color"]);
    expect(stateArgs("list", ["aws_subnet.x"])).toEqual(["state", "list", "-no-color", "aws_subnet.x"]);
    expect(stateArgs("show", ["aws_vpc.vpc"])).toEqual(["state", "show", "-no-color", "aws_vpc.vpc"]);
    expect(stateArgs("pull", [])).toEqual(["state", "pull"]);
    expect(stateArgs("output", ["vpc_id"])).toEqual(["output", "-no-color", "-json", "vpc_id"]);
  });

  it("refuses what terraform would misread, saying what is expected", () => {
    expect(() => stateArgs("show", [])).toThrow("show takes exactly one resource address");
    expect(() => stateArgs("pull", ["x"])).toThrow("pull takes no arguments");
    expect(() => stateArgs("rm", ["x"])).toThrow('unknown subcommand "rm"');
  });

  it("suggests the closest stack names for a typo", () => {
    expect(() => findStack(example.stacks, "dev-us-east-1-netwrk")).toThrow(/did you mean dev-us-east-1-network, dev-eu-west-1-network, /);
    expect(() => findStack(example.stacks, "something-else-entirely")).toThrow(
      /^no stack named "something-else-entirely" \(`npm run inventory` lists every stack\)$/,
    );
  });

  it("stops with the usage before running terraform when the command line is incomplete", () => {
    const io = capturedIo();
    expect(runState(["dev-us-east-1-network", "--outdir", example.outdir], io, noTerraform)).toBe(64);
    expect(io.stderr).toContain("name a subcommand\nusage: npm run state -- <stack> <list | show ADDRESS | pull | output [NAME]>");
  });

  it("tells how to synthesize when the output directory is missing", () => {
    const io = capturedIo();
    expect(runState(["dev-us-east-1-network", "list", "--outdir", "/nonexistent/cdktf.out"], io, noTerraform)).toBe(1);
    expect(io.stderr).toContain("/nonexistent/cdktf.out/manifest.json does not exist: synthesize first with `npm run synth`");
  });

  it("initializes a never-initialized stack before reading its state, and reports a failing init with the way out", () => {
    const calls: string[] = [];
    const failingInit: TerraformCommand = (_dir, args) => {
      calls.push(args.join(" "));
      return { code: 1, stdout: "", stderr: "Error: error configuring S3 Backend: no valid credential sources found" };
    };
    const io = capturedIo();
    expect(runState(["dev-us-east-1-network", "list", "--outdir", example.outdir], io, failingInit)).toBe(1);
    expect(calls).toEqual(["init -input=false -no-color"]);
    expect(io.stderr).toContain("terraform init of dev-us-east-1-network failed (exit 1)");
    expect(io.stderr).toContain("no valid credential sources found");
  });

  it("prints plain text: no ANSI colour codes reach the output", () => {
    const coloured: TerraformCommand = (_dir, args) => ({ code: 0, stdout: args[0] === "state" ? "\x1b[0m\x1b[1maws_vpc.vpc\x1b[0m\n" : "", stderr: "" });
    const io = capturedIo();
    expect(runState(["dev-us-east-1-network", "list", "--outdir", example.outdir], io, coloured)).toBe(0);
    expect(io.stdout).toBe("aws_vpc.vpc\n");
    expect(withoutAnsi("\x1b[31mred\x1b[0m")).toBe("red");
  });

  it("the `state show` example of docs/state-and-access.md names an address the stack really has", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "state-and-access.md"), "utf8");
    const [, stackName, address] = doc.match(/npm run state -- (\S+) show '([^']+)'/)!;
    const [type, name] = address.split(".");
    expect(Object.keys(example.stacks.find((s) => s.name === stackName)!.json.resource?.[type] ?? {})).toContain(name);
  });
});
