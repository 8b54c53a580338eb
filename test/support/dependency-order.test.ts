import { allSettled, inDependencyOrder, valueOf } from "./dependency-order";
import type { SynthesizedStack } from "./synthesized";

function stack(name: string, dependencies: string[] = []): SynthesizedStack {
  return {
    name,
    dir: "/nowhere",
    json: {},
    dependencies,
    accountId: "555555555555",
    providers: ["aws"],
    region: "us-east-1",
    environment: "dev",
    backend: { kind: "local", path: "terraform.tfstate" },
    resourceCount: 0,
    emulator: true,
  };
}

/** transit ← network ← (batch, eks): the shape of an environment. */
const STACKS = [stack("transit"), stack("network", ["transit", "elsewhere"]), stack("batch", ["network"]), stack("eks", ["network"]), stack("other")];

/** Runs the stacks through a task that records when each starts and ends, holding each for one tick. */
async function trace(options: Parameters<typeof inDependencyOrder>[2]) {
  const events: string[] = [];
  let running = 0;
  let most = 0;
  const outcomes = inDependencyOrder(
    STACKS,
    async ({ name }) => {
      events.push(`start ${name}`);
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      events.push(`end ${name}`);
      if (name === "batch") throw new Error("batch failed");
      return name.toUpperCase();
    },
    options,
  );
  const settled = await allSettled(outcomes);
  // allSettled returns only once every task has ended, failed ones included.
  expect(running).toBe(0);
  return { events, most, settled };
}

describe("stacks run in dependency order, side by side where independent", () => {
  it("starts a stack only after the stacks it reads (within the set) have ended", async () => {
    const { events } = await trace({ concurrency: 5 });
    const at = (e: string) => events.indexOf(e);
    expect(at("start network")).toBeGreaterThan(at("end transit"));
    expect(at("start batch")).toBeGreaterThan(at("end network"));
    expect(at("start eks")).toBeGreaterThan(at("end network"));
    // Independent stacks overlap: "other" and "transit" start before either ends.
    expect(Math.max(at("start other"), at("start transit"))).toBeLessThan(Math.min(at("end other"), at("end transit")));
  });

  it("in reverse, destroys a stack only after every stack that reads it", async () => {
    const { events } = await trace({ concurrency: 5, reverse: true });
    const at = (e: string) => events.indexOf(e);
    expect(at("start network")).toBeGreaterThan(Math.max(at("end batch"), at("end eks")));
    expect(at("start transit")).toBeGreaterThan(at("end network"));
  });

  it("runs no more than `concurrency` tasks at once", async () => {
    expect((await trace({ concurrency: 1 })).most).toBe(1);
    expect((await trace({ concurrency: 2 })).most).toBe(2);
  });

  it("keeps each stack's error as its own outcome and still runs what follows", async () => {
    const { settled } = await trace({ concurrency: 2 });
    expect(valueOf(settled.get("eks")!)).toBe("EKS");
    expect(() => valueOf(settled.get("batch")!)).toThrow("batch failed");
    expect([...settled.keys()].sort()).toEqual(["batch", "eks", "network", "other", "transit"]);
  });
});
