/**
 * Reading HCL (Terraform / OpenTofu) line by line without a parser: each line's code with the
 * comments left out, and how it moves the brace depth. Shared by the ADR readers (what a change
 * declares) and discovery (what a repository runs on).
 */

/**
 * A line's code without comments (`#`, `//`, and block comments, which may span lines: `state`
 * carries that across calls). Strings are kept whole: a `#` or `/*` inside quotes is text
 * (`pattern = "example.com/*"`).
 */
export function hclCodeOf(line: string, state: { inComment: boolean }): string {
  let code = "";
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (state.inComment) {
      if (c === "*" && line[i + 1] === "/") {
        state.inComment = false;
        i++;
      }
      continue;
    }
    if (inString) {
      code += c;
      if (c === "\\") code += line[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "#" || (c === "/" && line[i + 1] === "/")) break;
    else if (c === "/" && line[i + 1] === "*") {
      state.inComment = true;
      i++;
      continue;
    }
    code += c;
  }
  return code;
}

/** Brace depth change of a code line; braces inside strings (`"${var.x}"`) do not count. */
export function braceDelta(line: string): number {
  let delta = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") delta++;
    else if (c === "}") delta--;
  }
  return delta;
}
