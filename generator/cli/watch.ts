// `errgen watch`: generate, then again whenever a spec file (root or included), a plugin (or a module it
// imports) or a template changes.
// Changes are debounced (an editor's save is often several events) and must hold still before a run
// (see `schedule`); a run that fails prints its diagnostics and the watcher carries on, the last good
// package untouched. Folders are watched rather than files, so that editors which save by replacing a
// file are seen too, and a folder deleted and made anew (a branch checkout) is watched again.
import { readdirSync, statSync, watch as watchFolder, type FSWatcher } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Output } from "./output.ts";
import { formatFailure } from "./format-diagnostics.ts";
import { generate, inputsOf, type GenerateOptions } from "../commands/generate.ts";
import type { GenerateResult } from "../errgen.ts";
import { specPathOf } from "../load/load-run.ts";
import { DEFAULT_SPEC_NAME, specProject } from "../load/find-spec.ts";
import { displayPath } from "../load/spec-files.ts";

export interface WatchSettings {
  readonly debounceMs: number;
  /** Prints a run's summary or diagnostics. */
  readonly report: (result: GenerateResult, started: number) => void;
  /** Whether an internal error shows its stack trace. */
  readonly showStack: boolean;
}

/** How often the watcher looks whether a watched folder was deleted or made anew (a branch checkout, a stash). */
const FOLDER_CHECK_MS = 250;

/** Runs until `signal` aborts (never, without one); resolves to the exit code. */
export async function watch(options: GenerateOptions, output: Output, settings: WatchSettings, signal: AbortSignal | undefined): Promise<number> {
  const { io, out, err } = output;
  /** A watcher per folder, with the folder's identity when it was set up: a folder made anew has another. */
  const watchers = new Map<string, { readonly watcher: FSWatcher; readonly identity: string }>();
  let folders = new Set<string>();
  let files = new Set<string>();
  let templatesDir: string | undefined;
  let pluginSources: readonly string[] = [];
  let shown = "";
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;

  const relevant = (dir: string, name: string | null) =>
    name === null || files.has(join(dir, name)) || (dir === templatesDir && name.endsWith(".hbs"));

  /** The inputs a run reads, and a watcher on each folder that holds one (or on its nearest existing ancestor, until it exists). */
  const follow = () => {
    let inputs: ReturnType<typeof inputsOf>;
    try {
      inputs = inputsOf(options);
    } catch {
      // The root spec cannot be read or found (the run said so): watch for it to come back.
      inputs = { specFiles: specFallback(options), pluginFiles: [], templatesDir: options.templates === undefined ? undefined : resolve(options.cwd, options.templates) };
    }
    files = new Set([...inputs.specFiles, ...inputs.pluginFiles, ...pluginSources]);
    templatesDir = inputs.templatesDir;
    folders = new Set([...files].map((file) => dirname(file)));
    if (templatesDir !== undefined) folders.add(templatesDir);
    checkFolders();
    const specCount = new Set(inputs.specFiles).size;
    const plugins = inputs.pluginFiles.length === 0 ? "" : `, ${inputs.pluginFiles.length} plugin${inputs.pluginFiles.length === 1 ? "" : "s"}`;
    const description = `${specCount} spec file${specCount === 1 ? "" : "s"}${plugins}${templatesDir === undefined ? "" : ` and the templates in ${displayPath(templatesDir, io.cwd)}`}`;
    if (description !== shown) {
      shown = description;
      io.stdout(`${out.dim(`errgen: watching ${description} for changes (Ctrl-C stops)`)}\n`);
    }
  };

  /**
   * Watches each folder that exists as it is now: a folder deleted and made anew gets a new watcher, and
   * a run, since its files may have changed; a missing folder is watched through its nearest existing
   * ancestor, whose events bring the check back sooner than the next tick. A folder made anew is told
   * by its identity (ext4 hands a new folder the inode just freed, but not its birth time) or by having
   * been seen missing in between.
   */
  const checkFolders = () => {
    const wanted = new Map<string, boolean>();
    for (const folder of folders) {
      const found = existingAncestor(folder);
      if (found !== folder) missing.add(folder);
      if (found !== undefined) wanted.set(found, wanted.get(found) === true || found === folder);
    }
    for (const [folder, { watcher, identity }] of watchers) {
      if (wanted.has(folder) && identityOf(folder) === identity) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const [folder, holdsInputs] of wanted) {
      if (watchers.has(folder)) continue;
      const identity = identityOf(folder);
      if (identity === undefined) continue;
      try {
        const watcher = watchFolder(folder, (_event, name) => {
          if (holdsInputs && relevant(folder, name)) schedule();
          else checkFolders(); // one of ours may have appeared, or this folder itself gone
        });
        watcher.on("error", () => checkFolders());
        watchers.set(folder, { watcher, identity });
      } catch {
        continue; // gone between the stat and the watch: the next check sees it
      }
      if (!holdsInputs) continue;
      const madeAnew = missing.delete(folder) || (seen.has(folder) && seen.get(folder) !== identity);
      seen.set(folder, identity);
      if (madeAnew) schedule();
    }
  };
  /** The identity each input folder had when it was last watched, and the input folders seen missing since. */
  const seen = new Map<string, string>();
  const missing = new Set<string>();

  const runOnce = async () => {
    const started = performance.now();
    try {
      const result = await generate(options);
      // The files the plugins were loaded from (their modules' imports too), as the last good run found them.
      if (result.ok && result.pluginSources !== undefined) pluginSources = result.pluginSources;
      settings.report(result, started);
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

  /**
   * The rule for a save in progress: a run starts once the inputs have had no events for the debounce,
   * and then read the same (size and modification time of every spec file and template) twice the
   * debounce apart. A save that pauses longer than that looks finished; raise --debounce for tools
   * that write a file in slow pieces.
   */
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(settle, settings.debounceMs);
  };
  const settle = () => {
    const first = inputsState(files, templatesDir);
    timer = setTimeout(() => (inputsState(files, templatesDir) === first ? start() : settle()), settings.debounceMs);
  };

  start();
  const ticker = setInterval(checkFolders, FOLDER_CHECK_MS);
  await new Promise<void>((stop) => {
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", () => stop(), { once: true });
  });
  clearInterval(ticker);
  clearTimeout(timer);
  for (const { watcher } of watchers.values()) watcher.close();
  await running;
  return 0;
}

/** The nearest folder from `folder` up that exists (itself included). */
function existingAncestor(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (identityOf(dir) !== undefined) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A folder's inode and birth time, or undefined when it is not a folder. */
function identityOf(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? `${stats.ino}:${stats.birthtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/** Size and modification time of every spec file and template, as one string: what must hold still before a run. */
function inputsState(files: ReadonlySet<string>, templatesDir: string | undefined): string {
  const paths = [...files];
  if (templatesDir !== undefined) {
    try {
      for (const name of readdirSync(templatesDir)) paths.push(join(templatesDir, name));
    } catch {
      // no templates folder (yet)
    }
  }
  return paths
    .sort()
    .map((path) => {
      try {
        const { size, mtimeMs } = statSync(path);
        return `${path}:${size}:${mtimeMs}`;
      } catch {
        return `${path}:-`;
      }
    })
    .join("\n");
}

/** What to watch when the run could not read its spec: that spec's path, or where the rule looks for one. */
function specFallback(options: GenerateOptions): string[] {
  try {
    return [specPathOf(options)];
  } catch {
    const project = specProject(options.cwd);
    return [join(project, "package.json"), join(project, DEFAULT_SPEC_NAME)];
  }
}
