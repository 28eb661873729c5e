import { z } from "@hono/zod-openapi";
import { PublicUserSchema } from "../../accounts";

export const SessionSchema = z
  .object({
    user: PublicUserSchema,
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().openapi({ example: 900 }),
  })
  .openapi("Session");
