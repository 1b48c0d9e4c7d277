import { describe, expect, expectTypeOf, it } from "vitest";
import type { SimClient } from "../../../src/workers/client.ts";
import { errorMessage, isAbortError, type SimClientLike } from "../../../src/ui/run/sim-client.ts";

describe("sim-client", () => {
  it("the worker client satisfies the contract the views are typed against", () => {
    expectTypeOf<SimClient>().toExtend<SimClientLike>();
  });
  it("isAbortError recognises cancellation by the error's name", () => {
    expect(isAbortError(Object.assign(new Error("x"), { name: "AbortError" }))).toBe(true);
    expect(isAbortError(new DOMException("stopped", "AbortError"))).toBe(true);
    expect(isAbortError(new Error("Worker crashed"))).toBe(false);
  });
  it("errorMessage reads errors, strings and message-bearing objects", () => {
    expect([errorMessage(new Error("bad lane")), errorMessage("plain"), errorMessage({ message: "cloned" }), errorMessage(42)])
      .toEqual(["bad lane", "plain", "cloned", "Unknown error"]);
  });
});
