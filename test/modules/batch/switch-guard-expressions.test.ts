import { BatchNames } from "../../../modules/batch/queue-order";
import {
  activeLeaving,
  ecsClusterName,
  EMPTY_LEDGER,
  leavingEnvironmentNames,
  liveQueueOrders,
  stillEnabled,
  stillQueued,
  stillRunningTasks,
} from "../../../modules/batch/switch-guard-expressions";
import { TerraformConsole } from "../../support/terraform-console";
import { describeWithTooling } from "../../support/tooling";

/**
 * The precondition expressions evaluated by Terraform itself (`terraform console`), on literal
 * inputs shaped like what the data sources return in a real plan.
 */
const terraform = new TerraformConsole();
const evaluate = (expression: string): unknown => terraform.evaluate(expression);

const names = new BatchNames("dev-us-east-1");
const arn = (name: string): string => `arn:aws:batch:us-east-1:555555555555:compute-environment/${name}`;
/** What the stack's batch_colours output holds after an apply that deployed `colours`. */
const ledger = (...colours: ("blue" | "green")[]): string =>
  `{ compute_environments = { ${colours.map((c) => `${c} = { spot = "${names.computeEnvironment(c, "spot")}", "on-demand" = "${names.computeEnvironment(c, "on-demand")}" }`).join(", ")} }, job_queues = ["${names.jobQueue("spot-first")}", "${names.jobQueue("on-demand")}"] }`;
/** Live queues as the aws_batch_job_queue data source returns them; orders listed deliberately out of sequence. */
const liveQueues = (spotFirst: string[], onDemand: string[]): string => {
  const order = (envs: string[]) =>
    `[${envs
      .map((e, i) => ({ e, i }))
      .reverse()
      .map(({ e, i }) => `{ order = ${i + 1}, compute_environment = "${arn(e)}" }`)
      .join(", ")}]`;
  return `{ "${names.jobQueue("spot-first")}" = { compute_environment_order = ${order(spotFirst)} }, "${names.jobQueue("on-demand")}" = { compute_environment_order = ${order(onDemand)} } }`;
};
const blueSpot = names.computeEnvironment("blue", "spot");
const blueOd = names.computeEnvironment("blue", "on-demand");
const greenSpot = names.computeEnvironment("green", "spot");
const greenOd = names.computeEnvironment("green", "on-demand");

