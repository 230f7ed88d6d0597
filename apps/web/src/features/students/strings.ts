import { registerStrings } from '../../i18n';

export const NS = 'students';

const vi = {
  title: 'Học sinh',
  tabs: { import: 'Nhập danh sách lớp', newYear: 'Năm học mới', classes: 'Lớp và chủ nhiệm' },
  school: 'Trường',
  noSchool: 'Bạn không phụ trách trường nào.',
  steps: {
    upload: 'Tải tệp',
    sheet: 'Chọn trang',
    mapping: 'Ghép cột',
    preview: 'Xem trước',
    import: 'Nhập',
    result: 'Kết quả',
  },
  upload: {
    intro:
      'Tải tệp .xlsx xuất từ CSDL ngành (hoặc SMAS): các dòng tiêu đề phía trên được bỏ qua, cột được nhận theo tên. Tối đa 10 MB, 5.000 học sinh.',
    template: 'Tải tệp mẫu',
    file: 'Tệp danh sách (.xlsx)',
    send: 'Tải lên',
    sending: 'Đang tải lên…',
    failed: 'Không tải lên được: {{message}}',
  },
  sheet: {
    intro: 'Tệp có nhiều trang tính. Chọn trang có danh sách học sinh:',
    visible: 'đang hiện',
    hidden: 'bị ẩn',
    next: 'Tiếp tục',
  },
  mapping: {
    intro: 'Kiểm tra cột nào ứng với thông tin nào; sửa nếu chưa đúng. Cột không chọn sẽ bị bỏ qua.',
    none: '— không dùng —',
    missing: 'Còn thiếu cột: {{fields}}',
    defaultClass: 'Lớp cho các dòng không có cột Lớp (không bắt buộc)',
    headerAt: 'Dòng tiêu đề: dòng {{row}}',
    preview: 'Xem trước',
  },
  preview: {
    counts:
      '{{rows}} dòng: {{create}} thêm mới, {{update}} cập nhật, {{unchanged}} không đổi, {{skip}} bị bỏ qua vì lỗi',
    newClasses: 'Lớp sẽ được tạo: {{names}}',
    onlyNotable: 'Chỉ hiện dòng có lỗi, cảnh báo hoặc thay đổi',
    namesHidden: 'Họ tên được ẩn: chỉ cán bộ của trường xem được.',
    line: 'Dòng',
    code: 'Mã định danh',
    name: 'Họ và tên',
    birth: 'Ngày sinh',
    className: 'Lớp',
    action: 'Kết quả',
    issues: 'Lỗi / cảnh báo',
    actions: { create: 'Thêm mới', update: 'Cập nhật', unchanged: 'Không đổi', skip: 'Bỏ qua' },
    fields: {
      fullName: 'họ tên',
      birthDate: 'ngày sinh',
      gender: 'giới tính',
      ethnicity: 'dân tộc',
      className: 'lớp',
      archived: 'khôi phục',
    },
    more: 'Hiện {{shown}} / {{total}} dòng',
    back: 'Sửa ghép cột',
    run: 'Nhập {{count}} học sinh',
    nothing: 'Không có gì cần ghi: danh sách đã khớp.',
  },
  import: {
    running: 'Đang nhập {{applied}} / {{total}}…',
    failed: 'Nhập bị dừng: {{message}}',
    resume: 'Tiếp tục nhập',
  },
  result: {
    done: 'Đã nhập xong',
    totals:
      '{{created}} học sinh thêm mới, {{updated}} cập nhật, {{unchanged}} không đổi, {{skipped}} dòng bỏ qua; {{classesCreated}} lớp mới.',
    again: 'Nhập tệp khác',
  },
  newYear: {
    intro:
      'Chuyển trường sang năm học mới: mỗi lớp lên một khối, học sinh khối cuối cấp được lưu trữ (không xóa). Hồ sơ đang mở vẫn tiếp tục.',
    toYear: 'Năm học mới',
    moves: 'Lớp lên khối',
    leaving: 'Học sinh ra trường (lưu trữ)',
    pupils: '{{count}} học sinh',
    openCases: '{{count}} hồ sơ đang mở tiếp tục sang năm học mới.',
    leavingWithCase:
      '{{count}} học sinh ra trường còn hồ sơ đang mở: hãy đề xuất kết thúc (hoàn thành cấp học) hoặc chuyển trường.',
    nextCampaign: 'Đợt vận động năm học mới: {{name}}',
    noCampaign:
      'Chưa có đợt vận động cho năm học mới: hồ sơ sẽ theo lịch năm trước (dời một năm) cho tới khi quản trị tạo đợt mới.',
    apply: 'Chuyển sang năm học {{year}}',
    confirm: 'Xác nhận chuyển năm học? Thao tác chỉ làm một lần.',
    done: 'Đã chuyển: {{classesCreated}} lớp mới, {{pupilsMoved}} học sinh lên lớp, {{pupilsArchived}} học sinh ra trường.',
    already: 'Trường đã chuyển sang năm học này.',
    failed: 'Không chuyển được: {{message}}',
    // h12: pupils who repeat their grade (lưu ban)
    repeaters: 'Học sinh lưu ban (ở lại khối)',
    repeatersHint:
      'Chọn học sinh học lại khối hiện tại, kể cả khối cuối cấp: các em ở lại lớp cùng tên của năm học mới thay vì lên lớp hoặc ra trường.',
    repeatersPlaceholder: 'Tìm theo tên hoặc mã định danh',
    repeating: 'Học sinh lưu ban',
    repeatingItem: '{{fromName}}: {{count}} học sinh ở lại lớp {{toName}}',
    repeatingDone: '{{pupilsRepeating}} học sinh lưu ban.',
  },
};

