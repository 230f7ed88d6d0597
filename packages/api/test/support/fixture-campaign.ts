import { DEFAULT_2026_2027 } from '@donghanh/domain';
import type { Actor } from './fixture';

/**
 * Inputs and expected callers of the campaign router's procedures (spread into the access matrix).
 * The calls are real and the demo campaign serves the other rows, so they leave it as it is:
 * the same settings the demo loads, active stays true, and a new campaign for the next year.
 */
export const CAMPAIGN_INPUTS: Record<string, unknown> = {
  'campaign.list': { activeOnly: false },
  'campaign.get': { campaignId: 'camp-sl-2026' },
  // The first caller let through creates it; the next one gets CAMPAIGN_EXISTS (still let through).
  'campaign.create': {
    unitId: 'u-so-sonla',
    name: 'Mỗi nhà giáo giúp đỡ học sinh có hoàn cảnh khó khăn — năm học 2027–2028',
    schoolYear: 2027,
    copyFromCampaignId: 'camp-sl-2026',
  },
  'campaign.updateSettings': {
    campaignId: 'camp-sl-2026',
    settings: { ...DEFAULT_2026_2027, pilotCapPerClass: 3 },
  },
  'campaign.setActive': { campaignId: 'camp-sl-2026', active: true },
};

const SIGNED_IN: Actor[] = [
  'helper',
  'offered',
  'otherTeacher',
  'coordinator',
  'principal',
  'coordinatorElsewhere',
  'principalElsewhere',
  'receivingCoordinator',
  'office',
  'admin',
];
/** The province's office coordinator and the admin run the province's campaign. */
const MANAGERS: Actor[] = ['office', 'admin'];

export const CAMPAIGN_EXPECTED: Record<string, Actor[]> = {
  'campaign.list': SIGNED_IN,
  // The campaign is the province's: every school of the demo sits under it.
  'campaign.get': SIGNED_IN,
  'campaign.create': MANAGERS,
  'campaign.updateSettings': MANAGERS,
  'campaign.setActive': MANAGERS,
};
