export { ScenarioEditor, type DraftChange } from "./scenario-editor.ts";
export { getIn, setIn, parsePath, formatPath, type Draft, type Json } from "./paths.ts";
export { issuesByField, issueSelection, nodesWithIssues, pathWithin, type EditorSelection, type Issue } from "./issues.ts";
export { createHistory, record, undo, redo, type History } from "./history.ts";
export { addNode, addLane, removeNode, removeLane, renameNodeId, blankScenario, freshId } from "./edits.ts";
