/** A tRPC error as the server formatted it: Vietnamese message plus the English one in `data`. */
export function errorText(error: unknown): { vi: string; en: string | null; code: string | null } {
  const e = error as { message?: string; data?: { messageEn?: string; appCode?: string } | null };
  return {
    vi: e.message || 'Lỗi không xác định',
    en: e.data?.messageEn ?? null,
    code: e.data?.appCode ?? null,
  };
}
