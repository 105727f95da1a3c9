#!/usr/bin/env node
// errgen's executable. The generator is TypeScript, run from a bundle that is rebuilt whenever the
// sources change (see load-cli.js), so there is no build step whose output could go stale.
import { loadCli } from "./load-cli.js";

const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  interrupted() {
    const controller = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => controller.abort());
    return controller.signal;
  },
});
