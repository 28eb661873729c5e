import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { ContextForm, DEFAULT_CONTEXT } from "../../web/app/components/ContextForm";
import { CostEstimate } from "../../web/app/components/CostEstimate";
import { DoctorFindings } from "../../web/app/components/DoctorFindings";
import { JobProgress } from "../../web/app/components/JobProgress";
import { MappingEditor } from "../../web/app/components/MappingEditor";
import { RowsTable, prospectSummary } from "../../web/app/components/PreviewTable";
import { PricingTable } from "../../web/app/components/PricingTable";
import { Stepper } from "../../web/app/components/Stepper";
import { UploadDropzone } from "../../web/app/components/UploadDropzone";
import { UsageChart } from "../../web/app/components/UsageChart";
import type { BillingCatalogue, Job, Upload } from "../../web/app/lib/types";
import { RUNNING_JOB } from "./helpers";

/** Renders inside a data router (components with links and fetchers need one), as the server would. */
function render(element: ReactElement): string {
  const Stub = createRoutesStub([{ path: "/", Component: () => element }]);
  return renderToString(<Stub initialEntries={["/"]} />);
}

/** The visible text, with block boundaries as spaces and inline tags dropped. */
const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, "")
    .replace(/<\/?(strong|q|code|a|label)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/\s+/g, " ");

const catalogue: BillingCatalogue = {
  currency: "usd",
  plans: [
    { id: "free", name: "Free", credits: 500, interval: "once", price: { amount: 0, currency: "usd" }, available: true },
    { id: "growth", name: "Growth", credits: 10_000, interval: "month", price: { amount: 7900, currency: "usd" }, available: true },
  ],
  packs: [{ id: "credits", name: "Credit pack", credits: 1000, price: { amount: 1000, currency: "usd" }, available: true, minQuantity: 1, maxQuantity: 100 }],
};

describe("cost estimate", () => {
  it("states rows, credits and balance, with no purchase prompt when there is enough", () => {
    const html = text(render(<CostEstimate rows={9812} balance={12500} catalogue={catalogue} />));
    expect(html).toContain("9,812 rows → 9,812 credits; you have 12,500");
    expect(html).not.toContain("short");
  });
  it("offers the packs that cover what is missing, with their price", () => {
    const html = text(render(<CostEstimate rows={9812} balance={500} catalogue={catalogue} />));
    expect(html).toContain("You're 9,312 credits short.");
    expect(html).toContain("Buy 10,000 credits for $100");
    expect(html).toContain("See plans");
  });
  it("counts a credit per variant, and offers the rows the balance covers", () => {
    const html = text(render(<CostEstimate rows={300} balance={500} catalogue={null} variants={2} />));
    expect(html).toContain("300 rows × 2 lines → 600 credits; you have 500");
    expect(html).toContain("You're 100 credits short.");
    expect(html).toContain("run the first 250 rows");
  });
  it("shows a budget instead of a shortfall when one is set", () => {
    const html = text(render(<CostEstimate rows={600} balance={500} catalogue={null} maxCredits={500} />));
    expect(html).toContain("This run stops after 500 credits.");
    expect(html).not.toContain("short");
  });
});

describe("file doctor", () => {
  it("lists each finding with a spoken tone for screen readers", () => {
    const upload: Upload = {
      id: "upl_1",
      filename: "export.csv",
      format: "csv",
      sizeBytes: 2048,
      encoding: "utf-8",
      delimiter: ";",
      headerRow: 1,
      sheetName: null,
      suggestedProfile: null,
      columns: ["A"],
      rowCount: 2,
      sampleRows: [],
      suggestedMapping: {},
      warnings: [{ code: "empty_company", message: "Rows without a company will be skipped", rows: [7], count: 1 }],
      createdAt: "x",
    };
    const html = render(<DoctorFindings upload={upload} />);
    expect(html).toContain('aria-label="What we found in your file"');
    expect(text(html)).toContain("Check: Rows without a company will be skipped (row 7).");
    expect(text(html)).toContain("OK: Columns are separated by semicolons (;)");
  });
});

