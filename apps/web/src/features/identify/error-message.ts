import { currentLocale } from '../../i18n';
import { errorText } from '../auth/error-text';

/** The server's message in the UI language (Vietnamese unless English was picked and sent). */
export function errorMessage(err: unknown): string {
  const e = errorText(err);
  return currentLocale() === 'en' && e.en ? e.en : e.vi;
}
