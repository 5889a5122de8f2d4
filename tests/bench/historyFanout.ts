// The cost of the attributed history on live editing (issue 12): keystroke fan-out p99 of our
// server with the history on (as shipped) and off (RAPPORTEUR_HISTORY=0), in one run.
import type { Benchmark, BenchResult } from "./benchmark";
import { fanoutRun } from "./fanout";
import { count, ms, ratio } from "./format";

const RATIO_TARGET = 1.1;
const FULL = { clients: 200, rounds: 3 };
const SMOKE = { clients: 4, rounds: 1 };

type Mode = "on" | "off";

/** Fan-out p99 with history on against off, same scenario as `fanout`, runs interleaved. */
export const historyFanout: Benchmark = {
  name: "history-fanout",
  title: "History on vs off: keystroke fan-out latency",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    const runs: Record<Mode, Awaited<ReturnType<typeof fanoutRun>>[]> = { on: [], off: [] };
    let dropped = 0;
    for (let round = 0; round < sizes.rounds; round++) {
      const order: Mode[] = round % 2 === 0 ? ["on", "off"] : ["off", "on"];
      for (const mode of order) {
        log(`history-fanout: ${sizes.clients} clients, history ${mode} (round ${round + 1})`);
        const result = await fanoutRun("rapporteur", sizes.clients, smoke, {
          RAPPORTEUR_HISTORY: mode === "on" ? "1" : "0",
        });
        dropped += result.run.dropped + result.run.diverged + result.run.closes.length;
        runs[mode].push(result);
      }
    }
    const p99 = (r: (typeof runs.on)[number]) => r.keystrokes?.p99 ?? Number.NaN;
    const best = (mode: Mode) => runs[mode].reduce((a, b) => (p99(b) < p99(a) ? b : a));
    const on = best("on");
    const off = best("off");
    const p99Ratio = p99(on) / p99(off);
    const rows = (["on", "off"] as const).map((mode) => {
      const r = mode === "on" ? on : off;
      return [
        mode === "on" ? "on (as shipped)" : "off (RAPPORTEUR_HISTORY=0)",
        count(r.keystrokes?.count ?? 0),
        ms(r.keystrokes?.p50 ?? Number.NaN),
        ms(r.keystrokes?.p95 ?? Number.NaN),
        ms(p99(r)),
        `${(r.run.serverCpu * 100).toFixed(0)}%`,
        runs[mode].map((x) => ms(p99(x))).join(", "),
        mode === "on" ? ratio(p99Ratio) : "",
      ];
    });
    const pass = p99Ratio <= RATIO_TARGET;
    return {
      name: "history-fanout",
      title: this.title,
      tables: [
        {
          title: `Keystroke latency in the main section with ${sizes.clients} clients (ms)`,
          columns: [
            "history",
            "samples",
            "p50",
            "p95",
            "p99",
            "server CPU",
            "p99 of each run",
            "p99 on / off",
          ],
          rows,
        },
      ],
      figures: {
        "on.p99": p99(on),
        "off.p99": p99(off),
        "ratio.p99": p99Ratio,
        "on.cpu": on.run.serverCpu,
        "off.cpu": off.run.serverCpu,
      },
      targets: [
        {
          target: `Fan-out p99 with history on within 10% of history off (${sizes.clients} clients)`,
          measured: `${ms(p99(on))} vs ${ms(p99(off))} ms (${ratio(p99Ratio)})`,
          pass,
          ...(pass
            ? {}
            : {
                miss: `${ratio(p99Ratio)} against ${ratio(RATIO_TARGET)}: ${ms(p99(on) - p99(off))} ms more at p99 (compare the spread of the p99 of each run in the table)`,
              }),
        },
      ],
      dropped,
      notes: [
        `The fan-out benchmark's scenario (see section 1) with ${sizes.clients} clients on our server, each run on a fresh data directory; ${sizes.rounds} runs per mode, interleaved (on/off, off/on, ...), the table shows each mode's run with the lower p99. History off: RAPPORTEUR_HISTORY=0 (updates stored without authors and time, no checkpoints at compaction).`,
      ],
    };
  },
};
