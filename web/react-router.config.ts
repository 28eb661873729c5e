import type { Config } from "@react-router/dev/config";

/** Server-rendered on the web Worker; `app/` holds routes, `build/` the client assets and the Worker bundle. */
export default {
  ssr: true,
} satisfies Config;
