import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "react-router";
import { csrfHeaders } from "./browser";
import { addSample, applyJobEvent, etaSeconds, isTerminal, rowsPerSecond, type ProgressSample } from "./progress";
import type { Job } from "./types";

export type Connection = "connecting" | "live" | "polling" | "idle";

const POLL_MS = 3_000;
/** At most this often the rows table is refetched while progress arrives (rows land in R2 at checkpoints). */
const ROWS_REFRESH_MS = 2_000;
const MAX_SOCKET_FAILURES = 3;
const SETTLE_POLL_MS = 60_000;

async function openJobSocket(jobId: string): Promise<WebSocket> {
  const response = await fetch(`/v1/jobs/${encodeURIComponent(jobId)}/ticket`, {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json", ...csrfHeaders() },
  });
  if (!response.ok) throw new Error(`ticket: HTTP ${response.status}`);
  const body = (await response.json()) as { ticket?: string; token?: string };
  const ticket = body.ticket ?? body.token;
  if (!ticket) throw new Error("ticket missing");
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return new WebSocket(`${scheme}://${location.host}/v1/jobs/${encodeURIComponent(jobId)}/events?ticket=${encodeURIComponent(ticket)}`);
}

/**
 * The job as it changes: a WebSocket (with a one-time ticket) while it is not finished, reconnecting
 * with backoff; after repeated failures, polling the page's loader instead. Also measures the pace
 * (rows/s) and the time left, and refreshes the page's data now and then so the rows table fills in.
 */
export function useLiveJob(loaded: Job) {
  const [job, setJob] = useState(loaded);
  const jobRef = useRef(job);
  jobRef.current = job;
  const [samples, setSamples] = useState<ProgressSample[]>([]);
  const [connection, setConnection] = useState<Connection>("idle");
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const lastRefresh = useRef(0);

  // Fresh loader data (after an action or a refresh) wins unless the socket is already further along.
  useEffect(() => {
    setJob((current) =>
      current.id !== loaded.id || loaded.status !== current.status || loaded.processed >= current.processed ? loaded : current,
    );
  }, [loaded]);

  const live = !isTerminal(job.status);
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    let socket: WebSocket | null = null;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let poller: ReturnType<typeof setInterval> | undefined;

    const refreshSometimes = () => {
      if (Date.now() - lastRefresh.current > ROWS_REFRESH_MS) {
        lastRefresh.current = Date.now();
        void revalidate.current();
      }
    };

    const connect = async () => {
      setConnection("connecting");
      try {
        socket = await openJobSocket(loaded.id);
      } catch {
        return retry();
      }
      if (stopped) return socket.close();
      socket.onopen = () => {
        failures = 0;
        setConnection("live");
      };
      socket.onmessage = (event) => {
        let message: unknown;
        try {
          message = JSON.parse(String(event.data));
        } catch {
          return;
        }
        const current = jobRef.current;
        const next = applyJobEvent(current, message);
        jobRef.current = next;
        setJob(next);
        setSamples((previous) => addSample(previous, { at: Date.now(), processed: next.processed }));
        // A new status (paused, finished) shows its rows at once; progress refreshes them, throttled.
        if (next.status !== current.status) {
          lastRefresh.current = Date.now();
          void revalidate.current();
        } else refreshSometimes();
      };
      socket.onclose = () => {
        socket = null;
        if (!stopped) retry();
      };
    };

    const retry = () => {
      if (stopped) return;
      failures += 1;
      if (failures > MAX_SOCKET_FAILURES) {
        setConnection("polling");
        poller = setInterval(() => void revalidate.current(), POLL_MS);
        return;
      }
      setConnection("connecting");
      timer = setTimeout(() => void connect(), Math.min(1000 * 2 ** (failures - 1), 15_000));
    };

    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(poller);
      socket?.close();
      setConnection("idle");
    };
  }, [loaded.id, live]);

  // A stopped job's in-flight rows settle a few seconds later and their hold comes back: refresh
  // until nothing is held, so the page and the balance in the header end up right without a reload.
  const settling = isTerminal(job.status) && job.creditsHeld > 0;
  useEffect(() => {
    if (!settling) return;
    const poller = setInterval(() => void revalidate.current(), POLL_MS);
    const stop = setTimeout(() => clearInterval(poller), SETTLE_POLL_MS);
    return () => {
      clearInterval(poller);
      clearTimeout(stop);
    };
  }, [settling]);

  // While polling, the loader data is the only source of pace.
  useEffect(() => {
    if (connection === "polling") setSamples((previous) => addSample(previous, { at: Date.now(), processed: loaded.processed }));
  }, [connection, loaded]);

  // The API's measurement when it sends one (it sees every row); otherwise the browser's own.
  const measured = rowsPerSecond(samples);
  const rate = typeof job.rowsPerSecond === "number" ? job.rowsPerSecond : measured;
  const eta = typeof job.etaSeconds === "number" ? job.etaSeconds : etaSeconds(job, rate);
  return { job, connection, rate, eta };
}
