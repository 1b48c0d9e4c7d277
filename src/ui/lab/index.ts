// The risk-pooling lab, loaded only when a trainer opens it (#lab).
export { RiskPoolingLab } from "./risk-pooling-lab.ts";
