import { readFileSync, writeFileSync } from "node:fs";
import { consoleIo, EXIT, runCommand } from "./lib/cli";
import { ALARM_DOC, withCurrentAlarmTable } from "./lib/alarm-table";

const USAGE = `usage: npm run alarm-docs -- [--check]

Rewrites the alarm table of ${ALARM_DOC} from modules/observability/alarm-catalog.ts and the defaults
in planning/alarm-defaults.ts.
  --check   change nothing; exit 1 when the table is not current`;

process.exitCode = runCommand(process.argv.slice(2), consoleIo, { usage: USAGE, options: { check: { type: "boolean" } } }, ({ values }) => {
  const doc = readFileSync(ALARM_DOC, "utf8");
  const current = withCurrentAlarmTable(doc);
  if (current === undefined) {
    consoleIo.err(`${ALARM_DOC} has no alarm table markers; put the start and end markers of scripts/lib/alarm-table.ts where the table belongs`);
    return EXIT.failure;
  }
  if (current === doc) {
    consoleIo.out("already current");
    return EXIT.ok;
  }
  if (values.check) {
    consoleIo.err(`${ALARM_DOC}'s alarm table is stale; run \`npm run alarm-docs\` and commit the result`);
    return EXIT.failure;
  }
  writeFileSync(ALARM_DOC, current);
  consoleIo.out(`wrote ${ALARM_DOC}`);
  return EXIT.ok;
});
