import { describe, expect, it } from "vitest";
import { dayPercent, daysOfPixels, dragWindow, isDayWindow, keyWindow, moveWindow, resizeWindow, MIN_WINDOW_DAYS } from "../../../src/ui/editor/window-drag.ts";

const H = 365;
const w = { start: 120, end: 134 };

describe("window-drag", () => {
  it("daysOfPixels snaps a pointer's travel to whole days", () => {
    const pxPerDay = 300 / H;
    expect(daysOfPixels(0, pxPerDay)).toBe(0);
    expect(daysOfPixels(pxPerDay * 10.4, pxPerDay)).toBe(10);
    expect(daysOfPixels(pxPerDay * 10.6, pxPerDay)).toBe(11);
    expect(daysOfPixels(-pxPerDay * 3.6, pxPerDay)).toBe(-4);
    expect(Object.is(daysOfPixels(-0.1, pxPerDay), -0)).toBe(false);
  });

  it("daysOfPixels is 0 on a track without width or for a pointer without a position", () => {
    expect(daysOfPixels(50, 0)).toBe(0);
    expect(daysOfPixels(Number.NaN, 1)).toBe(0);
  });

  it("dayPercent places a day on the track and clips outside the horizon", () => {
    expect(dayPercent(0, 200)).toBe(0);
    expect(dayPercent(50, 200)).toBe(25);
    expect(dayPercent(400, 200)).toBe(100);
    expect(dayPercent(-3, 200)).toBe(0);
  });

  it("moveWindow keeps the length and stops at day 0 and at the horizon", () => {
    expect(moveWindow(w, 30, H)).toEqual({ start: 150, end: 164 });
    expect(moveWindow(w, -500, H)).toEqual({ start: 0, end: 14 });
    expect(moveWindow(w, 500, H)).toEqual({ start: 351, end: 365 });
  });

  it("moveWindow brings a window past the horizon back inside, cut to the horizon when longer", () => {
    expect(moveWindow({ start: 360, end: 400 }, 0, H)).toEqual({ start: 325, end: 365 });
    expect(moveWindow({ start: 0, end: 50 }, 5, 30)).toEqual({ start: 0, end: 30 });
  });

  it("resizeWindow moves one end and never makes the window shorter than a day", () => {
    expect(resizeWindow(w, "end", 7, H)).toEqual({ start: 120, end: 141 });
    expect(resizeWindow(w, "start", -20, H)).toEqual({ start: 100, end: 134 });
    expect(resizeWindow(w, "end", -100, H)).toEqual({ start: 120, end: 120 + MIN_WINDOW_DAYS });
    expect(resizeWindow(w, "start", 100, H)).toEqual({ start: 134 - MIN_WINDOW_DAYS, end: 134 });
  });

  it("resizeWindow stops at day 0 and at the horizon", () => {
    expect(resizeWindow(w, "start", -500, H)).toEqual({ start: 0, end: 134 });
    expect(resizeWindow(w, "end", 500, H)).toEqual({ start: 120, end: 365 });
  });

  it("dragWindow dispatches on what was grabbed", () => {
    expect(dragWindow(w, "move", 3, H)).toEqual({ start: 123, end: 137 });
    expect(dragWindow(w, "start", 3, H)).toEqual({ start: 123, end: 134 });
    expect(dragWindow(w, "end", 3, H)).toEqual({ start: 120, end: 137 });
  });

  it("keyWindow: arrows move a day, Shift+arrows resize, PageUp/PageDown a week, Home/End to the ends", () => {
    expect(keyWindow(w, "ArrowRight", false, H)).toEqual({ start: 121, end: 135 });
    expect(keyWindow(w, "ArrowLeft", false, H)).toEqual({ start: 119, end: 133 });
    expect(keyWindow(w, "ArrowRight", true, H)).toEqual({ start: 120, end: 135 });
    expect(keyWindow(w, "ArrowLeft", true, H)).toEqual({ start: 120, end: 133 });
    expect(keyWindow(w, "PageUp", false, H)).toEqual({ start: 127, end: 141 });
    expect(keyWindow(w, "PageDown", false, H)).toEqual({ start: 113, end: 127 });
    expect(keyWindow(w, "Home", false, H)).toEqual({ start: 0, end: 14 });
    expect(keyWindow(w, "End", false, H)).toEqual({ start: 351, end: 365 });
    expect(keyWindow(w, "Enter", false, H)).toBeUndefined();
  });

  it("keyWindow never shrinks a one-day window to nothing", () => {
    expect(keyWindow({ start: 10, end: 11 }, "ArrowLeft", true, H)).toEqual({ start: 10, end: 11 });
  });

  it("isDayWindow accepts whole days with end after start only", () => {
    expect(isDayWindow(120, 134)).toBe(true);
    expect(isDayWindow(0, 1)).toBe(true);
    expect(isDayWindow(5, 5)).toBe(false);
    expect(isDayWindow(-1, 5)).toBe(false);
    expect(isDayWindow(1.5, 5)).toBe(false);
    expect(isDayWindow("12x", 5)).toBe(false);
  });
});
