import { EXIT, runCommand, runCommandAsync, UsageError, type CliIo } from "../../../scripts/lib/cli";

function capture(): CliIo & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

describe("runCommand", () => {
  const spec = { usage: "usage: npm run thing -- [--name N]", options: { name: { type: "string" } } } as const;

  it("hands the parsed flags to the body and returns its exit code", () => {
    const io = capture();
    expect(runCommand(["--name", "dev"], io, spec, ({ values }) => (values.name === "dev" ? 3 : 9))).toBe(3);
    expect(io.errText).toEqual([]);
  });

  it("prints the usage for --help without running the body", () => {
    const io = capture();
    const body = jest.fn(() => 0);
    expect(runCommand(["--help"], io, spec, body)).toBe(0);
    expect(io.outText).toEqual([expect.stringContaining(spec.usage)]);
    expect(io.outText[0]).toContain("exit codes: 0 ok, 2 changes/drift present (where the command reports them), 1 failed, 64 usage error");
    expect(body).not.toHaveBeenCalled();
  });

  it("keeps the exit-code contract the workflows rely on: 0 ok, 2 changes, 1 failure, 64 usage", () => {
    expect(EXIT).toEqual({ ok: 0, changes: 2, failure: 1, usage: 64 });
  });

  it("answers an unknown flag or a stray argument with the message and the usage, exit 64", () => {
    const unknown = capture();
    expect(runCommand(["--nmae", "dev"], unknown, spec, () => 0)).toBe(64);
    expect(unknown.errText).toEqual([expect.stringMatching(/^Unknown option '--nmae'.*\nusage: npm run thing/s)]);
    const stray = capture();
    expect(runCommand(["dev"], stray, spec, () => 0)).toBe(64);
    expect(stray.errText[0]).toMatch(/Unexpected argument 'dev'/);
    expect(runCommand(["dev"], capture(), { ...spec, positionals: true }, ({ positionals }) => positionals.length)).toBe(1);
  });

  it("treats a UsageError of the body like a bad command line", () => {
    const io = capture();
    expect(
      runCommand([], io, spec, () => {
        throw new UsageError("name a stack");
      }),
    ).toBe(64);
    expect(io.errText).toEqual([`name a stack\n${spec.usage}`]);
  });

  it("prints only the message of any other error, exit 1", () => {
    const io = capture();
    const failing = () => {
      throw new Error("cdktf.out/manifest.json does not exist");
    };
    expect(runCommand([], io, spec, failing)).toBe(1);
    expect(io.errText).toEqual(["cdktf.out/manifest.json does not exist"]);
  });

  it("keeps the same contract for a body that waits", async () => {
    expect(await runCommandAsync(["--name", "dev"], capture(), spec, async () => 2)).toBe(2);
    expect(await runCommandAsync(["--bad"], capture(), spec, async () => 0)).toBe(64);
    expect(
      await runCommandAsync([], capture(), spec, async () => {
        throw new UsageError("x");
      }),
    ).toBe(64);
    expect(
      await runCommandAsync([], capture(), spec, async () => {
        throw new Error("x");
      }),
    ).toBe(1);
  });
});
