import { z } from "@hono/zod-openapi";
import type { SavedContext } from "../../db/schema";
import { contextFields } from "../jobs/schemas";

export const ContextName = z.string().trim().min(1).max(100);
export const ResearchSetting = z.object({ website: z.boolean() }).strict().openapi({ description: "Read the company's website for facts" });

/** The fields of a saved context besides its name, as POST /v1/jobs takes them in `context`. */
export const savedContextFields = {
  service: contextFields.service,
  tone: contextFields.tone.optional(),
  language: contextFields.language.optional(),
  maxWords: contextFields.maxWords.optional(),
  instructions: contextFields.instructions,
  research: ResearchSetting.optional(),
  variants: contextFields.variants,
};

export const SavedContextSchema = z
  .object({
    id: z.string().openapi({ example: "ctx_0196a3f2c1d4e5f6a7b8c9d0" }),
    name: z.string().openapi({ example: "Dental clinics, friendly" }),
    service: z.string(),
    tone: z.string().optional(),
    language: z.string().optional(),
    maxWords: z.number().int().optional(),
    instructions: z.string().optional(),
    research: ResearchSetting.optional(),
    variants: z.number().int().optional(),
    lastUsedAt: z.string().nullable().openapi({ description: "When a job last used it (the wizard prefills the latest)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("SavedContext");

export function publicContext(saved: SavedContext): z.infer<typeof SavedContextSchema> {
  return {
    id: saved.id,
    name: saved.name,
    ...(saved.context as { service: string }),
    lastUsedAt: saved.lastUsedAt,
    createdAt: saved.createdAt,
    updatedAt: saved.updatedAt,
  };
}
