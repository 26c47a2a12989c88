/** Makes text from templates inert inside GitHub-flavoured markdown: one paragraph or one table cell. */

// Backslash escapes work for every ASCII punctuation mark in CommonMark (https://spec.commonmark.org/0.31.2/#backslash-escapes);
// these are the ones that start emphasis, code, links, tables, strikethrough, headings and math on GitHub.
const backslashEscaped = /[\\`*_[\]|~#$]/g;

/**
 * Escapes `text` for inline use. HTML specials become entities; markdown punctuation is backslash-escaped;
 * `@` gets a zero-width joiner so `@user` and `@org/team` notify nobody (GitHub links mentions after
 * decoding entities, so `&#64;` would not stop them); bare URLs are broken the same way so they are not
 * autolinked; line breaks become `<br>` so a table row stays one row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(backslashEscaped, (char) => `\\${char}`)
    .replace(/@/g, '@\u200d')
    // GitHub autolinks bare URLs and `www.` hosts; a zero-width joiner keeps them text.
    .replace(/:\/\//g, ':\u200d//')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\u200d.`)
    .replace(/\r\n|\r|\n/g, '<br>');
}
