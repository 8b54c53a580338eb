import { carveSubnets } from "../../environments/address-plan";

const layout = {
  public: { prefixLength: 24 },
  private: { prefixLength: 20 },
  data: { prefixLength: 24 },
  transit: { prefixLength: 28 },
};

describe("carveSubnets", () => {
  it("gives every tier one subnet per AZ ID, largest blocks first", () => {
    expect(carveSubnets("10.0.0.0/16", ["use1-az1", "use1-az2"], layout)).toEqual({
      private: { "use1-az1": "10.0.0.0/20", "use1-az2": "10.0.16.0/20" },
      public: { "use1-az1": "10.0.32.0/24", "use1-az2": "10.0.33.0/24" },
      data: { "use1-az1": "10.0.34.0/24", "use1-az2": "10.0.35.0/24" },
      transit: { "use1-az1": "10.0.36.0/28", "use1-az2": "10.0.36.16/28" },
    });
  });

  it("keeps pinned CIDRs and carves around them", () => {
    const plan = carveSubnets("10.0.0.0/16", ["use1-az1", "use1-az2"], { ...layout, private: { prefixLength: 20, cidrs: { "use1-az1": "10.0.0.0/20" } } });
    expect(plan.private).toEqual({ "use1-az1": "10.0.0.0/20", "use1-az2": "10.0.16.0/20" });
  });

  it("skips a pinned block that sits in the middle of the range", () => {
    const plan = carveSubnets("10.0.0.0/16", ["use1-az1", "use1-az2"], { ...layout, public: { prefixLength: 24, cidrs: { "use1-az2": "10.0.16.0/24" } } });
    expect(plan.private).toEqual({ "use1-az1": "10.0.0.0/20", "use1-az2": "10.0.32.0/20" });
    expect(plan.public).toEqual({ "use1-az1": "10.0.17.0/24", "use1-az2": "10.0.16.0/24" });
  });
});
