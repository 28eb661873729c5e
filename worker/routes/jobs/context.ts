import { z } from "@hono/zod-openapi";
import { loadOwnContext, markContextUsed } from "../../contexts/saved";
import { ApiError } from "../../lib/errors";
import type { LineContext } from "../../llm/types";
import type { ResearchOptions } from "../../research/types";
import { JobContextPatch, JobContextSchema } from "./schemas";

/**
 * A job's context: the saved one named by `contextId` (404 when it is not the user's), with the
 * fields given in `context` winning (and a top-level `variants` over both), then the defaults. A saved context used is marked last used.
 * Its research setting likewise: the request's `research`, else the saved context's (it is a job option, not a prompt field).
 */
export async function jobContextOf(
  env: Env,
  userId: string,
  body: { context?: z.infer<typeof JobContextPatch>; contextId?: string; variants?: number; research?: ResearchOptions },
): Promise<{ context: LineContext; research?: ResearchOptions }> {
  const saved = body.contextId ? await loadOwnContext(env, userId, body.contextId) : null;
  const { research: savedResearch, ...savedFields } = (saved?.context ?? {}) as Record<string, unknown> & { research?: ResearchOptions };
  const research = body.research ?? savedResearch;
  // `variants` travels with the context (saved with it, and read by the generator and regeneration).
  const variants = body.variants !== undefined ? { variants: body.variants } : {};
  const merged = JobContextSchema.safeParse({ ...savedFields, ...body.context, ...variants });
  if (!merged.success) {
    const issues = merged.error.issues.map((issue) => ({ path: ["context", ...issue.path].join("."), code: issue.code, message: issue.message }));
    throw new ApiError("invalid_request", `Invalid request: ${issues[0]!.path}: ${issues[0]!.message}`, { issues });
  }
  if (saved) await markContextUsed(env, saved.id);
  return { context: merged.data, ...(research ? { research: { website: research.website } } : {}) };
}
