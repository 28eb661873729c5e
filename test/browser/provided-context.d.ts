// Values the browser tests' global setup hands to the tests.
declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    llmUrl: string;
    stripeUrl: string;
  }
}
export {};
