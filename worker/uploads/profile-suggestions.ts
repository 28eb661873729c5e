import { desc, eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { mappingProfiles } from "../db/schema";
import type { ProfileForSuggestion } from "./mapping";

/** The user's profiles, most recently updated first, as candidates for `suggestedMapping`. */
export async function profilesForSuggestion(env: Env, userId: string): Promise<ProfileForSuggestion[]> {
  return getDb(env)
    .select({ id: mappingProfiles.id, name: mappingProfiles.name, mapping: mappingProfiles.mapping })
    .from(mappingProfiles)
    .where(eq(mappingProfiles.userId, userId))
    .orderBy(desc(mappingProfiles.updatedAt), desc(mappingProfiles.id))
    .limit(200);
}
