import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SOURCE_DIRS = ["main.ts", "stacks", "modules", "planning", "environments", "scripts", "bench", "test"];
/** Importing a provider package's root loads every resource class: ~1.7 s and ~500 MB per process. */
const PROVIDER_ROOT_IMPORT = /(from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-[a-z]+["']/;

function typescriptFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full, { throwIfNoEntry: false })?.isFile()) return path.endsWith(".ts") ? [full] : [];
  if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(full).flatMap((entry) => typescriptFiles(join(path, entry)));
}

describe("provider imports", () => {
  const files = SOURCE_DIRS.flatMap(typescriptFiles);

  it("finds the sources it checks", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("imports provider resources by deep path only (e.g. @cdktf/provider-aws/lib/vpc)", () => {
    const offenders = files.filter((f) => PROVIDER_ROOT_IMPORT.test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it("recognises a root import when it sees one", () => {
    // Assembled at run time so this file does not itself contain a root import.
    const root = ["@cdktf", "provider-aws"].join("/");
    expect(PROVIDER_ROOT_IMPORT.test(`import { Vpc } from "${root}";`)).toBe(true);
    expect(PROVIDER_ROOT_IMPORT.test(`import { Vpc } from "${root}/lib/vpc";`)).toBe(false);
  });
});
