import { env } from "cloudflare:workers";
import { call, json } from "../../helpers";
import type { ChunkIndex } from "../../../worker/uploads/normalized";

export const CSV_TYPE = "text/csv";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** POSTs a file as the raw body. */
export function postUpload(token: string, body: BodyInit, options: { filename?: string; contentType?: string; query?: string; headers?: Record<string, string> } = {}) {
  const params = new URLSearchParams();
  if (options.filename !== undefined) params.set("filename", options.filename);
  const query = [params.toString(), options.query ?? ""].filter(Boolean).join("&");
  return call("POST", `/v1/uploads${query ? `?${query}` : ""}`, {
    token,
    raw: body,
    headers: { "Content-Type": options.contentType ?? CSV_TYPE, ...options.headers },
  });
}

/** The stored row of an upload (keys of its R2 objects), straight from D1. */
export async function storedUpload(id: string) {
  return env.DB.prepare("SELECT * FROM uploads WHERE id = ?").bind(id).first<{ original_key: string; normalized_key: string; chunk_index_key: string; user_id: string }>();
}

export async function normalizedOf(id: string): Promise<{ csv: string; index: ChunkIndex }> {
  const row = await storedUpload(id);
  if (!row) throw new Error(`no upload ${id}`);
  const csv = await (await env.FILES.get(row.normalized_key))!.text();
  const index = await (await env.FILES.get(row.chunk_index_key))!.json<ChunkIndex>();
  return { csv, index };
}

/** How many R2 objects exist under a user's folder. */
export async function objectCount(userId: string): Promise<number> {
  const listing = await env.FILES.list({ prefix: `users/${userId}/` });
  return listing.objects.length;
}

export async function uploadRowCount(userId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM uploads WHERE user_id = ?").bind(userId).first<{ n: number }>();
  return row!.n;
}

export { json };
