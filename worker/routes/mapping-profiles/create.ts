import { createRoute, z } from "@hono/zod-openapi";
import { count, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { mappingProfiles } from "../../db/schema";
import { ApiError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { requireAuth, requireScope } from "../../middleware/auth";
import { idempotent } from "../../middleware/idempotency";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from "../openapi-schemas";
import { MAX_PROFILES, MappingProfileSchema, ProfileMappingInput, ProfileName, publicProfile } from "./schemas";

const CreateProfileBody = z.object({ name: ProfileName, mapping: ProfileMappingInput }).strict().openapi("CreateMappingProfileRequest");

const route = createRoute({
  operationId: "createMappingProfile",
  method: "post",
  path: "/v1/mapping-profiles",
  tags: ["Mapping profiles"],
  summary: "Save a column mapping to reuse on later uploads",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:write"), idempotent()] as const,
  request: { body: jsonBody(CreateProfileBody) },
  responses: {
    201: jsonContent(MappingProfileSchema, "The saved profile"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "conflict"),
  },
});

export function registerCreateMappingProfile(app: App) {
  app.openapi(route, async (c) => {
    const { name, mapping } = c.req.valid("json");
    const userId = c.var.auth.user.id;
    const db = getDb(c.env);
    const [existing] = await db.select({ total: count() }).from(mappingProfiles).where(eq(mappingProfiles.userId, userId));
    if ((existing?.total ?? 0) >= MAX_PROFILES) {
      throw new ApiError("conflict", `You already have ${MAX_PROFILES} mapping profiles; delete one first.`, { limit: MAX_PROFILES });
    }
    const now = new Date().toISOString();
    const [profile] = await db
      .insert(mappingProfiles)
      .values({ id: newId("map"), userId, name, mapping: mapping as Record<string, string>, createdAt: now, updatedAt: now })
      .returning();
    return c.json(publicProfile(profile!), 201);
  });
}
