export { FrontierDialog, type FrontierClient } from "./frontier-dialog.ts";
export { FrontierChart } from "./frontier-chart.ts";
