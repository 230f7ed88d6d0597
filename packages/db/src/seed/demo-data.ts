/**
 * Demo organisation for `npm start`: a province, a commune office, two schools (a lower- and an
 * upper-secondary school, which since 07/2025 answer to different tiers), classes, staff and
 * students with made-up but real-looking Vietnamese names.
 */
export const DEMO_SCHOOL_YEAR = 2026;

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
] as const;

export const demoClasses = [
  { id: 'cl-cl-6a', schoolId: 's-thcs-chiengle', grade: 6, name: '6A', homeroomId: 'u-gv-lan' },
  { id: 'cl-cl-7b', schoolId: 's-thcs-chiengle', grade: 7, name: '7B', homeroomId: null },
  { id: 'cl-cl-9a', schoolId: 's-thcs-chiengle', grade: 9, name: '9A', homeroomId: null },
  { id: 'cl-th-10a1', schoolId: 's-thpt-tohieu', grade: 10, name: '10A1', homeroomId: null },
  { id: 'cl-th-11a2', schoolId: 's-thpt-tohieu', grade: 11, name: '11A2', homeroomId: null },
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
] as const;

export const demoCampaign = {
  id: 'camp-sl-2026',
  unitId: 'u-so-sonla',
  name: 'Mỗi nhà giáo, cán bộ giáo dục giúp đỡ học sinh có hoàn cảnh khó khăn — năm học 2026–2027',
  schoolYear: DEMO_SCHOOL_YEAR,
} as const;

/**
 * Cases the demo opens through the API, and how far each is taken through its workflow:
 * `helper` is offered the case; `accept` answers; `plan` submits a plan; `approve` approves it.
 */
export interface DemoCase {
  studentId: string;
  categories: readonly string[];
  advance: 'none' | 'accept' | 'decline';
  coordinatorId?: string;
  helper?: string;
  accept?: boolean;
  plan?: boolean;
  approve?: boolean;
}

export const demoCases: readonly DemoCase[] = [
  {
    studentId: 'st-01',
    categories: ['economic_hardship'],
    advance: 'accept',
    coordinatorId: 'u-ct-cl',
    helper: 'u-gv-lan',
    accept: true,
    plan: true,
    approve: true,
  },
  {
    studentId: 'st-03',
    categories: ['dropout_risk', 'economic_hardship'],
    advance: 'accept',
    coordinatorId: 'u-ct-cl',
    helper: 'u-gv-uyen',
    accept: true,
  },
  { studentId: 'st-05', categories: ['weak_results'], advance: 'none' },
  {
    studentId: 'st-06',
    categories: ['dropped_out'],
    advance: 'accept',
    coordinatorId: 'u-ct-cl',
    helper: 'u-gv-duc',
  },
  { studentId: 'st-09', categories: ['grade9_exam', 'weak_results'], advance: 'none' },
  { studentId: 'st-10', categories: ['economic_hardship'], advance: 'decline' },
  {
    studentId: 'st-12',
    categories: ['dropout_risk'],
    advance: 'accept',
    coordinatorId: 'u-ct-th',
    helper: 'u-gv-son',
    accept: true,
    plan: true,
  },
  { studentId: 'st-15', categories: ['economic_hardship', 'weak_results'], advance: 'none' },
  { studentId: 'st-08', categories: ['weak_results'], advance: 'accept' },
];
