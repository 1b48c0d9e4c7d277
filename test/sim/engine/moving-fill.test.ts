import { describe, expect, it } from "vitest";
import { movingFillTrough, recoveryDays } from "../../../src/sim/engine/moving-fill.ts";

describe("moving-fill", () => {
  it("movingFillTrough is exactly 0 for a week with nothing served, though running sums would leave −2.6e-16", () => {
    const dem = new Float64Array(30), srv = new Float64Array(30);
    for (let d = 0; d < 30; d++) { dem[d] = 0.1 * ((d % 7) + 1) + 0.01 * d; srv[d] = d >= 12 && d < 19 ? 0 : dem[d]; }
    expect(Object.is(movingFillTrough(dem, srv, 0, 30), 0)).toBe(true);
  });

  it("movingFillTrough is the lowest Σ served ÷ Σ demand over 7 measured days", () => {
    const dem = new Float64Array(20).fill(10), srv = new Float64Array(20).fill(10);
    srv[9] = 3; srv[10] = 0;
    expect(movingFillTrough(dem, srv, 2, 20)).toBe(53 / 70);
  });
});

describe("movingFillTrough: windows inside the measured days", () => {
  it("counts the first full window of the measured days and nothing of the warm-up", () => {
    // warm-up 3: the first window is days 3 … 9; day 2 (warm-up, nothing served) is never in a window
    const dem = new Float64Array(20).fill(10), srv = new Float64Array(20).fill(10);
    srv[2] = 0; srv[3] = 0;
    expect(movingFillTrough(dem, srv, 3, 20)).toBe(60 / 70);
  });

  it("finds a low window among well-served days after an earlier, higher low", () => {
    // demand 10: days 0–6 half served (first window 0.5), 7–26 all, 27–33 served 4 (0.4), 34–40 all.
    // The running sums must drop the days that leave the window: over days 0–33 the rate is 0.77.
    const dem = new Float64Array(41).fill(10), srv = new Float64Array(41).fill(10);
    for (let d = 0; d < 7; d++) srv[d] = 5;
    for (let d = 27; d < 34; d++) srv[d] = 4;
    expect(movingFillTrough(dem, srv, 0, 41)).toBe(28 / 70);
  });

  it("is NaN when no window has demand", () => {
    expect(movingFillTrough(new Float64Array(20), new Float64Array(20), 0, 20)).toBeNaN();
  });
});

describe("recoveryDays", () => {
  /** 30 days of demand 10, everything served except on the given days. */
  const days = (zero: (d: number) => boolean, horizon = 30) => {
    const dem = new Float64Array(horizon).fill(10), srv = new Float64Array(horizon);
    for (let d = 0; d < horizon; d++) srv[d] = zero(d) ? 0 : 10;
    return { dem, srv };
  };

  it("counts from the start to the first day at or after the trough whose 7-day fill is within 1 point of the level before", () => {
    // level 1 − 0.01; nothing served on days 10–12: the window 6…12 is the first at 40/70 (the
    // trough), the window 13…19 the first back at 70/70: 19 − 10 days
    const { dem, srv } = days((d) => d >= 10 && d <= 12);
    expect(recoveryDays(dem, srv, 0, 30, 10)).toBe(9);
  });

  it("is 0 when the disruption never pulls the moving fill below the level, and NaN when it never recovers", () => {
    const all = days(() => false);
    expect(recoveryDays(all.dem, all.srv, 0, 30, 10)).toBe(0);
    // a dip that stays above the level (69.5/70 > 0.99) is still 0, though its trough is 5 days after s
    const shallow = days(() => false);
    shallow.srv[15] = 9.5;
    expect(recoveryDays(shallow.dem, shallow.srv, 0, 30, 10)).toBe(0);
    const never = days((d) => d >= 10);
    expect(recoveryDays(never.dem, never.srv, 0, 30, 10)).toBeNaN();
  });

  it("takes the level over days 0 … s − 1 when fewer than 7 measured days precede s", () => {
    // warm-up 5, s 8: days 0–4 half served, 5–7 all: level (5·5 + 3·10) / 80 − 0.01 = 0.6775
    // (over the 3 measured days alone it would be 0.99). Nothing served on days 8 and 9: moving
    // fill 45/70 on day 8, 40/70 on day 9 (the trough), 45/70 on day 10, 50/70 = 0.714 on day 11.
    const dem = new Float64Array(30).fill(10), srv = new Float64Array(30).fill(10);
    for (let d = 0; d < 5; d++) srv[d] = 5;
    srv[8] = 0; srv[9] = 0;
    expect(recoveryDays(dem, srv, 5, 30, 8)).toBe(3);
  });

  it("takes the level over the measured days before s when there are 7 or more", () => {
    // warm-up 2, s 9: days 0–1 nothing served (left out), 2–8 all: level 0.99; nothing on day 9:
    // back at 70/70 on day 16
    const { dem, srv } = days((d) => d <= 1 || d === 9);
    expect(recoveryDays(dem, srv, 2, 30, 9)).toBe(7);
  });

  it("starts at day 1 with the level of day 0, and searches from the first full window (day 6)", () => {
    // nothing served on day 1: windows 0…6 and 1…7 at 60/70, the trough on day 6; 2…8 is full: 8 − 1
    const { dem, srv } = days((d) => d === 1);
    expect(recoveryDays(dem, srv, 0, 30, 1)).toBe(7);
  });

  it("counts to the first recovery after the first lowest window, not a later dip as deep", () => {
    // days 10 and 20 unserved: windows 10…16 and 20…26 at 60/70; back at 70/70 on day 17: 7 days
    const { dem, srv } = days((d) => d === 10 || d === 20, 40);
    expect(recoveryDays(dem, srv, 0, 40, 10)).toBe(7);
  });

  it("a window exactly at the level counts as recovered (1 − 0.01 and 693/700 are the same double, 0.99)", () => {
    const dem = new Float64Array(40).fill(100);
    const dip = new Float64Array(40).fill(100);
    dip[15] = 93;   // trough 693/700 = 0.99 = the level: never below it
    expect(recoveryDays(dem, dip, 0, 40, 10)).toBe(0);
    const back = new Float64Array(40).fill(100);
    back[10] = 0; back[17] = 93;   // window 11…17 is 693/700 = the level: recovered on day 17
    expect(recoveryDays(dem, back, 0, 40, 10)).toBe(7);
  });

  it("is NaN with a start at day 0, without demand before s, or without demand from s on", () => {
    const { dem, srv } = days((d) => d === 10);
    expect(recoveryDays(dem, srv, 0, 30, 0)).toBeNaN();
    const late = days(() => false);
    late.dem.fill(0, 0, 10); late.srv.fill(0, 0, 10);
    expect(recoveryDays(late.dem, late.srv, 0, 30, 10)).toBeNaN();
    const early = days(() => false);
    early.dem.fill(0, 4); early.srv.fill(0, 4);
    expect(recoveryDays(early.dem, early.srv, 0, 30, 10)).toBeNaN();
  });
});
