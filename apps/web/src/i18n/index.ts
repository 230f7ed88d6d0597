import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { coreStrings } from './core-strings';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
const STORAGE_KEY = 'dh.lang';

function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Vietnamese first: English only when the user picked it (kept in localStorage). */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: savedLocale(),
  fallbackLng: 'vi',
  defaultNS: 'core',
  ns: ['core'],
  resources: { vi: { core: coreStrings.vi }, en: { core: coreStrings.en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale(i18n.language === 'en' ? 'en' : 'vi');

export function setLocale(locale: Locale) {
  void i18n.changeLanguage(locale);
  dayjs.locale(locale);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/**
 * Each screen brings its own strings (vi and en with the same keys): `registerStrings('tasks', …)`
 * at the top of its module, then `useTranslation('tasks')`.
 */
export function registerStrings<T extends Record<string, unknown>>(ns: string, strings: { vi: T; en: T }) {
  if (!i18n.hasResourceBundle('vi', ns)) {
    i18n.addResourceBundle('vi', ns, strings.vi);
    i18n.addResourceBundle('en', ns, strings.en);
  }
}

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'vi');
