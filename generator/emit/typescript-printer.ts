// Printing the `src/*.ts` files on the second core. ts-morph's CodeBlockWriter tracks strings and
// comments character by character, which makes the TypeScript flavour cost more than the other
// three together (about 0.5 s of the full catalogue's 16 MB of source). A worker thread prints it
// while the main thread prints JavaScript, declarations and docs; the output is the same bytes.
//
// Only worth it for large specs: a worker takes about 0.1 s to start, which a small package never
// earns back. The worker is started before the spec is loaded, so that its start-up overlaps the
// load. If it fails (it cannot start, or it throws), what it has not returned is printed here.
import { Worker } from "node:worker_threads";
import type { EmittedFile } from "./emitted-file.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { printModule } from "./ir/print-ir.ts";

/** One module to print: its description and its header line. */
export interface PrintJob {
  readonly module: ModuleIR;
  readonly header: string;
}

export interface PrintRequest {
  readonly batch: number;
  readonly jobs: readonly PrintJob[];
}

export type PrintResponse = { readonly batch: number; readonly files: readonly EmittedFile[] } | { readonly batch: number; readonly error: string };

/** The `src/*.ts` file of a module. */
export function printTypeScriptFile(job: PrintJob): EmittedFile {
  return { path: `src/${job.module.path}.ts`, contents: printModule(job.module, "ts", job.header) };
}

/** Where the TypeScript files are printed: `print` hands jobs over, `finish` yields every file once. */
export interface TypeScriptPrinter {
  print(jobs: readonly PrintJob[]): void;
  /** Calls `sink` with each printed file, in no particular order, and resolves when all are done. */
  finish(sink: (file: EmittedFile) => void): Promise<void>;
  /** Stops the worker; what was not returned is dropped. */
  close(): Promise<void>;
}

/** Spec text above which a run prints its TypeScript in a worker: the full catalogue is about 6 MB. */
export const PARALLEL_THRESHOLD_BYTES = 512 * 1024;

/** Jobs per message: small enough that the worker starts early, large enough that messages stay few. */
const BATCH_SIZE = 16;

/** A printer on a worker thread, or undefined when none can be started. */
export function startTypeScriptPrinter(): TypeScriptPrinter | undefined {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./typescript-worker.js", import.meta.url), { execArgv: withoutTsxImport(process.execArgv) });
  } catch {
    return undefined;
  }
  worker.unref();
  const waiting = new Map<number, readonly PrintJob[]>();
  const done: EmittedFile[] = [];
  let failed = false;
  let sinkTo: ((file: EmittedFile) => void) | undefined;
  let settle: (() => void) | undefined;
  let nextBatch = 0;

  const deliver = (files: readonly EmittedFile[]) => {
    if (sinkTo) for (const file of files) sinkTo(file);
    else done.push(...files);
  };
  const check = () => {
    if (waiting.size === 0) settle?.();
  };
  /** The worker is gone or broken: print here what it still owed, once it is asked for. */
  const fail = () => {
    if (failed) return;
    failed = true;
    void worker.terminate();
    if (sinkTo) drainLocally();
  };
  const drainLocally = () => {
    for (const [batch, jobs] of waiting) {
      waiting.delete(batch);
      deliver(jobs.map(printTypeScriptFile));
    }
    check();
  };
  worker.on("message", (response: PrintResponse) => {
    const jobs = waiting.get(response.batch);
    if (jobs === undefined) return;
    if ("error" in response) return fail();
    waiting.delete(response.batch);
    deliver(response.files);
    check();
  });
  worker.on("error", fail);
  worker.on("exit", () => {
    if (waiting.size > 0) fail();
  });

  return {
    print(jobs) {
      for (let start = 0; start < jobs.length; start += BATCH_SIZE) {
        const batch = nextBatch++;
        const slice = jobs.slice(start, start + BATCH_SIZE);
        waiting.set(batch, slice);
        if (failed) continue;
        try {
          worker.postMessage({ batch, jobs: slice } satisfies PrintRequest);
        } catch {
          fail(); // a job that cannot be sent (it never should: jobs are plain data) is printed here
        }
      }
    },
    finish(sink) {
      sinkTo = sink;
      deliver(done.splice(0));
      if (failed) drainLocally();
      return new Promise<void>((resolve) => {
        settle = resolve;
        check();
      });
    },
    async close() {
      waiting.clear();
      await worker.terminate();
    },
  };
}

/** Node flags for the worker: the parent's, less a `--import tsx` (the worker's entry registers tsx itself). */
function withoutTsxImport(flags: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === "--import" && flags[i + 1] === "tsx") i++;
    else if (flags[i] !== "--import=tsx") kept.push(flags[i]!);
  }
  return kept;
}
