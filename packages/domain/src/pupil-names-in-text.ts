import { searchKey } from './vietnamese-names';

/**
 * Free text staff write about the school or about staff (a report's remarks, a commendation's
 * note) must not name a child: such text is kept in versions and sent to offices, and no erasure
 * reaches it. The rule: the text is refused when, folded like `Student.searchName` (accent-free,
 * lower case) with punctuation read as spaces, it contains a pupil's full name — every word of
 * the searchName, in order, as whole words. A one-word name is ignored (it would refuse common
 * words); a given name alone ("em Lan") is not caught — the rule catches the name as written in
 * the school's list, not every way of pointing at a child.
 */
export function foldForNameMatch(text: string): string {
  return searchKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The first pupil's searchName the text contains, or null. Pure: the caller brings the names. */
export function pupilNamedIn(text: string, pupilSearchNames: readonly string[]): string | null {
  const folded = ` ${foldForNameMatch(text)} `;
  for (const name of pupilSearchNames) {
    const key = foldForNameMatch(name);
    if (key.split(' ').length < 2) continue;
    if (folded.includes(` ${key} `)) return key;
  }
  return null;
}
