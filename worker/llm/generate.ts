import { checkLine, type CheckOptions } from "./checks";
import type { ClaimSource } from "./claims/sources";
import type { LlmClient } from "./client";
import type { Limiter } from "./limiter";
import { parseAnswer } from "./parse";
import { buildMessages, maxTokensFor } from "./prompt";
import { addUsage, variantsOf, type LineContext, type LineOutcome, type ProspectRow, type TokenUsage, type VariantLine } from "./types";

/**
 * Generates and checks the lines of some rows, `rowsPerRequest` rows per LLM call, with at most the
 * limiter's number of calls in flight. Each row is judged on its own: a row whose line fails a check
 * (or is missing from the answer, or whose answer was empty or not JSON) is regenerated once on its
 * own, then marked `failed`. With variants (N lines per row) each line is checked on its own; the lines
 * that failed are asked for once more, and a row keeps the lines that passed (failed only when none did).
 * Rows the LLM could not be reached for, or that were stopped (cancel,
 * pause) before their call, stay `pending` for a later run.
 */
export type RowResolution =
  | LineOutcome
  | { status: "pending"; why: "stopped" | "unavailable"; retryAfterMs: number | null };

export interface GenerateOptions {
  client: LlmClient;
  limiter: Limiter;
  context: LineContext;
  rowsPerRequest: number;
  /** Calls of the same key (the job) share the limiter's turns with other keys' (ADR 067). */
  shareKey?: string;
  /** The job's data fence (`fenceFor(jobId)`): the same prompt prefix on every call (ADR 066). */
  fence?: string;
  /** Asked right before every LLM call; `false` stops the rest. */
  proceed?: () => Promise<boolean>;
  /** Called as soon as a row is final (live progress, checkpoints). */
  onOutcome?: (id: string, outcome: LineOutcome) => void;
  /** Token use is added here. */
  usage: TokenUsage;
  /** Fixed wording sent with the first call too (a row regenerated on request); never row data. */
  feedback?: string;
  /** Sources beyond the row and the service a line may rest on (the research engine's fact sheet). */
  extraSources?: (row: ProspectRow) => ClaimSource[];
}

/**
 * Fixed wording per failure, so nothing derived from the data travels outside the data fence. Claim
 * failures bring their own fixed wording naming the kind of claim (checks.ts), never its words.
 */
const FEEDBACK: Record<string, string> = {
  empty: "the line was empty",
  empty_answer: "the answer was empty",
  invalid_answer: "the answer was not the JSON object asked for",
  no_answer: "this prospect was missing from the answer",
  placeholder: "it contained an unfilled placeholder",
  too_short: "it was too short",
  too_long: "it was too long",
  question: "it asked a question",
  spam_phrase: "it used a spammy or flattering phrase",
  missing_company: "it did not name the company",
  unsupported_claim: "it stated a fact that is not in the data",
  uncited_claim: "it used a fact without listing it in the evidence",
  duplicate_variant: "it repeated another of the lines",
};

const codeOf = (reason: string) => reason.split(":")[0]!.trim();

const sameWords = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, " ").trim() === b.toLowerCase().replace(/\s+/g, " ").trim();

type Failure = { reason: string; feedback?: string };

/** Checks each line on its own (`checkLine`, as for a single line); adds those that pass, answers the first failure. */
function judgeVariants(lines: VariantLine[], row: ProspectRow, context: LineContext, options: CheckOptions, passed: VariantLine[]): Failure | undefined {
  let failure: Failure | undefined;
  for (const candidate of lines) {
    // The same line twice is no A/B test, and must not be charged twice.
    const repeated = passed.some((line) => sameWords(line.line, candidate.line));
    const check = repeated ? { ok: false as const, reason: "duplicate_variant: the same line as another variant" } : checkLine(candidate.line, candidate.evidence, row, context, options);
    if (check.ok) passed.push(candidate);
    else failure ??= { reason: check.reason, feedback: check.feedback };
  }
  return failure;
}

/** A row with at least one passing line: the first is its line; `variants` lists them all when more than one passed. */
function generated(passed: VariantLine[], attempts: number): LineOutcome {
  const [first] = passed;
  return { status: "generated", line: first!.line, evidence: first!.evidence, attempts, ...(passed.length > 1 ? { variants: passed } : {}) };
}

export async function generateLines(rows: ProspectRow[], options: GenerateOptions): Promise<Map<string, RowResolution>> {
  const results = new Map<string, RowResolution>();
  const finish = (id: string, outcome: RowResolution) => {
    results.set(id, outcome);
    if (outcome.status !== "pending") options.onOutcome?.(id, outcome);
  };

  const variants = variantsOf(options.context);

  /** `kept`: lines of a row that passed in its first attempt; the second asks only for the rest. */
  async function request(group: ProspectRow[], attempt: 1 | 2, feedback?: string, kept: VariantLine[] = []): Promise<void> {
    const wanted = variants - kept.length;
    const response = await options.limiter.run(async () => {
      if (options.proceed && !(await options.proceed())) return null;
      return options.client.complete(buildMessages(group, options.context, { feedback, fence: options.fence, lines: wanted }), {
        maxTokens: maxTokensFor(group.length, wanted),
      });
    }, options.shareKey);
    if (response === null) {
      for (const row of group) finish(row.id, { status: "pending", why: "stopped", retryAfterMs: null });
      return;
    }
    addUsage(options.usage, response.usage);
    if (!response.ok) {
      for (const row of group) {
        if (response.kind === "unavailable") {
          finish(row.id, { status: "pending", why: "unavailable", retryAfterMs: response.retryAfterMs });
        } else if (kept.length > 0) {
          finish(row.id, generated(kept, attempt));
        } else {
          const reason = response.message.startsWith("stalled")
            ? "llm_stalled: the model's answer stopped midway, twice"
            : `llm_error: the model answered ${response.status ?? "an error"}`;
          finish(row.id, { status: "failed", reason, attempts: attempt });
        }
      }
      return;
    }

    const parsed = parseAnswer(response.content);
    const again: Array<{ row: ProspectRow; failure: Failure; passed: VariantLine[] }> = [];
    for (const row of group) {
      const answer = parsed?.get(row.id);
      const passed = [...kept];
      let failure: Failure | undefined;
      if (!parsed) failure = { reason: response.content.trim() ? "invalid_answer: not the JSON asked for" : "empty_answer: the model answered nothing" };
      else if (!answer) failure = { reason: "no_answer: the row was missing from the answer" };
      else failure = judgeVariants(answer.variants.slice(0, wanted), row, options.context, { extraSources: options.extraSources?.(row) }, passed);
      if (passed.length < variants && !failure) failure = { reason: "no_answer: fewer lines than asked for" };
      if (passed.length === variants) finish(row.id, generated(passed, attempt));
      else if (attempt === 1) again.push({ row, failure: failure!, passed });
      else if (passed.length > 0) finish(row.id, generated(passed, attempt));
      else finish(row.id, { status: "failed", reason: failure!.reason, attempts: attempt });
    }
    await Promise.all(
      again.map(({ row, failure, passed }) => request([row], 2, failure.feedback ?? FEEDBACK[codeOf(failure.reason)] ?? "it broke a rule", passed)),
    );
  }

  const size = Math.max(1, Math.floor(options.rowsPerRequest));
  const groups: ProspectRow[][] = [];
  for (let i = 0; i < rows.length; i += size) groups.push(rows.slice(i, i + size));
  await Promise.all(groups.map((group) => request(group, 1, options.feedback)));
  return results;
}
