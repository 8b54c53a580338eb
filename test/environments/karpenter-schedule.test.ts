import { scheduleProblem } from "../../environments/karpenter-schedule";

describe("Karpenter budget schedules", () => {
  it.each([
    "0 8 * * mon-fri",
    "0 8 * * 1-5",
    "*/15 * * * *",
    "0 0 1,15 * *",
    "30 2 ? * SUN",
    "0 9 1-7 jan-mar 1",
    "5/10 * * * *",
    "0 0 31 12 6",
    "  0 8 * * mon-fri  ",
    "@daily",
    "@midnight",
    "@hourly",
    "@weekly",
    "@monthly",
    "@yearly",
    "@annually",
  ])("accepts %j, as Karpenter's cron parser does", (schedule) => {
    expect(scheduleProblem(schedule)).toBeUndefined();
  });

  it.each([
    ["", /is empty/],
    ["0 8 * *", /has 4 fields; Karpenter takes exactly 5/],
    ["0 0 8 * * mon-fri", /has 6 fields; .*no seconds/],
    ["60 8 * * *", /minute field "60" is out of range; the field takes 0-59/],
    ["0 24 * * *", /hour field "24" is out of range; the field takes 0-23/],
    ["0 8 0 * *", /day of month field "0" is out of range; the field takes 1-31/],
    ["0 8 * 13 *", /month field "13" is out of range; the field takes 1-12 or jan-dec/],
    ["0 8 * * 7", /day of week field "7" is out of range; the field takes 0-6 or sun-sat/],
    ["0 8 * * fri-mon", /runs backwards \(fri-mon\)/],
    ["0 8 * * monday", /"monday", which is not a value of the field/],
    ["*/0 * * * *", /step 0/],
    ["0 8 L * *", /"L", which is not a value/],
    ["0 8 * * 5#3", /"5#3", which is not a value/],
    ["0 8 1,,2 * *", /"", which is not a value/],
    ["0 8-9-10 * * *", /more than one "-"/],
    ["@every 1h", /not a macro Karpenter accepts/],
    ["@reboot", /not a macro Karpenter accepts/],
    ["CRON_TZ=Europe/Berlin 0 8 * * *", /always UTC and take no time zone; drop "CRON_TZ=Europe\/Berlin"/],
    ["TZ=UTC 0 8 * * *", /take no time zone/],
  ])("refuses %j, naming the field and the rule", (schedule, expected) => {
    expect(scheduleProblem(schedule)).toMatch(expected);
  });
});
