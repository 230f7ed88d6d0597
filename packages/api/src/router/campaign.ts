import { campaignCreator, campaignManager, campaignReader } from '../access/campaign-rules';
import { signedIn } from '../access/rules';
import { createCampaign } from '../operations/campaign/create-campaign';
import { getCampaign } from '../operations/campaign/get-campaign';
import { listCampaigns } from '../operations/campaign/list-campaigns';
import { setCampaignActive } from '../operations/campaign/set-campaign-active';
import { updateCampaignSettings } from '../operations/campaign/update-campaign-settings';
import { createRouter, guarded } from '../trpc';
import {
  createCampaignInput,
  getCampaignInput,
  listCampaignsInput,
  setCampaignActiveInput,
  updateCampaignSettingsInput,
} from './campaign.schema';

export const campaignRouter = createRouter({
  /** Scoped in the operation: a unit's own campaigns and those above it; case counts of the caller's schools. */
  list: guarded(signedIn, listCampaignsInput).query(({ ctx, input }) => listCampaigns(ctx, input)),
  get: guarded(campaignReader, getCampaignInput).query(({ ctx, input }) =>
    getCampaign(ctx, input.campaignId),
  ),
  create: guarded(campaignCreator, createCampaignInput).mutation(({ ctx, input }) =>
    createCampaign(ctx, input),
  ),
  updateSettings: guarded(campaignManager, updateCampaignSettingsInput).mutation(({ ctx, input }) =>
    updateCampaignSettings(ctx, input),
  ),
  setActive: guarded(campaignManager, setCampaignActiveInput).mutation(({ ctx, input }) =>
    setCampaignActive(ctx, input),
  ),
});
