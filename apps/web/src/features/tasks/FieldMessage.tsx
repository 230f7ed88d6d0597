import { schemaMessageIn } from '@donghanh/domain';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { NS } from './strings';

/**
 * Messages from the shared zod schemas are Vietnamese text (shown in English through the
 * domain's dictionary); the form's own are `tasks:` keys.
 */
export function useFieldMessage() {
  const { t } = useTranslation(NS);
  return (err: { message?: string | undefined } | undefined): string | undefined => {
    const m = err?.message;
    if (!m) return undefined;
    return m.startsWith('tasks:') ? t(m.slice('tasks:'.length)) : schemaMessageIn(currentLocale(), m);
  };
}
