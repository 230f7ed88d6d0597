import { currentLocale } from '../../i18n';
/** A tRPC error as the server formatted it: Vietnamese message plus the English one in `data`. */
export function errorText(error: unknown): { vi: string; en: string | null; code: string | null } {
  const e = error as {
    message?: string;
    data?: {
      messageEn?: string;
      appCode?: string;
      details?: { reason?: unknown; reasonEn?: unknown } | null;
    } | null;
  };
  // A step the workflow refused says why in `details.reason` (Vietnamese, from the workflow).
  const reason = typeof e.data?.details?.reason === 'string' ? `: ${e.data.details.reason}` : '';
  const reasonEn = typeof e.data?.details?.reasonEn === 'string' ? `: ${e.data.details.reasonEn}` : reason;
  return {
    vi: `${e.message || 'Lỗi không xác định'}${reason}`,
    en: e.data?.messageEn ? `${e.data.messageEn}${reasonEn}` : null,
    code: e.data?.appCode ?? null,
  };
}

/** A server error in the UI's language (the server always gives Vietnamese, English when it has it). */
export function errorMessage(err: unknown, language: string = currentLocale()): string {
  const e = errorText(err);
  return language === 'en' && e.en ? e.en : e.vi;
}
