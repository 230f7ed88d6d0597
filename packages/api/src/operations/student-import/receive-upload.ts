import { createHash, randomUUID } from 'node:crypto';
import { CLASS_LIST_UPLOAD_TTL_MS, type Prisma } from '@donghanh/db';
import { AppError, CLASS_LIST_LIMITS } from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';
import { readWorkbook, storeSheets } from './xlsx-file';

/**
 * Keeps an uploaded class list for its preview and import. The file is opened here once, so a
 * file that is not an .xlsx, too large, a zip bomb or unreadable is refused at upload, not later.
 */
export async function receiveClassListUpload(
  ctx: Context & { user: SessionUser },
  input: { schoolId: string; fileName: string; bytes: Buffer },
) {
  if (input.bytes.length > CLASS_LIST_LIMITS.maxBytes)
    throw new AppError('CLASS_LIST_TOO_LARGE', { maxBytes: CLASS_LIST_LIMITS.maxBytes });
  const school = await ctx.db.school.findUnique({ where: { id: input.schoolId }, select: { id: true } });
  if (!school) throw new AppError('SCHOOL_NOT_FOUND');
  const sheets = await readWorkbook(input.bytes);
  // A sheet far over the limit is refused now, not stored to be refused at the preview.
  const ceiling = CLASS_LIST_LIMITS.maxRows + CLASS_LIST_LIMITS.headerScanRows;
  for (const s of sheets) {
    const rows = s.rows.filter((r) => r.some((c) => c !== null && c !== '')).length;
    if (rows > ceiling)
      throw new AppError('CLASS_LIST_TOO_MANY_ROWS', {
        sheet: s.name,
        rows,
        maxRows: CLASS_LIST_LIMITS.maxRows,
      });
  }
  const id = `clu-${randomUUID()}`;
  // Upload time is bookkeeping (a real instant), not a calendar decision: the wall clock is right.
  const expired = new Date(Date.now() - CLASS_LIST_UPLOAD_TTL_MS);
  await ctx.db.$transaction([
    ctx.db.classListUpload.deleteMany({ where: { createdAt: { lt: expired }, finishedAt: null } }),
    ctx.db.classListUpload.create({
      data: {
        id,
        schoolId: input.schoolId,
        uploadedById: ctx.user.id,
        fileName:
          input.fileName
            .normalize('NFC')
            .replace(/\p{Cc}/gu, '')
            .slice(0, 200) || 'class-list.xlsx',
        size: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        sheets: storeSheets(sheets) as unknown as Prisma.InputJsonValue,
      },
    }),
  ]);
  return { uploadId: id, sheets: sheets.map(({ name, state }) => ({ name, state })) };
}
