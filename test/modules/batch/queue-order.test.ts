import { BatchNames, MAX_ENVIRONMENTS_PER_QUEUE, queueOrders, retiredColours, type ColourState, type QueueSlot } from "../../../modules/batch/queue-order";

/** "green-spot" style labels of a queue order. */
const labels = (order: QueueSlot[]): string[] => order.map((s) => `${s.colour}-${s.capacity}`);

describe("queue order derived from the colour state", () => {
  it("offers only the active colour: Spot first with its On-Demand fallback, and On-Demand alone", () => {
    const orders = queueOrders({ active: "blue", deployed: ["blue"] });
    expect(labels(orders["spot-first"])).toEqual(["blue-spot", "blue-on-demand"]);
    expect(labels(orders["on-demand"])).toEqual(["blue-on-demand"]);
  });

  it("puts the new colour first in every queue while the old one drains behind it", () => {
    const orders = queueOrders({ active: "green", draining: "blue", deployed: ["blue", "green"] });
    expect(labels(orders["spot-first"])).toEqual(["green-spot", "blue-spot", "green-on-demand"]);
    expect(labels(orders["on-demand"])).toEqual(["green-on-demand", "blue-on-demand"]);
  });

  it("takes a retired colour out of every queue", () => {
    const state: ColourState = { active: "green", deployed: ["blue", "green"] };
    const orders = queueOrders(state);
    expect(labels(orders["spot-first"])).toEqual(["green-spot", "green-on-demand"]);
    expect(labels(orders["on-demand"])).toEqual(["green-on-demand"]);
    expect(retiredColours(state)).toEqual(["blue"]);
  });

  it("is symmetric: switching back from green to blue mirrors the orders", () => {
    const orders = queueOrders({ active: "blue", draining: "green", deployed: ["blue", "green"] });
    expect(labels(orders["spot-first"])).toEqual(["blue-spot", "green-spot", "blue-on-demand"]);
    expect(labels(orders["on-demand"])).toEqual(["blue-on-demand", "green-on-demand"]);
  });

  it("never asks a queue for more compute environments than AWS Batch allows", () => {
    const states: ColourState[] = [
      { active: "blue", deployed: ["blue"] },
      { active: "green", draining: "blue", deployed: ["blue", "green"] },
      { active: "blue", draining: "green", deployed: ["blue", "green"] },
    ];
    for (const state of states) {
      for (const order of Object.values(queueOrders(state))) expect(order.length).toBeLessThanOrEqual(MAX_ENVIRONMENTS_PER_QUEUE);
    }
  });

  it("names compute environments and queues after the environment, region, colour and capacity", () => {
    const names = new BatchNames("dev-us-east-1");
    expect(names.computeEnvironment("green", "on-demand")).toBe("dev-us-east-1-batch-green-on-demand");
    expect(names.jobQueue("spot-first")).toBe("dev-us-east-1-batch-spot-first");
    expect(names.computeEnvironmentPrefix("green", "on-demand")).toBe("dev-us-east-1-batch-green-on-demand-");
    expect(names.colourByEnvironmentPattern()).toEqual({
      "^dev-us-east-1-batch-blue-spot(-[0-9a-f]+)?$": "blue",
      "^dev-us-east-1-batch-blue-on-demand(-[0-9a-f]+)?$": "blue",
      "^dev-us-east-1-batch-green-spot(-[0-9a-f]+)?$": "green",
      "^dev-us-east-1-batch-green-on-demand(-[0-9a-f]+)?$": "green",
    });
  });
});
