import type { OutgoingEmail } from "./types";

/**
 * Every email Openline sends, in one place: a plain-text and an HTML body from the same parts, every
 * link built from APP_URL (the web app's public origin). Bodies never include a password or a token
 * other than the one the email exists to deliver.
 */
export type NotificationKind = "jobFinished" | "jobFailed" | "jobPaused" | "creditsLow";

interface Part {
  /** Paragraphs of plain text (escaped for HTML). */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print after the action (why this email came, how to stop it). */
  footer?: string[];
}

export interface JobSummary {
  id: string;
  total: number;
  succeeded: number;
  failed: number;
  creditsCharged: number;
  error: { message: string } | null;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function appLink(appUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, appUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

function render(kind: string, to: string, subject: string, part: Part, headers?: Record<string, string>): OutgoingEmail {
  const text = [
    ...part.paragraphs,
    ...(part.action ? [`${part.action.label}: ${part.action.url}`] : []),
    ...(part.footer?.length ? ["--", ...part.footer] : []),
  ].join("\n\n");
  const button = part.action
    ? `<p><a href="${escapeHtml(part.action.url)}" style="display:inline-block;padding:10px 18px;background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(part.action.label)}</a></p>` +
      `<p style="font-size:13px;color:#555">Or paste this link into your browser: ${escapeHtml(part.action.url)}</p>`
    : "";
  const footer = part.footer?.length
    ? `<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#777">${part.footer.map(escapeHtml).join("<br>")}</p>`
    : "";
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px">` +
    part.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") +
    button +
    footer +
    `</body></html>`;
  return { kind, to, subject, text: `${text}\n`, html, ...(headers ? { headers } : {}) };
}

export function verifyEmail(appUrl: string, to: string, token: string, change: boolean): OutgoingEmail {
  return render("verify_email", to, "Confirm your email address for Openline", {
    paragraphs: [
      change
        ? "You asked to use this address for your Openline account. Confirm it to make the switch; until then your account keeps its current address."
        : "Welcome to Openline. Confirm your email address to unlock full runs and your 500 free credits (previews work already).",
      "The link works once and expires in 24 hours.",
    ],
    action: { label: "Confirm my address", url: appLink(appUrl, "/verify-email", { token }) },
    footer: ["If you did not ask for this, ignore this email: nothing changes without the link."],
  });
}

export function emailChangeNotice(appUrl: string, to: string, newEmail: string): OutgoingEmail {
  return render("email_change_notice", to, "Your Openline address is about to change", {
    paragraphs: [
      `Someone signed in to your Openline account asked to change its email address to ${newEmail}.`,
      "The change happens only when the new address is confirmed. If this was not you, change your password now: that signs out every other session.",
    ],
    action: { label: "Open account settings", url: appLink(appUrl, "/account/settings") },
  });
}

export function passwordReset(appUrl: string, to: string, token: string): OutgoingEmail {
  return render("password_reset", to, "Reset your Openline password", {
    paragraphs: [
      "You (or someone who knows your address) asked to reset your Openline password.",
      "The link works once and expires in 1 hour. Setting a new password signs you out everywhere.",
    ],
    action: { label: "Choose a new password", url: appLink(appUrl, "/reset-password", { token }) },
    footer: ["If you did not ask for this, ignore this email: your password stays as it is."],
  });
}

/** The unsubscribe part every notification shares: a one-click link and the List-Unsubscribe headers. */
export interface Unsubscribe {
  /** The web page a person clicks (no login needed). */
  pageUrl: string;
  /** The API endpoint mail clients POST to (RFC 8058 one-click). */
  oneClickUrl: string;
}

function notification(kind: NotificationKind, to: string, subject: string, part: Part, unsubscribe: Unsubscribe): OutgoingEmail {
  return render(
    kind,
    to,
    subject,
    { ...part, footer: [`You get this email because it is on in your Openline settings. Turn it off in one click: ${unsubscribe.pageUrl}`] },
    { "List-Unsubscribe": `<${unsubscribe.oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  );
}

export function jobFinished(appUrl: string, to: string, job: JobSummary, unsubscribe: Unsubscribe): OutgoingEmail {
  // A job with A/B variants writes several lines per prospect, each charged: the credits count the lines.
  const variants = job.creditsCharged > job.succeeded;
  const subject = variants
    ? `Your Openline job is done: ${job.succeeded} of ${job.total} prospects, ${job.creditsCharged} lines written`
    : `Your Openline job is done: ${job.succeeded} of ${job.total} lines written`;
  const summary = variants
    ? `Job ${job.id} finished: ${job.creditsCharged} lines written for ${job.succeeded} prospects, ${job.failed} rows failed, out of ${job.total}.`
    : `Job ${job.id} finished: ${job.succeeded} lines written, ${job.failed} rows failed, out of ${job.total}.`;
  return notification("jobFinished", to, subject, {
    paragraphs: [
      summary,
      `${job.creditsCharged} credits were charged (failed rows cost nothing).`,
    ],
    action: { label: "Review and download", url: appLink(appUrl, `/jobs/${job.id}`) },
  }, unsubscribe);
}

export function jobFailed(appUrl: string, to: string, job: JobSummary, unsubscribe: Unsubscribe): OutgoingEmail {
  return notification("jobFailed", to, "Your Openline job failed", {
    paragraphs: [
      `Job ${job.id} failed: ${job.error?.message ?? "no line could be written."}`,
      `${job.failed} of ${job.total} rows failed; each row says why on the job page. Failed rows cost no credits.`,
    ],
    action: { label: "Open the job", url: appLink(appUrl, `/jobs/${job.id}`) },
  }, unsubscribe);
}

export function jobPaused(appUrl: string, to: string, job: JobSummary, unsubscribe: Unsubscribe): OutgoingEmail {
  return notification("jobPaused", to, "Your Openline job is paused: out of credits", {
    paragraphs: [
      `Job ${job.id} paused after ${job.succeeded} of ${job.total} lines: its budget or your balance ran out.`,
      "Buy credits and it resumes by itself where it stopped.",
    ],
    action: { label: "Buy credits", url: appLink(appUrl, "/account/billing") },
  }, unsubscribe);
}

export function creditsLow(appUrl: string, to: string, balance: number, lastGrant: number, unsubscribe: Unsubscribe): OutgoingEmail {
  return notification("creditsLow", to, `Openline: ${balance} credits left`, {
    paragraphs: [`Your balance is down to ${balance} credits, under 10 % of your last ${lastGrant}. Full jobs stop when it runs out.`],
    action: { label: "Buy credits", url: appLink(appUrl, "/account/billing") },
  }, unsubscribe);
}
