import { z } from "@hono/zod-openapi";
import { MAX_VARIANTS, MIN_VARIANTS } from "../../llm/types";
import { MAX_MAX_WORDS, MIN_MAX_WORDS } from "../../llm/words";
import { PaginationQuery } from "../openapi-schemas";
import { MappingInput } from "../uploads/schemas";
import { JobStatusEnum } from "../../jobs/public-schemas";
import { JOB_MODES } from "../../jobs/statuses";

/** The Jobs section of the contract, as OpenAPI schemas. */

export { JobStatusEnum };

/** Letters (any script), spaces, hyphens and apostrophes: "friendly", "pt-BR", "Schwiizerdütsch". */
const WORDS_ONLY = /^\p{L}[\p{L}\p{M} '-]*$/u;
// The document's `pattern` is the bare source: zod would write the flags into it, and no value matches that.
const WORDS_ONLY_PATTERN = { pattern: WORDS_ONLY.source };

/** Lines per prospect for A/B tests; each is checked and charged as a line. */
export const VariantsField = z
  .number()
  .int()
  .min(MIN_VARIANTS, `Must be between ${MIN_VARIANTS} and ${MAX_VARIANTS}.`)
  .max(MAX_VARIANTS, `Must be between ${MIN_VARIANTS} and ${MAX_VARIANTS}.`)
  .openapi({ description: "Lines per prospect (1–3, default 1), each checked and charged as a line; exported as personalized_line, _2, _3" });

/** The context's fields without defaults, so a partial one (over a saved context) fills nothing in. */
export const contextFields = {
  service: z.string().trim().min(3).max(2000).openapi({ description: "What the sender sells, in their words" }),
  // Tone and language are written into the model's rules (not fenced as data like the service text),
  // so they are words only: no sentences, numbers or markup that could read as another rule.
  tone: z.string().trim().min(1).max(40).regex(WORDS_ONLY, "Must be words only (letters, spaces, hyphens).").openapi(WORDS_ONLY_PATTERN),
  language: z
    .string()
    .trim()
    .min(2)
    .max(35)
    .regex(WORDS_ONLY, "Must be an ISO code or a language name (letters, spaces, hyphens).")
    .openapi({ ...WORDS_ONLY_PATTERN, description: "ISO code (en, de, fr, es, pt-BR, …) or a language name" }),
  maxWords: z.number().int().min(MIN_MAX_WORDS).max(MAX_MAX_WORDS).openapi({ description: "Lines are between 72% of this and this many words (18–25 by default)" }),
  instructions: z.string().trim().max(1000).optional().openapi({ description: "Extra style wishes; they cannot override the rules" }),
  variants: VariantsField.optional(),
};

export const JobContextSchema = z
  .object({
    ...contextFields,
    tone: contextFields.tone.default("friendly"),
    language: contextFields.language.default("en"),
    maxWords: contextFields.maxWords.default(25),
  })
  .strict()
  .openapi("JobContext");

/** `context` beside a `contextId`: any of the fields, each winning over the saved one. */
export const JobContextPatch = z.object(contextFields).partial().strict().openapi("JobContextPatch");

export const ResearchOptionsSchema = z
  .object({
    website: z.boolean().default(false).openapi({
      description: "Read the company's website (mapped `website`, else the work email's domain) and let lines cite it; included in the line's credit",
    }),
  })
  .strict()
  .openapi("ResearchOptions");

export const CreateJobBody = z
  .object({
    uploadId: z.string().min(1).max(100),
    mode: z.enum(JOB_MODES),
    mapping: MappingInput,
    extraColumns: z.array(z.string().min(1).max(256)).max(50).default([]),
    context: JobContextPatch.optional().openapi({ description: "Required (with `service`) unless `contextId` names a saved context; tone, language and maxWords default to friendly, en and 25" }),
    contextId: z.string().min(1).max(100).optional().openapi({ description: "A saved context (GET /v1/contexts) that fills `context`; fields given in `context` win" }),
    previewRows: z.number().int().min(1).max(20).default(5),
    previewAttempt: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .openapi({ description: "Preview only: 2, 3, … when the same preview is written again, asking for other lines than before" }),
    maxCredits: z.number().int().min(1).max(10_000_000).optional().openapi({ description: "Run until this budget (or the balance) is spent, then pause" }),
    webhookUrl: z
      .url({ protocol: /^https?$/, message: "Must be an http(s) URL." })
      .max(2000)
      .optional(),
    rowsPerRequest: z.number().int().min(1).max(10).optional().openapi({ description: "Prospects per LLM call (default chosen by benchmark)" }),
    research: ResearchOptionsSchema.optional(),
    variants: VariantsField.optional().openapi({ description: "Lines per prospect (1–3, default 1; a saved context's own wins when absent); credits held: rows × variants" }),
  })
  .strict()
  .refine((body) => Boolean(body.mapping.company || body.mapping.email), {
    message: "`company` must be mapped to a column (or `email`, whose domain then names the company).",
    path: ["mapping", "company"],
  })
  .refine((body) => body.contextId !== undefined || body.context?.service !== undefined, { message: "Send a `context` with a service, or a `contextId`.", path: ["context"] })
  .openapi("CreateJobRequest");

// The response shapes are the jobs domain's (worker/jobs/public-schemas.ts: PublicJob is inferred from them).
export { JobRowSchema, JobSchema, PreviewJobSchema } from "../../jobs/public-schemas";

export const JobListQuery = PaginationQuery.extend({
  status: JobStatusEnum.optional(),
  mode: z.enum(JOB_MODES).optional(),
});
