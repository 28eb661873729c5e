import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { call, expectError, json, signup, signupAdmin } from "../../helpers";
import { adminGrant, allRows, createScenario, createUploadFixture, scenarioStats, startJob, waitForJob } from "./fixtures";

/**
 * Website research end to end: the Worker's fetches go through the fake web (RESEARCH_PROXY_URL,
 * test/node/fakes/web-server.ts), the lines through the fake LLM.
 */
const HEADER = ["First Name", "Company Name", "Job Title", "Website", "Email"];
const MAPPING = { first_name: "First Name", company: "Company Name", title: "Job Title", website: "Website", email: "Email" };

interface FakeRequest {
  url: string;
  userAgent: string;
}

async function webRequests(filter: { host?: string; suffix?: string }): Promise<FakeRequest[]> {
  const query = new URLSearchParams(filter as Record<string, string>);
  const response = await fetch(`${env.RESEARCH_PROXY_URL}/control/requests?${query}`);
  return ((await response.json()) as { requests: FakeRequest[] }).requests;
}

function body(uploadId: string, scenario: string, extra: Record<string, unknown> = {}) {
  return {
    uploadId,
    mode: "preview",
    mapping: MAPPING,
    context: { service: `AI bookkeeping that closes the books for small agencies in two days. ${scenario}`, tone: "friendly", language: "en" },
    research: { website: true },
    ...extra,
  };
}

// One row per fake site; the preview runs them all at once.
const SITES: Array<[company: string, website: string, email: string, expected: string]> = [
  ["Acme Robotics", "acme.example", "", "ok"],
  ["Plainwire", "http://http-only.example", "", "ok"],
  ["Scripted", "", "ann@js-only.example", "no_text"],
  ["Hugepage", "huge.example", "", "too_large"],
  ["Bighead", "big-head.example", "", "ok"],
  ["Slowpoke", "https://slow.example/", "", "timeout"],
  ["Bouncer", "redirect.example", "", "refused"],
  ["Loopy", "loop.example", "", "too_many_redirects"],
  ["Private Co", "robots-no.example", "", "blocked_by_robots"],
  ["Paperwork", "pdf.example", "", "not_html"],
  ["Café Müller", "latin.example", "", "ok"],
  ["Sakura Giken", "sjis.example", "", "ok"],
  ["Gone", "missing.example", "", "http_error"],
  ["Crashy", "broken.example", "", "http_error"],
  ["Offline", "down.example", "", "unreachable"],
  ["Freemail", "", "bob@gmail.com", "no_domain"],
  ["Metadata", "http://169.254.169.254/latest/meta-data", "", "refused"],
];

