// Escaping of spec text for every place it lands in generated output. Spec text is data: it must
// never end a comment, a string or a table row, whatever characters it holds.

const LINE_SEPARATORS = /\u2028|\u2029/g;
/** What docText changes: carriage returns, line separators, a comment's end, a tag's start. */
const DOC_SPECIALS = /[\r\u2028\u2029@]|\*\//;

/** Text for a TSDoc comment: cannot close the comment, start a tag, or split into code lines. */
export function docText(text: string): string {
  if (!DOC_SPECIALS.test(text)) return text; // most text: nothing to escape, no copies made
  return text
    .replace(/\r\n?/g, "\n")
    .replace(LINE_SEPARATORS, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/@/g, "\\@");
}

/** A double-quoted TypeScript/JavaScript string literal for any text. */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  return json.includes("\u2028") || json.includes("\u2029") ? json.replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029")) : json;
}

/** A template literal with one line of source per item; each item's text is kept exactly (`\``, `${`, backslashes and line breaks are escaped). */
export function templateLines(items: readonly string[]): string {
  const escape = (c: string): string => TEMPLATE_ESCAPES[c] ?? `\\${c}`;
  return `\`\n${items.map((item) => `${item.replace(/[\\`\r\n\u2028\u2029]|\$\{/g, escape)}\n`).join("")}\``;
}

const TEMPLATE_ESCAPES: Readonly<Record<string, string>> = { "\r": "\\r", "\n": "\\n", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** A property name: bare when it is an identifier, quoted otherwise. */
export function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : stringLiteral(name);
}

/** Text for one markdown table cell: no row break, no column break, no HTML, no code spans. */
export function markdownCell(text: string): string {
  return markdownText(text)
    .replace(/\r\n?|\n|\u2028|\u2029/g, "<br>")
    .replace(/\|/g, "\\|");
}

/** Text for a markdown paragraph, shown literally: HTML and markdown syntax are escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]#!~])/g, "\\$1");
}

/** A property read: `.name` when it is an identifier, `["na-me"]` otherwise. */
export function propertyAccess(name: string): string {
  const key = propertyName(name);
  return key === name ? `.${name}` : `[${key}]`;
}

/** An optional-chained property read: `?.name`, or `?.["na-me"]`. */
export function optionalAccess(name: string): string {
  const read = propertyAccess(name);
  return read.startsWith(".") ? `?${read}` : `?.${read}`;
}
