// Diagnostics as the command line prints them: `FILE:LINE:COLUMN: error: MESSAGE`, and, when pretty,
// the spec line under it with a caret under the column, as tsc's pretty output does.
import { ErrgenError, formatDiagnostic, type Diagnostic } from "../diagnostics.ts";
import type { Style } from "./style.ts";

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: { pretty: boolean; style: Style; source: (file: string) => string | undefined; stacks?: boolean }): string {
  const { style } = options;
  const blocks = diagnostics.map((diagnostic) => {
    const { file, line, column } = diagnostic.position;
    const stack = options.stacks && diagnostic.stack !== undefined ? `\n${diagnostic.stack}` : "";
    const head = `${options.pretty
      ? `${style.cyan(file)}:${style.yellow(String(line))}:${style.yellow(String(column))}: ${style.red("error")}: ${diagnostic.message}`
      : formatDiagnostic(diagnostic)}${stack}`;
    if (!options.pretty) return head;
    const text = options.source(file)?.split(/\r?\n/)[line - 1];
    if (text === undefined) return head;
    const gutter = String(line);
    const shown = text.replace(/\t/g, " ");
    return [head, "", `${style.dim(`${gutter} |`)} ${shown}`, `${style.dim(`${" ".repeat(gutter.length)} |`)} ${" ".repeat(Math.max(0, column - 1))}${style.red("^")}`, ""].join("\n");
  });
  return `${blocks.join("\n")}${options.pretty ? "" : "\n"}`;
}

/** What to do about a module that cannot be found; the executable says the same when it cannot load errgen at all. */
const BROKEN_INSTALL = " (errgen's install is incomplete: reinstall it)";

/**
 * An error that stopped a run: ErrgenError (the environment, a usage problem) as its message; anything
 * else is errgen's own bug, one line, with the stack trace only when asked for (it says nothing to a user).
 */
export function formatFailure(error: unknown, style: Style, withStack: boolean): string {
  if (error instanceof ErrgenError) return `${style.red("errgen:")} ${error.message}\n`;
  const message = String((error as Error | undefined)?.message ?? error).split("\n")[0];
  // Each command loads its modules when it runs: one missing there is a broken install, not a bug.
  if ((error as NodeJS.ErrnoException | undefined)?.code === "ERR_MODULE_NOT_FOUND") return `${style.red("errgen:")} cannot start: ${message}${BROKEN_INSTALL}\n`;
  const stack = withStack ? `\n${(error as Error | undefined)?.stack ?? String(error)}` : "";
  return `${style.red("errgen:")} internal error: ${message} (a bug in errgen: please report it with the stack trace that --verbose or ERRGEN_DEBUG=1 prints)${stack}\n`;
}
