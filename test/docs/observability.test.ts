import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMPOSITE_ALARMS, METRIC_ALARMS } from "../../modules/observability/alarm-catalog";
import { ALARM_DOC, withCurrentAlarmTable } from "../../scripts/lib/alarm-table";

const doc = readFileSync(join(__dirname, "..", "..", ALARM_DOC), "utf8");

describe(ALARM_DOC, () => {
  it("has the alarm table generated from the catalog as it is now (run `npm run alarm-docs` after changing it)", () => {
    expect(withCurrentAlarmTable(doc)).toBe(doc);
  });

  it("lists every alarm once, with what it means and the first thing to do", () => {
    const table = doc.slice(doc.indexOf("<!-- alarms:start"), doc.indexOf("<!-- alarms:end"));
    const rows = table.match(/^\| `[a-z0-9-]+` \|.*$/gm) ?? [];
    expect(rows.map((r) => r.split("`")[1])).toEqual([...METRIC_ALARMS, ...COMPOSITE_ALARMS].map((d) => d.id));
    for (const d of [...METRIC_ALARMS, ...COMPOSITE_ALARMS])
      expect(rows.find((r) => r.startsWith(`| \`${d.id}\``))).toContain(d.firstAction.replace(/\|/g, "\\|"));
  });
});
