/**
 * Watches `wrangler dev`'s output for the local send_email simulator's report and prints one line
 * per email: `email to <address>: <subject>` and where wrangler wrote its text and HTML bodies, so a
 * person trying Openline can open the verification or reset link. Everything else passes through.
 *
 * Wrangler prints (colours stripped here):
 *   send_email binding called with MessageBuilder:
 *   From: Openline <no-reply@…>  /  To: ann@example.com  /  Subject: …
 *   Text: /…/email-text/<id>.txt  /  HTML: /…/email-html/<id>.html
 */
const ANSI = /\x1b\[[0-9;]*m/g;
const START = "send_email binding called";

export function emailLogger(print) {
  let current = null;
  const flush = () => {
    if (current?.to) {
      print(`email to ${current.to}: ${current.subject ?? "(no subject)"}`);
      for (const file of current.files) print(`  ${file}`);
    }
    current = null;
  };
  return {
    line(raw) {
      const line = raw.replace(ANSI, "").trim();
      if (line.includes(START)) {
        flush();
        current = { files: [] };
        return;
      }
      if (!current) return;
      const field = /^(To|Subject|Text|HTML):\s*(.*)$/.exec(line.replace(/^\[[^\]]*\]\s*/, ""));
      if (field?.[1] === "To") current.to = field[2];
      else if (field?.[1] === "Subject") current.subject = field[2];
      else if (field) {
        current.files.push(`${field[1].toLowerCase()}: ${field[2]}`);
        if (current.files.length === 2) flush();
      } else if (line && !/^(From|Cc|Bcc):/.test(line)) flush();
    },
    end: flush,
  };
}

/** Copies a stream to `out` line by line, telling `logger` about each line. */
export function pipeLines(stream, out, logger) {
  let pending = "";
  stream.on("data", (chunk) => {
    out.write(chunk);
    pending += chunk.toString("utf8");
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? "";
    for (const line of lines) logger.line(line);
  });
  stream.on("end", () => {
    if (pending) logger.line(pending);
    logger.end();
  });
}
