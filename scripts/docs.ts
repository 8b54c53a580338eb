import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { consoleIo, EXIT, runCommand, type CliIo } from "./lib/cli";
import { REFERENCE_DIR, referencePages, type ReferencePage } from "./lib/reference";

const USAGE = `usage: npm run docs -- [--check]

Writes the reference pages under ${REFERENCE_DIR}/ from the code: org file fields (zod schema),
guardrail rules (rule registry), stack outputs (the example org, synthesized) and the declared
moto gaps (test/e2e/moto-gaps.ts).
  --check   change nothing; exit 1 when a page is not current`;

export interface DocsIo extends CliIo {
  readonly pages: () => readonly ReferencePage[];
  readonly readFile: (path: string) => string | undefined;
  readonly writeFile: (path: string, text: string) => void;
}

export function runDocs(args: readonly string[], io: DocsIo): number {
  return runCommand(args, io, { usage: USAGE, options: { check: { type: "boolean" } } }, ({ values }) => {
    const stale = io.pages().filter((page) => io.readFile(page.path) !== page.text);
    if (values.check) {
      for (const page of stale) io.err(`${page.path} is stale; run \`npm run docs\` and commit the result`);
      return stale.length ? EXIT.failure : EXIT.ok;
    }
    for (const page of stale) io.writeFile(page.path, page.text);
    io.out(stale.length ? `wrote ${stale.map((p) => p.path).join(", ")}` : "reference pages already current");
    return EXIT.ok;
  });
}

if (require.main === module) {
  const root = process.cwd();
  process.exitCode = runDocs(process.argv.slice(2), {
    ...consoleIo,
    pages: () => referencePages(root),
    readFile: (path) => {
      try {
        return readFileSync(join(root, path), "utf8");
      } catch {
        return undefined;
      }
    },
    writeFile: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
  });
}
