import type {
  CaseCategory,
  CaseStage,
  CheckInReport,
  ClosureReason,
  EvaluationDraft,
} from '@donghanh/domain';

/**
 * Demo organisation for `npm start`: a province, a commune office, two schools (a lower- and an
 * upper-secondary school, which since 07/2025 answer to different tiers), classes, staff and
 * students with made-up but real-looking Vietnamese names.
 */
export const DEMO_SCHOOL_YEAR = 2026;
/**
 * The day the demo's story is told on (November's check-in is due 25/11): `npm start` and the
 * tests pin DONGHANH_TODAY to it unless told another day, so the demo reads the same on any day.
 */
export const DEMO_TODAY = '2026-11-23';

export const demoUnits = [
  {
    id: 'u-so-sonla',
    kind: 'PROVINCE_DEPARTMENT',
    code: 'SGD-SL',
    name: 'Sở Giáo dục và Đào tạo tỉnh Sơn La',
    parentId: null,
  },
  {
    id: 'u-vhxh-chiengle',
    kind: 'COMMUNE_OFFICE',
    code: 'VHXH-CL',
    name: 'Phòng Văn hóa – Xã hội phường Chiềng Lề',
    parentId: 'u-so-sonla',
  },
  {
    id: 'u-thcs-chiengle',
    kind: 'SCHOOL',
    code: 'THCS-CL',
    name: 'Trường THCS Chiềng Lề',
    parentId: 'u-vhxh-chiengle',
  },
  {
    id: 'u-thcs-quyetthang',
    kind: 'SCHOOL',
    code: 'THCS-QT',
    name: 'Trường THCS Quyết Thắng',
    parentId: 'u-vhxh-chiengle',
  },
  {
    id: 'u-thpt-tohieu',
    kind: 'SCHOOL',
    code: 'THPT-TH',
    name: 'Trường THPT Tô Hiệu',
    parentId: 'u-so-sonla',
  },
] as const;

export const demoSchools = [
  {
    id: 's-thcs-chiengle',
    unitId: 'u-thcs-chiengle',
    name: 'Trường THCS Chiềng Lề',
    level: 'LOWER_SECONDARY',
  },
  { id: 's-thpt-tohieu', unitId: 'u-thpt-tohieu', name: 'Trường THPT Tô Hiệu', level: 'UPPER_SECONDARY' },
  {
    id: 's-thcs-quyetthang',
    unitId: 'u-thcs-quyetthang',
    name: 'Trường THCS Quyết Thắng',
    level: 'LOWER_SECONDARY',
  },
] as const;

