import { onOwnSchool, proposalOffice, proposalPrincipal } from '../access/commendation-rules';
import { rollupReader } from '../access/report-rules';
import { commendationIndicators } from '../operations/commendation/indicators';
import { exportCommendations, officeCommendations } from '../operations/commendation/office-list';
import { decideCommendation, proposeCommendation, signCommendation } from '../operations/commendation/steps';
import { createRouter, guarded } from '../trpc';
import {
  decideInput,
  officeListInput,
  proposalInput,
  proposeInput,
  schoolYearInput,
} from './commendation.schema';

const schoolCoordination = onOwnSchool(['SCHOOL_COORDINATOR', 'PRINCIPAL'], 'commendation:school');

/** Commendation (thi đua): indicators over the year, the school proposes, the principal signs, the office decides. */
export const commendationRouter = createRouter({
  indicators: guarded(schoolCoordination, schoolYearInput).query(({ ctx, input }) =>
    commendationIndicators(ctx, input),
  ),
  propose: guarded(schoolCoordination, proposeInput).mutation(({ ctx, input }) =>
    proposeCommendation(ctx, input),
  ),
  sign: guarded(proposalPrincipal, proposalInput).mutation(({ ctx, input }) => signCommendation(ctx, input)),
  officeList: guarded(rollupReader, officeListInput).query(({ ctx, input }) =>
    officeCommendations(ctx, input),
  ),
  decide: guarded(proposalOffice, decideInput).mutation(({ ctx, input }) => decideCommendation(ctx, input)),
  exportList: guarded(rollupReader, officeListInput).mutation(({ ctx, input }) =>
    exportCommendations(ctx, input),
  ),
});
