import { csrfHeaders, newIdempotencyKey } from "./browser";
import type { ApiErrorBody, Upload } from "./types";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The Content-Type the API accepts for a file, from its name (browsers guess CSV types inconsistently). */
export function contentTypeFor(filename: string): string {
  const extension = filename.toLowerCase().split(".").pop() ?? "";
  if (extension === "xlsx") return XLSX_TYPE;
  if (extension === "csv" || extension === "tsv") return "text/csv";
  if (extension === "txt") return "text/plain";
  return "application/octet-stream";
}

export type UploadResult = { ok: true; upload: Upload } | { ok: false; status: number; error: ApiErrorBody };

export interface UploadHandle {
  done: Promise<UploadResult>;
  abort(): void;
}

/**
 * Streams a file straight to POST /v1/uploads (raw body, name in ?filename=) with the session cookie
 * and the CSRF header. XHR, not fetch: only XHR reports upload progress.
 */
export function uploadFile(file: File, onProgress: (sent: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve) => {
    xhr.open("POST", `/v1/uploads?filename=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", contentTypeFor(file.name));
    xhr.setRequestHeader("Idempotency-Key", newIdempotencyKey());
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 || xhr.status === 200) return resolve({ ok: true, upload: body as Upload });
      const error = (body as { error?: ApiErrorBody } | null)?.error;
      resolve({
        ok: false,
        status: xhr.status,
        error: error ?? { code: `http_${xhr.status}`, message: `The upload failed (HTTP ${xhr.status}).`, details: {} },
      });
    };
    xhr.onerror = () =>
      resolve({ ok: false, status: 0, error: { code: "network_error", message: "The connection dropped during the upload. Check your network and try again.", details: {} } });
    xhr.onabort = () => resolve({ ok: false, status: 0, error: { code: "aborted", message: "Upload canceled.", details: {} } });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
