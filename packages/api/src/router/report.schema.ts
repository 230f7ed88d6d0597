import { caseStageSchema, idSchema } from '@donghanh/domain';
import { z } from 'zod';

export const exportCasesInput = z
  .object({
    schoolIds: z.array(idSchema).max(500).optional(),
    stages: z.array(caseStageSchema).max(20).optional(),
    /** English headers for an English-speaking reader; Vietnamese is the default. */
    locale: z.enum(['vi', 'en']).default('vi'),
    /** a11y: an .xlsx opens in Vietnamese Excel as it is; the CSV is ';'-separated with a BOM. */
    format: z.enum(['csv', 'xlsx']).default('csv'),
  })
  .default({ locale: 'vi', format: 'csv' });
export type ExportCasesInput = z.output<typeof exportCasesInput>;
