/**
 * Karpenter reads a disruption budget's `schedule` with the Go cron library's standard parser
 * (five fields, or a macro such as "@daily") and its CRD allows no time zone. A schedule that
 * does not parse makes Karpenter fail closed: the budget blocks every disruption, silently and
 * forever. So the config is checked with the same grammar, not with a JavaScript cron library:
 * those accept seconds fields, "L", "W" and "#", which Karpenter refuses.
 */

/** The macros Karpenter's NodePool CRD accepts ("@every" is not among them). */
export const SCHEDULE_MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"] as const;

interface FieldRange {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly FieldRange[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  { name: "day of week", min: 0, max: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

const EXAMPLE = 'e.g. "0 8 * * mon-fri" (08:00 UTC on weekdays) or "@daily"';

/** Why Karpenter would refuse `schedule`, or undefined when it parses. */
export function scheduleProblem(schedule: string): string | undefined {
  const spec = schedule.trim();
  if (spec === "") return `is empty; write a 5-field cron expression in UTC, ${EXAMPLE}`;
  if (/^(CRON_)?TZ=/.test(spec)) return `Karpenter schedules are always UTC and take no time zone; drop "${spec.split(/\s/)[0]}" and convert the times to UTC`;
  if (spec.startsWith("@")) {
    return (SCHEDULE_MACROS as readonly string[]).includes(spec)
      ? undefined
      : `"${spec}" is not a macro Karpenter accepts (${SCHEDULE_MACROS.join(", ")}); or write 5 cron fields, ${EXAMPLE}`;
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) {
    return `"${spec}" has ${fields.length} field${fields.length === 1 ? "" : "s"}; Karpenter takes exactly 5 (minute hour day-of-month month day-of-week, no seconds), ${EXAMPLE}`;
  }
  for (const [i, field] of fields.entries()) {
    const problem = fieldProblem(field, FIELDS[i]);
    if (problem) return `"${spec}": ${FIELDS[i].name} field "${field}" ${problem}`;
  }
  return undefined;
}

function fieldProblem(field: string, range: FieldRange): string | undefined {
  for (const part of field.split(",")) {
    const problem = partProblem(part, range);
    if (problem) return problem;
  }
  return undefined;
}

/** One list item: "*", "?", "N", "N-M", each optionally with "/step"; names where the field has them. */
function partProblem(part: string, range: FieldRange): string | undefined {
  const bounds = `${range.min}-${range.max}${range.names ? ` or ${range.names[0]}-${range.names[range.names.length - 1]}` : ""}`;
  const slashes = part.split("/");
  if (slashes.length > 2) return `has more than one "/"`;
  const [span, stepText] = slashes;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText)) return `has step "${stepText}", which is not a whole number`;
    if (Number(stepText) === 0) return `has step 0; a step must be at least 1`;
  }
  if (span === "*" || span === "?") return undefined;
  const ends = span.split("-");
  if (ends.length > 2) return `has more than one "-"`;
  const values = ends.map((end) => valueOf(end, range));
  const bad = ends.find((_, i) => values[i] === undefined);
  if (bad !== undefined) return `has "${bad}", which is not a value of the field (${bounds})`;
  const [start, end = start] = values as number[];
  if (start < range.min || end > range.max) return `is out of range; the field takes ${bounds}`;
  if (start > end) return `runs backwards (${span}); write the smaller value first`;
  return undefined;
}

function valueOf(text: string, range: FieldRange): number | undefined {
  const named = range.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return range.min + named;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
