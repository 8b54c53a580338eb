import type { OrgConfigInput } from "../../environments/schema";
import { configProblemsOf } from "../support/config-problems";

type BatchInput = NonNullable<OrgConfigInput["environments"][string]["batch"]>;

/** The problems `resolveOrg` reports once dev's batch settings are tweaked. */
const problemsOf = (tweak: (batch: BatchInput, org: OrgConfigInput) => void): string[] => configProblemsOf((org) => tweak(org.environments.dev.batch!, org));

const green = (batch: BatchInput) => ({ ...batch.colours.blue!, instanceTypes: ["m7i"] });

describe("batch config validation", () => {
  it("accepts each of the four steps of a blue-green switch", () => {
    expect(problemsOf((b) => (b.state = { active: "blue" }))).toEqual([]);
    expect(problemsOf((b) => ((b.colours.green = green(b)), (b.state = { active: "green", draining: "blue" })))).toEqual([]);
    expect(problemsOf((b) => ((b.colours.green = green(b)), (b.state = { active: "green" })))).toEqual([]);
    expect(problemsOf((b) => ((b.colours = { green: green(b) }), (b.state = { active: "green" })))).toEqual([]);
  });

  it("rejects a state with no active colour, naming the colours that could be", () => {
    expect(problemsOf((b) => (b.state = {}))).toEqual([
      'environments.dev.batch.state.active: no colour is active, so no job queue would have a compute environment; set state.active to a colour under batch.colours ("blue")',
    ]);
  });

  it("rejects a batch with no colour at all, naming the first step", () => {
    expect(problemsOf((b) => ((b.colours = {}), (b.state = {})))).toEqual([
      'environments.dev.batch.state.active: no colour is active and none is defined; add batch.colours.blue and set state to { active: "blue" }',
    ]);
  });

  it("rejects removing the active colour and names the switch to start instead", () => {
    expect(problemsOf((b) => ((b.colours = { green: green(b) }), (b.state = { active: "blue" })))).toEqual([
      'environments.dev.batch.state.active: "blue" is the active colour but has no settings under batch.colours: the colour taking jobs cannot be removed. Keep batch.colours.blue; to replace it, add batch.colours.green and set state to { active: "green", draining: "blue" }',
    ]);
  });

  it("rejects removing the draining colour (skipping the retire step) and names the next step", () => {
    expect(problemsOf((b) => ((b.colours = { green: green(b) }), (b.state = { active: "green", draining: "blue" })))).toEqual([
      'environments.dev.batch.state.draining: "blue" is draining but has no settings under batch.colours: a draining colour still runs jobs and cannot be removed yet. Next step: keep batch.colours.blue and set state to { active: "green" } (blue becomes DISABLED and leaves every queue); apply, wait until it has no jobs, then remove it',
    ]);
  });

  it("rejects a colour that is active and draining at once", () => {
    expect(problemsOf((b) => (b.state = { active: "blue", draining: "blue" }))).toEqual([
      'environments.dev.batch.state.draining: "blue" cannot be active and draining at once; during a switch the new colour is active and the old one drains: { active: "blue", draining: "green" }',
    ]);
  });

  it("rejects a Batch region where the environment has no VPC", () => {
    expect(problemsOf((b, o) => ((b.regions = ["us-east-1", "ap-southeast-1"]), delete o.environments.dev.regions["ap-southeast-1"]))).toEqual([
      'environments.dev.batch.regions.1: region "ap-southeast-1" has no VPC in environment "dev" (it has "us-east-1", "eu-west-1"); Batch runs in the environment\'s shared private subnets, so add the region under environments.dev.regions or drop it here',
    ]);
  });

  it("rejects a Batch region listed twice", () => {
    expect(problemsOf((b) => (b.regions = ["us-east-1", "us-east-1"]))).toEqual(['environments.dev.batch.regions.1: region "us-east-1" is listed twice']);
  });

  it("rejects Batch in an environment that does not share its private subnets", () => {
    expect(problemsOf((_, o) => (o.environments.dev.sharedTiers = ["data"]))).toContainEqual(
      'environments.dev.batch.regions: Batch runs in the shared private subnets, but environments.dev.sharedTiers ("data") does not share "private" with the workload accounts; add it',
    );
  });

  it("rejects a job that needs more vCPUs than a queued colour offers", () => {
    expect(problemsOf((b) => (b.jobDefinitions = { big: { image: "busybox", vcpus: 512, memoryMiB: 1024 } }))).toEqual([
      'environments.dev.batch.jobDefinitions.big.vcpus: job "big" needs 512 vCPUs but colour "blue" offers at most 256 (maxVcpus), so it would wait in RUNNABLE forever; lower vcpus or raise batch.colours.blue.maxVcpus',
    ]);
  });

  it("keeps retry attempts within AWS Batch's 1-10", () => {
    const job = { image: "busybox", vcpus: 1, memoryMiB: 1024 };
    expect(problemsOf((b) => (b.jobDefinitions = { report: { ...job, retryAttempts: 11 } }))).toEqual([
      expect.stringMatching(/^environments\.dev\.batch\.jobDefinitions\.report\.retryAttempts: /),
    ]);
    expect(problemsOf((b) => (b.jobDefinitions = { report: { ...job, retryAttempts: 0 } }))).toEqual([
      expect.stringMatching(/^environments\.dev\.batch\.jobDefinitions\.report\.retryAttempts: /),
    ]);
  });

  it("accepts only the two Spot allocation strategies that let Batch pick pools", () => {
    expect(problemsOf((b) => Object.assign(b.colours.blue!, { spotAllocationStrategy: "BEST_FIT" }))).toEqual([
      expect.stringMatching(
        /^environments\.dev\.batch\.colours\.blue\.spotAllocationStrategy: must be one of "SPOT_CAPACITY_OPTIMIZED"\|"SPOT_PRICE_CAPACITY_OPTIMIZED"/,
      ),
    ]);
  });

  it("rejects a job name unsafe in resource names", () => {
    expect(problemsOf((b) => (b.jobDefinitions = { Nightly_Report: { image: "busybox", vcpus: 1, memoryMiB: 1024 } }))).toEqual([
      `environments.dev.batch.jobDefinitions.Nightly_Report: job name "Nightly_Report" is not safe in resource names; use 2-24 characters of a-z, 0-9 and '-', starting with a letter, e.g. "nightly-report"`,
    ]);
  });

  it("rejects a colour name other than blue or green", () => {
    expect(problemsOf((b) => Object.assign(b.colours, { red: b.colours.blue }))).toEqual([
      'environments.dev.batch.colours: unknown field(s) "red"; check the spelling against environments/schema.ts',
    ]);
  });
});
