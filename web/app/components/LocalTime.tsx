import { useEffect, useState } from "react";
import { formatDate } from "../lib/format";

const localFormat = () =>
  new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });

/**
 * A time in the browser's own time zone. The server renders UTC (it does not know the zone), and
 * the browser rewrites it once hydrated, so hydration still matches.
 */
export function LocalTime({ iso }: { iso: string | null | undefined }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const date = iso ? new Date(iso) : null;
    setLocal(date && !Number.isNaN(date.getTime()) ? localFormat().format(date) : null);
  }, [iso]);
  if (!iso) return <>{formatDate(iso)}</>;
  return <time dateTime={iso}>{local ?? formatDate(iso)}</time>;
}
