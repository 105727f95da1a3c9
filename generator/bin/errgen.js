#!/usr/bin/env node
// errgen's executable. The generator is TypeScript run through tsx, so there is no build step
// whose output could go stale.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../cli.ts");
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
