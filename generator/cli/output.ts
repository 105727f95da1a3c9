// What the command line prints to: the process's streams and signals (Io), and how one invocation
// styles them (Output). Kept apart from cli.ts so that the commands in cli/ need not import it.
import type { Style } from "./style.ts";

export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout and stderr are terminals: colours and pretty diagnostics only then. Default: false. */
  readonly stdoutIsTTY?: boolean | undefined;
  readonly stderrIsTTY?: boolean | undefined;
  /** For NO_COLOR and FORCE_COLOR. Default: none set. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Called by `watch` only: a signal that aborts on Ctrl-C (the executable listens for SIGINT and SIGTERM then). */
  readonly interrupted?: (() => AbortSignal) | undefined;
  /**
   * Called by the commands that write: `cleanup` is to run, synchronously, when SIGINT or SIGTERM
   * arrives, before the process exits (the executable exits with 130 or 143). Returns what undoes it.
   */
  readonly onInterrupt?: ((cleanup: () => void) => () => void) | undefined;
}

/** How one invocation prints: styles per stream, and whether diagnostics show their spec line. */
export interface Output {
  readonly io: Io;
  readonly out: Style;
  readonly err: Style;
  readonly pretty: boolean;
  /** Stack traces of plugin errors under their diagnostics (--verbose, or ERRGEN_DEBUG set). */
  readonly stacks?: boolean | undefined;
}
