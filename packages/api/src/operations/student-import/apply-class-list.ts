import { randomUUID } from 'node:crypto';
import { Prisma } from '@donghanh/db';
import { AppError, type ClassListPlan, type ComparedField, searchKey } from '@donghanh/domain';
import type { z } from 'zod';
import type { Context, SessionUser } from '../../context';
import type { importChunkInput, startClassListImportInput } from '../../router/class-list.schema';
import { loadUpload, planUpload } from './class-list-plan';

/** Rows written per transaction: a chunk commits whole or not at all, and the import resumes after it. */
export const IMPORT_CHUNK_ROWS = 1000;

/** What the import keeps to write, fixed at its start (no issues, no labels). */
interface StoredRow {
  action: 'create' | 'update';
  studentId: string | null;
  moetCode: string;
  fullName: string;
  birthDate: string | null;
  gender: 'MALE' | 'FEMALE' | null;
  ethnicity: string | null;
  className: string;
  fields: ComparedField[];
}

interface Totals {
  /** Rows the import writes (creates and updates). */
  planned: number;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  classesCreated: number;
}

function storedRows(plan: ClassListPlan): StoredRow[] {
  return plan.rows.flatMap((r) =>
    (r.action === 'create' || r.action === 'update') && r.moetCode && r.fullName && r.className
      ? [
          {
            action: r.action,
            studentId: r.studentId,
            moetCode: r.moetCode,
            fullName: r.fullName,
            birthDate: r.birthDate,
            gender: r.gender,
            ethnicity: r.ethnicity,
            className: r.className,
            fields: r.changes.map((c) => c.field),
          },
        ]
      : [],
  );
}

const PROGRESS = { appliedRows: true, totals: true, finishedAt: true } as const;

function progressOf(u: { appliedRows: number; totals: unknown; finishedAt: Date | null }) {
  const { planned, ...totals } = u.totals as Totals;
  return { applied: u.appliedRows, total: planned ?? 0, finished: u.finishedAt !== null, totals };
}

async function progress(ctx: Context, uploadId: string) {
  return progressOf(
    await ctx.db.classListUpload.findUniqueOrThrow({ where: { id: uploadId }, select: PROGRESS }),
  );
}

/**
 * Fixes what the import writes (the confirmed sheet, mapping and year, planned again against
 * the database now) and creates the new classes. Calling it again for a started upload answers
 * its progress: a double click or a retry never plans twice.
 */
export async function startClassListImport(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof startClassListImportInput>,
) {
  const upload = await loadUpload(ctx, input.uploadId);
  if (upload.startedAt) return progress(ctx, upload.id);
  const outcome = await planUpload(ctx, input);
  if (outcome.step === 'sheet')
    throw new AppError('CLASS_LIST_SHEET_REQUIRED', { sheets: outcome.sheets.map((s) => s.name) });
  if (!outcome.plan) throw new AppError('CLASS_LIST_MAPPING_INCOMPLETE', { missing: outcome.missing });
  const { plan, schoolYear, schoolId } = outcome;
  const rows = storedRows(plan);
  const totals: Totals = {
    planned: rows.length,
    rows: plan.counts.rows,
    created: 0,
    updated: 0,
    unchanged: plan.counts.unchanged,
    skipped: plan.counts.skip,
    classesCreated: 0,
  };
  const started = await ctx.db.$transaction(async (tx) => {
    // Only one start wins: a concurrent second one finds startedAt set and changes nothing.
    const claimed = await tx.classListUpload.updateMany({
      where: { id: upload.id, startedAt: null },
      data: { startedAt: new Date() },
    });
    if (claimed.count === 0) return false;
    const made = await tx.class.createMany({
      data: plan.newClasses.map((c) => ({
        id: `cl-${randomUUID().slice(0, 12)}`,
        schoolId,
        schoolYear,
        grade: c.grade,
        name: c.name,
      })),
      skipDuplicates: true,
    });
    totals.classesCreated = made.count;
    // One text parameter cast in SQL: the client's JSON handling is slow on a 5,000-row plan.
    await tx.$executeRaw`UPDATE "ClassListUpload"
      SET plan = ${JSON.stringify(rows)}::jsonb, "schoolYear" = ${schoolYear}, totals = ${JSON.stringify(totals)}::jsonb
      WHERE id = ${upload.id}`;
    return true;
  });
  if (started && rows.length === 0) return finish(ctx, upload.id);
  return progress(ctx, upload.id);
}

