import { Lazy } from "cdktf";
import { withoutTokenTraces } from "../../stacks/token-traces";
import { jestStackFormatter } from "../support/token-traces";

/** cdktf's record of where the token behind an encoded string was made (not part of its typed API). */
function creationStackOf(encoded: string): string[] {
  const { TokenMap } = require("cdktf/lib/tokens/private/token-map") as { TokenMap: { instance(): { lookupString(s: string): { creationStack: string[] } } } };
  return TokenMap.instance().lookupString(encoded).creationStack;
}

describe("withoutTokenTraces", () => {
  // The test setup skips token traces for speed; here the formatter must be what a process has without it.
  let skipping: typeof Error.prepareStackTrace;
  beforeAll(() => {
    skipping = Error.prepareStackTrace;
    Error.prepareStackTrace = jestStackFormatter();
  });
  afterAll(() => {
    Error.prepareStackTrace = skipping;
  });

  it("skips the creation trace of every token made inside", () => {
    const token = withoutTokenTraces(false, () => Lazy.stringValue({ produce: () => "x" }));
    expect(creationStackOf(token)).toEqual([]);
  });

  it("keeps the traces when asked to (debugging a token that does not resolve)", () => {
    const token = withoutTokenTraces(true, () => Lazy.stringValue({ produce: () => "x" }));
    expect(creationStackOf(token).length).toBeGreaterThan(3);
  });

  it("leaves real errors their stack, in V8's format", () => {
    const error = withoutTokenTraces(false, function makeError() {
      return new Error("boom");
    });
    expect(error.stack).toMatch(/^Error: boom\n {4}at makeError \(.*token-traces\.test\.ts:\d+:\d+\)/);
  });

  it("restores the previous formatter afterwards, also after a throw", () => {
    const before = Error.prepareStackTrace;
    expect(() =>
      withoutTokenTraces(false, () => {
        throw new Error("inside");
      }),
    ).toThrow("inside");
    expect(Error.prepareStackTrace).toBe(before);
  });
});
