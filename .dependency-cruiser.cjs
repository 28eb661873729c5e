/**
 * Which way dependencies may run (issue #11, README "Architecture"): the domain under worker/ never
 * reaches into the Durable Object and queue adapters (only the Worker entry exports them), the web app
 * never imports the API Worker's code (ADR 040: it uses the public API), and nothing imports in a circle.
 * Run by `npm run deps:check`, part of `npm test` (pretest).
 */
module.exports = {
  forbidden: [
    {
      name: "domain-not-into-adapters",
      comment: "worker/** is the domain: durable-objects/ and queues/ are thin adapters over it. Only worker/index.ts exports them.",
      severity: "error",
      from: { path: "^worker/", pathNot: "^worker/index\\.ts$" },
      to: { path: "^(durable-objects|queues)/" },
    },
    {
      name: "config-parsed-at-the-edge",
      comment: "The configuration is parsed at the edges (request middleware, queue and cron entries, Durable Object constructors) and passed on (ADR 073).",
      severity: "error",
      from: { pathNot: "^(worker/index\\.ts|worker/middleware/request-context\\.ts|queues/index\\.ts|durable-objects/[^/]+\\.ts)$" },
      to: { path: "^worker/parse-config\\.ts$" },
    },
    {
      name: "web-not-into-worker",
      comment: "The web app talks to the API over HTTP only (ADR 040).",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^worker/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles, types included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.react-router|build)/" },
    // TypeScript 7 has no JS compiler API yet (dependency-cruiser reads TS through it): swc parses instead.
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
