#!/usr/bin/env node
// errgen's executable. An install runs the build in generator/dist/ (made by `npm pack`); a checkout
// of errgen's repository, which has the sources beside it, brings the build up to date first
// (generator/build/load-cli.js). Failing to start at all (a broken install) is its message, exit code 2.
import { existsSync } from "node:fs";

let cli;
try {
  cli = existsSync(new URL("../cli.ts", import.meta.url)) ? await (await import("../build/load-cli.js")).loadCli() : await import("../dist/cli.js");
} catch (error) {
  // The message, never a stack trace; the same words as cli/format-diagnostics.ts for a missing module.
  const hint = error?.code === "ERR_MODULE_NOT_FOUND" ? " (errgen's install is incomplete: reinstall it)" : "";
  process.stderr.write(`errgen: cannot start: ${String(error?.message ?? error).trimEnd()}${hint}\n`);
  process.exit(2);
}
process.exitCode = await cli.runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  onInterrupt(cleanup) {
    const handlers = Object.entries({ SIGINT: 130, SIGTERM: 143 }).map(([signal, code]) => {
      const handler = () => {
        try {
          cleanup();
        } finally {
          process.exit(code); // the signal's exit code, even when cleaning up failed
        }
      };
      process.once(signal, handler);
      return [signal, handler];
    });
    return () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
  },
  interrupted() {
    const controller = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => controller.abort());
    return controller.signal;
  },
});
