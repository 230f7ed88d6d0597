import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLASS_LIST_UPLOAD_TTL_MS, purgeExpiredClassListUploads } from '../src';
import { loadDemoOrganisation } from '../src/seed';
import { createTestDatabase, type TestDatabase } from '../src/testing';

/** An uploaded class list holds pupils' names: unfinished ones past their day are purged, with no new upload needed. */
let database: TestDatabase;
const now = new Date('2026-12-02T03:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'));
  await loadDemoOrganisation(database.db);
  const upload = (id: string, createdAt: Date, finishedAt: Date | null) => ({
    id,
    schoolId: 's-thcs-chiengle',
    uploadedById: 'u-ct-cl',
    fileName: 'ds.xlsx',
    size: 1,
    sha256: id,
    sheets: finishedAt ? undefined : [{ name: 'DS', rows: [['Cầm Thị Xuân']] }],
    createdAt,
    finishedAt,
  });
  await database.db.classListUpload.createMany({
    data: [
      upload('clu-stale', ago(CLASS_LIST_UPLOAD_TTL_MS + 60_000), null),
      upload('clu-older', ago(3 * CLASS_LIST_UPLOAD_TTL_MS), null),
      upload('clu-fresh', ago(CLASS_LIST_UPLOAD_TTL_MS - 60_000), null),
      upload('clu-finished', ago(30 * CLASS_LIST_UPLOAD_TTL_MS), ago(29 * CLASS_LIST_UPLOAD_TTL_MS)),
    ],
  });
}, 120_000);

afterAll(() => database?.drop());

describe('purgeExpiredClassListUploads', () => {
  it('deletes the unfinished uploads older than a day, keeps a fresh one and the finished counts', async () => {
    expect(await purgeExpiredClassListUploads(database.db, now)).toBe(2);
    const left = await database.db.classListUpload.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    expect(left.map((u) => u.id)).toEqual(['clu-finished', 'clu-fresh']);
    expect(await purgeExpiredClassListUploads(database.db, now)).toBe(0);
  });
});
