import { publicSpaceCoveredBy, spanOf } from "../../../modules/guardrails/public-space";

describe("publicSpaceCoveredBy", () => {
  it("finds the internet in 0.0.0.0/0, ::/0 and 2000::/3", () => {
    expect(publicSpaceCoveredBy(["0.0.0.0/0"])).toEqual(["IPv4"]);
    expect(publicSpaceCoveredBy(["::/0", "10.0.0.0/8"])).toEqual(["IPv6"]);
    expect(publicSpaceCoveredBy(["2000::/3", "0.0.0.0/0"])).toEqual(["IPv4", "IPv6"]);
  });

  it("adds blocks up, whatever their order, and ignores the non-public ranges they leave out", () => {
    expect(publicSpaceCoveredBy(["128.0.0.0/1", "0.0.0.0/1"])).toEqual(["IPv4"]);
    // 1.0.0.0/8 .. 9.255.255.255 plus 11/8 and up: all but 0/8 and 10/8, neither of which is public.
    expect(
      publicSpaceCoveredBy([
        "1.0.0.0/8",
        "2.0.0.0/7",
        "4.0.0.0/6",
        "8.0.0.0/7",
        "11.0.0.0/8",
        "12.0.0.0/6",
        "16.0.0.0/4",
        "32.0.0.0/3",
        "64.0.0.0/2",
        "128.0.0.0/1",
      ]),
    ).toEqual(["IPv4"]);
    // Up to 223.255.255.255: what lies above is multicast and reserved, never a source on the internet.
    expect(publicSpaceCoveredBy(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3"])).toEqual(["IPv4"]);
  });

  it("finds nothing when one public block is missing, or in private space and tokens", () => {
    expect(publicSpaceCoveredBy(["0.0.0.0/1", "128.0.0.0/2"])).toEqual([]); // 192.0.0.0-223.255.255.255 is missing
    expect(publicSpaceCoveredBy(["10.0.0.0/8", "fd00::/8", "${aws_vpc.main.cidr_block}"])).toEqual([]);
  });

  it("parses literal CIDRs only", () => {
    expect(spanOf("10.0.0.0/16")).toEqual({ family: 4, span: [167772160n, 167837695n], prefix: 16 });
    expect(spanOf("${aws_vpc.main.cidr_block}")).toBeUndefined();
    expect(spanOf("10.0.0.0")).toBeUndefined();
  });
});
