// js-yaml's error reasons, with what to do about them.

/** A hint for a YAML fault, given js-yaml's reason and the text of the line it points at. */
export function yamlHint(reason: string, lineText = ''): string | undefined {
  if (/bad indentation of a mapping entry|can not read a block mapping entry|incomplete explicit mapping pair/.test(reason)) {
    // `title: Alliance: a study` — the second ": " starts a mapping js-yaml cannot place.
    if (/^\s*(?:- )?[\w-]+:\s+[^'"].*:\s/.test(lineText))
      return 'text that contains ": " must be in quotes, e.g. title: \'Alliance: a study\'';
    return 'check the indentation: a nested field is indented two spaces more than its parent, and fields at the same level line up';
  }
  if (/tab characters must not be used/.test(reason)) return 'indent with spaces, not tabs';
  if (/duplicated mapping key/.test(reason)) return 'this field is written twice at the same level; keep one';
  if (/end of the stream or a document separator is expected/.test(reason))
    return 'check the indentation, and that each field is written "name: value"';
  if (/expected a single document in the stream/.test(reason))
    return 'a record file holds one record: remove the second "---" and what follows it, or move it to a file of its own';
  if (/unexpected end of the stream within a flow collection|missed comma between flow collection entries/.test(reason)) {
    return 'a list in [ ] or a group in { } is not closed, or its values are not separated by commas';
  }
  if (/within a (?:single|double) quoted scalar|unexpected end of the stream within a quoted/.test(reason))
    return 'a quote is opened but not closed';
  return undefined;
}

/** The 0-based line of the second document of a YAML text (after a "---" or "..." marker that follows content), for js-yaml's "expected a single document" error, which has no mark. */
export function secondDocumentLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (content) return i;
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) content = true;
  }
  return undefined;
}

/** The message for a file js-yaml cannot read: its reason, and a hint when there is one. `line` is 0-based, as in js-yaml's mark. */
export function yamlErrorMessage(reason: string, text: string, line?: number): string {
  const lineText = line === undefined ? '' : (text.split(/\r?\n/)[line] ?? '');
  const hint = yamlHint(reason, lineText);
  return `is not valid YAML: ${reason}${hint ? ` (${hint})` : ''}`;
}
