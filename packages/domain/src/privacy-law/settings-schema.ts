// A campaign's privacy settings (retention and answer deadlines), part of the campaign's
// settings. Kept apart from schemas.ts so campaign/schema.ts can import it without a cycle.
import { z } from 'zod';

const hours = (label: string) =>
  z
    .number({ error: `${label} phải là một số giờ` })
    .int(`${label} phải là số nguyên`)
    .min(1, `${label} phải từ 1 đến 720 giờ`)
    .max(720, `${label} phải từ 1 đến 720 giờ`);

export const privacySettingsSchema = z.object({
  retention: z.object({
    schoolYearsAfterClosure: z
      .number({ error: 'Số năm học lưu giữ phải là một số' })
      .int('Số năm học lưu giữ phải là số nguyên')
      .min(0, 'Số năm học lưu giữ từ 0 đến 5')
      .max(5, 'Số năm học lưu giữ từ 0 đến 5'),
  }),
  accessAnswerHours: hours('Thời hạn trả lời yêu cầu xem dữ liệu'),
  correctionAnswerHours: hours('Thời hạn trả lời yêu cầu chỉnh sửa'),
});
export type PrivacySettingsInput = z.input<typeof privacySettingsSchema>;