/** The audit row of a finished import: counts only (the school and the year, no names, no file name). */
async function finish(ctx: Context & { user: SessionUser }, uploadId: string) {
  return ctx.db.$transaction(async (tx) => {
    const u = await tx.classListUpload.findUniqueOrThrow({
      where: { id: uploadId },
      select: { ...PROGRESS, schoolId: true, schoolYear: true },
    });
    if (u.finishedAt) return progressOf(u);
    const done = await tx.classListUpload.update({
      where: { id: uploadId },
      // The cells and the planned rows hold names: gone once imported. The counts stay.
      data: {
        finishedAt: new Date(),
        sheets: Prisma.DbNull,
        plan: [],
        appliedRows: (u.totals as unknown as Totals).planned,
      },
      select: PROGRESS,
    });
    await tx.auditLog.create({
      data: {
        actorId: ctx.user.id,
        action: 'student.import',
        subjectType: 'school',
        subjectId: u.schoolId,
        reason: JSON.stringify({ schoolYear: u.schoolYear, ...(u.totals as object) }),
        ip: ctx.clientAddress,
      },
    });
    return progressOf(done);
  });
}

/**
 * Writes the next chunk of planned rows in one transaction, under a lock on the upload row: two
 * tabs or a retry never write a chunk twice, and a failure leaves the chunk unwritten.
 */
export async function importClassListChunk(
  ctx: Context & { user: SessionUser },
  input: z.output<typeof importChunkInput>,
) {
  const upload = await loadUpload(ctx, input.uploadId);
  if (!upload.startedAt)
    throw new AppError('VALIDATION_FAILED', { field: 'uploadId', reason: 'not started' });
  const result = await ctx.db.$transaction(
    async (tx) => {
      // The row locked, and only this chunk of the plan read (not the whole plan every time).
      const [u] = await tx.$queryRaw<
        {
          id: string;
          schoolId: string;
          schoolYear: number | null;
          appliedRows: number;
          totals: Totals;
          finishedAt: Date | null;
          chunk: StoredRow[] | null;
        }[]
      >`SELECT id, "schoolId", "schoolYear", "appliedRows", totals, "finishedAt",
               jsonb_path_query_array(plan, ('$[' || "appliedRows" || ' to ' || ("appliedRows" + ${IMPORT_CHUNK_ROWS - 1}) || ']')::jsonpath) AS chunk
          FROM "ClassListUpload" WHERE id = ${upload.id} FOR UPDATE`;
      if (!u) throw new AppError('CLASS_LIST_UPLOAD_NOT_FOUND');
      const chunk = u.chunk ?? [];
      if (u.finishedAt || chunk.length === 0) return { last: true };
      const classes = await tx.class.findMany({
        where: { schoolId: u.schoolId, schoolYear: u.schoolYear ?? 0 },
        select: { id: true, name: true },
      });
      const classId = new Map(classes.map((c) => [c.name, c.id]));
      const creates = chunk.filter((r) => r.action === 'create');
      // Set-based insert from arrays (unnest): a 1,000-row createMany costs about a second here.
      const made = creates.length
        ? await tx.$executeRaw`INSERT INTO "Student"
            (id, "schoolId", "classId", "moetCode", "fullName", "searchName", "birthDate", gender, ethnicity, "updatedAt")
            SELECT t.id, ${u.schoolId}, t.class_id, t.code, t.full_name, t.search_name, t.birth::date, t.gender::"Gender", t.ethnicity, now()
            FROM unnest(
              ${creates.map(() => `st-${randomUUID().slice(0, 12)}`)}::text[],
              ${creates.map((r) => classId.get(r.className) ?? null)}::text[],
              ${creates.map((r) => r.moetCode)}::text[],
              ${creates.map((r) => r.fullName)}::text[],
              ${creates.map((r) => searchKey(r.fullName))}::text[],
              ${creates.map((r) => r.birthDate)}::text[],
              ${creates.map((r) => r.gender)}::text[],
              ${creates.map((r) => r.ethnicity)}::text[]
            ) AS t(id, class_id, code, full_name, search_name, birth, gender, ethnicity)
            ON CONFLICT DO NOTHING`
        : 0;
      let updated = 0;
      for (const r of chunk) {
        if (r.action !== 'update' || !r.studentId) continue;
        const data: Prisma.StudentUncheckedUpdateInput = {};
        for (const f of r.fields) {
          if (f === 'fullName')
            Object.assign(data, { fullName: r.fullName, searchName: searchKey(r.fullName) });
          if (f === 'birthDate') data.birthDate = r.birthDate ? new Date(`${r.birthDate}T00:00:00Z`) : null;
          if (f === 'gender') data.gender = r.gender;
          if (f === 'ethnicity') data.ethnicity = r.ethnicity;
          if (f === 'className') data.classId = classId.get(r.className) ?? null;
          if (f === 'archived') data.archivedAt = null;
        }
        // Only this school's pupil: a code that moved school since the plan is left alone.
        const n = await tx.student.updateMany({ where: { id: r.studentId, schoolId: u.schoolId }, data });
        updated += n.count;
      }
      const totals = u.totals;
      await tx.classListUpload.update({
        where: { id: u.id },
        data: {
          appliedRows: u.appliedRows + chunk.length,
          totals: { ...totals, created: totals.created + made, updated: totals.updated + updated },
        },
      });
      return { last: u.appliedRows + chunk.length >= totals.planned };
    },
    { timeout: 60_000 },
  );
  if (result.last) return finish(ctx, upload.id);
  return progress(ctx, upload.id);
}