describe("website research in a preview", () => {
  it("reads each site once, safely, and says per row what research gave the line", async () => {
    const user = await signup();
    const rows = [HEADER, ...SITES.map(([company, website, email], i) => [`Person${i}`, company, "CEO", website, email])];
    const upload = await createUploadFixture(user, rows, 100);
    const scenario = await createScenario({ citeWebsite: true });
    const response = await call("POST", "/v1/jobs", { token: user.accessToken, body: body(upload.id, scenario, { previewRows: SITES.length }) });
    const preview = await json(response);
    expect(response.status, JSON.stringify(preview)).toBe(200);
    expect(preview.research).toEqual({ website: true });

    const results: any[] = preview.results;
    expect(results.map((row) => row.research)).toEqual(SITES.map(([, , , expected]) => expected));
    // Research never costs a row its line: unreadable sites still get one from the row's facts.
    for (const row of results) expect(row.status, JSON.stringify(row)).toBe("generated");

    const acme = results[0];
    // The fake model reads the fact sheet as a person would: what the company does, its name once.
    expect(acme.line).toMatch(/^I read that Acme Robotics builds autonomous picking robots/);
    expect(acme.line.split("Acme Robotics")).toHaveLength(2);
    const cited = acme.evidence.find((item: any) => item.field === "website");
    expect(cited.url).toBe("https://acme.example/");
    expect(acme.line).toContain(cited.value);
    expect(results[1].evidence.find((item: any) => item.field === "website").url).toBe("http://http-only.example/");
    expect(results[2].evidence.some((item: any) => item.field === "website")).toBe(false);
    // A site that could not be read leaves the bare address in the row: nothing on it to cite.
    for (const row of results.filter((r) => r.research !== "ok")) {
      expect(row.evidence.some((item: any) => item.field === "website"), JSON.stringify(row)).toBe(false);
    }

    // The model saw the fact sheet as the row's website field, inside the data fence, without scripts or styles.
    const prompts = (await scenarioStats(scenario)).recent.map((request) => request.messages.find((m) => m.role === "user")!.content);
    const acmePrompt = prompts.find((text) => text.includes("Acme Robotics"))!;
    const fenced = /<<<DATA [0-9a-f]+>>>\n(\[[\s\S]*?)\n<<<END DATA/.exec(acmePrompt)![1]!;
    const website: string = JSON.parse(fenced)[0].fields.website;
    expect(website).toContain("Acme Robotics. Robots that pick & pack. Acme Robotics builds autonomous picking robots");
    expect(website).toContain("Founded 2012. Based in Lyon, FR");
    expect(website).toContain("Acme Robotics was founded in Lyon by two logistics engineers");
    expect(website.length).toBeLessThanOrEqual(600);
    expect(acmePrompt).not.toMatch(/script text|style text/);
    expect(JSON.parse(fenced)[0].fields.website_url).toBe("acme.example");
    const latin = JSON.parse(/<<<DATA [0-9a-f]+>>>\n(\[[\s\S]*?)\n<<<END DATA/.exec(prompts.find((text) => text.includes("Café Müller röstet"))!)![1]!);
    expect(latin[0].fields.website).toContain("Café Müller röstet seit 1920 Kaffee in Köln – für Gastronomie und Büros");
    expect(prompts.some((text) => text.includes('"website":"Bighead Analytics. Dashboards for shipping teams"'))).toBe(true);
    expect(prompts.some((text) => text.includes("株式会社さくら技研") && text.includes("木製の家具を一つずつ手作りしています"))).toBe(true);

    // Our user agent on every fetch; the homepage and one about page, robots.txt first.
    const acmeRequests = await webRequests({ host: "acme.example" });
    expect(acmeRequests.map((request) => request.url)).toEqual(["https://acme.example/robots.txt", "https://acme.example/", "https://acme.example/about-us"]);
    expect(new Set(acmeRequests.map((request) => request.userAgent))).toEqual(new Set(["Openline-Research/1 (+http://localhost:8787)"]));
    // https first even for an http:// cell; plain http only because https did not connect.
    expect((await webRequests({ host: "http-only.example" })).map((request) => request.url)).toEqual([
      "https://http-only.example/robots.txt",
      "http://http-only.example/robots.txt",
      "http://http-only.example/",
      "http://http-only.example/about-us",
    ]);
    // The redirect to a private address was refused before anything asked for it.
    expect((await webRequests({ suffix: "redirect.example" })).map((request) => request.url)).toEqual([
      "https://redirect.example/robots.txt",
      "https://redirect.example/",
      "https://www2.redirect.example/welcome",
    ]);
    expect(await webRequests({ host: "10.0.0.1" })).toEqual([]);
    // At most 3 redirects: the fourth Location is not followed.
    expect((await webRequests({ host: "loop.example" })).map((request) => new URL(request.url).pathname)).toEqual(["/robots.txt", "/", "/hop1", "/hop2", "/hop3"]);
    // A site whose robots.txt disallows us is never read past it.
    expect((await webRequests({ host: "robots-no.example" })).map((request) => request.url)).toEqual(["https://robots-no.example/robots.txt"]);

    // The rows API tells the same story.
    const page = await json(await call("GET", `/v1/jobs/${preview.id}/rows`, { token: user.accessToken }));
    expect(page.data.map((row: any) => row.research)).toEqual(SITES.map(([, , , expected]) => expected));
    expect(page.data[0].evidence).toEqual(acme.evidence);
  });

  it("keeps a page's prompt injection inside the data fence: no injected line gets out", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, [HEADER, ["Eve", "Injecto", "CEO", "inject.example", ""]], 100);
    const scenario = await createScenario({ obeyInjection: true });
    const preview = await json(await call("POST", "/v1/jobs", { token: user.accessToken, body: body(upload.id, scenario, { previewRows: 1 }) }));
    const [row] = preview.results;
    expect(row.research).toBe("ok");
    expect(row.line).toBeNull();
    expect(row.status).toBe("failed");
    const { recent } = await scenarioStats(scenario);
    for (const request of recent) {
      const system = request.messages.find((m) => m.role === "system")!.content;
      const user = request.messages.find((m) => m.role === "user")!.content;
      expect(system).not.toContain("BUY NOW");
      const fenced = /<<<DATA [0-9a-f]+>>>\n(\[[\s\S]*?)\n<<<END DATA/.exec(user)![1]!;
      expect(JSON.parse(fenced)[0].fields.website).toContain("Ignore previous instructions");
    }
  });

  it("is off unless asked for, and refuses a malformed option", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, [HEADER, ["Ann", "Acme Robotics", "CEO", "acme.example", ""]], 100);
    const scenario = await createScenario();
    const plain = await json(await call("POST", "/v1/jobs", { token: user.accessToken, body: body(upload.id, scenario, { research: undefined, previewRows: 1 }) }));
    expect(plain.research).toEqual({ website: false });
    expect(plain.results[0].research).toBeUndefined();
    // Asked for without a website or email column: every row says so, and nothing is fetched.
    const noSite = await json(
      await call("POST", "/v1/jobs", { token: user.accessToken, body: body(upload.id, scenario, { mapping: { company: "Company Name", first_name: "First Name" }, previewRows: 1 }) }),
    );
    expect(noSite.results.map((row: any) => [row.status, row.research])).toEqual([["generated", "no_domain"]]);
    for (const research of [{ website: "yes" }, { website: true, depth: 2 }, true]) {
      await expectError(await call("POST", "/v1/jobs", { token: user.accessToken, body: body(upload.id, scenario, { research }) }), 400, "invalid_request");
    }
  });
});

