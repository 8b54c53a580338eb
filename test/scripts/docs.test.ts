import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runDocs } from "../../scripts/docs";
import { REFERENCE_DIR, referencePages, type ReferencePage } from "../../scripts/lib/reference";
import { capturedIo } from "./fixtures/example-synth";

const ROOT = join(__dirname, "..", "..");

function docsIo(files: Record<string, string>, pages: readonly ReferencePage[]) {
  const written: Record<string, string> = {};
  return Object.assign(capturedIo(), {
    written,
    pages: () => pages,
    readFile: (path: string) => files[path],
    writeFile: (path: string, text: string) => void (written[path] = text),
  });
}

const PAGES: readonly ReferencePage[] = [
  { path: `${REFERENCE_DIR}/a.md`, text: "# a\n" },
  { path: `${REFERENCE_DIR}/b.md`, text: "# b\n" },
];

describe("npm run docs", () => {
  it("the committed reference pages are the ones the code generates now (run `npm run docs` after changing the schema, rules, stacks or gaps)", () => {
    const pages = referencePages(ROOT);
    expect(pages.map((p) => p.path)).toEqual(["config.md", "guardrails.md", "stack-outputs.md", "moto-gaps.md"].map((f) => `${REFERENCE_DIR}/${f}`));
    for (const page of pages) expect({ path: page.path, text: readFileSync(join(ROOT, page.path), "utf8") }).toEqual(page);
  });

  it("writes only the pages that changed or are missing", () => {
    const io = docsIo({ [PAGES[0].path]: PAGES[0].text }, PAGES);
    expect(runDocs([], io)).toBe(0);
    expect(io.written).toEqual({ [PAGES[1].path]: PAGES[1].text });
    expect(io.stdout).toContain(`wrote ${PAGES[1].path}`);
  });

  it("--check names each stale page, exits 1 and writes nothing", () => {
    const io = docsIo({ [PAGES[0].path]: "# edited by hand\n" }, PAGES);
    expect(runDocs(["--check"], io)).toBe(1);
    expect(io.written).toEqual({});
    expect(io.stderr).toContain(`${PAGES[0].path} is stale; run \`npm run docs\``);
    expect(io.stderr).toContain(`${PAGES[1].path} is stale`);
  });

  it("--check passes when every page is current", () => {
    const io = docsIo(Object.fromEntries(PAGES.map((p) => [p.path, p.text])), PAGES);
    expect(runDocs(["--check"], io)).toBe(0);
    expect(io.stderr).toBe("");
  });
});
