import { createMiddleware } from "hono/factory";
import { getConfig } from "../parse-config";
import { newId } from "../lib/ids";
import { createLogger } from "../lib/logger";
import type { AppEnv } from "../types";

const incomingId = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A request id on every response and log line (a well-formed incoming X-Request-Id is kept), and the
 * configuration parsed once at the request's edge into `c.var.config` for the handlers.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header("X-Request-Id");
  const requestId = incoming && incomingId.test(incoming) ? incoming : newId("req");
  const started = Date.now();
  const config = getConfig(c.env);
  const log = createLogger({ requestId }, config.LOG_LEVEL);
  c.set("config", config);
  c.set("requestId", requestId);
  c.set("log", log);
  await next();
  c.header("X-Request-Id", requestId);
  // The contract promises JSON as application/json; charset=utf-8.
  if (c.res.headers.get("Content-Type") === "application/json") {
    c.header("Content-Type", "application/json; charset=utf-8");
  }
  log.info("request", {
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Date.now() - started,
    userId: c.var.auth?.user.id,
  });
});
