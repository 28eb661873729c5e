import type { TestProject } from "vitest/node";
import { startFakeLlm } from "../test/node/fakes/llm-server";

/** Node side of the jobs benchmark: the fake LLM at a fixed latency (BENCH_LLM_LATENCY_MS, default 200 ms). */
export default async function setup(project: TestProject) {
  const latencyMs = Number(process.env.BENCH_LLM_LATENCY_MS ?? 200);
  const llm = await startFakeLlm({ latencyMs });
  project.provide("fakeLlmUrl", llm.url);
  return () => llm.close();
}