export const demoUsers = [
  { id: 'u-admin', username: 'quantri', displayName: 'Quản trị hệ thống', roles: [['ADMIN', 'u-so-sonla']] },
  {
    id: 'u-office',
    username: 'cv.ha',
    displayName: 'Lò Thị Hà',
    roles: [['OFFICE_COORDINATOR', 'u-so-sonla']],
  },
  {
    id: 'u-commune',
    username: 'cv.tuan',
    displayName: 'Cầm Văn Tuấn',
    roles: [['OFFICE_COORDINATOR', 'u-vhxh-chiengle']],
  },
  {
    id: 'u-ht-cl',
    username: 'ht.binh',
    displayName: 'Nguyễn Văn Bình',
    roles: [['PRINCIPAL', 'u-thcs-chiengle']],
  },
  {
    id: 'u-ct-cl',
    username: 'ct.huong',
    displayName: 'Trần Thị Hương',
    roles: [['SCHOOL_COORDINATOR', 'u-thcs-chiengle']],
  },
  {
    id: 'u-gv-lan',
    username: 'gv.lan',
    displayName: 'Đặng Thị Lan',
    subjects: ['Toán'],
    capacity: 2,
    roles: [
      ['TEACHER', 'u-thcs-chiengle'],
      ['HOMEROOM_TEACHER', 'u-thcs-chiengle'],
    ],
  },
  {
    id: 'u-gv-duc',
    username: 'gv.duc',
    displayName: 'Lường Văn Đức',
    subjects: ['Ngữ văn'],
    capacity: 1,
    roles: [['TEACHER', 'u-thcs-chiengle']],
  },
  {
    id: 'u-gv-uyen',
    username: 'gv.uyen',
    displayName: 'Quàng Thị Uyên',
    subjects: ['Tiếng Anh'],
    capacity: 2,
    roles: [['TEACHER', 'u-thcs-chiengle']],
  },
  {
    id: 'u-gv-thuy',
    username: 'gv.thuy',
    displayName: 'Cầm Thị Thủy',
    subjects: ['Khoa học tự nhiên'],
    capacity: 3,
    roles: [
      ['TEACHER', 'u-thcs-chiengle'],
      ['HOMEROOM_TEACHER', 'u-thcs-chiengle'],
    ],
  },
  {
    id: 'u-ht-qt',
    username: 'ht.dung',
    displayName: 'Lò Văn Dũng',
    roles: [['PRINCIPAL', 'u-thcs-quyetthang']],
  },
  {
    id: 'u-ct-qt',
    username: 'ct.phuong',
    displayName: 'Hoàng Thị Phương',
    roles: [['SCHOOL_COORDINATOR', 'u-thcs-quyetthang']],
  },
  {
    id: 'u-gv-hoa',
    username: 'gv.hoa',
    displayName: 'Điêu Thị Hoa',
    subjects: ['Toán', 'Khoa học tự nhiên'],
    capacity: 2,
    roles: [['TEACHER', 'u-thcs-quyetthang']],
  },
  {
    id: 'u-ht-th',
    username: 'ht.minh',
    displayName: 'Hoàng Đức Minh',
    roles: [['PRINCIPAL', 'u-thpt-tohieu']],
  },
  {
    id: 'u-ct-th',
    username: 'ct.thao',
    displayName: 'Vũ Phương Thảo',
    roles: [['SCHOOL_COORDINATOR', 'u-thpt-tohieu']],
  },
  {
    id: 'u-gv-son',
    username: 'gv.son',
    displayName: 'Phạm Hồng Sơn',
    subjects: ['Vật lí'],
    capacity: 2,
    roles: [['TEACHER', 'u-thpt-tohieu']],
  },
  {
    id: 'u-gv-nga',
    username: 'gv.nga',
    displayName: 'Bùi Thị Nga',
    subjects: ['Ngữ văn'],
    capacity: 3,
    roles: [
      ['TEACHER', 'u-thpt-tohieu'],
      ['HOMEROOM_TEACHER', 'u-thpt-tohieu'],
    ],
  },
] as const;

export const demoClasses = [
  { id: 'cl-cl-6a', schoolId: 's-thcs-chiengle', grade: 6, name: '6A', homeroomId: 'u-gv-lan' },
  { id: 'cl-cl-7b', schoolId: 's-thcs-chiengle', grade: 7, name: '7B', homeroomId: null },
  { id: 'cl-cl-8a', schoolId: 's-thcs-chiengle', grade: 8, name: '8A', homeroomId: 'u-gv-thuy' },
  { id: 'cl-cl-9a', schoolId: 's-thcs-chiengle', grade: 9, name: '9A', homeroomId: null },
  { id: 'cl-th-10a1', schoolId: 's-thpt-tohieu', grade: 10, name: '10A1', homeroomId: null },
  { id: 'cl-th-11a2', schoolId: 's-thpt-tohieu', grade: 11, name: '11A2', homeroomId: 'u-gv-nga' },
] as const;

