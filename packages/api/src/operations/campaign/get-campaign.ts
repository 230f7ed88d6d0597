import { listCampaignRows } from '@donghanh/db';
import {
  AppError,
  type CampaignSettings,
  type CheckInWindow,
  campaignSettingsSchema,
  checkInSchedule,
  crossFieldIssues,
  type NumberedReportDeadline,
  reportRounds,
  type SemesterBounds,
  type SettingsIssue,
  semesterBounds,
} from '@donghanh/domain';
import { managesCampaignsOf } from '../../access/campaign-rules';
import type { Context, SessionUser } from '../../context';
import { type CampaignSummary, summarise } from './campaign-summary';

export interface CampaignDetail extends CampaignSummary {
  /** The stored settings with defaults filled in; null when they do not parse (a campaign made before settings existed). */
  settings: CampaignSettings | null;
  /** What is wrong with the stored settings, when anything is: the admin should fix them. */
  settingsIssues: SettingsIssue[];
  /** The year at a glance, derived from the settings as the case workflows will read them. */
  calendar: {
    semesters: SemesterBounds[];
    checkIns: CheckInWindow[];
    reportRounds: NumberedReportDeadline[];
  } | null;
  /** Whether the caller may change the settings or close the campaign. */
  canManage: boolean;
}

/**
 * A campaign with its settings and the schedule they produce. Case workflows read the settings
 * again each time they plan a term, so what is shown here is what later steps will follow.
 */
export async function getCampaign(
  ctx: Context & { user: SessionUser },
  campaignId: string,
): Promise<CampaignDetail> {
  const [row] = await listCampaignRows(ctx.db, { unitIds: null, campaignId });
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId });
  const [[summary], canManage] = await Promise.all([
    summarise(ctx, [row]),
    managesCampaignsOf(ctx, row.unitId),
  ]);
  if (!summary) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId });
  const parsed = campaignSettingsSchema.safeParse(row.settings);
  if (!parsed.success) {
    return {
      ...summary,
      settings: null,
      settingsIssues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      calendar: null,
      canManage,
    };
  }
  const settings = parsed.data;
  return {
    ...summary,
    settings,
    settingsIssues: crossFieldIssues(settings, { schoolYear: row.schoolYear }),
    calendar: {
      semesters: semesterBounds(settings),
      checkIns: checkInSchedule(settings),
      reportRounds: reportRounds(settings),
    },
    canManage,
  };
}
