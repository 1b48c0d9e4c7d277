// The browser workbench: global styles, then the app element (index.html contains <ech-app>).
import "./ui/shared/theme.css";
import "./ui/app/app-shell.ts";
