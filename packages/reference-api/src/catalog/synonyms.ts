/**
 * What citizens type versus what procedure names say (domain.md §5). A province extends the table by passing
 * its own entries to `createCatalogue(procedures, { synonyms })`; they are added to these.
 * Entries are written with diacritics for people; they are folded when compiled, so "so do", "sổ đỏ" and
 * "sooe ddor" all hit the same entry. The original words stay in the query too: a catalogue that does use the
 * colloquial words still matches them.
 */
export interface Synonym {
  /** Colloquial names, abbreviations, old terms. */
  say: readonly string[];
  /** The wording in procedure names; any one of them satisfies the query. */
  means: readonly string[];
  /** Names use the abbreviation too ("Giải quyết hưởng BHXH một lần"): typing the words also finds it. */
  twoWay?: boolean;
}

export const SYNONYMS: readonly Synonym[] = [
  // Land (Đất đai)
  // Land certificates are often named "Giấy chứng nhận" alone, with "đất" only in the field (Đất đai).
  { say: ['sổ đỏ', 'bìa đỏ', 'gcnqsdđ', 'gcn qsdđ'], means: ['giấy chứng nhận quyền sử dụng đất', 'giấy chứng nhận đất đai'] },
  { say: ['làm sổ đỏ', 'làm sổ hồng', 'cấp sổ đỏ lần đầu'], means: ['đăng ký đất đai lần đầu', 'giấy chứng nhận lần đầu'] },
  { say: ['sổ hồng', 'bìa hồng'], means: ['giấy chứng nhận quyền sử dụng đất', 'quyền sở hữu nhà ở'] },
  { say: ['gcn'], means: ['giấy chứng nhận'] },
  { say: ['qsdđ', 'qsd đất'], means: ['quyền sử dụng đất'] },
  { say: ['tách sổ', 'tách sổ đỏ', 'chia thửa', 'chia đất'], means: ['tách thửa'] },
  { say: ['gộp sổ', 'gộp sổ đỏ', 'gộp thửa', 'nhập thửa'], means: ['hợp thửa'] },
  { say: ['sổ đỏ bị sai', 'sai sổ đỏ', 'sửa sổ đỏ'], means: ['đính chính giấy chứng nhận'] },
  { say: ['sang tên', 'sang tên sổ'], means: ['đăng ký biến động', 'chuyển nhượng'] },
  // Construction (Xây dựng)
  { say: ['gpxd'], means: ['giấy phép xây dựng'] },
  { say: ['xây nhà', 'làm nhà', 'cất nhà'], means: ['xây dựng'] },
  { say: ['sửa nhà'], means: ['sửa chữa', 'cải tạo'] },
  // Business (Hộ kinh doanh, doanh nghiệp)
  { say: ['hkd', 'hộ cá thể', 'kinh doanh cá thể', 'hộ kinh doanh cá thể', 'mở quán', 'mở cửa hàng', 'buôn bán'], means: ['hộ kinh doanh'] },
  { say: ['đkkd'], means: ['đăng ký kinh doanh', 'đăng ký hộ kinh doanh', 'đăng ký doanh nghiệp'] },
  { say: ['gpkd', 'giấy phép kinh doanh'], means: ['giấy phép kinh doanh', 'đăng ký kinh doanh'] },
  { say: ['mở công ty', 'lập công ty', 'mở doanh nghiệp', 'lập doanh nghiệp'], means: ['thành lập công ty', 'thành lập doanh nghiệp'] },
  { say: ['ctcp'], means: ['công ty cổ phần'] },
  { say: ['tnhh'], means: ['trách nhiệm hữu hạn'], twoWay: true },
  { say: ['dntn'], means: ['doanh nghiệp tư nhân'] },
  // Residence and identity (Cư trú, căn cước)
  { say: ['hộ khẩu', 'sổ hộ khẩu'], means: ['thường trú'] },
  { say: ['cắt khẩu', 'cắt hộ khẩu', 'xóa hộ khẩu'], means: ['xóa đăng ký thường trú'] },
  { say: ['tách khẩu', 'tách hộ khẩu', 'tách sổ hộ khẩu'], means: ['tách hộ'] },
  { say: ['kt3', 'thuê trọ', 'ở trọ', 'nhà trọ'], means: ['tạm trú'] },
  { say: ['khai báo khách', 'báo khách', 'khách đến ở', 'báo lưu trú'], means: ['thông báo lưu trú', 'lưu trú'] },
  { say: ['cmnd', 'cccd', 'cmt', 'chứng minh nhân dân', 'chứng minh thư', 'căn cước công dân'], means: ['căn cước'] },
  // Civil status (Hộ tịch)
  { say: ['giấy khai sinh', 'làm khai sinh', 'khai sanh'], means: ['khai sinh'] },
  { say: ['giấy chứng tử', 'chứng tử', 'báo tử', 'giấy báo tử'], means: ['khai tử'] },
  {
    say: ['giấy kết hôn', 'giấy đăng ký kết hôn', 'hôn thú', 'đăng ký cưới', 'giấy cưới', 'cưới', 'lấy vợ', 'lấy chồng'],
    means: ['kết hôn'],
  },
  { say: ['ytnn', 'nước ngoài', 'người nước ngoài'], means: ['yếu tố nước ngoài', 'nước ngoài'] },
  {
    say: ['độc thân', 'giấy độc thân', 'xác nhận độc thân', 'giấy xác nhận độc thân', 'chưa vợ', 'chưa chồng', 'xntthn'],
    means: ['xác nhận tình trạng hôn nhân'],
  },
  { say: ['con nuôi', 'nhận con nuôi', 'xin con nuôi'], means: ['nuôi con nuôi'] },
  { say: ['nhận cha', 'nhận mẹ', 'nhận con', 'nhận bố'], means: ['nhận cha, mẹ, con'] },
  {
    say: ['đổi tên', 'sửa tên', 'cải chính', 'sai tên', 'sai họ tên', 'sai ngày sinh', 'ghi sai'],
    means: ['thay đổi, cải chính, bổ sung thông tin hộ tịch', 'cải chính', 'đính chính'],
  },
  {
    say: ['bản sao giấy khai sinh', 'xin lại giấy khai sinh', 'mất giấy khai sinh'],
    means: ['trích lục khai sinh', 'bản sao trích lục hộ tịch', 'đăng ký lại khai sinh'],
  },
  { say: ['lltp', 'lý lịch', 'tiền án', 'tiền sự', 'tiền án tiền sự', 'không tiền án tiền sự'], means: ['lý lịch tư pháp'] },
  // Certification (Chứng thực): "công chứng" is what people say, the commune "chứng thực"s.
  { say: ['công chứng'], means: ['chứng thực'] },
  { say: ['sao y', 'photo công chứng', 'sao y bản chính', 'công chứng bản sao'], means: ['chứng thực bản sao từ bản chính'] },
  { say: ['công chứng chữ ký', 'xác nhận chữ ký'], means: ['chứng thực chữ ký'] },
  // Social insurance, employment, welfare, health, transport
  { say: ['bhxh'], means: ['bảo hiểm xã hội'], twoWay: true },
  { say: ['bhyt'], means: ['bảo hiểm y tế'], twoWay: true },
  { say: ['bhtn'], means: ['bảo hiểm thất nghiệp'], twoWay: true },
  { say: ['tctn', 'tiền thất nghiệp', 'bảo hiểm thất nghiệp', 'mất việc', 'mất việc làm'], means: ['trợ cấp thất nghiệp'] },
  { say: ['btxh'], means: ['bảo trợ xã hội'] },
  { say: ['tnlđ'], means: ['tai nạn lao động'], twoWay: true },
  { say: ['bnn'], means: ['bệnh nghề nghiệp'], twoWay: true },
  { say: ['người già', 'người cao tuổi'], means: ['người cao tuổi', 'hưu trí xã hội', 'bảo trợ xã hội'] },
  { say: ['bằng lái', 'bằng lái xe', 'gplx'], means: ['giấy phép lái xe'] },
  { say: ['cchn'], means: ['chứng chỉ hành nghề'] },
  { say: ['attp', 'vsattp', 'vệ sinh thực phẩm', 'vệ sinh an toàn thực phẩm'], means: ['an toàn thực phẩm'] },
  {
    say: ['giấy phép attp', 'giấy phép vệ sinh an toàn thực phẩm', 'giấy phép an toàn thực phẩm'],
    means: ['giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm'],
  },
  { say: ['pccc'], means: ['phòng cháy, chữa cháy'] },
  { say: ['ubnd'], means: ['ủy ban nhân dân'], twoWay: true },
];