const en: typeof vi = {
  title: 'Pupils',
  tabs: {
    import: 'Import class lists',
    newYear: 'New school year',
    classes: 'Classes and homeroom teachers',
  },
  school: 'School',
  noSchool: 'You do not manage a school.',
  steps: {
    upload: 'Upload',
    sheet: 'Sheet',
    mapping: 'Columns',
    preview: 'Preview',
    import: 'Import',
    result: 'Result',
  },
  upload: {
    intro:
      'Upload the .xlsx exported from the ministry database (or SMAS): title rows above are skipped, columns are recognised by name. At most 10 MB, 5,000 pupils.',
    template: 'Download the template',
    file: 'Class list (.xlsx)',
    send: 'Upload',
    sending: 'Uploading…',
    failed: 'Upload failed: {{message}}',
  },
  sheet: {
    intro: 'The workbook has several sheets. Choose the one with the pupils:',
    visible: 'visible',
    hidden: 'hidden',
    next: 'Continue',
  },
  mapping: {
    intro: 'Check which column holds what; change it if wrong. Columns left unchosen are ignored.',
    none: '— not used —',
    missing: 'Columns missing: {{fields}}',
    defaultClass: 'Class for rows without a class column (optional)',
    headerAt: 'Header row: row {{row}}',
    preview: 'Preview',
  },
  preview: {
    counts:
      '{{rows}} rows: {{create}} new, {{update}} updated, {{unchanged}} unchanged, {{skip}} skipped for errors',
    newClasses: 'Classes to be created: {{names}}',
    onlyNotable: 'Only rows with an error, a warning or a change',
    namesHidden: "Names are hidden: only the school's staff see them.",
    line: 'Row',
    code: 'Ministry id',
    name: 'Full name',
    birth: 'Born',
    className: 'Class',
    action: 'Outcome',
    issues: 'Errors / warnings',
    actions: { create: 'New', update: 'Update', unchanged: 'Unchanged', skip: 'Skipped' },
    fields: {
      fullName: 'name',
      birthDate: 'birth date',
      gender: 'gender',
      ethnicity: 'ethnicity',
      className: 'class',
      archived: 'restored',
    },
    more: 'Showing {{shown}} of {{total}} rows',
    back: 'Change the columns',
    run: 'Import {{count}} pupils',
    nothing: 'Nothing to write: the list already matches.',
  },
  import: {
    running: 'Importing {{applied}} / {{total}}…',
    failed: 'The import stopped: {{message}}',
    resume: 'Resume',
  },
  result: {
    done: 'Import finished',
    totals:
      '{{created}} pupils added, {{updated}} updated, {{unchanged}} unchanged, {{skipped}} rows skipped; {{classesCreated}} new classes.',
    again: 'Import another file',
  },
  newYear: {
    intro:
      "Move the school to the new school year: every class up one grade, the last grade's pupils archived (never deleted). Open cases go on.",
    toYear: 'New school year',
    moves: 'Classes moving up',
    leaving: 'Pupils leaving (archived)',
    pupils: '{{count}} pupils',
    openCases: '{{count}} open cases go on into the new year.',
    leavingWithCase:
      '{{count}} leaving pupils still have an open case: propose its closure (finished the level) or a transfer.',
    nextCampaign: "New year's campaign: {{name}}",
    noCampaign:
      "No campaign for the new year yet: cases follow last year's calendar shifted by a year until an admin creates it.",
    apply: 'Move to school year {{year}}',
    confirm: 'Move to the new school year? This is done once.',
    done: 'Done: {{classesCreated}} new classes, {{pupilsMoved}} pupils moved up, {{pupilsArchived}} pupils left.',
    already: 'The school has already moved to this year.',
    failed: 'Could not move: {{message}}',
    // h12: pupils who repeat their grade
    repeaters: 'Pupils repeating the grade',
    repeatersHint:
      "Pick the pupils who repeat their grade, the last grade included: they stay in the new year's class of the same name instead of moving up or leaving.",
    repeatersPlaceholder: 'Search by name or ministry code',
    repeating: 'Pupils repeating the grade',
    repeatingItem: '{{fromName}}: {{count}} pupils stay in {{toName}}',
    repeatingDone: '{{pupilsRepeating}} pupils repeat the grade.',
  },
};

registerStrings(NS, { vi, en });