/** [id, class, full name, birth date, gender, ethnicity, MoET id (text: leading zeros)] */
export const demoStudents = [
  ['st-01', 'cl-cl-6a', 'Lò Văn Ánh', '2014-03-12', 'MALE', 'Thái', '0140123401'],
  ['st-02', 'cl-cl-6a', 'Cầm Thị Bích', '2014-07-02', 'FEMALE', 'Thái', '0140123402'],
  ['st-03', 'cl-cl-6a', 'Giàng A Chứ', '2013-11-20', 'MALE', "H'Mông", '0140123403'],
  ['st-04', 'cl-cl-7b', 'Nguyễn Thị Diệu', '2013-01-15', 'FEMALE', 'Kinh', '0140123404'],
  ['st-05', 'cl-cl-7b', 'Quàng Văn Đông', '2013-05-30', 'MALE', 'Thái', '0140123405'],
  ['st-06', 'cl-cl-7b', 'Mùa Thị Dợ', '2012-09-09', 'FEMALE', "H'Mông", '0140123406'],
  ['st-07', 'cl-cl-9a', 'Lường Thị Hạnh', '2011-02-14', 'FEMALE', 'Thái', '0140123407'],
  ['st-08', 'cl-cl-9a', 'Trần Văn Khải', '2011-08-08', 'MALE', 'Kinh', '0140123408'],
  ['st-09', 'cl-cl-9a', 'Sùng A Lử', '2010-12-01', 'MALE', "H'Mông", '0140123409'],
  ['st-10', 'cl-cl-9a', 'Đinh Thị Ưng', '2011-04-22', 'FEMALE', 'Mường', '0140123410'],
  ['st-11', 'cl-th-10a1', 'Vì Văn Mạnh', '2010-06-17', 'MALE', 'Thái', '0140123411'],
  ['st-12', 'cl-th-10a1', 'Hà Thị Ngọc', '2010-10-10', 'FEMALE', 'Mường', '0140123412'],
  ['st-13', 'cl-th-10a1', 'Lê Minh Quân', '2010-03-03', 'MALE', 'Kinh', '0140123413'],
  ['st-14', 'cl-th-11a2', 'Tòng Thị Sương', '2009-07-07', 'FEMALE', 'Thái', '0140123414'],
  ['st-15', 'cl-th-11a2', 'Bạc Cầm Thắng', '2009-01-25', 'MALE', 'Thái', '0140123415'],
  ['st-16', 'cl-th-11a2', 'Đỗ Thị Yến', '2009-11-11', 'FEMALE', 'Kinh', '0140123416'],
  ['st-17', 'cl-cl-8a', 'Lò Thị Mai', '2012-04-18', 'FEMALE', 'Thái', '0140123417'],
  ['st-18', 'cl-cl-8a', 'Cà Văn Hải', '2012-08-03', 'MALE', 'Khơ Mú', '0140123418'],
] as const;

export const demoCampaign = {
  id: 'camp-sl-2026',
  unitId: 'u-so-sonla',
  name: 'Mỗi nhà giáo, cán bộ giáo dục giúp đỡ học sinh có hoàn cảnh khó khăn — năm học 2026–2027',
  schoolYear: DEMO_SCHOOL_YEAR,
} as const;

/** Who screens, assigns and reviews (coordinator) and who signs off (principal) at each school. */
export const demoSchoolStaff: Record<
  (typeof demoSchools)[number]['id'],
  { coordinatorId: string; principalId: string }
> = {
  's-thcs-chiengle': { coordinatorId: 'u-ct-cl', principalId: 'u-ht-cl' },
  's-thpt-tohieu': { coordinatorId: 'u-ct-th', principalId: 'u-ht-th' },
  's-thcs-quyetthang': { coordinatorId: 'u-ct-qt', principalId: 'u-ht-qt' },
};

export interface DemoPlan {
  version: number;
  goals: { week: string; month: string; semester: string };
  kinds: string[];
}

/**
 * One step a demo case takes, as the person who takes it would: screening goes through the API,
 * the rest to the case workflow as the school's coordinator or principal (see
 * {@link demoSchoolStaff}) or as the case's helper. Every step is skipped when the workflow shows
 * it done, so a start interrupted half-way picks up where it stopped.
 */
export type DemoStep =
  | { step: 'screen'; decision: 'accept' }
  | { step: 'screen'; decision: 'decline'; reason: string }
  /** The coordinator offers the case to the case's `helperId`. */
  | { step: 'offer'; sponsor?: { name: string; note?: string } }
  | { step: 'acceptOffer' }
  | ({ step: 'submitPlan' } & DemoPlan)
  | { step: 'reviewPlan'; version: number; approve: boolean; comment?: string }
  /** The helper files this month's check-in (the one open today on the campaign calendar). */
  | { step: 'fileCheckIn'; report: CheckInReport }
  /** The coordinator opens the semester evaluation before its date. */
  | { step: 'startEvaluation'; reason: string }
  | { step: 'submitEvaluation'; draft: EvaluationDraft }
  | { step: 'reviewEvaluation'; approve: boolean; comment?: string }
  | { step: 'proposeClosure'; reason: ClosureReason; note: string }
  /** The principal decides the pending closure. */
  | { step: 'decideClosure'; approve: boolean; comment?: string }
  | { step: 'requestTransfer'; toSchoolId: string; toSchoolUnitId: string; note: string };

