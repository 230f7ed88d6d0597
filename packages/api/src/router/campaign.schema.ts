import { type CampaignSettingsInput, idSchema } from '@donghanh/domain';
import { z } from 'zod';

/**
 * Settings arrive as an object and are checked by the operation with the domain's rules, so a
 * wrong calendar is answered with CALENDAR_INVALID and every issue, not a bare validation error.
 */
const settingsObject = z.custom<CampaignSettingsInput>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'Thiết lập của đợt vận động phải là một đối tượng',
);

const campaignName = z
  .string()
  .trim()
  .min(3, 'Tên đợt vận động quá ngắn')
  .max(200, 'Tên đợt vận động quá dài')
  .refine((s) => !/\p{Cc}/u.test(s), 'Tên đợt vận động chứa ký tự không hợp lệ');

/** The first calendar year of the school year: 2026 for 2026–2027. */
const schoolYear = z
  .number({ error: 'Năm học không hợp lệ' })
  .int('Năm học không hợp lệ')
  .min(2000, 'Năm học không hợp lệ')
  .max(2100, 'Năm học không hợp lệ');

export const listCampaignsInput = z
  .object({ activeOnly: z.boolean().default(false) })
  .default({ activeOnly: false });

export const getCampaignInput = z.object({ campaignId: idSchema });

export const createCampaignInput = z.object({
  unitId: idSchema,
  name: campaignName,
  schoolYear,
  settings: settingsObject.optional(),
  /** Start from this campaign's settings, moved to the new school year (ignored when settings are given). */
  copyFromCampaignId: idSchema.optional(),
});

export const updateCampaignSettingsInput = z.object({
  campaignId: idSchema,
  settings: settingsObject,
});

export const setCampaignActiveInput = z.object({
  campaignId: idSchema,
  active: z.boolean(),
});
