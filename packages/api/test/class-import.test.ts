import { deflateRawSync } from 'node:zlib';
import { AppError } from '@donghanh/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../src/auth/session';
import type { Context, SessionUser } from '../src/context';
import { receiveClassListUpload } from '../src/operations/student-import/receive-upload';
import { uploadClassList } from '../src/operations/student-import/upload-class-list';
import { manyPupils, ministryWorkbook, type PupilLine, simpleWorkbook } from './support/class-list-files';
import {
  ACTORS,
  type Actor,
  callerFor,
  cipher,
  database,
  sessionUser,
  setUpFixture,
} from './support/fixture';

/**
 * The class-list import end to end against the real database: upload (the server's route calls
 * the same operation), preview, import in chunks, re-import, refusals. Files are built here.
 */
const SCHOOL = 's-thcs-chiengle';

async function upload(bytes: Buffer, actor: Actor = 'coordinator') {
  const user = (await sessionUser(ACTORS[actor])) as SessionUser;
  const ctx: Context & { user: SessionUser } = {
    db: database.db,
    temporal: null as unknown as Context['temporal'],
    user,
    sessionId: null,
    clientAddress: '203.0.113.9',
    requestId: 'test',
    cipher,
  };
  return receiveClassListUpload(ctx, { schoolId: SCHOOL, fileName: 'ds.xlsx', bytes });
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    const cause = error instanceof AppError ? error : (error as { cause?: unknown }).cause;
    if (cause instanceof AppError) return cause.code;
    throw error;
  }
  return 'none';
}

/** Runs the import to its end the way the wizard does: start, then chunk after chunk. */
async function importAll(uploadId: string, sheet?: string, actor: Actor = 'coordinator') {
  const api = await callerFor(actor);
  let p = await api.classList.start({ uploadId, ...(sheet ? { sheet } : {}) });
  const seen = [p.applied];
  while (!p.finished) {
    p = await api.classList.importChunk({ uploadId });
    seen.push(p.applied);
  }
  return { ...p, seen };
}

const pupils: PupilLine[] = [
  // Known (demo st-01, Lò Văn Ánh 2014-03-12, 6A): same data, a serial date for the same day.
  {
    code: '0140123401',
    family: 'Lò Văn',
    given: 'Ánh',
    birth: 41710,
    gender: 'Nam',
    ethnicity: 'Thái',
    className: '6A',
  },
  // New, NFD-decomposed, leading zeros, a real date cell.
  {
    code: '0010000001',
    family: 'Ca\u0302\u0300m Thi\u0323',
    given: 'Hoa\u0300',
    birth: new Date(Date.UTC(2014, 0, 5)),
    gender: 'Nữ',
    ethnicity: 'Thái',
    className: '6A',
  },
  // New, in a class the school does not have.
  {
    code: '0010000002',
    family: 'Giàng A',
    given: 'Pao',
    birth: '07/09/2013',
    gender: 'Nam',
    ethnicity: "H'Mông",
    className: '6C',
  },
  // Bad rows: an unreadable date, an implausible age, a duplicate code.
  {
    code: '0010000003',
    family: 'Trần Văn',
    given: 'Lỗi',
    birth: '31/02/2013',
    gender: 'Nam',
    ethnicity: 'Kinh',
    className: '6A',
  },
  {
    code: '0010000004',
    family: 'Hà Thị',
    given: 'Già',
    birth: '01/01/1990',
    gender: 'Nữ',
    ethnicity: 'Tày',
    className: '6A',
  },
  {
    code: '0010000001',
    family: 'Lò Thị',
    given: 'Trùng',
    birth: '02/02/2014',
    gender: 'Nữ',
    ethnicity: 'Thái',
    className: '6A',
  },
  // Known as "Quàng Văn Đông" (st-05, 7B): another name in the file.
  {
    code: '0140123405',
    family: 'Quàng Văn',
    given: 'Đồng',
    birth: '30/05/2013',
    gender: 'Nam',
    ethnicity: 'Thái',
    className: '7B',
  },
];

let file: Buffer;

