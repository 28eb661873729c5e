/**
 * Examples of the main bodies for the OpenAPI document (what /docs and generated clients show). Redocly's
 * lint checks each against its schema, so an example that drifts from the route fails npm test.
 */
const at = "2026-11-22T10:15:00.000Z";

export const signupExample = { email: "ann@acme.example", password: "correct horse battery staple", name: "Ann" };
export const loginExample = { email: "ann@acme.example", password: "correct horse battery staple" };

export const sessionExample = {
  user: { id: "usr_0196a3f2c1d4e5f6a7b8c9d0", email: "ann@acme.example", name: "Ann", emailVerified: true, plan: "free", role: "user", createdAt: at },
  accessToken: "eyJhbGciOiJIUzI1NiJ9.…",
  refreshToken: "rt_9f8e7d6c5b4a…",
  expiresIn: 900,
};

export const uploadExample = {
  id: "upl_0196a3f2c1d4e5f6a7b8c9d0",
  filename: "leads.csv",
  format: "csv",
  sizeBytes: 9638,
  encoding: "utf-8",
  delimiter: ",",
  headerRow: 1,
  sheetName: null,
  columns: ["First Name", "Company Name", "Job Title"],
  rowCount: 50,
  sampleRows: [{ "First Name": "Ann", "Company Name": "Acme", "Job Title": "CEO" }],
  suggestedMapping: { first_name: "First Name", company: "Company Name", title: "Job Title" },
  suggestedProfile: null,
  warnings: [{ code: "duplicate_rows", message: "2 rows share an email address", rows: [3, 4], count: 2 }],
  createdAt: at,
};

export const createJobExample = {
  uploadId: "upl_0196a3f2c1d4e5f6a7b8c9d0",
  mode: "full",
  mapping: { company: "Company Name", first_name: "First Name", title: "Job Title" },
  context: { service: "We run outbound campaigns for B2B SaaS teams", tone: "friendly", language: "en", maxWords: 25 },
  maxCredits: 1000,
  webhookUrl: "https://crm.acme.example/hooks/openline",
};

export const jobExample = {
  id: "job_0196a3f2c1d4e5f6a7b8c9d0",
  uploadId: "upl_0196a3f2c1d4e5f6a7b8c9d0",
  mode: "full",
  status: "queued",
  pauseReason: null,
  total: 50,
  processed: 0,
  succeeded: 0,
  failed: 0,
  creditsHeld: 50,
  creditsCharged: 0,
  createdAt: at,
  startedAt: null,
  finishedAt: null,
  error: null,
  maxCredits: 1000,
  webhookUrl: "https://crm.acme.example/hooks/openline",
  mapping: { company: "Company Name", first_name: "First Name", title: "Job Title" },
  extraColumns: [],
  context: { service: "We run outbound campaigns for B2B SaaS teams", tone: "friendly", language: "en", maxWords: 25 },
};

export const jobRowExample = {
  row: 1,
  input: { "First Name": "Ann", "Company Name": "Acme", "Job Title": "CEO" },
  line: "Ann, running Acme as CEO means every outbound hour counts.",
  lines: ["Ann, running Acme as CEO means every outbound hour counts."],
  status: "generated",
  evidence: [{ field: "title", value: "CEO" }],
  edited: false,
  review: null,
};