/**
 * A case the demo opens through the API and takes through its workflow; `stage` is where it
 * must stand afterwards (checked), `helperId` the teacher offered the case.
 */
export interface DemoCase {
  studentId: string;
  categories: readonly CaseCategory[];
  /** Why the teacher proposes the child (shown to the screening coordinator only). */
  reason?: string;
  stage: CaseStage;
  helperId?: string;
  steps: readonly DemoStep[];
}

const accept = { step: 'screen', decision: 'accept' } as const;
const approvePlan = { step: 'reviewPlan', version: 1, approve: true } as const;
/** Screened, offered, accepted, planned and approved: the help is under way. */
const helping = (plan: DemoPlan['goals'], kinds: string[], sponsor?: { name: string }): DemoStep[] => [
  accept,
  sponsor ? { step: 'offer', sponsor } : { step: 'offer' },
  { step: 'acceptOffer' },
  { step: 'submitPlan', version: 1, goals: plan, kinds },
  approvePlan,
];

/**
 * The demo campaign on {@link DEMO_TODAY}, 23/11/2026 (November's check-in is due 25/11), one case per stage or
 * more, across both schools. Who has what to do afterwards:
 * - ct.huong (THCS Chiềng Lề): screen st-05 and st-09, choose a helper for st-08, follow up the
 *   high-risk alert of st-07, review the early evaluation of st-17;
 * - ht.binh: decide the closure proposed for st-04;
 * - ct.thao (THPT Tô Hiệu): screen st-15, review st-12's plan; ct.phuong (THCS Quyết Thắng): accept or refuse the transfer of
 *   st-18 from THCS Chiềng Lề;
 * - ht.minh: sign off st-14's evaluation (it proposes closing: goal reached);
 * - teachers: gv.duc answers the offer of st-06, gv.uyen rewrites st-03's plan, and the helpers
 *   of st-04, st-11 and st-18 file November's check-in (st-01, st-07, st-14 and st-17's are in).
 */