beforeAll(async () => {
  await setUpFixture();
  file = await ministryWorkbook(pupils, { hiddenSheet: true, formulaRow: true, formulaWithoutValue: true });
});
afterAll(() => database?.drop());

describe('class-list import', () => {
  let uploadId: string;

  it('asks which sheet when the workbook has a hidden one, then previews every row', async () => {
    const up = await upload(file);
    uploadId = up.uploadId;
    expect(up.sheets).toEqual([
      { name: 'DSHS', state: 'visible' },
      { name: 'Cũ', state: 'hidden' },
    ]);
    const api = await callerFor('coordinator');
    const ask = await api.classList.preview({ uploadId });
    expect(ask.step).toBe('sheet');
    expect(await refusal(api.classList.start({ uploadId }))).toBe('CLASS_LIST_SHEET_REQUIRED');

    const p = await api.classList.preview({ uploadId, sheet: 'DSHS', limit: 100 });
    expect(p.step).toBe('preview');
    if (p.step !== 'preview') return;
    expect(p).toMatchObject({ headerRow: 3, dataStart: 5, namesShown: true, schoolYear: 2026 });
    expect(p.mapping).toMatchObject({
      moetCode: 1,
      familyMiddle: 2,
      givenName: 3,
      birthDate: 4,
      className: 7,
    });
    const by = (line: number) => p.rows.find((r) => r.line === line);
    expect(by(6)).toMatchObject({ moetCode: '0140123401', action: 'unchanged', issues: [] });
    expect(by(7)).toMatchObject({
      moetCode: '0010000001',
      fullName: 'Cầm Thị Hoà',
      birthDate: '2014-01-05',
      gender: 'FEMALE',
      action: 'create',
    });
    expect(by(7)?.fullName).toBe('Cầm Thị Hoà'.normalize('NFC'));
    expect(by(8)?.issues.map((i) => i.code)).toEqual(['CLASS_NEW']);
    expect(by(9)).toMatchObject({
      action: 'skip',
      issues: [{ code: 'BIRTH_DATE_UNREADABLE', level: 'error' }],
    });
    expect(by(10)?.issues.map((i) => i.code)).toEqual(['AGE_IMPLAUSIBLE']);
    expect(by(11)?.issues.map((i) => i.code)).toContain('DUPLICATE_IN_FILE');
    expect(by(12)).toMatchObject({
      action: 'update',
      changes: [{ field: 'fullName', from: 'Quàng Văn Đông', to: 'Quàng Văn Đồng' }],
    });
    expect(by(12)?.issues.map((i) => i.code)).toContain('CODE_KNOWN_OTHER_NAME');
    expect(by(13)).toMatchObject({
      className: '7B',
      issues: [{ code: 'FORMULA_VALUE_USED' }],
      action: 'create',
    });
    expect(by(14)?.issues.map((i) => i.code)).toContain('FORMULA_NO_VALUE');
    expect(p.counts).toEqual({ rows: 9, create: 3, update: 1, unchanged: 1, skip: 4, warnings: 3 });
    expect(p.newClasses).toEqual([{ name: '6C', grade: 6 }]);
  });

  it('shows an admin above the school the codes and the issues, not the names', async () => {
    const api = await callerFor('admin');
    const p = await api.classList.preview({ uploadId, sheet: 'DSHS' });
    expect(p.step === 'preview' && p.namesShown).toBe(false);
    expect(JSON.stringify(p.rows)).not.toContain('Cầm');
    expect(JSON.stringify(p.rows)).not.toContain('Đông');
  });

  it('lets the user change the mapping', async () => {
    const api = await callerFor('coordinator');
    // Without the code column the import cannot run: the preview asks for the mapping.
    const p = await api.classList.preview({
      uploadId,
      sheet: 'DSHS',
      mapping: { familyMiddle: 2, givenName: 3, className: 7 },
    });
    expect(p.step).toBe('mapping');
    expect(p.step === 'mapping' && p.missing).toEqual(['moetCode']);
  });

  it('imports the valid rows in one go, audited with counts only', async () => {
    const done = await importAll(uploadId, 'DSHS');
    expect(done).toMatchObject({ finished: true, total: 4 });
    expect(done.totals).toMatchObject({
      created: 3,
      updated: 1,
      unchanged: 1,
      skipped: 4,
      classesCreated: 1,
    });
    const db = database.db;
    const hoa = await db.student.findUniqueOrThrow({
      where: { moetCode: '0010000001' },
      include: { class: true },
    });
    expect(hoa).toMatchObject({ fullName: 'Cầm Thị Hoà', searchName: 'cam thi hoa', gender: 'FEMALE' });
    expect(hoa.class?.name).toBe('6A');
    expect((await db.student.findUniqueOrThrow({ where: { moetCode: '0140123405' } })).fullName).toBe(
      'Quàng Văn Đồng',
    );
    expect(await db.class.count({ where: { schoolId: SCHOOL, schoolYear: 2026, name: '6C' } })).toBe(1);
    expect(await db.student.count({ where: { moetCode: { in: ['0010000003', '0010000004'] } } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { action: 'student.import' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'u-ct-cl', subjectType: 'school', subjectId: SCHOOL });
    expect(JSON.parse(audit[0]?.reason ?? '{}')).toMatchObject({ schoolYear: 2026, created: 3, updated: 1 });
    expect(audit[0]?.reason).not.toMatch(/Cầm|Đồng|ds\.xlsx/);
    // The file and its rows are gone once imported.
    const u = await db.classListUpload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(u.sheets).toBeNull();
    expect(u.plan).toEqual([]);
    // A second start or chunk answers the finished import and writes nothing.
    const api = await callerFor('coordinator');
    expect(await api.classList.start({ uploadId, sheet: 'DSHS' })).toMatchObject({ finished: true });
    expect(await api.classList.importChunk({ uploadId })).toMatchObject({ finished: true });
    expect(await db.auditLog.count({ where: { action: 'student.import' } })).toBe(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const db = database.db;
    const before = await db.student.findMany({ where: { schoolId: SCHOOL }, orderBy: { id: 'asc' } });
    const again = await upload(file);
    const api = await callerFor('coordinator');
    const p = await api.classList.preview({ uploadId: again.uploadId, sheet: 'DSHS' });
    expect(p.counts).toMatchObject({ create: 0, update: 0, unchanged: 5 });
    const done = await importAll(again.uploadId, 'DSHS');
    expect(done.totals).toMatchObject({ created: 0, updated: 0, classesCreated: 0 });
    expect(await db.student.findMany({ where: { schoolId: SCHOOL }, orderBy: { id: 'asc' } })).toEqual(
      before,
    );
  });

  it('lists exactly what a changed file updates, field by field', async () => {
    const changed = pupils.slice(0, 3).map((p) => ({ ...p }));
    (changed[1] as PupilLine).className = '7B';
    (changed[2] as PupilLine).birth = '08/09/2013';
    (changed[2] as PupilLine).ethnicity = 'Mông';
    const up = await upload(await ministryWorkbook(changed));
    const api = await callerFor('coordinator');
    const p = await api.classList.preview({ uploadId: up.uploadId, onlyNotable: true });
    expect(p.rows.map((r) => [r.line, r.action, r.changes])).toEqual([
      [7, 'update', [{ field: 'className', from: '6A', to: '7B' }]],
      [
        8,
        'update',
        [
          { field: 'birthDate', from: '2013-09-07', to: '2013-09-08' },
          { field: 'ethnicity', from: "H'Mông", to: 'Mông' },
        ],
      ],
    ]);
    const done = await importAll(up.uploadId);
    expect(done.totals).toMatchObject({ updated: 2, created: 0 });
    const pao = await database.db.student.findUniqueOrThrow({ where: { moetCode: '0010000002' } });
    expect(pao.birthDate?.toISOString().slice(0, 10)).toBe('2013-09-08');
  });

  it('imports 5,000 rows in chunks that each commit whole', async () => {
    const up = await upload(await ministryWorkbook(manyPupils(5000)));
    const done = await importAll(up.uploadId);
    expect(done.seen).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(done.totals).toMatchObject({ created: 5000, skipped: 0 });
    expect(await database.db.student.count({ where: { moetCode: { startsWith: '015' } } })).toBe(5000);
  }, 120_000);
});

/** A zip with the given entries (stored names, deflated data), sizes as declared. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('class-list refusals', () => {
  it('refuses what is not an .xlsx, with a code and both languages', async () => {
    expect(await refusal(upload(Buffer.from('STT,Họ tên\n1,Lò Văn Ánh\n')))).toBe('CLASS_LIST_NOT_XLSX');
    // A zip that is not a workbook.
    expect(await refusal(upload(zip([{ name: 'a.txt', data: Buffer.from('x') }])))).toBe(
      'CLASS_LIST_NOT_XLSX',
    );
  });

  it('refuses a file over 10 MB before opening it', async () => {
    expect(await refusal(upload(Buffer.alloc(10 * 1024 * 1024 + 1)))).toBe('CLASS_LIST_TOO_LARGE');
  });

  it('refuses a zip bomb: declared too large, or lying about its size', async () => {
    const wb = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };
    const declared = zip([
      wb,
      { name: 'xl/big.xml', data: Buffer.from('x'), declaredSize: 200 * 1024 * 1024 },
    ]);
    expect(await refusal(upload(declared))).toBe('CLASS_LIST_ZIP_BOMB');
    const lying = zip([
      wb,
      { name: 'xl/sheet.xml', data: Buffer.alloc(30 * 1024 * 1024), declaredSize: 1000 },
    ]);
    expect(lying.length).toBeLessThan(100_000);
    expect(await refusal(upload(lying))).toBe('CLASS_LIST_ZIP_BOMB');
  });

  it('refuses more than 5,000 pupil rows, and a sheet without a header', async () => {
    const api = await callerFor('coordinator');
    const big = await upload(await ministryWorkbook(manyPupils(5001)));
    expect(await refusal(api.classList.preview({ uploadId: big.uploadId }))).toBe('CLASS_LIST_TOO_MANY_ROWS');
    const bare = await upload(
      await simpleWorkbook([
        ['a', 'b'],
        [1, 2],
      ]),
    );
    expect(await refusal(api.classList.preview({ uploadId: bare.uploadId }))).toBe('CLASS_LIST_NO_HEADER');
  }, 60_000);

  it('keeps other schools and offices out', async () => {
    // The upload route's path: the session cookie, then the same rule as the procedures.
    const viaRoute = async (actor: Actor | null) => {
      const cookie = actor
        ? `${SESSION_COOKIE}=${(await createSession(database.db, ACTORS[actor] as string)).token}`
        : undefined;
      const deps = { db: database.db, temporal: null as unknown as Context['temporal'] };
      return uploadClassList(
        deps,
        { cookie, clientAddress: null, requestId: 't' },
        { schoolId: SCHOOL, fileName: 'x.xlsx', bytes: file },
      );
    };
    expect(await refusal(viaRoute(null))).toBe('UNAUTHENTICATED');
    for (const actor of ['coordinatorElsewhere', 'office', 'helper'] as const)
      expect(await refusal(viaRoute(actor))).toBe('FORBIDDEN');
    expect(await viaRoute('principal')).toMatchObject({ uploadId: expect.stringMatching(/^clu-/) });
    const up = await upload(file);
    for (const actor of ['office', 'helper', 'coordinatorElsewhere'] as const) {
      const api = await callerFor(actor);
      expect(await refusal(api.classList.preview({ uploadId: up.uploadId, sheet: 'DSHS' }))).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('builds a template the import reads back', async () => {
    const { classListTemplate } = await import('../src/operations/student-import/class-list-template');
    const wb = new ExcelJS.Workbook();
    const bytes = await classListTemplate();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(4).values).toContain('Mã định danh Bộ GD&ĐT');
    const up = await upload(bytes);
    const api = await callerFor('coordinator');
    const p = await api.classList.preview({ uploadId: up.uploadId });
    expect(p.step === 'preview' && p.rows[0]).toMatchObject({ moetCode: '0140123401', action: 'unchanged' });
  });
});
