import { checkClaims, type ClaimCheck } from "../../../worker/llm/claims/check";
import { sourcesOf } from "../../../worker/llm/claims/sources";
import type { Evidence } from "../../../worker/llm/types";

/** Checks a line against a row's fields and a service text, as checkLine does. */
export function claimsOf(line: string, fields: Record<string, string>, options: { service?: string; evidence?: Evidence[]; language?: string } = {}): ClaimCheck {
  const context = { service: options.service ?? "Route planning for delivery fleets.", tone: "friendly", language: options.language ?? "en", maxWords: 25 };
  return checkClaims({ line, evidence: options.evidence ?? [], sources: sourcesOf({ id: "1", fields }, context), language: context.language });
}

/** The kind of the first unsupported claim, or "ok". */
export function verdict(result: ClaimCheck): string {
  if (result.ok) return "ok";
  return result.problem.code === "evidence_mismatch" ? "evidence" : `${result.problem.code === "uncited_claim" ? "uncited" : "invented"}:${result.problem.kind}`;
}
