// A second thread for large specs. This machine has two cores and a run of the full catalogue keeps
// one busy; the helper takes work that needs no answer from the rest of the run: loading and
// validating a share of the product specs (each file on its own), and printing each module's
// TypeScript (the `src/*.ts` source, through ts-morph's CodeBlockWriter the costliest output, and the
// declarations), writing it straight into the package writer's staging folder. The printing is
// shared by claiming batches (emit/typescript-printer.ts), so neither thread waits on the other.
//
// Only worth it for large specs: a thread takes about 0.1 s to start, which a small package never
// earns back. It is started before anything is loaded, so that its start-up overlaps the load. Every
// request can fail (the thread cannot start, it throws, it dies): the caller then does the work
// itself, so the output never depends on the helper, only the time does.
import { Worker } from "node:worker_threads";
import type { StagePrintJobs } from "../emit/typescript-printer.ts";
import type { ProductFile } from "../load/load-spec.ts";
import type { StagedFile } from "../write/stager.ts";
import type { PackedProductRead } from "./transfer-product-read.ts";

/** What the helper thread does: the name of each kind of work, with its input and output. */
export interface HelperWork {
  readonly "read-products": { readonly input: readonly ProductFile[]; readonly output: PackedProductRead[] };
  readonly "stage-typescript": { readonly input: StagePrintJobs; readonly output: StagedFile[] | null };
}

export type HelperRequest = { [K in keyof HelperWork]: { readonly id: number; readonly kind: K; readonly input: HelperWork[K]["input"] } }[keyof HelperWork];
export type HelperResponse = { readonly id: number; readonly output: unknown } | { readonly id: number; readonly error: string };

export interface Helper {
  /** Runs `kind` on the helper thread. Rejects when the thread cannot do it; the caller then does it itself. */
  run<K extends keyof HelperWork>(kind: K, input: HelperWork[K]["input"]): Promise<HelperWork[K]["output"]>;
  /** Stops the thread; work still running is dropped. */
  close(): Promise<void>;
}

/** Spec text above which a run starts a helper thread: the full catalogue is about 6 MB, the shipped spec 30 KB. */
export const HELPER_THRESHOLD_CHARS = 512 * 1024;

/** A helper thread, or undefined when none can be started. */
export function startHelper(): Helper | undefined {
  let worker: Worker;
  try {
    // tsx (the sources) or the build (generator/dist/, see build/build.js) each provide this file beside this module.
    worker = new Worker(new URL("./helper-thread.js", import.meta.url), { execArgv: withoutTsxImport(process.execArgv) });
  } catch {
    return undefined;
  }
  worker.unref();
  const pending = new Map<number, { resolve: (output: unknown) => void; reject: (error: Error) => void }>();
  let broken: Error | undefined;
  let nextId = 0;
  const breakDown = (error: Error) => {
    broken ??= error;
    for (const call of pending.values()) call.reject(broken);
    pending.clear();
    void worker.terminate();
  };
  worker.on("message", (response: HelperResponse) => {
    const call = pending.get(response.id);
    if (call === undefined) return;
    pending.delete(response.id);
    if ("error" in response) call.reject(new Error(response.error));
    else call.resolve(response.output);
  });
  worker.on("error", breakDown);
  worker.on("exit", (code) => breakDown(new Error(`the helper thread stopped (exit code ${code})`)));
  return {
    run(kind, input) {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (output: unknown) => void, reject });
        try {
          worker.postMessage({ id, kind, input } as HelperRequest);
        } catch (error) {
          pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error))); // input that cannot be sent (it never should: it is plain data)
        }
      });
    },
    async close() {
      breakDown(new Error("the helper thread was closed"));
      await worker.terminate();
    },
  };
}

/** Node flags for the thread: the parent's, less a `--import tsx` (the thread's entry registers tsx itself when it needs it). */
function withoutTsxImport(flags: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === "--import" && flags[i + 1] === "tsx") i++;
    else if (flags[i] !== "--import=tsx") kept.push(flags[i]!);
  }
  return kept;
}
