import { DEFAULT_2026_2027, normalizeName, searchKey } from '@donghanh/domain';
import { hashPassword } from '../auth/password-hash';
import type { Db } from '../client';
import {
  DEMO_SCHOOL_YEAR,
  demoCampaign,
  demoClasses,
  demoSchools,
  demoStudents,
  demoUnits,
  demoUsers,
} from './demo-data';

/** The password of every demo account (printed by `npm start`, listed in the README). */
export const DEMO_PASSWORD = 'donghanh2026';

/** Writes the demo organisation; every write is an upsert, so running it twice is harmless. */
export async function loadDemoOrganisation(db: Db): Promise<void> {
  // Hashed before the transaction (argon2id takes tens of ms each); a fresh salt per account.
  const hashes = new Map<string, string>();
  for (const u of demoUsers) hashes.set(u.id, await hashPassword(DEMO_PASSWORD));
  await db.$transaction(
    async (tx) => {
      for (const u of demoUnits) {
        await tx.unit.upsert({ where: { id: u.id }, update: {}, create: { ...u } });
      }
      for (const s of demoSchools) {
        await tx.school.upsert({ where: { id: s.id }, update: {}, create: { ...s } });
      }
      for (const u of demoUsers) {
        const subjects = 'subjects' in u ? [...u.subjects] : [];
        const capacity = 'capacity' in u ? u.capacity : 0;
        await tx.user.upsert({
          where: { id: u.id },
          update: {},
          create: {
            id: u.id,
            username: u.username,
            displayName: u.displayName,
            subjects,
            capacity,
            passwordHash: hashes.get(u.id) ?? null,
            // Notifications (issue 13): demo addresses the local mail catcher receives.
            email: `${u.username}@donghanh.test`,
          },
        });
        // Demo accounts have no quiet hours, so the demo's mails show in the local inbox at any
        // hour; a real account starts with the default (no mail 21:00–06:00, Asia/Ho_Chi_Minh).
        await tx.notificationPreference.upsert({
          where: { userId: u.id },
          update: {},
          create: { userId: u.id, quietStart: 0, quietEnd: 0 },
        });
        for (const [role, unitId] of u.roles) {
          await tx.roleAssignment.upsert({
            where: { userId_role_unitId: { userId: u.id, role, unitId } },
            update: {},
            create: { id: `${u.id}:${role}:${unitId}`, userId: u.id, role, unitId },
          });
        }
      }
      for (const c of demoClasses) {
        await tx.class.upsert({
          where: { id: c.id },
          update: {},
          create: { ...c, schoolYear: DEMO_SCHOOL_YEAR },
        });
      }
      for (const [id, classId, name, birth, gender, ethnicity, moetCode] of demoStudents) {
        const cls = demoClasses.find((c) => c.id === classId);
        if (!cls) throw new Error(`demo student ${id}: unknown class ${classId}`);
        await tx.student.upsert({
          where: { id },
          update: {},
          create: {
            id,
            classId,
            schoolId: cls.schoolId,
            fullName: normalizeName(name),
            searchName: searchKey(name),
            birthDate: new Date(`${birth}T00:00:00Z`),
            gender,
            ethnicity,
            moetCode,
          },
        });
      }
      await tx.campaign.upsert({
        where: { id: demoCampaign.id },
        update: {},
        // The demo pilots up to three students per class (the 2014 plan starts with one or two).
        create: { ...demoCampaign, settings: { ...DEFAULT_2026_2027, pilotCapPerClass: 3 } },
      });
    },
    // Dozens of upserts: Prisma's 5 s default is too short on a busy machine.
    { timeout: 60_000, maxWait: 10_000 },
  );
  // Accounts written by an earlier, password-less load.
  await setDemoPasswords(db);
}

/**
 * Gives the demo accounts loaded before sign-in existed the demo password; an account that
 * already has a password (changed or reset) keeps it. Returns how many accounts were updated.
 */
export async function setDemoPasswords(db: Db): Promise<number> {
  const ids = demoUsers.map((u) => u.id);
  const missing = await db.user.findMany({
    where: { id: { in: ids }, passwordHash: null },
    select: { id: true },
  });
  for (const u of missing) {
    await db.user.updateMany({
      where: { id: u.id, passwordHash: null },
      data: { passwordHash: await hashPassword(DEMO_PASSWORD) },
    });
  }
  return missing.length;
}
