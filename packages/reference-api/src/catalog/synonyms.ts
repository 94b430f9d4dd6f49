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
}

export const SYNONYMS: readonly Synonym[] = [
  // Land (Đất đai)
  { say: ['sổ đỏ', 'bìa đỏ', 'gcnqsdđ', 'gcn qsdđ'], means: ['giấy chứng nhận quyền sử dụng đất'] },
  { say: ['sổ hồng', 'bìa hồng'], means: ['giấy chứng nhận quyền sử dụng đất', 'quyền sở hữu nhà ở'] },
  { say: ['gcn'], means: ['giấy chứng nhận'] },
  { say: ['qsdđ', 'qsd đất'], means: ['quyền sử dụng đất'] },
  { say: ['tách sổ', 'chia thửa'], means: ['tách thửa'] },
  { say: ['sang tên', 'sang tên sổ'], means: ['đăng ký biến động', 'chuyển nhượng'] },
  // Construction (Xây dựng)
  { say: ['gpxd'], means: ['giấy phép xây dựng'] },
  { say: ['xây nhà', 'làm nhà', 'cất nhà'], means: ['xây dựng'] },
  { say: ['sửa nhà'], means: ['sửa chữa', 'cải tạo'] },
  // Business (Hộ kinh doanh, doanh nghiệp)
  { say: ['hkd'], means: ['hộ kinh doanh'] },
  { say: ['đkkd'], means: ['đăng ký kinh doanh', 'đăng ký hộ kinh doanh', 'đăng ký doanh nghiệp'] },
  { say: ['gpkd'], means: ['giấy phép kinh doanh', 'đăng ký kinh doanh'] },
  { say: ['mở quán', 'mở cửa hàng', 'buôn bán'], means: ['hộ kinh doanh'] },
  // Residence and identity (Cư trú, căn cước)
  { say: ['hộ khẩu', 'sổ hộ khẩu'], means: ['thường trú'] },
  { say: ['cắt khẩu', 'cắt hộ khẩu', 'xóa hộ khẩu'], means: ['xóa đăng ký thường trú'] },
  { say: ['kt3'], means: ['tạm trú'] },
  { say: ['cmnd', 'cccd', 'cmt', 'chứng minh nhân dân', 'chứng minh thư', 'căn cước công dân'], means: ['căn cước'] },
  // Civil status (Hộ tịch)
  { say: ['giấy khai sinh', 'làm khai sinh', 'khai sanh'], means: ['khai sinh'] },
  { say: ['giấy chứng tử', 'chứng tử', 'báo tử', 'giấy báo tử'], means: ['khai tử'] },
  { say: ['giấy kết hôn', 'giấy đăng ký kết hôn', 'hôn thú', 'đăng ký cưới', 'giấy cưới', 'cưới'], means: ['kết hôn'] },
  {
    say: ['độc thân', 'giấy độc thân', 'xác nhận độc thân', 'giấy xác nhận độc thân', 'chưa vợ', 'chưa chồng'],
    means: ['xác nhận tình trạng hôn nhân'],
  },
  { say: ['con nuôi', 'nhận con nuôi', 'xin con nuôi'], means: ['nuôi con nuôi'] },
  { say: ['nhận cha', 'nhận mẹ', 'nhận con', 'nhận bố'], means: ['nhận cha, mẹ, con'] },
  { say: ['đổi tên', 'sửa tên', 'cải chính'], means: ['thay đổi, cải chính, bổ sung thông tin hộ tịch'] },
  { say: ['bản sao giấy khai sinh', 'xin lại giấy khai sinh', 'mất giấy khai sinh'], means: ['trích lục khai sinh', 'bản sao trích lục hộ tịch', 'đăng ký lại khai sinh'] },
  { say: ['lltp', 'lý lịch'], means: ['lý lịch tư pháp'] },
  // Certification (Chứng thực): "công chứng" is what people say, the commune "chứng thực"s.
  { say: ['công chứng'], means: ['chứng thực'] },
  { say: ['sao y', 'photo công chứng', 'sao y bản chính', 'công chứng bản sao'], means: ['chứng thực bản sao từ bản chính'] },
  { say: ['công chứng chữ ký', 'xác nhận chữ ký'], means: ['chứng thực chữ ký'] },
  // Social insurance, welfare, health, transport
  { say: ['bhxh'], means: ['bảo hiểm xã hội'] },
  { say: ['bhyt'], means: ['bảo hiểm y tế'] },
  { say: ['bhtn'], means: ['bảo hiểm thất nghiệp'] },
  { say: ['bằng lái', 'bằng lái xe', 'gplx'], means: ['giấy phép lái xe'] },
  { say: ['cchn'], means: ['chứng chỉ hành nghề'] },
  { say: ['attp', 'vsattp', 'vệ sinh thực phẩm'], means: ['an toàn thực phẩm'] },
  { say: ['pccc'], means: ['phòng cháy, chữa cháy'] },
  { say: ['ubnd'], means: ['ủy ban nhân dân'] },
  { say: ['người già', 'người cao tuổi'], means: ['người cao tuổi', 'bảo trợ xã hội'] },
];

/**
 * Filler citizens put around what they want ("tôi muốn xin ... như thế nào"), dropped from the query unless
 * nothing else is left. Only words that carry no meaning in procedure names belong here; measured on a real
 * province catalogue (2,169 names): "làm" also folds to "lâm" (kiểm lâm), "tại" to "tài" (tài sản), so those are weak.
 */
export const FILLER: readonly string[] = [
  'thủ tục', 'muốn', 'ở đâu', 'như thế nào', 'thế nào', 'làm sao', 'làm thế nào', 'bao lâu', 'mất bao lâu',
  'bao nhiêu', 'hướng dẫn', 'quy trình', 'gì', 'những', 'online', 'ạ', 'ơi', 'nhé', 'tôi', 'xin',
];

/**
 * Words that are common in names and in requests ("cấp giấy ...", "làm ... cho con"): they add to a procedure's
 * score when present, but a procedure is not ranked down for lacking them.
 */
export const WEAK_WORDS: readonly string[] = [
  'cấp', 'giấy', 'cho', 'và', 'các', 'mới', 'làm', 'cần', 'cách', 'nộp', 'tại', 'ở', 'em', 'phải', 'của', 'giúp',
];
