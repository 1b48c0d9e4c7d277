/**
 * Where a JSON text goes wrong, as line and column. `JSON.parse` says *that* a text is not JSON,
 * but where and how it says so differs between engines (V8 gives a position or none, Firefox a
 * line and column), so after it fails we scan the text ourselves with a small iterative JSON
 * recogniser (RFC 8259), which also names the usual culprits: comments, single quotes, trailing commas.
 */

export interface SyntaxProblem {
  /** 1-based line and column (in UTF-16 code units, as editors count). */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

type Expect = "value" | "key" | "colon" | "after-value" | "end";

/** The first syntax error in `text`, or undefined if it is valid JSON. */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
  const at = (offset: number, message: string) => ({ ...lineColumn(text, offset), message });
  const stack: ("{" | "[")[] = [];
  let expect: Expect = "value";
  let i = 0;
  let afterComma = false;
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
    if (i >= text.length) return expect === "end" ? undefined : at(i, endMessage(stack));
    const c = text[i];
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return at(i, "comments are not allowed in JSON");
    switch (expect) {
      case "end":
        return at(i, `unexpected ${describe(c)} after the end of the document`);
      case "colon":
        if (c !== ":") return at(i, `expected ':' after a property name, got ${describe(c)}`);
        i++;
        expect = "value";
        continue;
      case "key":
        if (c === "}" && !afterComma) { stack.pop(); i++; expect = stack.length ? "after-value" : "end"; continue; }
        if (c === "}") return at(i, "trailing comma before '}'");
        if (c !== '"') return at(i, c === "'" ? "property names need double quotes, not single quotes" : `expected a property name in double quotes, got ${describe(c)}`);
        {
          const end = scanString(text, i);
          if (typeof end !== "number") return at(end.offset, end.message);
          i = end;
        }
        expect = "colon";
        continue;
      case "after-value": {
        const close = stack.at(-1) === "{" ? "}" : "]";
        if (c === ",") { i++; afterComma = true; expect = close === "}" ? "key" : "value"; continue; }
        if (c !== close) return at(i, `expected ',' or '${close}', got ${describe(c)}`);
        stack.pop();
        i++;
        expect = stack.length ? "after-value" : "end";
        continue;
      }
      case "value": {
        if (c === "]" && stack.at(-1) === "[") {
          if (afterComma) return at(i, "trailing comma before ']'");
          stack.pop(); i++; expect = stack.length ? "after-value" : "end"; continue;
        }
        afterComma = false;
        if (c === "{" || c === "[") { stack.push(c); i++; expect = c === "{" ? "key" : "value"; continue; }
        const end = c === '"' ? scanString(text, i) : scanLiteral(text, i);
        if (typeof end !== "number") return at(end.offset, end.message);
        i = end;
        expect = stack.length ? "after-value" : "end";
      }
    }
  }
}

type Scan = number | { offset: number; message: string };

function scanString(text: string, start: number): Scan {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, message: c === 0x0a ? "unterminated string (a line break inside quotes must be written \\n)" : "control character inside a string" };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
      else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return { offset: i, message: `invalid escape ${JSON.stringify("\\" + (e ?? ""))} in a string` };
    }
  }
  return { offset: start, message: "unterminated string" };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanLiteral(text: string, start: number): Scan {
  for (const word of ["true", "false", "null"]) if (text.startsWith(word, start)) return start + word.length;
  NUMBER.lastIndex = start;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  const c = text[start];
  if (c === "'") return { offset: start, message: "strings need double quotes, not single quotes" };
  const word = /^[A-Za-z]+/.exec(text.slice(start, start + 20))?.[0];
  if (word !== undefined) return { offset: start, message: `unexpected word ${JSON.stringify(word)}${/^(NaN|Infinity|undefined)$/.test(word) ? " (JSON has no NaN, Infinity or undefined)" : ""}` };
  return { offset: start, message: `expected a value, got ${describe(c)}` };
}

function endMessage(stack: readonly ("{" | "[")[]): string {
  if (stack.length === 0) return "unexpected end of text";
  const close = stack.at(-1) === "{" ? "}" : "]";
  return stack.length === 1 ? `unexpected end of text: missing '${close}'` : `unexpected end of text: ${stack.length} brackets still open, the innermost needs '${close}'`;
}

function describe(c: string): string {
  return c === '"' ? "'\"'" : `'${c}'`;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) [line, lineStart] = [line + 1, i + 1];
  return { line, column: offset - lineStart + 1 };
}
