/**
 * Comment mentions: `@` followed by a user's email mentions them (the tasks service
 * resolves them); while typing, the word after `@` at the caret is what to suggest for.
 */
const EMAIL = /@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** The emails a comment mentions, lower case, each once, in order. */
export function mentionsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const before = m.index === 0 ? '' : text[m.index - 1];
    if (before && /[A-Za-z0-9._%+-]/.test(before)) continue;
    const email = m[1].replace(/\.+$/, '').toLowerCase();
    if (!out.includes(email)) out.push(email);
  }
  return out;
}

/** The mention being typed at the caret: where its `@` is and what follows it, or null. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const head = text.slice(0, caret);
  const at = head.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(head[at - 1])) return null;
  const query = head.slice(at + 1);
  if (/\s/.test(query)) return null;
  return { start: at, query };
}

/** The text with the mention being typed replaced by `@email `, and the caret after it. */
export function insertMention(text: string, start: number, caret: number, email: string): { text: string; caret: number } {
  const inserted = `@${email} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** Those of `people` whose name or email starts a word with the query, best first, at most `limit`. */
export function suggest<P extends { email: string; displayName: string }>(people: P[], query: string, limit = 6): P[] {
  const q = query.toLowerCase();
  const score = (p: P) => {
    if (p.email.toLowerCase().startsWith(q)) return 0;
    if (p.displayName.toLowerCase().split(/\s+/).some((w) => w.startsWith(q))) return 1;
    return p.displayName.toLowerCase().includes(q) ? 2 : 3;
  };
  return people.map((p) => ({ p, s: score(p) })).filter((x) => x.s < 3).sort((a, b) => a.s - b.s).slice(0, limit).map((x) => x.p);
}

/** The comment cut into plain text and mentions, to show each mention as a name. */
export function segments(text: string): { text: string; email?: string }[] {
  const out: { text: string; email?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(EMAIL)) {
    const before = m.index === 0 ? '' : text[m.index - 1];
    if (before && /[A-Za-z0-9._%+-]/.test(before)) continue;
    const email = m[1].replace(/\.+$/, '');
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: `@${email}`, email: email.toLowerCase() });
    last = m.index + 1 + email.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
