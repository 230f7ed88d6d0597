/**
 * The stages a case moves through (see the lifecycle in the README). The workflow owns
 * transitions; the database keeps the latest stage as a read model for boards.
 */
export const CASE_STAGES = [
  'identified',
  'assignment',
  'plan',
  'active',
  'evaluation',
  'closure',
  'closed',
  'declined',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, { vi: string; en: string }> = {
  identified: { vi: 'Chờ sàng lọc', en: 'Awaiting screening' },
  assignment: { vi: 'Phân công', en: 'Assignment' },
  plan: { vi: 'Kế hoạch giúp đỡ', en: 'Help plan' },
  active: { vi: 'Đang giúp đỡ', en: 'Being helped' },
  evaluation: { vi: 'Đánh giá học kỳ', en: 'Semester evaluation' },
  closure: { vi: 'Chờ kết thúc', en: 'Closure pending' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  declined: { vi: 'Không tiếp nhận', en: 'Declined' },
};

/** Stages shown as columns on the live board, in order. */
export const BOARD_STAGES: readonly CaseStage[] = [
  'identified',
  'assignment',
  'plan',
  'active',
  'evaluation',
  'closure',
  'closed',
];
