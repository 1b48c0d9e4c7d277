// The browser workbench: global styles, then the app element (index.html contains <ech-app>),
// and the risk-pooling lab, which opens over the workbench at #lab.
import "./ui/shared/theme.css";
import "./ui/app/app-shell.ts";
import { routeLab } from "./ui/lab/lab-route.ts";

routeLab();
