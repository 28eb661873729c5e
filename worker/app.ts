import { OpenAPIHono } from "@hono/zod-openapi";
import { notFoundHandler, onError, validationHook } from "./middleware/errors";
import { requestContext } from "./middleware/request-context";
import { registerRoutes } from "./routes";
import type { AppEnv } from "./types";

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requestContext);
  app.onError(onError);
  app.notFound(notFoundHandler);
  registerRoutes(app);
  return app;
}

export const app = createApp();
