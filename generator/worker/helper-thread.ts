// The helper thread (see helper.ts): does each piece of work it is sent and answers with its output,
// or with the error that stopped it.
import { parentPort } from "node:worker_threads";
import { printTypeScriptFile } from "../emit/typescript-printer.ts";
import { readProductSpec } from "../validate/validate-spec.ts";
import type { HelperRequest, HelperResponse, HelperWork } from "./helper.ts";

const WORK: { readonly [K in keyof HelperWork]: (input: HelperWork[K]["input"]) => HelperWork[K]["output"] } = {
  "read-products": (files) => files.map(readProductSpec),
  "print-typescript": (jobs) => jobs.map(printTypeScriptFile),
};

const port = parentPort;
if (port === null) throw new Error("helper-thread.ts runs as a worker thread");
port.on("message", (request: HelperRequest) => {
  let response: HelperResponse;
  try {
    response = { id: request.id, output: (WORK[request.kind] as (input: unknown) => unknown)(request.input) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
