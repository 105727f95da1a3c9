// The TSDoc text of a code, shared by its enum member and its class so both say the same.
import type { ClassModel, CodeModel } from "../model/model.ts";
import { docText } from "./safe-text.ts";

type Documented = Pick<CodeModel | ClassModel, "code" | "description" | "descriptionZh" | "retryable" | "fault" | "deprecated" | "since">;

/** Description, Chinese description, then the facts: `Code: \`X\`. Retryable. A server fault.` */
export function codeDoc(entry: Documented): string {
  return [...descriptions(entry), [`Code: \`${entry.code}\`.`, ...facts(entry)].join(" "), ...deprecation(entry)].join("\n\n");
}

/** For an enum member: what the code means; the member's value already says which code it is. */
export function memberDoc(entry: Documented): string {
  const texts = descriptions(entry);
  return [...(texts.length > 0 ? texts : [`Code \`${entry.code}\`.`]), ...deprecation(entry)].join("\n\n");
}

/** For a category that is not itself a code: what it covers, its descriptions and facts. */
export function categoryDoc(entry: Documented): string {
  const summary = `Errors of the \`${entry.code}\` category: any code that starts with \`${entry.code}.\`.`;
  return [summary, ...descriptions(entry), facts(entry).join(" "), ...deprecation(entry)].join("\n\n");
}

/** The `@deprecated` tag of a deprecated code (editors strike its uses through), else nothing. */
export function deprecation(entry: Pick<Documented, "deprecated" | "since">): string[] {
  if (entry.deprecated === undefined) return [];
  return [`@deprecated ${entry.since === undefined ? "" : `Since ${entry.since}: `}${docText(entry.deprecated)}`];
}

function descriptions(entry: Documented): string[] {
  return [entry.description, entry.descriptionZh].filter((text) => text !== undefined).map(docText);
}

function facts(entry: Documented): string[] {
  const result = [entry.retryable ? "Retryable." : "Not retryable."];
  if (entry.fault) result.push(entry.fault === "server" ? "A server fault." : "A client fault.");
  return result;
}
