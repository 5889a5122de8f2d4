import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

let clockTicks: number | undefined;

function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** `pid` and all its descendants (a server started through a wrapper runs in a child). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const stat = readStat(child);
    if (!stat) continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(child);
    children.set(stat.ppid, siblings);
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const next = queue.shift() as number;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** CPU time (user + system, seconds) used so far by `pid` and its descendants, from /proc. */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) ticks += readStat(member)?.cpuTicks ?? 0;
  return ticks / ticksPerSecond();
}

function statusField(pid: number, field: string): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, "m"),
    );
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak resident memory (bytes, VmHWM) of the largest process in `pid`'s tree: the server itself
 * rather than a wrapper that started it.
 */
export function peakRssBytes(pid: number): number {
  return Math.max(0, ...processTree(pid).map((member) => statusField(member, "VmHWM")));
}

/** Current resident memory (bytes, VmRSS) of one process. */
export function rssBytes(pid: number): number {
  return statusField(pid, "VmRSS");
}

/** Resets the peak-RSS mark of the calling process (Linux `clear_refs`), so VmHWM measures from now. */
export function resetPeakRss(): boolean {
  try {
    // Writing 5 resets VmHWM to the current RSS (Linux 4.0+).
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}
