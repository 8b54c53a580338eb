import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cacheFileFor, runWithCodeCache } from "../../../scripts/lib/code-cache";

describe("runWithCodeCache", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-code-cache-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A bundle that requires a file beside it and records what it saw, like main.bundle.js writing cdktf.out. */
  function bundleIn(name: string, message: string): string {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "helper.js"), "exports.shout = (s) => s.toUpperCase();");
    const bundle = join(dir, "app.bundle.js");
    writeFileSync(
      bundle,
      `const { shout } = require("./helper.js");\nrequire("node:fs").writeFileSync(__dirname + "/ran.txt", shout(${JSON.stringify(message)}) + " " + __filename);\n`,
    );
    return bundle;
  }
  const cachesIn = (name: string) => readdirSync(join(work, name)).filter((f) => f.endsWith(".v8cache"));
  const ranIn = (name: string) => readFileSync(join(work, name, "ran.txt"), "utf8");

  it("runs the bundle with its own require and file name, writes a cache, then uses it", () => {
    const bundle = bundleIn("fresh", "hello");
    expect(runWithCodeCache(bundle)).toBe("written");
    expect(ranIn("fresh")).toBe(`HELLO ${bundle}`);
    expect(cachesIn("fresh")).toHaveLength(1);
    expect(cachesIn("fresh")[0]).toMatch(new RegExp(`^app\\.bundle\\.js\\.\\d+-\\d+-node${process.versions.node.replace(/\./g, "\\.")}\\.v8cache$`));
    rmSync(join(work, "fresh", "ran.txt"));
    expect(runWithCodeCache(bundle)).toBe("used");
    expect(ranIn("fresh")).toBe(`HELLO ${bundle}`);
  });

  it("never runs a rebuilt bundle from the old cache, even at the same length, and drops the old cache", () => {
    const bundle = bundleIn("rebuilt", "first");
    runWithCodeCache(bundle);
    const before = cachesIn("rebuilt");
    writeFileSync(bundle, readFileSync(bundle, "utf8").replace('"first"', '"again"'));
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    expect(runWithCodeCache(bundle)).toBe("written");
    expect(ranIn("rebuilt")).toMatch(/^AGAIN /);
    expect(cachesIn("rebuilt")).toHaveLength(1);
    expect(cachesIn("rebuilt")).not.toEqual(before);
  });

  it("replaces a cache V8 rejects", () => {
    // Not run in this process before: V8 would take the compiled script from its own memory and never look at the file.
    const bundle = bundleIn("corrupt", "still runs");
    writeFileSync(cacheFileFor(bundle), Buffer.from("not a code cache"));
    expect(runWithCodeCache(bundle)).toBe("written");
    expect(ranIn("corrupt")).toMatch(/^STILL RUNS /);
    expect(runWithCodeCache(bundle)).toBe("used");
  });

  it("still runs where the cache cannot be written", () => {
    const bundle = bundleIn("blocked", "uncached");
    runWithCodeCache(bundle);
    const [cache] = cachesIn("blocked");
    rmSync(join(work, "blocked", cache));
    mkdirSync(join(work, "blocked", cache)); // a directory where the cache file would go
    rmSync(join(work, "blocked", "ran.txt"));
    expect(runWithCodeCache(bundle)).toBe("unwritable");
    expect(ranIn("blocked")).toMatch(/^UNCACHED /);
  });
});
