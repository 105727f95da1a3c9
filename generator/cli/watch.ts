// `errgen watch`: generate, then again whenever a spec file (root or included) or a template changes.
// Changes are debounced (an editor's save is often several events); a run that fails prints its
// diagnostics and the watcher carries on, the last good package untouched. Folders are watched rather
// than files, so that editors which save by replacing a file are seen too.
import { watch as watchFolder, type FSWatcher } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Output } from "../cli.ts";
import { formatFailure } from "./format-diagnostics.ts";
import { generate, inputsOf, specPathOf, type GenerateResult, type RunOptions } from "../errgen.ts";
import { DEFAULT_SPEC_NAME, specProject } from "../load/find-spec.ts";
import { displayPath } from "../load/spec-files.ts";

export interface WatchSettings {
  readonly debounceMs: number;
  /** Prints a run's summary or diagnostics. */
  readonly report: (result: GenerateResult, started: number) => void;
  /** Whether an internal error shows its stack trace. */
  readonly showStack: boolean;
}

/** Runs until `signal` aborts (never, without one); resolves to the exit code. */
export async function watch(options: RunOptions, output: Output, settings: WatchSettings, signal: AbortSignal | undefined): Promise<number> {
  const { io, out, err } = output;
  const watchers = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let templatesDir: string | undefined;
  let shown = "";
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;

  const relevant = (dir: string, name: string | null) =>
    name === null || files.has(join(dir, name)) || (dir === templatesDir && name.endsWith(".hbs"));

  const follow = () => {
    let inputs: ReturnType<typeof inputsOf>;
    try {
      inputs = inputsOf(options);
    } catch {
      // The root spec cannot be read or found (the run said so): watch for it to come back.
      inputs = { specFiles: specFallback(options), templatesDir: options.templates === undefined ? undefined : resolve(options.cwd, options.templates) };
    }
    files = new Set(inputs.specFiles);
    templatesDir = inputs.templatesDir;
    const folders = new Set([...files].map((file) => dirname(file)));
    if (templatesDir !== undefined) folders.add(templatesDir);
    for (const [folder, watcher] of watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watchFolder(folder, (_event, name) => {
          if (relevant(folder, name)) schedule();
        });
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // A folder that does not exist yet: the run reports the missing file; the next change elsewhere looks again.
      }
    }
    const description = `${files.size} spec file${files.size === 1 ? "" : "s"}${templatesDir === undefined ? "" : ` and the templates in ${displayPath(templatesDir, io.cwd)}`}`;
    if (description !== shown) {
      shown = description;
      io.stdout(`${out.dim(`errgen: watching ${description} for changes (Ctrl-C stops)`)}\n`);
    }
  };

  const runOnce = async () => {
    const started = performance.now();
    try {
      settings.report(await generate(options), started);
    } catch (error) {
      io.stderr(formatFailure(error, err, settings.showStack));
    }
    follow();
  };

  /** One run at a time; changes during a run start one more run after it. */
  const start = () => {
    if (running) {
      pending = true;
      return;
    }
    running = runOnce().finally(() => {
      running = undefined;
      if (pending) {
        pending = false;
        start();
      }
    });
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(start, settings.debounceMs);
  };

  start();
  await new Promise<void>((stop) => {
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", () => stop(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  await running;
  return 0;
}

/** What to watch when the run could not read its spec: that spec's path, or where the rule looks for one. */
function specFallback(options: RunOptions): string[] {
  try {
    return [specPathOf(options)];
  } catch {
    const project = specProject(options.cwd);
    return [join(project, "package.json"), join(project, DEFAULT_SPEC_NAME)];
  }
}
