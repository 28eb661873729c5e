/**
 * robots.txt (RFC 9309) for our user agent: the group naming `openline-research` wins over `*`; within
 * it the longest matching Allow/Disallow rule decides (Allow on a tie); `*` and `$` patterns work.
 */
export const ROBOTS_AGENT_TOKEN = "openline-research";

interface Rule {
  allow: boolean;
  pattern: string;
}

function groupsOf(text: string): Map<string, Rule[]> {
  const groups = new Map<string, Rule[]>();
  let agents: string[] = [];
  let inRules = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "user-agent") {
      // A user-agent line after rules starts a new group.
      if (inRules) agents = [];
      inRules = false;
      const agent = value.toLowerCase();
      agents.push(agent);
      if (!groups.has(agent)) groups.set(agent, []);
    } else if (key === "allow" || key === "disallow") {
      inRules = true;
      // "Disallow:" with no path allows everything: no rule.
      if (!value) continue;
      for (const agent of agents) groups.get(agent)!.push({ allow: key === "allow", pattern: value });
    }
  }
  return groups;
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const regex = body.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${regex}${anchored ? "$" : ""}`).test(path);
}

/** Whether robots.txt lets our agent fetch `path` (path plus query, as requested). */
export function robotsAllows(robotsTxt: string, path: string): boolean {
  const groups = groupsOf(robotsTxt);
  const ours = [...groups.entries()].find(([agent]) => agent.split("/")[0]!.trim() === ROBOTS_AGENT_TOKEN);
  const rules = ours?.[1] ?? groups.get("*") ?? [];
  let best: Rule | null = null;
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
  }
  return best ? best.allow : true;
}
