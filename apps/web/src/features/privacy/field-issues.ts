import { schemaMessageIn } from '@donghanh/domain';

/**
 * A failed schema parse as the form shows it: one message per field, in the screen's language.
 * `key: 'path'` names nested fields by their whole path (`guardian.name`), `'first'` by the
 * top-level field alone.
 */
export function fieldIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  language: string,
  key: 'path' | 'first' = 'path',
): Record<string, string> {
  const lang = language === 'en' ? 'en' : 'vi';
  return Object.fromEntries(
    issues.map((i) => [
      key === 'path' ? i.path.map(String).join('.') : String(i.path[0]),
      schemaMessageIn(lang, i.message),
    ]),
  );
}
