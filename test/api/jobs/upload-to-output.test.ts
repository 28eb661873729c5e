import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../worker/csv/parse";
import { call, json, signup } from "../../helpers";
import { createScenario, ledgerState, waitForJob } from "./fixtures";

/** An Excel "CSV UTF-8" export from a European machine: BOM, semicolons, CRLF. */
const EXPORT = [
  "Vorname;Nachname;Firma;Position;Stadt;Notizen",
  "Jürgen;Weiß;Müller & Söhne GmbH;Geschäftsführer;München;\"Messe 2024; sehr interessiert\"",
  "Zoë;Dupont;Société Générale Lyon;Directrice commerciale;Lyon;",
  "Łukasz;Nowak;Żabka Polska;Head of Sales;Poznań;=1+1",
  "Ana;García;Telefónica Tech;CTO;Madrid;\"mehrzeilig\r\nzweite Zeile\"",
].join("\r\n");

describe("from POST /v1/uploads to the output file", () => {
  it("previews, runs and exports a real Excel export with every cell intact", async () => {
    const user = await signup();
    const uploaded = await call("POST", "/v1/uploads?filename=leads.csv", {
      token: user.accessToken,
      raw: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(EXPORT)]),
      headers: { "Content-Type": "text/csv" },
    });
    const upload = await json(uploaded);
    expect(uploaded.status, JSON.stringify(upload)).toBe(201);
    expect(upload).toMatchObject({ delimiter: ";", rowCount: 4, columns: ["Vorname", "Nachname", "Firma", "Position", "Stadt", "Notizen"] });

    const scenario = await createScenario();
    const body = {
      uploadId: upload.id,
      mapping: { first_name: "Vorname", last_name: "Nachname", company: "Firma", title: "Position", location: "Stadt" },
      extraColumns: ["Notizen"],
      context: { service: `Messeplanung für Mittelständler, von der Anmeldung bis zum Abbau. ${scenario}`, language: "de", tone: "formal" },
    };
    const preview = await json(await call("POST", "/v1/jobs", { token: user.accessToken, body: { ...body, mode: "preview", previewRows: 2 } }));
    expect(preview.results.map((r: any) => r.status)).toEqual(["generated", "generated"]);
    expect(preview.results[0].input.Firma).toBe("Müller & Söhne GmbH");

    const started = await call("POST", "/v1/jobs", { token: user.accessToken, body: { ...body, mode: "full" } });
    expect(started.status).toBe(202);
    const job = await waitForJob(user, (await json(started)).id);
    expect(job).toMatchObject({ status: "succeeded", succeeded: 4, creditsCharged: 4 });
    expect((await ledgerState(user.id, job.id)).charged).toBe(4);

    const csv = await (await call("GET", `/v1/jobs/${job.id}/output`, { token: user.accessToken })).arrayBuffer();
    const text = new TextDecoder().decode(new Uint8Array(csv).slice(3));
    const out = parseCsv(text);
    const original = parseCsv(EXPORT, ";");
    expect(out[0]).toEqual([...original[0]!, "personalized_line", "line_status"]);
    for (let r = 1; r < original.length; r++) {
      original[r]!.forEach((cell, c) => expect(out[r]![c]).toBe(cell.startsWith("=") ? `'${cell}` : cell));
      expect(out[r]![7]).toBe("generated");
      expect(out[r]![6]).toContain(original[r]![2]!.split(" ")[0]);
    }
  });
});