export const demoCases: readonly DemoCase[] = [
  {
    // Help under way; November's check-in is in: tutoring, 15 kg of rice and 200.000 ₫.
    studentId: 'st-01',
    categories: ['economic_hardship'],
    stage: 'active',
    helperId: 'u-gv-lan',
    steps: [
      ...helping(
        {
          week: 'Kèm Toán hai buổi mỗi tuần (chiều thứ Ba và thứ Năm) tại lớp 6A',
          month: 'Đi học đầy đủ, hoàn thành bài tập về nhà; thăm gia đình một lần',
          semester: 'Học lực môn Toán đạt mức Đạt; có đủ gạo và áo ấm cho mùa đông',
        },
        ['tutoring', 'material', 'family_contact'],
        { name: 'Hội Khuyến học phường Chiềng Lề' },
      ),
      {
        step: 'fileCheckIn',
        report: {
          tutoring: { sessions: 8, hours: 12, subjects: ['Toán'] },
          material: [
            {
              kind: 'rice',
              description: 'Gạo tẻ, Hội Khuyến học phường hỗ trợ',
              quantity: 15,
              valueVnd: 285_000,
            },
            { kind: 'money', description: 'Tiền mặt hỗ trợ mua áo ấm', quantity: 200_000, valueVnd: 200_000 },
          ],
          familyContact: { visits: 1, calls: 4 },
          absentDays: 0,
          riskLevel: 'low',
          notes:
            'Em đi học đầy đủ, làm bài tập Toán về nhà đều hơn; bài kiểm tra giữa học kỳ I môn Toán được 6,5 điểm. Ngày 20/11 đã trao gạo và tiền cho mẹ em tại nhà.',
        },
      },
    ],
  },
  {
    // The plan came back from the coordinator: the helper is rewriting it (version 2).
    studentId: 'st-03',
    categories: ['dropout_risk', 'economic_hardship'],
    stage: 'plan',
    helperId: 'u-gv-uyen',
    steps: [
      accept,
      { step: 'offer' },
      { step: 'acceptOffer' },
      {
        step: 'submitPlan',
        version: 1,
        goals: {
          week: 'Kèm Tiếng Anh và Toán hai buổi mỗi tuần tại khu bán trú',
          month: 'Đi học đều, không nghỉ quá 2 buổi trong tháng',
          semester: 'Hoàn thành học kỳ I, học lực đạt mức Đạt',
        },
        kinds: ['tutoring'],
      },
      {
        step: 'reviewPlan',
        version: 1,
        approve: false,
        comment:
          'Em ở bán trú, nhà cách trường 12 km và có nguy cơ bỏ học: cần bổ sung lịch thăm gia đình, phối hợp với trưởng bản theo dõi việc em trở lại trường sau mỗi kỳ nghỉ.',
      },
    ],
  },
  { studentId: 'st-05', categories: ['weak_results'], stage: 'identified', steps: [] },
  {
    // Offered to gv.duc, who has not answered yet.
    studentId: 'st-06',
    categories: ['dropped_out'],
    stage: 'assignment',
    helperId: 'u-gv-duc',
    steps: [accept, { step: 'offer' }],
  },
  {
    // The family is no longer near-poor: the coordinator proposes closing, the principal decides.
    studentId: 'st-04',
    categories: ['economic_hardship'],
    stage: 'closure',
    helperId: 'u-gv-uyen',
    steps: [
      ...helping(
        {
          week: 'Kèm Tiếng Anh một buổi mỗi tuần',
          month: 'Hoàn thành bài tập về nhà; trao đổi với gia đình qua điện thoại',
          semester: 'Giữ học lực Khá; có đủ sách vở, đồ dùng học tập',
        },
        ['tutoring', 'material'],
      ),
      {
        step: 'proposeClosure',
        reason: 'no_longer_eligible',
        note: 'Theo kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026 của phường Chiềng Lề, gia đình em không còn thuộc diện cận nghèo (bố em đã có việc làm ổn định). Em đi học đều, học lực Khá; đề nghị kết thúc để dành suất giúp đỡ cho học sinh khác.',
      },
    ],
  },
  {
    // A high-risk check-in: the coordinator has a risk alert to follow up.
    studentId: 'st-07',
    categories: ['dropout_risk', 'economic_hardship'],
    stage: 'active',
    helperId: 'u-gv-lan',
    steps: [
      ...helping(
        {
          week: 'Ôn Toán thi vào lớp 10 hai buổi mỗi tuần',
          month: 'Không nghỉ học không phép; thăm gia đình hai lần',
          semester: 'Điểm Toán giữa kỳ từ 5,0 trở lên; gia đình cam kết cho em học hết lớp 9',
        },
        ['tutoring', 'family_contact', 'material'],
      ),
      {
        step: 'fileCheckIn',
        report: {
          tutoring: { sessions: 3, hours: 4.5, subjects: ['Toán'] },
          material: [
            {
              kind: 'supplies',
              description: 'Vở, bút, tài liệu ôn thi vào lớp 10',
              quantity: 1,
              valueVnd: 120_000,
            },
          ],
          familyContact: { visits: 2, calls: 5 },
          absentDays: 7,
          riskLevel: 'high',
          notes:
            'Em nghỉ 7 buổi để đi hái cà phê thuê cùng bố mẹ ở Chiềng Mung; gia đình nói hết vụ sẽ cho em xuống Bắc Ninh làm công nhân. Đề nghị nhà trường, Hội Phụ nữ và tổ dân phố cùng đến nhà vận động trước 30/11.',
        },
      },
    ],
  },
  {
    // Accepted at screening; the coordinator has yet to choose a helper.
    studentId: 'st-08',
    categories: ['weak_results'],
    stage: 'assignment',
    steps: [accept],
  },
  {
    studentId: 'st-09',
    categories: ['grade9_exam', 'weak_results'],
    reason: 'Em học yếu Toán và Ngữ văn, năm nay thi vào lớp 10; bố mẹ đi làm ăn xa, em ở với ông bà.',
    stage: 'identified',
    steps: [],
  },
  {
    studentId: 'st-10',
    categories: ['economic_hardship'],
    stage: 'declined',
    steps: [
      {
        step: 'screen',
        decision: 'decline',
        reason:
          'Gia đình không thuộc hộ nghèo, cận nghèo; em đã được hỗ trợ theo Nghị định 66/2025/NĐ-CP và học lực Khá, chưa cần giúp đỡ thêm.',
      },
    ],
  },
  {
    // Evaluated early (the parents leave to work far away): the draft waits for the coordinator.
    studentId: 'st-17',
    categories: ['weak_results', 'economic_hardship'],
    stage: 'evaluation',
    helperId: 'u-gv-thuy',
    steps: [
      ...helping(
        {
          week: 'Kèm Khoa học tự nhiên hai buổi mỗi tuần',
          month: 'Đi học đều; gọi điện trao đổi với gia đình hằng tuần',
          semester: 'Học lực đạt mức Đạt',
        },
        ['tutoring', 'family_contact'],
      ),
      {
        step: 'fileCheckIn',
        report: {
          tutoring: { sessions: 6, hours: 9, subjects: ['Khoa học tự nhiên'] },
          material: [
            {
              kind: 'clothes',
              description: 'Áo ấm, chăn (Đoàn Thanh niên phường quyên góp)',
              quantity: 2,
              valueVnd: 350_000,
            },
          ],
          familyContact: { visits: 1, calls: 6 },
          absentDays: 2,
          riskLevel: 'medium',
          notes:
            'Bố mẹ em chuẩn bị đi làm ăn ở Bắc Ninh, em sẽ ở với bà ngoại; em lo lắng, ít nói hơn. Đã trao đổi với bà và đăng ký cho em ở bán trú từ tháng 12.',
        },
      },
      {
        step: 'startEvaluation',
        reason:
          'Bố mẹ em đi làm ăn xa từ đầu tháng 12, em chuyển sang ở bán trú tại trường: đánh giá sớm để điều chỉnh kế hoạch giúp đỡ.',
      },
      {
        step: 'submitEvaluation',
        draft: {
          resultsBefore: 'chua_dat',
          resultsAfter: 'dat',
          conductBefore: 'kha',
          conductAfter: 'kha',
          progress:
            'Em đi học đều hơn (tháng 11 nghỉ 2 buổi có phép, tháng 9 nghỉ 5 buổi); điểm kiểm tra giữa học kỳ I môn Khoa học tự nhiên đạt 6,0 (năm học trước 4,3). Em còn rụt rè, ngại hỏi bài; cần tiếp tục kèm và giữ liên lạc với bố mẹ qua điện thoại.',
          stillAtRisk: true,
          recommendation: 'continue',
        },
      },
    ],
  },
  {
    // The family moves to Quyết Thắng ward: a transfer waits for THCS Quyết Thắng's coordinator.
    studentId: 'st-18',
    categories: ['economic_hardship', 'dropout_risk'],
    stage: 'active',
    helperId: 'u-gv-thuy',
    steps: [
      ...helping(
        {
          week: 'Kèm Toán và Khoa học tự nhiên một buổi mỗi tuần',
          month: 'Đi học đều; hỗ trợ gạo khi gia đình khó khăn',
          semester: 'Học lực đạt mức Đạt, không bỏ học',
        },
        ['tutoring', 'material'],
      ),
      {
        step: 'requestTransfer',
        toSchoolId: 's-thcs-quyetthang',
        toSchoolUnitId: 'u-thcs-quyetthang',
        note: 'Gia đình chuyển về tổ 5 phường Quyết Thắng từ tháng 12/2026; đề nghị Trường THCS Quyết Thắng tiếp nhận và tiếp tục theo dõi, giúp đỡ em.',
      },
    ],
  },
  {
    // Help under way; November's check-in (due 25/11) is still to file.
    studentId: 'st-11',
    categories: ['economic_hardship'],
    stage: 'active',
    helperId: 'u-gv-son',
    steps: helping(
      {
        week: 'Kèm Vật lí và Toán hai buổi mỗi tuần',
        month: 'Đi học đều, ở ký túc xá đúng nội quy',
        semester: 'Học lực đạt mức Đạt; có xe đạp để đi học',
      },
      ['tutoring', 'material'],
    ),
  },
  {
    // The plan is in and waits for the coordinator's review.
    studentId: 'st-12',
    categories: ['dropout_risk'],
    stage: 'plan',
    helperId: 'u-gv-son',
    steps: [
      accept,
      { step: 'offer' },
      { step: 'acceptOffer' },
      {
        step: 'submitPlan',
        version: 1,
        goals: {
          week: 'Gặp em hai lần mỗi tuần sau giờ học, kèm Vật lí',
          month: 'Đi học đầy đủ; thăm gia đình một lần',
          semester: 'Không bỏ học, học lực đạt mức Đạt',
        },
        kinds: ['tutoring', 'family_contact'],
      },
    ],
  },
  {
    // Evaluated early, reviewed by the coordinator: waits for the principal's sign-off.
    studentId: 'st-14',
    categories: ['weak_results'],
    stage: 'evaluation',
    helperId: 'u-gv-nga',
    steps: [
      ...helping(
        {
          week: 'Kèm Ngữ văn hai buổi mỗi tuần',
          month: 'Hoàn thành bài tập; đọc một tác phẩm ngoài chương trình',
          semester: 'Học lực đạt mức Khá',
        },
        ['tutoring', 'material'],
      ),
      {
        step: 'fileCheckIn',
        report: {
          tutoring: { sessions: 8, hours: 12, subjects: ['Ngữ văn'] },
          material: [
            {
              kind: 'books',
              description: 'Sách tham khảo Ngữ văn 11, vở ôn tập',
              quantity: 4,
              valueVnd: 180_000,
            },
          ],
          familyContact: { visits: 1, calls: 3 },
          absentDays: 0,
          riskLevel: 'low',
          notes:
            'Em tự giác học bài, tham gia nhóm học tập của lớp; bài kiểm tra giữa học kỳ I môn Ngữ văn đạt 7,5.',
        },
      },
      {
        step: 'startEvaluation',
        reason:
          'Em đã đạt mục tiêu của học kỳ sớm: đánh giá sớm để xét kết thúc giúp đỡ và dành suất cho học sinh khác của lớp 11A2.',
      },
      {
        step: 'submitEvaluation',
        draft: {
          resultsBefore: 'chua_dat',
          resultsAfter: 'kha',
          conductBefore: 'kha',
          conductAfter: 'tot',
          progress:
            'Sau 11 tuần kèm, điểm giữa học kỳ I môn Ngữ văn đạt 7,5 (cuối năm lớp 10: 4,8), Toán 6,5; em tự học đều, đi học đầy đủ, tham gia câu lạc bộ đọc sách của trường. Gia đình quan tâm và muốn em học tiếp lên đại học.',
          stillAtRisk: false,
          recommendation: 'propose_closure',
          closureReason: 'goal_reached',
        },
      },
      {
        step: 'reviewEvaluation',
        approve: true,
        comment: 'Đồng ý, trình Hiệu trưởng ký duyệt kết thúc giúp đỡ.',
      },
    ],
  },
  { studentId: 'st-15', categories: ['economic_hardship', 'weak_results'], stage: 'identified', steps: [] },
  {
    // Closed: the student left school despite the help; the principal approved the closure.
    studentId: 'st-16',
    categories: ['dropout_risk'],
    stage: 'closed',
    helperId: 'u-gv-nga',
    steps: [
      ...helping(
        {
          week: 'Gặp em hai buổi mỗi tuần, kèm Ngữ văn',
          month: 'Đi học đều; thăm gia đình hai lần',
          semester: 'Không bỏ học, hoàn thành lớp 11',
        },
        ['tutoring', 'family_contact'],
      ),
      {
        step: 'proposeClosure',
        reason: 'dropped_out',
        note: 'Em nghỉ học từ 02/11/2026 để theo chị gái đi làm công nhân ở Bắc Ninh. GVCN, giáo viên phụ trách và Đoàn trường đã đến nhà vận động ba lần; gia đình chưa đồng ý cho em đi học lại.',
      },
      {
        step: 'decideClosure',
        approve: true,
        comment: 'Đồng ý kết thúc. GVCN tiếp tục giữ liên lạc; nếu em trở lại trường thì mở lại hồ sơ.',
      },
    ],
  },
];
