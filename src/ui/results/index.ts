export { ResultsView, CARD_KPIS, COST_KPIS, costRows } from "./results-view.ts";
export { NodeTable } from "./node-table.ts";
export { nodeRows, productRows, nodeColumns, sortRows, demandNodeIds, type NodeRow, type SortState } from "./node-rows.ts";
export { formatterFor, formatterForStat, formatterForPrecision, formatKpi, formatMeanCi, halfWidth, statTooltip, unitSuffix } from "./kpi-format.ts";
export { resultToCsv, resultToJson, csvField, fileStem } from "./results-export.ts";