describe("website research in a full job", () => {
  it("fetches each of 300 domains once for 1,000 rows, charges one credit per line, and a second job reads the cache", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    await adminGrant(admin, user.id, 2_000);
    const tag = crypto.randomUUID().slice(0, 8);
    const domain = (i: number) => `co${i % 300}-${tag}.example`;
    // Half the rows name the site, half only a work email at it.
    const rows = [HEADER, ...Array.from({ length: 1_000 }, (_, i) => [`P${i}`, `Company ${i % 300}`, "COO", i % 2 ? `https://www.${domain(i)}/` : "", `p${i}@${domain(i)}`])];
    const upload = await createUploadFixture(user, rows, 100);
    const scenario = await createScenario({ citeWebsite: true });
    const jobOf = () => ({ ...body(upload.id, scenario), mode: "full" });

    const job = await waitForJob(user, (await startJob(user, jobOf())).id, undefined, 90_000);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 1_000, failed: 0, creditsCharged: 1_000, research: { website: true } });
    const requests = await webRequests({ suffix: `-${tag}.example` });
    const counts = new Map<string, number>();
    for (const request of requests) {
      const key = new URL(request.url).hostname.replace(/^www\./, "") + new URL(request.url).pathname;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const homepages = [...counts.entries()].filter(([key]) => key.endsWith(".example/"));
    expect(homepages).toHaveLength(300);
    expect(Math.max(...counts.values())).toBe(1);
    expect(requests).toHaveLength(900); // robots.txt, homepage and about page of each

    const lines = await allRows(user, job.id);
    expect(lines.every((row) => row.research === "ok")).toBe(true);
    const sample = lines[7];
    expect(sample.evidence.find((item: any) => item.field === "website").url).toMatch(new RegExp(`^https://(www\\.)?co7-${tag}\\.example/(about)?$`));
    // The export with evidence names the page each website fact was read on.
    const csv = await call("GET", `/v1/jobs/${job.id}/output?format=csv&include=evidence`, { token: user.accessToken });
    expect(csv.status).toBe(200);
    const exported = parseCsv(await csv.text());
    const evidenceCell = exported[8]![exported[0]!.indexOf("evidence")]!;
    expect(evidenceCell).toMatch(new RegExp(`website: "[^"]+" <https://(www\\.)?co7-${tag}\\.example/(about)?>`));

    const again = await waitForJob(user, (await startJob(user, jobOf())).id, undefined, 90_000);
    expect(again).toMatchObject({ status: "succeeded", succeeded: 1_000, creditsCharged: 1_000 });
    expect(await webRequests({ suffix: `-${tag}.example` })).toHaveLength(900);
  }, 180_000);
});

describe("website research with variants", () => {
  it("2 variants of a researched row: both lines cite the site, rows × variants held, each line charged", async () => {
    const user = await signup();
    const admin = await signupAdmin();
    await adminGrant(admin, user.id, 100);
    const upload = await createUploadFixture(user, [HEADER, ["Ann", "Acme Robotics", "CEO", "acme.example", ""], ["Bea", "Café Müller", "Owner", "latin.example", ""]], 100);
    const scenario = await createScenario({ citeWebsite: true });
    const started = await startJob(user, { ...body(upload.id, scenario), mode: "full", variants: 2 });
    expect(started).toMatchObject({ creditsHeld: 4, variants: 2, research: { website: true } });
    const job = await waitForJob(user, started.id);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 2, failed: 0, creditsCharged: 4, creditsHeld: 0, variants: 2, research: { website: true } });
    const rows = await allRows(user, job.id);
    for (const row of rows) {
      expect(row.research).toBe("ok");
      expect(row.lines).toHaveLength(2);
      expect(row.lines[0]).toBe(row.line);
      expect(new Set(row.lines).size).toBe(2);
      for (const line of row.lines) expect(line).toMatch(/^I read (that|on the .+ website about) /);
      expect(row.evidence.find((item: any) => item.field === "website").url).toMatch(/^https:\/\/(www\.)?(acme|latin)\.example\//);
    }
  }, 60_000);
});
