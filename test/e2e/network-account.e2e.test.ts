import { describeWithTooling } from "../support/tooling";
import { describeDelivery } from "./network-account/delivery";
import { NetworkAccountFixture } from "./network-account/fixture";
import { describeSavedPlanApply } from "./network-account/saved-plan-apply";
import { describeStateSafety } from "./network-account/state-safety";

/**
 * The network account against moto_server: its bootstrap (the state bucket) applied once, then three
 * scenarios in order on its stacks. The saved-plan apply creates the us-east-1 Transit Gateway stack,
 * the state-safety scenario locks and interrupts its applies, and the delivery commands read, drift-check
 * and plan it with the dev network. One moto_server and one bootstrap for the three: each had its own,
 * and the bootstrap alone costs ~10 CPU-s and its state bucket's 56 s lifecycle wait (docs/testing.md).
 */
describeWithTooling({ moto: true })("the network account's stacks on moto_server", () => {
  const fixture = new NetworkAccountFixture();
  beforeAll(() => fixture.start(), 15 * 60_000);
  afterAll(() => fixture.stop());

  describeSavedPlanApply(fixture);
  describeStateSafety(fixture);
  describeDelivery(fixture);
});
