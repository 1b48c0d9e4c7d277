import { describe, expect, it } from "vitest";
import { csvField, fileStem, resultToCsv, resultToJson } from "../../../src/ui/results/results-export.ts";
import { runResult, stat } from "../fixtures.ts";

describe("results-export", () => {
  it("resultToCsv writes one line per scope, id and KPI with every Stat field", () => {
    const csv = resultToCsv(runResult({ network: { onHand: stat(10, 1, 5) }, nodes: { "a,b": { fillRate: stat(NaN) } } }));
    expect(csv.split("\r\n")).toEqual([
      "scope,id,kpi,mean,sd,ci95_lo,ci95_hi,p05,p50,p95,n",
      "network,,onHand,10,5,9,11,7,10,13,5",
      'node,"a,b",fillRate,,0,,,,,,100',
      "",
    ]);
  });
  it("resultToCsv writes each product's KPIs after the nodes, scope product", () => {
    const csv = resultToCsv(runResult({ network: {}, nodes: { a: { onHand: stat(4) } }, products: { widget: { fillRate: stat(0.5, 0.125, 10) }, gadget: { onHand: stat(2) } } }));
    expect(csv.split("\r\n").slice(1, -1)).toEqual([
      "node,a,onHand,4,0,4,4,4,4,4,100",
      "product,widget,fillRate,0.5,0.625,0.375,0.625,0.125,0.5,0.875,10",
      "product,gadget,onHand,2,0,2,2,2,2,2,100",
    ]);
  });
  it("csvField quotes quotes", () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
  it("resultToJson writes NaN as null", () => {
    expect(JSON.parse(resultToJson(runResult({ network: { x: stat(NaN) } }))).network.x.mean).toBeNull();
  });
  it("fileStem makes a file name from a scenario name", () => {
    expect(fileStem("Three-echelon retail (v2)")).toBe("three-echelon-retail-v2");
    expect(fileStem("***")).toBe("result");
  });
});
