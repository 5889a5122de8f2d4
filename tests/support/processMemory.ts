import { readFileSync } from "node:fs";

/** Resident set size of process `pid` in bytes, from `/proc/<pid>/status` (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`No VmRSS in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

/**
 * The RSS of `pid` once it has settled: sampled every `intervalMs` until two samples in a row
 * differ by less than 2 MiB (or `maxSamples` were taken); returns the last sample. Polls, so it
 * never asserts anything about time.
 */
export async function settledRssBytes(
  pid: number,
  { intervalMs = 300, maxSamples = 20 }: { intervalMs?: number; maxSamples?: number } = {},
): Promise<number> {
  let previous = rssBytes(pid);
  for (let i = 0; i < maxSamples; i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const current = rssBytes(pid);
    if (Math.abs(current - previous) < 2 * 1024 * 1024) return current;
    previous = current;
  }
  return previous;
}

/** Bytes as mebibytes with one decimal, for figures. */
export function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
