import { describe, expect, it } from "vitest";
import { createConstant } from "../../../../src/sim/random/dist/constant.ts";
import { createStream } from "../../../../src/sim/random/stream.ts";

describe("createConstant", () => {
  it("always gives value × scale, with sd 0, and draws nothing from the stream", () => {
    const c = createConstant({ type: "constant", value: 4 }), s = createStream(), t = createStream();
    expect([c.sample(s, 1), c.sample(s, 2.5), c.quantile(0.9, 1), c.mean, c.sd]).toEqual([4, 10, 4, 4, 0]);
    expect(s.uniform()).toBe(t.uniform());
  });

  it("rejects a non-finite value, naming the field", () => {
    expect(() => createConstant({ type: "constant", value: Infinity })).toThrow(/constant\.value/);
  });
});
