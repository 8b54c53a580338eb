import { readFileSync, writeFileSync } from "node:fs";
import { consoleIo, EXIT, runCommand, type CliIo } from "./lib/cli";
import { EXAMPLE_ORG_YAML, exampleOrgYaml, ORG_JSON_SCHEMA, orgJsonSchema } from "./lib/org-files";

const USAGE = `usage: npm run org-files -- [--check]

Writes ${EXAMPLE_ORG_YAML} (the bundled example org as YAML) and ${ORG_JSON_SCHEMA} (the JSON
Schema of an org file, from environments/schema.ts).
  --check   change nothing; exit 1 when either file is not current`;

export interface OrgFilesIo extends CliIo {
  readonly readFile: (path: string) => string | undefined;
  readonly writeFile: (path: string, text: string) => void;
}

export function runOrgFiles(args: readonly string[], io: OrgFilesIo): number {
  return runCommand(args, io, { usage: USAGE, options: { check: { type: "boolean" } } }, ({ values }) => {
    const wanted: [string, string][] = [
      [ORG_JSON_SCHEMA, orgJsonSchema()],
      [EXAMPLE_ORG_YAML, exampleOrgYaml()],
    ];
    const stale = wanted.filter(([path, text]) => io.readFile(path) !== text);
    if (values.check) {
      for (const [path] of stale) io.err(`${path} is stale; run \`npm run org-files\` and commit the result`);
      return stale.length ? EXIT.failure : EXIT.ok;
    }
    for (const [path, text] of stale) io.writeFile(path, text);
    io.out(stale.length ? `wrote ${stale.map(([p]) => p).join(", ")}` : "already current");
    return EXIT.ok;
  });
}

if (require.main === module) {
  process.exitCode = runOrgFiles(process.argv.slice(2), {
    ...consoleIo,
    readFile: (path) => {
      try {
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    writeFile: (path, text) => writeFileSync(path, text),
  });
}
