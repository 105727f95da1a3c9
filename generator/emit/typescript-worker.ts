// The worker side of the TypeScript printer (see typescript-printer.ts): prints the `src/*.ts` file of
// each module it is sent, with ts-morph's CodeBlockWriter, and sends the files back batch by batch.
import { parentPort } from "node:worker_threads";
import { printTypeScriptFile, type PrintRequest, type PrintResponse } from "./typescript-printer.ts";

const port = parentPort;
if (port === null) throw new Error("typescript-worker.ts runs as a worker thread");
port.on("message", (request: PrintRequest) => {
  let response: PrintResponse;
  try {
    response = { batch: request.batch, files: request.jobs.map(printTypeScriptFile) };
  } catch (error) {
    response = { batch: request.batch, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
