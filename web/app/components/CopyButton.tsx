import { useState } from "react";

/** Copies a value; says so for screen readers too. Falls back to selecting the text when the clipboard is unavailable. */
export function CopyButton({ value, targetId, label = "Copy" }: { value: string; targetId?: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      const target = targetId ? document.getElementById(targetId) : null;
      if (target instanceof HTMLInputElement) target.select();
      setState("failed");
    }
  }
  return (
    <>
      <button type="button" className="button secondary small" onClick={copy}>
        {state === "copied" ? "Copied" : label}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? "Copied to the clipboard." : state === "failed" ? "Copy failed: the text is selected, press Ctrl+C." : ""}
      </span>
    </>
  );
}
