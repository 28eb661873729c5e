// Values globalSetup hands to the Worker's bindings (see vitest.workers.config.ts).
declare module "vitest" {
  export interface ProvidedContext {
    fakeLlmUrl: string;
    fakeStripeUrl: string;
    fakeWebUrl: string;
  }
}
export {};
