import { pageLabel } from "../lib/research";
import type { Evidence } from "../lib/types";

/**
 * What a generated line rests on: the fields and the words quoted from them (a researched fact with
 * the page it was read on, named but not linked: the row's "Source:" line links each page once).
 * Folded away under the line; a native <details>, so it opens by keyboard and without script.
 */
export function EvidenceList({ evidence }: { evidence?: Evidence[] }) {
  if (!evidence || evidence.length === 0) return null;
  return (
    <details className="evidence">
      <summary>What this line rests on ({evidence.length})</summary>
      <ul>
        {evidence.map((item, i) => (
          <li key={`${item.field}-${i}`}>
            <span className="evidence-field">{item.field === "service" ? "your service" : item.field}</span> <q>{item.value}</q>
            {item.url ? <span className="muted"> from {pageLabel(item.url)}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
