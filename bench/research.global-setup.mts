import type { TestProject } from "vitest/node";
import { startFakeLlm } from "../test/node/fakes/llm-server";
import { startFakeWeb } from "../test/node/fakes/web-server";

/**
 * Node side of the research benchmark: the fake LLM (BENCH_LLM_LATENCY_MS, default 200 ms a call) and
 * the fake web (BENCH_SITE_LATENCY_MS, default 300 ms a request) on loopback.
 */
export default async function setup(project: TestProject) {
  const llm = await startFakeLlm({ latencyMs: Number(process.env.BENCH_LLM_LATENCY_MS ?? 200) });
  const web = await startFakeWeb({ latencyMs: Number(process.env.BENCH_SITE_LATENCY_MS ?? 300) });
  project.provide("fakeLlmUrl", llm.url);
  project.provide("fakeWebUrl", web.url);
  return async () => {
    await Promise.all([llm.close(), web.close()]);
  };
}