/**
 * Filler citizens put around what they want ("tôi muốn xin ... như thế nào"), dropped from the query unless
 * nothing else is left. Only words that carry no meaning in procedure names belong here; measured on a real
 * province catalogue (2,169 names): "làm" also folds to "lâm" (kiểm lâm), "tại" to "tài" (tài sản), so those are weak.
 */
export const FILLER: readonly string[] = [
  'thủ tục', 'muốn', 'ở đâu', 'như thế nào', 'thế nào', 'làm sao', 'làm thế nào', 'bao lâu', 'mất bao lâu',
  'bao nhiêu', 'hướng dẫn', 'quy trình', 'gì', 'những', 'online', 'ạ', 'ơi', 'nhé', 'tôi', 'xin',
  // "for my child": who it is for, not which procedure ("khai sinh cho con" is Đăng ký khai sinh).
  'cho con', 'cho bé', 'cho cháu',
];

/**
 * Words that are common in names and in requests ("cấp giấy ...", "làm ... cho con"): they add to a procedure's
 * score when present, but a procedure is not ranked down for lacking them.
 */
export const WEAK_WORDS: readonly string[] = [
  'cấp', 'giấy', 'cho', 'và', 'các', 'mới', 'cũ', 'bị', 'làm', 'cần', 'cách', 'nộp', 'tại', 'ở', 'em', 'phải', 'của',
  'giúp', 'ra', 'tiền', 'trong', 'với',
];

/**
 * Words that make a name a follow-up of a base procedure ("Cấp lại", "Gia hạn", "Điều chỉnh" giấy phép xây dựng).
 * When the query says none of them, the base procedure is what the citizen wants, so such names rank a little lower.
 */
export const VARIANT_WORDS: readonly string[] = [
  'lại', 'điều chỉnh', 'gia hạn', 'thay đổi', 'bổ sung', 'cập nhật', 'chấm dứt', 'thu hồi', 'tạm ngừng', 'giải thể',
  'sửa chữa', 'cải tạo', 'đính chính', 'cải chính', 'xóa', 'hủy', 'cấp đổi',
];
