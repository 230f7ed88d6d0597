// The processing record an inspector asks for (PDPL 2025; Decree 13/2023 art. 24 and 27): what
// data, why, who sees it, how long, where. Generated from the product's own rules and settings,
// so it cannot drift from what the product does: who sees what is asked of the identity rule.
import {
  type CaseAudienceFacts,
  type IdentityView,
  identityView,
  SURFACES,
  type Surface,
  seesFamily,
  type Viewer,
} from '../identity-rule';
import type { PrivacySettings } from './deadlines';
import type { DataCategory } from './schemas';

export const DATA_CATEGORY_LABELS: Record<DataCategory, { vi: string; en: string; sensitive: boolean }> = {
  identity: {
    vi: 'Họ tên, mã định danh, lớp, trường, giới tính, dân tộc',
    en: 'Name, ministry id, class, school, gender, ethnicity',
    sensitive: false,
  },
  birth_date: { vi: 'Ngày sinh', en: 'Birth date', sensitive: false },
  family_circumstances: {
    vi: 'Hoàn cảnh gia đình (mã hóa)',
    en: 'Family circumstances (sealed)',
    sensitive: true,
  },
  guardian: {
    vi: 'Họ tên và quan hệ của người giám hộ (mã hóa)',
    en: 'Guardian’s name and relation (sealed)',
    sensitive: false,
  },
  help_received: {
    vi: 'Sự giúp đỡ đã nhận (dạy kèm, tiền, hiện vật)',
    en: 'Help received (tutoring, money, goods)',
    sensitive: true,
  },
  evaluations: {
    vi: 'Kết quả học tập, rèn luyện, đánh giá học kỳ',
    en: 'Results, conduct, semester evaluations',
    sensitive: false,
  },
  free_text: {
    vi: 'Ghi chú, mục tiêu, nhận xét của giáo viên',
    en: 'Teachers’ notes, goals and comments',
    sensitive: true,
  },
  staff_accounts: { vi: 'Tài khoản cán bộ, giáo viên', en: 'Staff accounts', sensitive: false },
};

export const PROCESSING_PURPOSES = [
  {
    vi: 'Giúp đỡ học sinh có hoàn cảnh khó khăn theo cuộc vận động "Mỗi nhà giáo, cán bộ giáo dục giúp đỡ học sinh có hoàn cảnh khó khăn"',
    en: 'Helping students in difficulty under the campaign',
  },
  {
    vi: 'Theo dõi, đánh giá sự tiến bộ của học sinh hằng tháng và từng học kỳ',
    en: 'Monthly follow-up and semester evaluation',
  },
  {
    vi: 'Báo cáo tổng hợp (chỉ mã, số lượng, tổng số) cho cơ quan quản lý giáo dục',
    en: 'Aggregate reports (codes, counts, totals) to the education office',
  },
] as const;

/** The kinds of reader the product knows, each as the identity rule sees them. */
const READERS: { key: string; vi: string; en: string; viewer: Viewer }[] = [
  {
    key: 'school_manager',
    vi: 'Điều phối, hiệu trưởng của trường',
    en: 'School coordinator, principal',
    viewer: { userId: 'u-manager', namedSchoolIds: new Set(['s']), maskedSchoolIds: new Set() },
  },
  {
    key: 'helper',
    vi: 'Giáo viên giúp đỡ (đã nhận)',
    en: 'Helping teacher (accepted)',
    viewer: { userId: 'u-helper', namedSchoolIds: new Set(), maskedSchoolIds: new Set() },
  },
  {
    key: 'homeroom',
    vi: 'Giáo viên chủ nhiệm',
    en: 'Homeroom teacher',
    viewer: { userId: 'u-homeroom', namedSchoolIds: new Set(), maskedSchoolIds: new Set() },
  },
  {
    key: 'offered',
    vi: 'Giáo viên được đề nghị, chưa trả lời',
    en: 'Teacher offered the case, not yet answered',
    viewer: { userId: 'u-offered', namedSchoolIds: new Set(), maskedSchoolIds: new Set() },
  },
  {
    key: 'office',
    vi: 'Chuyên viên phòng/sở',
    en: 'Office coordinator',
    viewer: { userId: 'u-office', namedSchoolIds: new Set(), maskedSchoolIds: new Set(['s']) },
  },
  {
    key: 'office_revealed',
    vi: 'Chuyên viên phòng/sở sau khi xem danh tính có lý do (ghi nhật ký)',
    en: 'Office coordinator after an audited reveal',
    viewer: {
      userId: 'u-office',
      namedSchoolIds: new Set(),
      maskedSchoolIds: new Set(['s']),
      revealedCaseIds: new Set(['c']),
    },
  },
  {
    key: 'other',
    vi: 'Người khác (trường khác, quản trị)',
    en: 'Anyone else (another school, admin)',
    viewer: { userId: 'u-other', namedSchoolIds: new Set(['s-other']), maskedSchoolIds: new Set() },
  },
];

const FACTS: CaseAudienceFacts = {
  caseId: 'c',
  schoolId: 's',
  helperUserIds: ['u-helper'],
  offeredUserIds: ['u-offered'],
  homeroomId: 'u-homeroom',
};

export interface ProcessingRecordReader {
  key: string;
  vi: string;
  en: string;
  views: Record<Surface, IdentityView>;
  family: boolean;
}

/** Who sees a case's child on every surface, from the identity rule itself. */
export function readersTable(): ProcessingRecordReader[] {
  return READERS.map((r) => ({
    key: r.key,
    vi: r.vi,
    en: r.en,
    views: Object.fromEntries(SURFACES.map((s) => [s, identityView(r.viewer, FACTS, s)])) as Record<
      Surface,
      IdentityView
    >,
    family: seesFamily(r.viewer, FACTS, 'case_page'),
  }));
}

export interface ProcessingRecordCampaign {
  id: string;
  name: string;
  schoolYear: number;
  privacy: PrivacySettings;
}

export function processingRecord(input: {
  controller: string;
  campaigns: readonly ProcessingRecordCampaign[];
  legalBases: readonly { code: string; title: string; reference: string }[];
  storage: { vi: string; en: string }[];
}) {
  return {
    controller: input.controller,
    categories: (Object.keys(DATA_CATEGORY_LABELS) as DataCategory[]).map((key) => ({
      key,
      ...DATA_CATEGORY_LABELS[key],
    })),
    purposes: PROCESSING_PURPOSES.map((p) => ({ ...p })),
    readers: readersTable(),
    retention: input.campaigns.map((c) => ({
      campaignId: c.id,
      name: c.name,
      schoolYear: c.schoolYear,
      schoolYearsAfterClosure: c.privacy.retention.schoolYearsAfterClosure,
      accessAnswerHours: c.privacy.accessAnswerHours,
      correctionAnswerHours: c.privacy.correctionAnswerHours,
    })),
    legalBases: input.legalBases.map((b) => ({ ...b })),
    storage: input.storage,
  };
}
export type ProcessingRecord = ReturnType<typeof processingRecord>;
