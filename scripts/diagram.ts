import { readFileSync, writeFileSync } from "node:fs";
import { loadConfiguredOrg } from "../environments/org-setting";
import type { OrgModel } from "../planning/model";
import { consoleIo, runCommand, UsageError, type CliIo } from "./lib/cli";
import { currentDiagram, DIAGRAM_FILE, diagramBlock, orgDiagram, withDiagram } from "./lib/org-diagram";

const USAGE = `usage: npm run diagram -- [--write | --check] [--file FILE]

Prints the Mermaid diagram of the org (ORGPLAT_ORG, else orgplat.json's "org").
  --write    write it into ${DIAGRAM_FILE} (or --file FILE) between <!-- org-diagram:start --> and <!-- org-diagram:end -->
  --check    change nothing; exit 1 when that file's diagram is not the current one`;

export interface DiagramIo extends CliIo {
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly loadOrg: () => OrgModel;
}

export function runDiagram(args: readonly string[], io: DiagramIo): number {
  return runCommand(args, io, { usage: USAGE, options: { check: { type: "boolean" }, write: { type: "boolean" }, file: { type: "string" } } }, ({ values }) => {
    if (values.check && values.write) throw new UsageError("choose --check or --write");
    const org = io.loadOrg();
    if (!values.check && !values.write) {
      io.out(orgDiagram(org));
      return 0;
    }
    const file = values.file ?? DIAGRAM_FILE;
    const text = io.readFile(file);
    const block = diagramBlock(org);
    const updated = withDiagram(text, block, file);
    if (values.check) {
      if (currentDiagram(text) === block) return 0;
      io.err(`${file}: the org diagram is stale; run \`npm run diagram -- --write\` and commit the result`);
      return 1;
    }
    if (updated !== text) io.writeFile(file, updated);
    io.out(updated === text ? `${file}: diagram already current` : `${file}: diagram updated`);
    return 0;
  });
}

if (require.main === module) {
  process.exitCode = runDiagram(process.argv.slice(2), {
    ...consoleIo,
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: (path, text) => writeFileSync(path, text),
    loadOrg: () => loadConfiguredOrg(),
  });
}
