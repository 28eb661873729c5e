import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectError, json, signup } from "../../helpers";
import { createScenario, createUploadFixture, jobBody, prospectRows, startJob } from "./fixtures";

function connect(path: string, headers: Record<string, string> = {}) {
  return exports.default.fetch(new Request(`http://openline.test${path}`, { headers: { Upgrade: "websocket", ...headers } }));
}

interface Received {
  at: number;
  message: any;
}

function listen(response: Response): { received: Received[]; until(predicate: (message: any) => boolean, timeoutMs?: number): Promise<void>; close(): void } {
  const ws = response.webSocket!;
  ws.accept();
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  ws.addEventListener("message", (event) => {
    received.push({ at: Date.now(), message: JSON.parse(event.data as string) });
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    received,
    async until(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!received.some((r) => predicate(r.message))) {
        if (Date.now() > deadline) throw new Error(`no such message; got ${JSON.stringify(received.map((r) => r.message.type))}`);
        await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), new Promise((resolve) => setTimeout(resolve, 200))]);
      }
    },
    close: () => ws.close(1000),
  };
}

describe("GET /v1/jobs/:id/events", () => {
  it("sends a snapshot, then progress at most ~10 times a second, then the final status", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(60), 10);
    const scenario = await createScenario({ latencyMs: 100 });
    const job = await startJob(user, jobBody(upload.id, scenario, { rowsPerRequest: 1 }));
    const response = await connect(`/v1/jobs/${job.id}/events`, { Authorization: `Bearer ${user.accessToken}` });
    expect(response.status).toBe(101);
    const openedAt = Date.now();
    const socket = listen(response);
    await socket.until((m) => m.type === "status" && m.status === "succeeded");
    socket.close();

    const messages = socket.received.map((r) => r.message);
    expect(messages[0]).toMatchObject({ type: "snapshot", id: job.id, total: 60 });
    const progress = messages.filter((m) => m.type === "progress");
    expect(progress.length).toBeGreaterThan(2);
    const processed = progress.map((m) => m.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(progress.some((m) => m.processed > 0 && m.processed < 60)).toBe(true);
    // While it runs, the room measures its speed and what is left.
    expect(progress.some((m) => m.rowsPerSecond > 0 && m.etaSeconds >= 0)).toBe(true);
    expect(messages.find((m) => m.type === "status" && m.status === "succeeded")).toMatchObject({ processed: 60, succeeded: 60, creditsCharged: 60 });
    // At most ~10 a second over the run. Counted over the whole run, not per second of arrival: a busy
    // test isolate reads messages sent 100 ms apart in bursts, which says nothing about the room.
    const lastAt = socket.received.at(-1)!.at;
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(((lastAt - openedAt) / 1000) * 10) + 2);
  });

  it("lets a browser in once with a ticket, and only into that job", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(5), 10);
    const scenario = await createScenario();
    const job = await startJob(user, jobBody(upload.id, scenario));
    const other = await startJob(user, jobBody(upload.id, scenario));

    const issued = await call("POST", `/v1/jobs/${job.id}/ticket`, { token: user.accessToken });
    expect(issued.status).toBe(201);
    const { ticket, expiresAt } = await json(issued);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);

    await expectError(await connect(`/v1/jobs/${other.id}/events?ticket=${ticket}`), 401, "unauthorized");
    await expectError(await connect(`/v1/jobs/not-a-job-id/events?ticket=${ticket}`), 401, "unauthorized");
    const first = await connect(`/v1/jobs/${job.id}/events?ticket=${ticket}`);
    expect(first.status).toBe(101);
    const socket = listen(first);
    await socket.until((m) => m.type === "snapshot");
    expect(socket.received[0]!.message.id).toBe(job.id);
    socket.close();
    await expectError(await connect(`/v1/jobs/${job.id}/events?ticket=${ticket}`), 401, "unauthorized");
    await expectError(await connect(`/v1/jobs/${job.id}/events?ticket=tkt_made_up`), 401, "unauthorized");
  });

  it("does not spend a ticket on a request that cannot upgrade", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const job = await startJob(user, jobBody(upload.id, await createScenario()));
    const { ticket } = await json(await call("POST", `/v1/jobs/${job.id}/ticket`, { token: user.accessToken }));
    await expectError(await call("GET", `/v1/jobs/${job.id}/events?ticket=${ticket}`), 400, "invalid_request");
    const socket = await connect(`/v1/jobs/${job.id}/events?ticket=${ticket}`);
    expect(socket.status).toBe(101);
    socket.webSocket?.accept();
    socket.webSocket?.close();
  });

  it("refuses no credentials (401) and a plain GET without the upgrade (400)", async () => {
    const user = await signup();
    const upload = await createUploadFixture(user, prospectRows(3), 10);
    const job = await startJob(user, jobBody(upload.id, await createScenario()));
    await expectError(await connect(`/v1/jobs/${job.id}/events`), 401, "unauthorized");
    await expectError(await call("GET", `/v1/jobs/${job.id}/events`, { token: user.accessToken }), 400, "invalid_request");
  });
});
