import {
  createBreach,
  createLegalBasis,
  liftLegalHold,
  listBreaches,
  listLegalBases,
  placeLegalHold,
  systemNow,
  updateBreach,
  updateLegalBasis,
} from '@donghanh/db';
import {
  AppError,
  type BreachInput,
  type BreachUpdate,
  campaignSettingsSchema,
  type LegalBasisInput,
  privacySettingsOf,
  processingRecord,
} from '@donghanh/domain';
import type { Context, SessionUser } from '../../context';

type Ctx = Context & { user: SessionUser };
// The calendar's now (systemNow: the wall clock unless DONGHANH_TODAY pins a day), the same
// today the consent step and the dashboard's forms use: a time entered "now" is never refused.
const who = (ctx: Ctx) => ({ actorId: ctx.user.id, now: systemNow(), ip: ctx.clientAddress });

export const legalBases = {
  list: (ctx: Ctx, activeOnly: boolean) => listLegalBases(ctx.db, { activeOnly }),
  create: (ctx: Ctx, input: LegalBasisInput) => createLegalBasis(ctx.db, input, who(ctx)),
  update: (ctx: Ctx, input: LegalBasisInput & { id: string }) => {
    const { id, ...rest } = input;
    return updateLegalBasis(ctx.db, id, rest, who(ctx));
  },
};

export const breaches = {
  list: (ctx: Ctx) => listBreaches(ctx.db, systemNow()),
  create: (ctx: Ctx, input: BreachInput) => createBreach(ctx.db, input, who(ctx)),
  update: (ctx: Ctx, input: BreachUpdate) => updateBreach(ctx.db, input, who(ctx)),
};

export const legalHolds = {
  place: (ctx: Ctx, input: { caseId: string; reason: string }) => {
    if (!ctx.cipher) throw new AppError('ENCRYPTION_NOT_CONFIGURED');
    return placeLegalHold(ctx.db, ctx.cipher, input, who(ctx));
  },
  lift: async (ctx: Ctx, input: { caseId: string; holdId: string }) => {
    const h = await ctx.db.legalHold.findUnique({ where: { id: input.holdId }, select: { caseId: true } });
    if (h?.caseId !== input.caseId) throw new AppError('LEGAL_HOLD_NOT_FOUND');
    return liftLegalHold(ctx.db, input.holdId, who(ctx));
  },
  list: async (ctx: Ctx, caseId: string) =>
    (await ctx.db.legalHold.findMany({ where: { caseId }, orderBy: { placedAt: 'desc' } })).map((h) => ({
      id: h.id,
      placedAt: h.placedAt.toISOString(),
      liftedAt: h.liftedAt?.toISOString() ?? null,
      reason: ctx.cipher ? ctx.cipher.open(h.reasonSealed, h.id) : null,
    })),
};

/** Where the data lives: what the deployment is made of (docs/operations.md says how each is backed up). */
const STORAGE = [
  {
    vi: 'Cơ sở dữ liệu PostgreSQL của đơn vị triển khai (máy chủ đặt tại Việt Nam); hoàn cảnh gia đình, tên người giám hộ, giá trị chỉnh sửa được mã hóa AES-256-GCM bằng khóa DATA_KEY',
    en: 'The deployment’s PostgreSQL database (servers in Vietnam); family circumstances, guardian names and corrected values sealed with AES-256-GCM under DATA_KEY',
  },
  {
    vi: 'Lịch sử quy trình Temporal (dữ liệu được mã hóa bằng PayloadCodec với cùng khóa)',
    en: 'Temporal workflow histories (payloads sealed by the PayloadCodec with the same key)',
  },
  {
    vi: 'Bản sao lưu cơ sở dữ liệu, hết hạn theo chính sách sao lưu của đơn vị',
    en: 'Database backups, expiring under the deployment’s backup policy',
  },
];

/**
 * The processing record, generated from the product's own settings: the categories and
 * purposes it is built for, who sees a child (the identity rule's table), each campaign's
 * retention and answer deadlines, the legal bases in use and where data is stored.
 */
export async function processingRecordOf(ctx: Ctx) {
  const campaigns = await ctx.db.campaign.findMany({
    orderBy: [{ schoolYear: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, schoolYear: true, settings: true, unit: { select: { name: true } } },
  });
  const roots = await ctx.db.unit.findMany({
    where: { parentId: null },
    select: { name: true },
    orderBy: { name: 'asc' },
  });
  return {
    generatedAt: new Date().toISOString(),
    ...processingRecord({
      controller: roots.map((r) => r.name).join('; '),
      campaigns: campaigns.map((c) => {
        const parsed = campaignSettingsSchema.safeParse(c.settings);
        return {
          id: c.id,
          name: `${c.name} (${c.unit.name})`,
          schoolYear: c.schoolYear,
          privacy: privacySettingsOf(parsed.success ? parsed.data : {}),
        };
      }),
      legalBases: (await listLegalBases(ctx.db, { activeOnly: true })).map((b) => ({
        code: b.code,
        title: b.title,
        reference: b.reference,
      })),
      storage: STORAGE,
    }),
  };
}
