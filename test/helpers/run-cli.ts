// Runs the command line in-process and captures what it prints.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExecutionContext } from "ava";
import { runCli, type Io } from "../../generator/cli.ts";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs errgen in `cwd`; `terminal` pretends stdout and stderr are terminals, with `env` for the colour variables. */
export async function runErrgen(argv: readonly string[], cwd: string = REPO_ROOT, terminal: Pick<Io, "stdoutIsTTY" | "stderrIsTTY" | "env"> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), ...terminal });
  return { code, stdout, stderr };
}

/**
 * Opens the folders from `path` up to (not including) the system's temporary folder to every user, so
 * that another user (the nobody user of a test running as root) can reach `path`: a test's temporary
 * folders are made 0700. The temporary folder itself, and what lies above it, are never touched.
 */
export function openToOtherUsers(path: string): void {
  const top = tmpdir();
  for (let dir = path; dir.startsWith(`${top}/`); dir = dirname(dir)) chmodSync(dir, 0o755);
}

/** A fresh folder, removed when the test ends. */
export function tempDir(t: ExecutionContext, prefix = "errgen-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Every file below a folder with its text, by absolute path (or, with `relative`, by path below the
 * folder, to compare two folders): to compare a folder before and after.
 */
export function folderContents(dir: string, options: { readonly relative?: boolean } = {}): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const key = (path: string) => (options.relative ? path.slice(dir.length + 1) : path);
  return Object.fromEntries(files.map((entry) => join(entry.parentPath, entry.name)).sort().map((path) => [key(path), readFileSync(path, "utf8")]));
}
