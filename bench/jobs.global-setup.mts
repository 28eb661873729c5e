import type { TestProject } from "vitest/node";
import { startFakeLlm } from "../test/node/fakes/llm-server";

/** Node side of the jobs benchmark: the fake LLM (each case makes a scenario with the realistic model's timing). */
export default async function setup(project: TestProject) {
  const llm = await startFakeLlm({ headerSlots: 6 });
  project.provide("fakeLlmUrl", llm.url);
  return () => llm.close();
}
