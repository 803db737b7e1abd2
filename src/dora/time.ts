export const hour = 3_600_000;
export const day = 24 * hour;

/** Evidence shows times to the second: no source records deployments more precisely. */
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The metrics' window, `(start, end]` in epoch ms: a deployment exactly at `end` is in, one at `start` is out. */
export interface Window {
  start: number;
  end: number;
}

export const isInWindow = (time: number, window: Window) => time > window.start && time <= window.end;
