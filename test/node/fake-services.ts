import type { TestProject } from "vitest/node";
import { startFakeLlm } from "./fakes/llm-server";
import { startFakeStripe } from "./fakes/stripe-server";
import { startFakeWeb } from "./fakes/web-server";

/**
 * Node-side: the outside world, faked over real HTTP on 127.0.0.1. workerd reaches these servers
 * through the URLs handed to the Worker's bindings (see vitest.workers.config.ts).
 */
export default async function setup(project: TestProject) {
  const llm = await startFakeLlm();
  const stripe = await startFakeStripe();
  const web = await startFakeWeb();
  project.provide("fakeLlmUrl", llm.url);
  project.provide("fakeStripeUrl", stripe.url);
  project.provide("fakeWebUrl", web.url);
  return async () => {
    await Promise.all([llm.close(), stripe.close(), web.close()]);
  };
}
