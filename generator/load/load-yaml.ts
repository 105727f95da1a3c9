// YAML text → a tree of nodes that each remember where they stand in the file.
// Built from js-yaml's event stream, so every diagnostic can name `file:line:column`.
import { CORE_SCHEMA, EVENT_ID, SCALAR_STYLE, YAMLException, getScalarValue, parseEvents } from "js-yaml";
import type { Event, ScalarEvent } from "js-yaml";
import { diagnostic, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import { LineIndex } from "./line-index.ts";

export { LineIndex };

export type ScalarValue = string | number | boolean | null;

export interface YamlScalar {
  readonly kind: "scalar";
  readonly value: ScalarValue;
  /** The scalar as written, for messages (`0x10`, not `16`). */
  readonly source: string;
  readonly position: SourcePosition;
}

export interface YamlEntry {
  readonly key: YamlNode;
  readonly value: YamlNode;
}

export interface YamlMap {
  readonly kind: "map";
  readonly entries: readonly YamlEntry[];
  readonly position: SourcePosition;
}

export interface YamlSeq {
  readonly kind: "seq";
  readonly items: readonly YamlNode[];
  readonly position: SourcePosition;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

export interface LoadedYaml {
  readonly root: YamlNode | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** The node at a path of mapping keys (`valueAt(root, "package", "version")`), before any validation. */
export function valueAt(node: YamlNode | undefined, ...keys: readonly string[]): YamlNode | undefined {
  for (const key of keys) node = node?.kind === "map" ? node.entries.find((entry) => entry.key.kind === "scalar" && entry.key.value === key)?.value : undefined;
  return node;
}

/** Deeper nesting than this is refused by the parser before it can exhaust the stack. */
export const MAX_YAML_DEPTH = 64;
/**
 * A document whose aliases add more than this many nodes is refused (the "billion laughs" attack). Nodes
 * written out count for nothing: a large spec without aliases is only as large as its text.
 */
export const MAX_YAML_NODES = 1_000_000;

/** Parses one YAML document. Syntax errors, empty files and extra documents become diagnostics. */
/** `expected` completes the message for an empty file: "the spec is empty: expected …". */
export function loadYaml(text: string, file: string, expected = "a YAML mapping"): LoadedYaml {
  const lines = new LineIndex(file, text);
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_YAML_DEPTH });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    return { root: undefined, diagnostics: [yamlSyntaxDiagnostic(error, text, lines)] };
  }
  return new TreeBuilder(text, lines, events, expected).build();
}

function yamlSyntaxDiagnostic(error: YAMLException, text: string, lines: LineIndex): Diagnostic {
  const offset = error.mark?.position ?? 0;
  const position = lines.position(offset);
  const quote = openQuoteBefore(text, offset, lines);
  const hint = quote ? ` (is the quote at ${quote.line}:${quote.column} left open?)` : "";
  return diagnostic(position, `YAML syntax error: ${error.reason}${hint}`);
}

/**
 * The parser reports an unclosed quote where the quoted text finally breaks, often lines later.
 * Looks back a few lines for a line whose quotes do not pair up, to point at the likely culprit.
 */
function openQuoteBefore(text: string, offset: number, lines: LineIndex): SourcePosition | undefined {
  const errorLine = lines.position(offset).line;
  const all = text.split("\n");
  for (let line = errorLine - 1; line >= Math.max(1, errorLine - 20); line--) {
    const content = all[line - 1] ?? "";
    const opened = unpairedQuote(content);
    if (opened !== -1) return { file: lines.file, line, column: opened + 1 };
  }
  return undefined;
}

/** The index of a quote that starts a scalar on this line and is never closed on it, else -1. */
function unpairedQuote(line: string): number {
  let open = -1;
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (open === -1) {
      if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
      if ((c === '"' || c === "'") && (i === 0 || /[\s:\[{,-]/.test(line[i - 1]!))) [open, quote] = [i, c];
    } else if (c === "\\" && quote === '"') i++;
    else if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else open = -1;
    }
  }
  return open;
}

