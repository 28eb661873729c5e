import type { App } from "../../types";
import { registerBodylessJobControl } from "./control";

export function registerPauseJob(app: App) {
  registerBodylessJobControl(app, "pause", "Pause: running chunks stop before their next LLM call; resume goes on where it stopped");
}