describe("mapping editor", () => {
  const props = {
    columns: ["Company Name", "First", "Notes"],
    sampleRows: [{ "Company Name": "Acme", First: "Ann", Notes: "" }],
    mapping: { company: "Company Name", first_name: "First" },
    extraColumns: ["Notes"],
    onMappingChange: () => undefined,
    onExtraColumnsChange: () => undefined,
  };
  it("labels every select and pre-selects the suggestion", () => {
    const html = render(<MappingEditor {...props} />);
    expect(html).toContain('<label for="map-company">Company<span class="required"> (required)</span></label>');
    expect(html).toMatch(/<select id="map-company"[^>]*>.*<option value="Company Name" selected="">/s);
    expect(html).toContain('<label for="map-linkedin_url">LinkedIn URL</label>');
  });
  it("shows the sample rows as the writer will see them, extras included", () => {
    const html = text(render(<MappingEditor {...props} />));
    expect(html).toContain("What the writer will see for your first rows");
    expect(html).toMatch(/Company Company Name First name First Notes extra Acme Ann empty/);
  });
  it("ties the company error to its select", () => {
    const html = render(<MappingEditor {...props} mapping={{}} companyError="Choose the column with the company name." />);
    expect(html).toContain('aria-invalid="true" aria-describedby="company-error"');
    expect(html).toContain('<p id="company-error" class="field-error">Choose the column with the company name.</p>');
  });
});

