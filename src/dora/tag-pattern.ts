// What a tag pattern selects. The advice on what it selected (the version of every tag) lives in
// tag-pattern-advice.ts, so that reading tags loads no version parser.

/** Release-shaped tags: `v1.2.3` or `1.2.3`, no pre-release (`-rc.1`) or build suffix. */
const releaseShaped = /^v?\d+\.\d+\.\d+$/;

/** What `dora.tagPattern` selects: a glob when one is configured, else release-shaped tags (no glob library loaded). */
export async function tagMatcher(pattern: string | undefined): Promise<(name: string) => boolean> {
  if (pattern === undefined) return (name) => releaseShaped.test(name);
  const { default: picomatch } = await import("picomatch");
  return picomatch(pattern);
}

export const describeTagPattern = (pattern: string | undefined) =>
  pattern === undefined ? "release-shaped tags (v1.2.3 or 1.2.3)" : `"${pattern}"`;