describeWithTooling({ moto: false })("colour-switch precondition expressions, evaluated by terraform", () => {
  beforeAll(() => terraform.open());
  afterAll(() => terraform.close());

  it("finds the compute environments of a colour the config left out, and none on a first apply", () => {
    expect(evaluate(leavingEnvironmentNames(ledger("blue", "green"), ["green"]))).toEqual([blueOd, blueSpot]);
    expect(evaluate(leavingEnvironmentNames(ledger("blue", "green"), ["blue", "green"]))).toEqual([]);
    expect(evaluate(leavingEnvironmentNames(EMPTY_LEDGER, ["blue"]))).toEqual([]);
  });

  it("reads each live queue in the order AWS tries it, by the order field, as names", () => {
    expect(evaluate(liveQueueOrders(liveQueues([greenSpot, blueSpot, greenOd], [greenOd, blueOd])))).toEqual({
      [names.jobQueue("spot-first")]: [greenSpot, blueSpot, greenOd],
      [names.jobQueue("on-demand")]: [greenOd, blueOd],
    });
  });

  it("flags a leaving compute environment that AWS still shows ENABLED, and only that one", () => {
    expect(evaluate(stillEnabled(`{ "${blueSpot}" = { state = "ENABLED" }, "${blueOd}" = { state = "DISABLED" } }`))).toEqual([blueSpot]);
    expect(evaluate(stillEnabled(`{ "${blueSpot}" = { state = "DISABLED" }, "${blueOd}" = { state = "DISABLED" } }`))).toEqual([]);
    expect(evaluate(stillEnabled("{}"))).toEqual([]);
  });

  it("flags leaving compute environments a live queue still orders (removal skipping the retire step)", () => {
    const draining = liveQueueOrders(liveQueues([greenSpot, blueSpot, greenOd], [greenOd, blueOd]));
    const retired = liveQueueOrders(liveQueues([greenSpot, greenOd], [greenOd]));
    const leaving = leavingEnvironmentNames(ledger("blue", "green"), ["green"]);
    expect(evaluate(stillQueued(draining, leaving))).toEqual([blueOd, blueSpot]);
    expect(evaluate(stillQueued(retired, leaving))).toEqual([]);
    expect(evaluate(stillQueued(liveQueueOrders("{}"), leavingEnvironmentNames(EMPTY_LEDGER, ["blue"])))).toEqual([]);
  });

  it("flags a leaving compute environment whose ECS cluster still runs or is about to run tasks (step 4 while jobs run)", () => {
    const clusters = `{ "${blueSpot}" = { running_tasks_count = 2, pending_tasks_count = 0 }, "${blueOd}" = { running_tasks_count = 0, pending_tasks_count = 1 } }`;
    expect(evaluate(stillRunningTasks(clusters))).toEqual([`${blueOd} (0 running, 1 pending)`, `${blueSpot} (2 running, 0 pending)`]);
    expect(evaluate(stillRunningTasks(`{ "${blueSpot}" = { running_tasks_count = 0, pending_tasks_count = 0 } }`))).toEqual([]);
    expect(evaluate(stillRunningTasks("{}"))).toEqual([]);
  });

  it("reads the cluster name out of the ECS cluster ARN Batch reports", () => {
    expect(evaluate(ecsClusterName(`"arn:aws:ecs:us-east-1:555555555555:cluster/AWSBatch-dev-us-east-1-batch-blue-spot-6a3b"`))).toBe(
      "AWSBatch-dev-us-east-1-batch-blue-spot-6a3b",
    );
  });

  it("flags the live active colour taken out of every queue at once (retiring without draining)", () => {
    const blueActive = liveQueueOrders(liveQueues([blueSpot, blueOd], [blueOd]));
    expect(evaluate(activeLeaving(blueActive, names.colourByEnvironmentPattern(), ["green"]))).toEqual(["blue"]);
    expect(evaluate(activeLeaving(blueActive, names.colourByEnvironmentPattern(), ["green", "blue"]))).toEqual([]);
    expect(evaluate(activeLeaving(blueActive, names.colourByEnvironmentPattern(), ["blue"]))).toEqual([]);
  });

  it("knows a colour by its environments' prefixed names, and by the fixed names of an earlier release", () => {
    // Terraform's unique suffix: a timestamp and a counter in hex (prefix + 26 characters).
    const prefixed = (name: string): string => `${name}-20261201062113000000000001`;
    const prefixedBlue = liveQueueOrders(liveQueues([prefixed(blueSpot), prefixed(blueOd)], [prefixed(blueOd)]));
    expect(evaluate(activeLeaving(prefixedBlue, names.colourByEnvironmentPattern(), ["green"]))).toEqual(["blue"]);
    const migrating = liveQueueOrders(liveQueues([prefixed(greenSpot), blueSpot, greenOd], [greenOd, blueOd]));
    expect(evaluate(activeLeaving(migrating, names.colourByEnvironmentPattern(), ["blue"]))).toEqual(["green"]);
    // A stem followed by anything but the suffix belongs to neither colour.
    const lookalike = liveQueueOrders(liveQueues([`${blueSpot}-extra`], []));
    expect(evaluate(activeLeaving(lookalike, names.colourByEnvironmentPattern(), ["green"]))).toEqual([]);
  });

  it("lets the draining colour leave the queues (the retire step) and ignores empty or foreign queues", () => {
    const greenFirst = liveQueueOrders(liveQueues([greenSpot, blueSpot, greenOd], [greenOd, blueOd]));
    expect(evaluate(activeLeaving(greenFirst, names.colourByEnvironmentPattern(), ["green"]))).toEqual([]);
    expect(evaluate(activeLeaving(liveQueueOrders("{}"), names.colourByEnvironmentPattern(), ["green"]))).toEqual([]);
    expect(evaluate(activeLeaving(liveQueueOrders(liveQueues(["someone-elses-ce"], [])), names.colourByEnvironmentPattern(), ["green"]))).toEqual([]);
  });
});