class TreeBuilder {
  private index = 0;
  private readonly anchors = new Map<string, { node: YamlNode; size: number }>();
  private readonly diagnostics: Diagnostic[] = [];
  /** The innermost collection whose expanded size first passed MAX_YAML_NODES. */
  private oversized: SourcePosition | undefined;
  /** Nodes that aliases add to the document, as if each were expanded where it stands (capped). */
  private aliased = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly events: readonly Event[],
    private readonly expected: string,
  ) {}

  build(): LoadedYaml {
    const documents: { node: YamlNode | undefined; size: number }[] = [];
    while (this.index < this.events.length) {
      const event = this.events[this.index++]!;
      if (event.type !== EVENT_ID.DOCUMENT) continue;
      documents.push(this.events[this.index]?.type === EVENT_ID.POP ? { node: undefined, size: 0 } : this.node());
      this.index++; // the document's POP
    }
    const first = documents[0];
    if (first?.node === undefined) {
      const extra = documents.slice(1).find((document) => document.node !== undefined);
      if (extra?.node) return { root: undefined, diagnostics: [this.extraDocument(extra.node)] };
      return { root: undefined, diagnostics: [diagnostic(this.lines.position(0), `the spec is empty: expected ${this.expected}`)] };
    }
    const extra = documents[1];
    if (extra !== undefined) {
      const at = extra.node?.position ?? this.lines.position(this.text.length);
      return { root: undefined, diagnostics: [diagnostic(at, "a spec is one YAML document, but a second document starts here: remove the `---` separator and what follows, or move it to its own file")] };
    }
    if (this.oversized && this.aliased > MAX_YAML_NODES) {
      const message = `this expands to more than ${MAX_YAML_NODES.toLocaleString("en-US")} nodes through aliases; refusing the spec (an alias bomb?)`;
      return { root: undefined, diagnostics: [diagnostic(this.oversized, message)] };
    }
    return { root: first.node, diagnostics: this.diagnostics };
  }

  private extraDocument(node: YamlNode): Diagnostic {
    return diagnostic(node.position, "a spec is one YAML document: remove the empty document and the `---` separator before this one");
  }

  /** Reads the node at the cursor; `size` counts nodes as if aliases were expanded. */
  private node(): { node: YamlNode; size: number } {
    const event = this.events[this.index++]!;
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return this.remember(event.anchorStart, event.anchorEnd, { node: this.scalar(event), size: 1 });
      case EVENT_ID.MAPPING: {
        const entries: YamlEntry[] = [];
        let size = 1;
        while (this.events[this.index]!.type !== EVENT_ID.POP) {
          const key = this.node();
          const value = this.node();
          entries.push({ key: key.node, value: value.node });
          size = capped(size + key.size + value.size);
        }
        this.index++;
        const node: YamlMap = { kind: "map", entries, position: this.lines.position(event.start) };
        this.noteSize(size, node.position);
        this.checkTag(event.tagStart, event.tagEnd, "!!map", node.position);
        return this.remember(event.anchorStart, event.anchorEnd, { node, size });
      }
      case EVENT_ID.SEQUENCE: {
        const items: YamlNode[] = [];
        let size = 1;
        while (this.events[this.index]!.type !== EVENT_ID.POP) {
          const item = this.node();
          items.push(item.node);
          size = capped(size + item.size);
        }
        this.index++;
        const node: YamlSeq = { kind: "seq", items, position: this.lines.position(event.start) };
        this.noteSize(size, node.position);
        this.checkTag(event.tagStart, event.tagEnd, "!!seq", node.position);
        return this.remember(event.anchorStart, event.anchorEnd, { node, size });
      }
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(event.anchorStart, event.anchorEnd);
        const target = this.anchors.get(name);
        if (target) {
          this.aliased = capped(this.aliased + target.size);
          return target;
        }
        // js-yaml rejects unknown aliases while parsing; this is a guard, not a path users reach.
        const position = this.lines.position(event.anchorStart);
        this.diagnostics.push(diagnostic(position, `unknown alias *${name}`));
        return { node: { kind: "scalar", value: null, source: `*${name}`, position }, size: 1 };
      }
      default:
        throw new Error(`unexpected YAML event ${event.type} at index ${this.index - 1}`);
    }
  }

  private noteSize(size: number, position: SourcePosition): void {
    if (size > MAX_YAML_NODES && this.oversized === undefined) this.oversized = position;
  }

  private remember(anchorStart: number, anchorEnd: number, built: { node: YamlNode; size: number }) {
    if (anchorStart >= 0) this.anchors.set(this.text.slice(anchorStart, anchorEnd), built);
    return built;
  }

  private scalar(event: ScalarEvent): YamlScalar {
    const text = getScalarValue(this.text, event);
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    const position = this.lines.position(quoted ? event.valueStart - 1 : event.valueStart);
    const tag = event.tagStart >= 0 ? this.text.slice(event.tagStart, event.tagEnd) : undefined;
    const source = this.text.slice(quoted ? event.valueStart - 1 : event.valueStart, quoted ? event.valueEnd + 1 : event.valueEnd);
    if (tag !== undefined && tag !== "!!str" && tag !== "!") {
      this.diagnostics.push(diagnostic(this.lines.position(event.tagStart), `unsupported YAML tag ${tag}: errgen specs use plain values; quote the value to make it a string`));
    }
    if (event.style !== SCALAR_STYLE.PLAIN || tag !== undefined) return { kind: "scalar", value: text, source, position };
    const value = CORE_SCHEMA.resolveImplicitScalarTag(text).value as ScalarValue;
    return { kind: "scalar", value, source, position };
  }

  private checkTag(tagStart: number, tagEnd: number, allowed: string, position: SourcePosition): void {
    if (tagStart < 0) return;
    const tag = this.text.slice(tagStart, tagEnd);
    if (tag !== allowed) this.diagnostics.push(diagnostic(position, `unsupported YAML tag ${tag}: errgen specs use plain mappings and lists`));
  }
}

/** Sizes only need to be compared with MAX_YAML_NODES; capping keeps the sum finite for alias bombs. */
function capped(size: number): number {
  return Math.min(size, MAX_YAML_NODES + 1);
}