describe("job progress", () => {
  const job = RUNNING_JOB;
  it("exposes the bar to assistive technology and shows pace and time left", () => {
    const html = render(<JobProgress job={job} rate={41.2} eta={183} />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain('aria-valuetext="25%: 2,500 of 10,000 rows"');
    expect(text(html)).toContain("25% · 2,500 of 10,000 rows · 41 rows/s · about 3 min left");
    expect(text(html)).toContain("Failed (free) 10");
  });
  it("drops pace and ETA once the job stopped", () => {
    const html = text(render(<JobProgress job={{ ...job, status: "canceled" }} rate={41} eta={100} />));
    expect(html).not.toContain("rows/s");
    expect(html).not.toContain("left");
  });
});

describe("rows table", () => {
  it("puts each prospect beside its line, and the reason where there is no line", () => {
    const html = text(
      render(
        <RowsTable
          label="Rows"
          mapping={{ company: "Company", first_name: "First" }}
          rows={[
            { row: 1, input: { Company: "Acme", First: "Ann" }, line: "Ann, Acme's new plant…", lines: ["Ann, Acme's new plant…"], status: "generated", edited: false, review: null },
            { row: 2, input: { Company: "", First: "Bo" }, line: null, lines: [], status: "skipped", reason: "No company", edited: false, review: null },
          ]}
        />,
      ),
    );
    expect(html).toContain("1 Ann · Acme Ann, Acme's new plant… Written");
    expect(html).toContain("2 Bo No company Skipped");
  });
  it("links the website pages a line cites, and says why a site was not used", () => {
    const html = render(
      <RowsTable
        label="Rows"
        rows={[
          {
            row: 1,
            input: { company: "Acme" },
            line: "Acme says robots pick orders around the clock.",
            lines: ["Acme says robots pick orders around the clock."],
            status: "generated",
            edited: false,
            review: null,
            research: "ok",
            evidence: [
              { field: "company", value: "Acme" },
              { field: "website", value: "robots pick orders", url: "https://acme.com/about" },
              { field: "website", value: "around the clock", url: "https://acme.com/about" },
            ],
          },
          { row: 2, input: { company: "Bo" }, line: "Bo line.", lines: ["Bo line."], status: "generated", edited: false, review: null, research: "blocked_by_robots" },
          { row: 3, input: { company: "Cy" }, line: "Cy line.", lines: ["Cy line."], status: "generated", edited: false, review: null },
        ]}
      />,
    );
    expect(html).toContain('<a href="https://acme.com/about" target="_blank" rel="noopener noreferrer nofollow">acme.com/about</a>');
    expect(html.match(/href="https:\/\/acme\.com\/about"/g)).toHaveLength(1);
    expect(text(html)).toContain("website robots pick orders from acme.com/about website around the clock from acme.com/about");
    expect(text(html)).toContain("Bo line. Website not used: the site's robots.txt asks us not to read it");
    expect(text(html)).not.toMatch(/Cy line\. (Source|Website)/);
  });
  it("shows the research toggle on the context step, off and explained when no site column is mapped", () => {
    const on = render(<ContextForm value={DEFAULT_CONTEXT} problems={{}} onChange={() => undefined} research={{ available: true, checked: true, onChange: () => undefined }} />);
    expect(on).toMatch(/<input id="ctx-research" type="checkbox"[^>]*checked=""/);
    expect(text(on)).toContain("Read each company's website");
    const off = render(<ContextForm value={DEFAULT_CONTEXT} problems={{}} onChange={() => undefined} research={{ available: false, checked: true, onChange: () => undefined }} />);
    expect(off).toMatch(/<input id="ctx-research" type="checkbox"[^>]*disabled=""/);
    expect(off).not.toMatch(/ctx-research[^>]*checked=""/);
    expect(text(off)).toContain("Map a website or work email column to use this.");
  });
  it("shows a row's other variants under its line, lettered", () => {
    const html = text(
      render(<RowsTable label="Rows" rows={[{ row: 1, input: { company: "Acme" }, line: "Line A for Acme.", lines: ["Line A for Acme.", "Line B for Acme."], status: "generated", edited: false, review: null }]} />),
    );
    expect(html).toContain("Line A for Acme. B Line B for Acme.");
  });
  it("lets a row expand to the evidence its line rests on", () => {
    const html = render(
      <RowsTable
        label="Rows"
        rows={[
          { row: 1, input: { company: "Acme" }, line: "As VP of Sales at Acme…", lines: ["As VP of Sales at Acme…"], status: "generated", edited: false, review: null, evidence: [{ field: "title", value: "VP of Sales" }, { field: "service", value: "AI bookkeeping" }, { field: "website", value: "Founded in 1952", url: "https://acme.test/about" }] },
          { row: 2, input: { company: "Globex" }, line: "Globex…", lines: ["Globex…"], status: "generated", edited: false, review: null },
        ]}
      />,
    );
    expect(html.match(/<details/g)).toHaveLength(1);
    expect(text(html)).toContain("What this line rests on (3) title VP of Sales your service AI bookkeeping website Founded in 1952 from acme.test/about");
    // The page is linked once, on the row's "Source:" line, not again in the evidence.
    expect(html.match(/href="https:\/\/acme\.test\/about"/g)).toHaveLength(1);
    expect(text(html)).toContain("Source: acme.test/about");
  });
  it("summarises a prospect from mapped or raw fields", () => {
    expect(prospectSummary({ full_name: "Ann Lee", title: "CEO", company: "Acme" })).toBe("Ann Lee · CEO · Acme");
    expect(prospectSummary({ Org: "Acme", City: "Oslo" })).toBe("Acme · Oslo");
  });
});

describe("pricing table", () => {
  it("renders the API's plans with prices and the pack", () => {
    const html = text(render(<PricingTable catalogue={catalogue} action={(plan) => <button>{plan.id}</button>} />));
    expect(html).toContain("Growth $79 / month 10,000 credits every month");
    expect(html).toContain("A credit pack adds 1,000 credits for $10");
    expect(html).not.toContain("Prices appear here once billing is configured");
  });
  it("falls back to the contract's credit amounts when the plans cannot be read", () => {
    const html = text(render(<PricingTable catalogue={null} action={() => null} />));
    expect(html).toContain("Pro Price on request 25,000 credits every month");
    expect(html).toContain("Prices appear here once billing is configured");
  });
});

describe("usage chart", () => {
  it("draws one bar per day as a titled image with a text summary", () => {
    const html = render(
      <UsageChart
        days={7}
        now={new Date("2026-11-22T12:00:00.000Z")}
        entries={[
          { id: "1", delta: -120, reason: "job_charge", jobId: "job_1", note: null, createdAt: "2026-11-21T10:00:00.000Z" },
          { id: "2", delta: -30, reason: "job_charge", jobId: "job_1", note: null, createdAt: "2026-11-22T10:00:00.000Z" },
        ]}
      />,
    );
    expect(html).toContain('role="img" aria-labelledby="usage-title usage-desc"');
    expect(html.match(/class="chart-bar"/g)).toHaveLength(7);
    expect(text(html)).toContain("150 credits used in the last 7 days; the busiest day was Nov 21 with 120.");
    expect(html).toContain("<title>Nov 21: 120 credits</title>");
  });
});

describe("stepper and upload", () => {
  it("marks the current step for screen readers and links back only to reachable steps", () => {
    const steps = [
      { id: "file", label: "Upload" },
      { id: "map", label: "Map columns" },
      { id: "run", label: "Run" },
    ];
    const html = render(<Stepper steps={steps} current="map" reachable={(id) => id !== "run"} hrefFor={(id) => `/w?step=${id}`} />);
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('href="/w?step=file"');
    expect(html).not.toContain('href="/w?step=run"');
    expect(text(html)).toContain("Upload (done)");
  });
  it("offers a labelled file picker next to the drop zone", () => {
    const html = render(<UploadDropzone onUploaded={() => undefined} />);
    expect(html).toMatch(/<label class="button file-picker">Choose a file<input type="file" class="visually-hidden" accept="[^"]*\.xlsx/);
    expect(text(html)).toContain("Drop your prospect list here");
  });
});
