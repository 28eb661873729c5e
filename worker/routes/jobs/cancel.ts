import type { App } from "../../types";
import { registerBodylessJobControl } from "./control";

export function registerCancelJob(app: App) {
  registerBodylessJobControl(
    app,
    "cancel",
    "Cancel: no LLM call starts after this; generated rows are charged, the rest of the hold goes back",
  );
}
