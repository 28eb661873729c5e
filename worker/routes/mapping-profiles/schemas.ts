import { z } from "@hono/zod-openapi";
import type { MappingProfile } from "../../db/schema";
import { MappingInput, MappingSchema } from "../uploads/schemas";

/** A profile's mapping: at least one field, each naming a column (as it appears in the files). */
export const ProfileMappingInput = MappingInput.refine((mapping) => Object.keys(mapping).length > 0, { message: "A mapping needs at least one field" })
  .openapi({ example: { first_name: "First Name", company: "Company Name", title: "Job Title" } });

export const ProfileName = z.string().trim().min(1).max(100);

export const MappingProfileSchema = z
  .object({
    id: z.string().openapi({ example: "map_0196a3f2c1d4e5f6a7b8c9d0" }),
    name: z.string().openapi({ example: "Apollo export" }),
    mapping: MappingSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("MappingProfile");

export function publicProfile(profile: MappingProfile): z.infer<typeof MappingProfileSchema> {
  return {
    id: profile.id,
    name: profile.name,
    mapping: profile.mapping,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}

/** A user keeps at most this many profiles (each upload answer looks through them). */
export const MAX_PROFILES = 200;
