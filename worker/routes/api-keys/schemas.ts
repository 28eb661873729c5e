import { z } from "@hono/zod-openapi";
import type { ApiKey } from "../../db/schema";
import { API_SCOPES } from "../../types";

export const ApiKeySchema = z
  .object({
    id: z.string().openapi({ example: "key_0196a3f2c1d4e5f6a7b8c9d0" }),
    name: z.string(),
    prefix: z.string().openapi({ example: "olk_3fA9xQ2b" }),
    scopes: z.array(z.enum(API_SCOPES)),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("ApiKey");

export function publicApiKey(key: ApiKey): z.infer<typeof ApiKeySchema> {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes as z.infer<typeof ApiKeySchema>["scopes"],
    lastUsedAt: key.lastUsedAt,
    createdAt: key.createdAt,
  };
}
