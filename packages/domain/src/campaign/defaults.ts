// The 2025–2026 ministry frame as campaign defaults. Pure data: no zod here.
import type { CampaignSettings } from './schema';

/**
 * Settings for a 2025–2026 campaign on the ministry's frame: the year opens on 05/09/2025,
 * semester I ends before 18/01/2026 (last day Saturday 17/01), semester II starts on Monday
 * 19/01/2026, the year ends before 31/05/2026 (last day Saturday 30/05). Holidays: Tết Dương
 * lịch 01/01/2026; Tết Nguyên đán (mùng 1 = 17/02/2026) 14/02–22/02/2026; Giỗ Tổ Hùng Vương
 * (10/3 âm lịch = Sunday 26/04/2026, compensatory day off Monday 27/04); 30/04–01/05/2026.
 * Reports twice a year, before 25/12 and before 25/5, as in the 2014 plan; pilots capped at
 * 2 students per class at first (the 2014 plan: 1–2). An admin edits all of it per school year.
 */
export const DEFAULT_2025_2026: CampaignSettings = {
  schoolYear: 2025,
  categories: ['economic_hardship', 'weak_results', 'dropout_risk', 'dropped_out', 'grade9_exam'],
  excludedSupports: [],
  pilotCapPerClass: 2,
  checkInDay: 25,
  reminderDaysBefore: 3,
  escalationDaysAfter: 3,
  assignmentResponseDays: 7,
  screeningDays: 14,
  calendar: {
    schoolWeek: 'mon-fri',
    yearStart: '2025-09-05',
    semester1End: '2026-01-17',
    semester2Start: '2026-01-19',
    yearEnd: '2026-05-30',
    holidays: [
      { from: '2026-01-01', to: '2026-01-01', name: 'Tết Dương lịch' },
      { from: '2026-02-14', to: '2026-02-22', name: 'Tết Nguyên đán Bính Ngọ' },
      { from: '2026-04-26', to: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù 27/04)' },
      { from: '2026-04-30', to: '2026-05-01', name: 'Ngày Giải phóng miền Nam 30/4 và Quốc tế Lao động 1/5' },
    ],
  },
  // Each school's report opens, pre-filled, five weeks before its deadline (mid-November for
  // 25/12), is reminded three days before, and is escalated three days after (docs/reports.md).
  reportRounds: { opensDaysBefore: 35, reminderDaysBefore: 3, escalationDaysAfter: 3, recipientUnitId: null },
  reportDeadlines: [
    { name: 'Báo cáo học kỳ I', due: '2025-12-25' },
    { name: 'Báo cáo cuối năm học', due: '2026-05-25' },
  ],
};

/**
 * The 2026–2027 frame, drafted the same way for the demo and for new campaigns: the year opens
 * on Saturday 05/09/2026, semester I ends on Saturday 16/01/2027, semester II runs from Monday
 * 18/01/2027 to Saturday 29/05/2027. Holidays: Tết Dương lịch 01/01/2027; Tết Nguyên đán Đinh
 * Mùi (mùng 1 = 06/02/2027) 03/02–11/02/2027; Giỗ Tổ Hùng Vương (10/3 âm lịch = 16/04/2027);
 * 30/04–01/05/2027. The ministry publishes its frame in the summer: the admin checks these dates.
 */
export const DEFAULT_2026_2027: CampaignSettings = {
  ...DEFAULT_2025_2026,
  schoolYear: 2026,
  calendar: {
    schoolWeek: 'mon-fri',
    yearStart: '2026-09-05',
    semester1End: '2027-01-16',
    semester2Start: '2027-01-18',
    yearEnd: '2027-05-29',
    holidays: [
      { from: '2027-01-01', to: '2027-01-01', name: 'Tết Dương lịch' },
      { from: '2027-02-03', to: '2027-02-11', name: 'Tết Nguyên đán Đinh Mùi' },
      { from: '2027-04-16', to: '2027-04-16', name: 'Giỗ Tổ Hùng Vương' },
      { from: '2027-04-30', to: '2027-05-01', name: 'Ngày Giải phóng miền Nam 30/4 và Quốc tế Lao động 1/5' },
    ],
  },
  reportDeadlines: [
    { name: 'Báo cáo học kỳ I', due: '2026-12-25' },
    { name: 'Báo cáo cuối năm học', due: '2027-05-25' },
  ],
};
