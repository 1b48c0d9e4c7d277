export { OptimizeDialog, type OptimizeCreate } from "./optimize-dialog.ts";
export { describePolicy, optimizeRows, parseServiceLevel, percentLabel, variantName, METHOD_LABELS, SERVICE_LEVEL_MAX, SERVICE_LEVEL_MIN, type OptimizeRow } from "./optimize-rows.ts";
