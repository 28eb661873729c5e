/** The offline sample model's name (scripts/sample-model.mjs): its lines are canned, not an LLM's. */
export const SAMPLE_MODEL = "openline-local-sample";
export const isSampleModel = (model: string | null | undefined): boolean => model === SAMPLE_MODEL;
export const SAMPLE_MODEL_TEXT = "Sample lines from the offline sample model — set LLM_API_KEY for real lines";
