import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { mappingProfiles } from "../../db/schema";
import { notFound } from "../../lib/errors";
import { requireAuth, requireScope } from "../../middleware/auth";
import type { App } from "../../types";
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonContent } from "../openapi-schemas";
import { MappingProfileSchema, ProfileMappingInput, ProfileName, publicProfile } from "./schemas";

const UpdateProfileBody = z
  .object({ name: ProfileName.optional(), mapping: ProfileMappingInput.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.mapping !== undefined, { message: "Send a name, a mapping or both" })
  .openapi("UpdateMappingProfileRequest");

const route = createRoute({
  operationId: "updateMappingProfile",
  method: "patch",
  path: "/v1/mapping-profiles/{id}",
  tags: ["Mapping profiles"],
  summary: "Rename a mapping profile or replace its mapping",
  security: bearerSecurity,
  middleware: [requireAuth, requireScope("uploads:write")] as const,
  request: { params: IdParam, body: jsonBody(UpdateProfileBody) },
  responses: {
    200: jsonContent(MappingProfileSchema, "The updated profile"),
    ...errorResponses("invalid_request", "unauthorized", "forbidden", "not_found"),
  },
});

export function registerUpdateMappingProfile(app: App) {
  app.openapi(route, async (c) => {
    const { name, mapping } = c.req.valid("json");
    const [profile] = await getDb(c.env)
      .update(mappingProfiles)
      .set({
        ...(name !== undefined ? { name } : {}),
        ...(mapping !== undefined ? { mapping: mapping as Record<string, string> } : {}),
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(mappingProfiles.id, c.req.valid("param").id), eq(mappingProfiles.userId, c.var.auth.user.id)))
      .returning();
    if (!profile) throw notFound("Mapping profile");
    return c.json(publicProfile(profile), 200);
  });
}
