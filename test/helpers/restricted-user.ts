// Runs commands as a user who may not write into some folders, the way a shared CI image or a
// read-only volume leaves node_modules. Permissions do not stop root: as root, commands run as the
// nobody user, the project handed to it and those folders left to root, read-only; as anyone else,
// the folders are made read-only for that user (and writable again when the test ends).
import { execFile, execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { dirname } from "node:path";
import { openToOtherUsers } from "./run-cli.ts";
import type { ExecutionContext } from "ava";

export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type RunAs = (command: string, args: readonly string[], cwd: string) => Promise<CommandRun>;

const NOBODY = 65534;

/** Hands `project` to the restricted user and makes each of `readOnly` (links followed) unwritable by it. */
export function restrictWrites(t: ExecutionContext, project: string, readOnly: readonly string[]): RunAs {
  const folders = readOnly.map((path) => realpathSync(path));
  if (process.getuid?.() === 0) {
    openToOtherUsers(dirname(project));
    execFileSync("chown", ["-R", `${NOBODY}:${NOBODY}`, project]);
    for (const folder of folders) execFileSync("chown", ["-R", "0:0", folder]);
    for (const folder of folders) execFileSync("chmod", ["-R", "a-w", folder]);
    return (command, args, cwd) => run("setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--", command, ...args], cwd);
  }
  for (const folder of folders) execFileSync("chmod", ["-R", "a-w", folder]);
  t.teardown(() => {
    for (const folder of folders) execFileSync("chmod", ["-R", "u+w", folder]);
  });
  return (command, args, cwd) => run(command, args, cwd);
}

function run(command: string, args: readonly string[], cwd: string): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, NO_COLOR: "1", HOME: cwd }, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 127;
      resolve({ code, stdout, stderr });
    });
  });
}
