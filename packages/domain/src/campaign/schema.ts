// Zod schemas of a campaign's settings and school-year calendar. The pure logic (calendar.ts,
// eligibility.ts, dates.ts) imports only the *types* from here, never this module at run time,
// so workflow code can use it without zod.
import { z } from 'zod';
import { caseCategorySchema } from '../categories';
import { privacySettingsSchema } from '../privacy-law/settings-schema';
import { formatViDate, type IsoDate, isIsoDate, parseIsoDate } from './dates';
import { SUPPORT_KINDS } from './supports';

/** Which weekdays are school days: Monday–Friday (default) or Monday–Saturday. */
export const SCHOOL_WEEKS = ['mon-fri', 'mon-sat'] as const;
export const schoolWeekSchema = z.enum(SCHOOL_WEEKS);

export const supportKindSchema = z.enum(SUPPORT_KINDS);

/** A calendar day written 'YYYY-MM-DD' that exists (no 2026-02-29). */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, 'Ngày không hợp lệ (cần dạng YYYY-MM-DD, ví dụ 2025-09-05)');

/** A block of days off, both ends included (Tết, 30/4–1/5, a compensatory day …). */
export const holidaySchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    name: z.string().trim().min(1, 'Cần tên kỳ nghỉ').max(200, 'Tên kỳ nghỉ quá dài'),
  })
  .superRefine((h, ctx) => {
    if (isIsoDate(h.from) && isIsoDate(h.to) && h.to < h.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Kỳ nghỉ "${h.name}": ngày kết thúc phải từ ngày bắt đầu trở đi`,
      });
    }
  });

/**
 * The school-year calendar set by the admin from the ministry frame. Dates are inclusive:
 * semester I runs yearStart..semester1End, semester II semester2Start..yearEnd.
 */
export const schoolCalendarSchema = z
  .object({
    schoolWeek: schoolWeekSchema.default('mon-fri'),
    yearStart: isoDateSchema,
    semester1End: isoDateSchema,
    semester2Start: isoDateSchema,
    yearEnd: isoDateSchema,
    holidays: z.array(holidaySchema).max(100, 'Quá nhiều kỳ nghỉ').default([]),
  })
  .superRefine((cal, ctx) => {
    const dates: IsoDate[] = [cal.yearStart, cal.semester1End, cal.semester2Start, cal.yearEnd];
    if (!dates.every(isIsoDate)) return;
    if (cal.semester1End <= cal.yearStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['semester1End'],
        message: 'Ngày kết thúc học kỳ I phải sau ngày bắt đầu năm học',
      });
    }
    if (cal.semester2Start <= cal.semester1End) {
      ctx.addIssue({
        code: 'custom',
        path: ['semester2Start'],
        message: 'Học kỳ II phải bắt đầu sau ngày kết thúc học kỳ I',
      });
    }
    if (cal.yearEnd <= cal.semester2Start) {
      ctx.addIssue({
        code: 'custom',
        path: ['yearEnd'],
        message: 'Ngày kết thúc năm học phải sau ngày bắt đầu học kỳ II',
      });
    }
    cal.holidays.forEach((h, i) => {
      if (!isIsoDate(h.from) || !isIsoDate(h.to)) return;
      if (h.from < cal.yearStart || h.to > cal.yearEnd) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i],
          message: `Kỳ nghỉ "${h.name}" phải nằm trong năm học (${formatViDate(cal.yearStart)} – ${formatViDate(cal.yearEnd)})`,
        });
      }
    });
  });

/** One of the two periodic reports to the office (the 2014 plan: before 25/12 and before 25/5). */
export const reportDeadlineSchema = z.object({
  name: z.string().trim().min(1, 'Cần tên đợt báo cáo').max(200, 'Tên đợt báo cáo quá dài'),
  due: isoDateSchema,
});

/**
 * How a report round runs at each school (docs/reports.md): the report opens, pre-filled from the
 * cases, `opensDaysBefore` the deadline; the coordinator and principal are reminded
 * `reminderDaysBefore` it; `escalationDaysAfter` it an unsent report is escalated to the
 * principal and the office. The office that receives it is the school's `reportsToId`, else
 * its parent — unless the campaign names one (`recipientUnitId`).
 */
export const reportRoundsSchema = z.object({
  opensDaysBefore: z
    .number({ error: 'Số ngày mở báo cáo trước hạn phải là một số ngày' })
    .int('Số ngày mở báo cáo trước hạn phải là số nguyên')
    .min(1, 'Số ngày mở báo cáo trước hạn phải từ 1 đến 90 ngày')
    .max(90, 'Số ngày mở báo cáo trước hạn phải từ 1 đến 90 ngày'),
  reminderDaysBefore: z
    .number({ error: 'Số ngày nhắc trước hạn báo cáo phải là một số ngày' })
    .int('Số ngày nhắc trước hạn báo cáo phải là số nguyên')
    .min(0, 'Số ngày nhắc trước hạn báo cáo phải từ 0 đến 30 ngày')
    .max(30, 'Số ngày nhắc trước hạn báo cáo phải từ 0 đến 30 ngày'),
  escalationDaysAfter: z
    .number({ error: 'Số ngày báo trễ hạn báo cáo phải là một số ngày' })
    .int('Số ngày báo trễ hạn báo cáo phải là số nguyên')
    .min(0, 'Số ngày báo trễ hạn báo cáo phải từ 0 đến 30 ngày')
    .max(30, 'Số ngày báo trễ hạn báo cáo phải từ 0 đến 30 ngày'),
  recipientUnitId: z.string().trim().min(1).max(100).nullable().default(null),
});

const days = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} phải là một số ngày` })
    .int(`${label} phải là số nguyên`)
    .min(min, `${label} phải từ ${min} đến ${max} ngày`)
    .max(max, `${label} phải từ ${min} đến ${max} ngày`);

/** A campaign's settings for one school year: who is eligible, the monthly rhythm, the calendar. */
export const campaignSettingsSchema = z
  .object({
    /** The first calendar year of the school year: 2025 for 2025–2026. */
    schoolYear: z
      .number({ error: 'Năm học không hợp lệ' })
      .int('Năm học không hợp lệ')
      .min(2000, 'Năm học không hợp lệ')
      .max(2100, 'Năm học không hợp lệ'),
    /** The categories (diện) that count for this campaign. */
    categories: z
      .array(caseCategorySchema)
      .min(1, 'Chọn ít nhất một diện học sinh')
      .refine((c) => new Set(c).size === c.length, 'Diện học sinh bị lặp'),
    /** Students who already receive one of these supports are not eligible. */
    excludedSupports: z
      .array(supportKindSchema)
      .refine((s) => new Set(s).size === s.length, 'Chế độ hỗ trợ bị lặp')
      .default([]),
    /** At most this many accepted cases per class (the 2014 plan pilots 1–2 per class); null: no cap. */
    pilotCapPerClass: z
      .number({ error: 'Số học sinh thí điểm mỗi lớp không hợp lệ' })
      .int('Số học sinh thí điểm mỗi lớp phải là số nguyên')
      .min(1, 'Số học sinh thí điểm mỗi lớp phải từ 1 trở lên')
      .nullable()
      .default(null),
    /** Day of the month the monthly check-in is due (1–31; clamped to short months). */
    checkInDay: z
      .number({ error: 'Ngày nộp cập nhật hằng tháng phải từ 1 đến 31' })
      .int('Ngày nộp cập nhật hằng tháng phải từ 1 đến 31')
      .min(1, 'Ngày nộp cập nhật hằng tháng phải từ 1 đến 31')
      .max(31, 'Ngày nộp cập nhật hằng tháng phải từ 1 đến 31'),
    reminderDaysBefore: days('Số ngày nhắc trước hạn', 0, 31),
    escalationDaysAfter: days('Số ngày báo trễ hạn lên điều phối', 1, 60),
    assignmentResponseDays: days('Thời hạn giáo viên trả lời phân công', 1, 60),
    screeningDays: days('Thời hạn xét duyệt đề xuất', 1, 90),
    /** h13: hours before an unanswered offer lapses that its teacher is warned; absent: 24; 0: never. */
    offerWarningHours: z
      .number({ error: 'Số giờ cảnh báo trước khi lời mời hết hạn không hợp lệ' })
      .int('Số giờ cảnh báo trước khi lời mời hết hạn phải là số nguyên')
      .min(0, 'Số giờ cảnh báo trước khi lời mời hết hạn phải từ 0 đến 720')
      .max(720, 'Số giờ cảnh báo trước khi lời mời hết hạn phải từ 0 đến 720')
      .optional(),
    calendar: schoolCalendarSchema,
    reportDeadlines: z.array(reportDeadlineSchema).length(2, 'Cần đúng hai đợt báo cáo trong năm học'),
    /** How each report round runs; absent: REPORT_ROUNDS_DEFAULT (reportRoundsOf). */
    reportRounds: reportRoundsSchema.optional(),
    /** Retention and answer deadlines under the personal-data law; absent: the documented defaults (privacySettingsOf). */
    privacy: privacySettingsSchema.optional(),
  })
  .superRefine((s, ctx) => {
    const label = `${s.schoolYear}–${s.schoolYear + 1}`;
    const { yearStart, yearEnd } = s.calendar;
    if (isIsoDate(yearStart) && parseIsoDate(yearStart).year !== s.schoolYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar', 'yearStart'],
        message: `Năm học ${label} phải bắt đầu trong năm ${s.schoolYear}`,
      });
    }
    if (isIsoDate(yearEnd) && parseIsoDate(yearEnd).year !== s.schoolYear + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['calendar', 'yearEnd'],
        message: `Năm học ${label} phải kết thúc trong năm ${s.schoolYear + 1}`,
      });
    }
    s.reportDeadlines.forEach((d, i) => {
      if (!isIsoDate(d.due)) return;
      const y = parseIsoDate(d.due).year;
      if (y !== s.schoolYear && y !== s.schoolYear + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['reportDeadlines', i, 'due'],
          message: `Hạn báo cáo "${d.name}" phải thuộc năm học ${label}`,
        });
      }
    });
  });

export type SchoolWeek = z.infer<typeof schoolWeekSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type SchoolCalendar = z.infer<typeof schoolCalendarSchema>;
export type ReportDeadline = z.infer<typeof reportDeadlineSchema>;
export type ReportRoundsSettings = z.infer<typeof reportRoundsSchema>;
/** Parsed settings (defaults filled in). */
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;
/** Settings as an admin form submits them (schoolWeek, holidays, excludedSupports, pilotCapPerClass optional). */
export type CampaignSettingsInput = z.input<typeof campaignSettingsSchema>;
