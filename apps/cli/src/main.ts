// `pnpm rapporteur <command>`: the command line, run with tsx.
import { runCli } from "./runCli";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  // pnpm runs scripts from the repository root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD || process.cwd(),
  readStdin: async () => {
    if (process.stdin.isTTY)
      process.stderr.write("Reading from standard input (end with Ctrl-D)\n");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
});
