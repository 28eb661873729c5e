import type { ApiErrorBody, JobRow, MappingProfile, SavedContext } from "../../lib/types";

/** The wizard's steps, in order; `?step=` names one. */
export const STEPS = [
  { id: "file", label: "Upload" },
  { id: "map", label: "Map columns" },
  { id: "context", label: "Context" },
  { id: "preview", label: "Preview" },
  { id: "run", label: "Run" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];
export const isStep = (value: string | null): value is StepId => STEPS.some((step) => step.id === value);

/** What the wizard's route action answers, per intent. */
export type WizardActionData =
  | { intent: "save-profile"; ok: true; profile: MappingProfile }
  | { intent: "save-context"; ok: true; context: SavedContext }
  | { intent: "preview"; ok: true; results: JobRow[]; model: string | null }
  | { intent: string; ok: false; error: ApiErrorBody };
