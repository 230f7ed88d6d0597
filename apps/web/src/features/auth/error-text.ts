import { currentLocale } from '../../i18n';

interface ServerErrorData {
  messageEn?: string;
  appCode?: string;
  details?: { reason?: unknown; reasonEn?: unknown; reasons?: unknown } | null;
}

/** A rule's reasons as the server sends them: `{ vi, en }` each (e.g. the eligibility rules). */
function bilingualReasons(details: ServerErrorData['details']): { vi: string; en: string }[] | null {
  const list = details?.reasons;
  if (!Array.isArray(list) || list.length === 0) return null;
  const ok = list.every(
    (r) => typeof r === 'object' && r !== null && typeof r.vi === 'string' && typeof r.en === 'string',
  );
  return ok ? (list as { vi: string; en: string }[]) : null;
}

/** A tRPC error as the server formatted it: Vietnamese message plus the English one in `data`. */
export function errorText(error: unknown): { vi: string; en: string | null; code: string | null } {
  const e = error as { message?: string; data?: ServerErrorData | null };
  // Why a rule or the workflow refused: each reason in both languages when the rule gave them,
  // else the refusal's own words (`details.reason`, `details.reasonEn` from the catalogue).
  const reasons = bilingualReasons(e.data?.details);
  const reason = typeof e.data?.details?.reason === 'string' ? e.data.details.reason : null;
  const reasonEn = typeof e.data?.details?.reasonEn === 'string' ? e.data.details.reasonEn : reason;
  const why = (lang: 'vi' | 'en') => {
    if (reasons) return `: ${reasons.map((r) => r[lang]).join('; ')}`;
    const text = lang === 'vi' ? reason : reasonEn;
    return text ? `: ${text}` : '';
  };
  return {
    vi: `${e.message || 'Lỗi không xác định'}${why('vi')}`,
    en: e.data?.messageEn ? `${e.data.messageEn}${why('en')}` : null,
    code: e.data?.appCode ?? null,
  };
}

/** A server error in the UI's language (the server always gives Vietnamese, English when it has it). */
export function errorMessage(err: unknown, language: string = currentLocale()): string {
  const e = errorText(err);
  return language === 'en' && e.en ? e.en : e.vi;
}
