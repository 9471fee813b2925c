//! Rules as data: type names and codes, issuer codes, signing marks, purposes, positions and the
//! phrases of web page chrome. Each table names the regulation (or observation) it comes from.
//!
//! Keys are *folded* (see [`crate::text::fold`]): lower case ASCII without diacritics, so that
//! OCR copies that lost their tone marks still match.

/// A regulation or source a table is keyed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Nghị định 30/2020/NĐ-CP, Phụ lục III (State administrative documents).
    Nd30,
    /// Thông tư 01/2011/TT-BNV (State, before 2020).
    Tt01_2011,
    /// Luật Ban hành văn bản quy phạm pháp luật (normative documents).
    LawOnLegalDocuments,
    /// Quy định 66-QĐ/TW (2017) and Hướng dẫn 36-HD/VPTW (2018) (Party documents).
    Qd66Hd36,
    /// Seen in real copies, not in a regulation.
    Observed,
}

impl Source {
    /// The regulation (or `observed`) as a reader cites it.
    pub fn reference(self) -> &'static str {
        match self {
            Source::Nd30 => "NĐ 30/2020/NĐ-CP, Phụ lục III",
            Source::Tt01_2011 => "TT 01/2011/TT-BNV",
            Source::LawOnLegalDocuments => "Luật Ban hành văn bản quy phạm pháp luật",
            Source::Qd66Hd36 => "QĐ 66-QĐ/TW, HD 36-HD/VPTW",
            Source::Observed => "observed in real copies",
        }
    }
}

/// A document type: its kind code, its name (folded) and its symbol code.
#[derive(Debug, Clone, Copy)]
pub struct DocType {
    pub kind: &'static str,
    /// Folded name as it appears on the type line or in a citation (`chi thi`).
    pub name: &'static str,
    /// Display name.
    pub display: &'static str,
    /// Type code in symbols, as written (`CT`, `QĐ`), or `""` for none.
    pub code: &'static str,
    pub source: Source,
}

macro_rules! doc_types {
    ($($kind:literal, $name:literal, $display:literal, $code:literal, $src:ident;)*) => {
        /// Document types. Longer names come first so that prefix matching takes the longest.
        pub const DOC_TYPES: &[DocType] = &[$(DocType { kind: $kind, name: $name, display: $display, code: $code, source: Source::$src },)*];
    };
}

doc_types! {
    "thong_tu_lien_tich", "thong tu lien tich", "Thông tư liên tịch", "TTLT", LawOnLegalDocuments;
    "thong_bao", "thong bao ket luan", "Thông báo kết luận", "TB", Qd66Hd36;
    "chi_thi", "chi thi", "Chỉ thị", "CT", Nd30;
    "thong_bao", "thong bao", "Thông báo", "TB", Nd30;
    "ket_luan", "ket luan", "Kết luận", "KL", Qd66Hd36;
    "nghi_quyet", "nghi quyet", "Nghị quyết", "NQ", Nd30;
    "quyet_dinh", "quyet dinh", "Quyết định", "QĐ", Nd30;
    "quy_dinh", "quy dinh", "Quy định", "QyĐ", Nd30;
    "quy_che", "quy che", "Quy chế", "QC", Nd30;
    "huong_dan", "huong dan", "Hướng dẫn", "HD", Nd30;
    "ke_hoach", "ke hoach", "Kế hoạch", "KH", Nd30;
    "chuong_trinh", "chuong trinh", "Chương trình", "CTr", Nd30;
    "cong_van", "cong van", "Công văn", "CV", Qd66Hd36;
    "cong_dien", "cong dien", "Công điện", "CĐ", Nd30;
    "bao_cao", "bao cao", "Báo cáo", "BC", Nd30;
    "to_trinh", "to trinh", "Tờ trình", "TTr", Nd30;
    "bien_ban", "bien ban", "Biên bản", "BB", Nd30;
    "de_an", "de an", "Đề án", "ĐA", Nd30;
    "phuong_an", "phuong an", "Phương án", "PA", Nd30;
    "giay_moi", "giay moi", "Giấy mời", "GM", Nd30;
    "thong_tu", "thong tu", "Thông tư", "TT", LawOnLegalDocuments;
    "nghi_dinh", "nghi dinh", "Nghị định", "NĐ", LawOnLegalDocuments;
    "bo_luat", "bo luat", "Bộ luật", "", LawOnLegalDocuments;
    "luat", "luat", "Luật", "", LawOnLegalDocuments;
    "phap_lenh", "phap lenh", "Pháp lệnh", "", LawOnLegalDocuments;
    "hien_phap", "hien phap", "Hiến pháp", "", LawOnLegalDocuments;
    "dien", "dien", "Điện", "", Qd66Hd36;
    "van_ban", "van ban", "Văn bản", "", Observed;
}

/// Type codes in symbols that map to a kind, beyond the primary codes of [`DOC_TYPES`].
/// (`QĐ` in a Party symbol is both quyết định and quy định; the type line decides.)
pub const EXTRA_TYPE_CODES: &[(&str, &str, Source)] = &[
    ("QD", "quyet_dinh", Source::Observed), // Đ lost in OCR or legacy fonts
    ("ND", "nghi_dinh", Source::Observed),
    ("CD", "cong_dien", Source::Observed),
    ("DA", "de_an", Source::Observed),
    ("QYD", "quy_dinh", Source::Observed),
    ("TTLT", "thong_tu_lien_tich", Source::LawOnLegalDocuments),
];

/// Kind code for a symbol's type code (`CT` → `chi_thi`), folded comparison.
pub fn kind_of_type_code(code: &str) -> Option<&'static str> {
    // The codes of DOC_TYPES, then EXTRA_TYPE_CODES, folded once.
    static FOLDED: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    let table = FOLDED.get_or_init(|| {
        DOC_TYPES
            .iter()
            .filter(|t| !t.code.is_empty())
            .map(|t| (crate::text::fold(t.code), t.kind))
            .chain(
                EXTRA_TYPE_CODES
                    .iter()
                    .map(|(c, k, _)| (crate::text::fold(c), *k)),
            )
            .collect()
    });
    if code.len() > 16 {
        return None;
    }
    let key = crate::text::fold(code);
    table.iter().find(|(c, _)| *c == key).map(|(_, k)| *k)
}

/// [`DOC_TYPES`] whose name starts with byte `b`, in their order (indexed once by first byte).
fn types_starting_with(b: u8) -> &'static [&'static DocType] {
    static BY_FIRST: std::sync::OnceLock<crate::text::ByFirstByte<&'static DocType>> =
        std::sync::OnceLock::new();
    BY_FIRST
        .get_or_init(|| crate::text::ByFirstByte::keyed(DOC_TYPES.iter(), |t| t.name))
        .starting_with(b)
}

/// For every byte, whether some type's folded name starts with it (else no name starts
/// there); built once.
pub fn name_start_bytes() -> &'static [bool; 256] {
    static STARTS: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = [false; 256];
        for (b, s) in starts.iter_mut().enumerate() {
            *s = !types_starting_with(b as u8).is_empty();
        }
        starts
    })
}

/// Kind code for a folded type name at the start of `folded` (`chi thi ...` → `chi_thi`),
/// with the length of the name matched.
pub fn kind_of_name_prefix(folded: &str) -> Option<(&'static DocType, usize)> {
    let first = *folded.as_bytes().first()?;
    for t in types_starting_with(first) {
        if let Some(rest) = folded.strip_prefix(t.name) {
            if rest.is_empty() || !rest.as_bytes()[0].is_ascii_alphanumeric() {
                return Some((t, t.name.len()));
            }
        }
    }
    None
}

/// Issuer codes found in symbols, with the body they stand for.
pub const ISSUER_CODES: &[(&str, &str, Source)] = &[
    ("TW", "Ban Chấp hành Trung ương", Source::Qd66Hd36),
    ("TU", "Tỉnh ủy", Source::Qd66Hd36),
    ("HU", "Huyện ủy", Source::Qd66Hd36),
    ("ĐU", "Đảng ủy", Source::Qd66Hd36),
    ("VPTW", "Văn phòng Trung ương Đảng", Source::Qd66Hd36),
    ("BTCTW", "Ban Tổ chức Trung ương", Source::Qd66Hd36),
    ("BTGTW", "Ban Tuyên giáo Trung ương", Source::Qd66Hd36),
    (
        "BTGDVTW",
        "Ban Tuyên giáo và Dân vận Trung ương",
        Source::Observed,
    ),
    ("UBKTTW", "Ủy ban Kiểm tra Trung ương", Source::Qd66Hd36),
    ("BCĐTW", "Ban Chỉ đạo Trung ương", Source::Qd66Hd36),
    ("TTg", "Thủ tướng Chính phủ", Source::Nd30),
    ("CP", "Chính phủ", Source::Nd30),
    ("VPCP", "Văn phòng Chính phủ", Source::Nd30),
    ("QH", "Quốc hội", Source::LawOnLegalDocuments),
    (
        "UBTVQH",
        "Ủy ban Thường vụ Quốc hội",
        Source::LawOnLegalDocuments,
    ),
    ("CTN", "Chủ tịch nước", Source::LawOnLegalDocuments),
    ("BTC", "Bộ Tài chính", Source::Nd30),
    ("BYT", "Bộ Y tế", Source::Nd30),
    ("BNV", "Bộ Nội vụ", Source::Nd30),
    ("BCA", "Bộ Công an", Source::Nd30),
    ("BQP", "Bộ Quốc phòng", Source::Nd30),
    ("BNG", "Bộ Ngoại giao", Source::Nd30),
    ("BTP", "Bộ Tư pháp", Source::Nd30),
    ("BCT", "Bộ Công Thương", Source::Nd30),
    ("BXD", "Bộ Xây dựng", Source::Nd30),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo", Source::Nd30),
    ("BKHĐT", "Bộ Kế hoạch và Đầu tư", Source::Nd30),
    (
        "BLĐTBXH",
        "Bộ Lao động - Thương binh và Xã hội",
        Source::Nd30,
    ),
    (
        "LĐTBXH",
        "Bộ Lao động - Thương binh và Xã hội",
        Source::Observed,
    ),
    ("BTTTT", "Bộ Thông tin và Truyền thông", Source::Nd30),
    ("BGTVT", "Bộ Giao thông vận tải", Source::Nd30),
    (
        "BNNPTNT",
        "Bộ Nông nghiệp và Phát triển nông thôn",
        Source::Nd30,
    ),
    ("BTNMT", "Bộ Tài nguyên và Môi trường", Source::Nd30),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", Source::Nd30),
    ("BKHCN", "Bộ Khoa học và Công nghệ", Source::Nd30),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam", Source::Nd30),
    ("TCT", "Tổng cục Thuế", Source::Nd30),
    ("TCHQ", "Tổng cục Hải quan", Source::Nd30),
    ("BHXH", "Bảo hiểm xã hội Việt Nam", Source::Nd30),
    ("TLĐ", "Tổng Liên đoàn Lao động Việt Nam", Source::Observed),
    (
        "TANDTC",
        "Tòa án nhân dân tối cao",
        Source::LawOnLegalDocuments,
    ),
    (
        "VKSNDTC",
        "Viện kiểm sát nhân dân tối cao",
        Source::LawOnLegalDocuments,
    ),
    ("KTNN", "Kiểm toán nhà nước", Source::LawOnLegalDocuments),
];

/// Body named by an issuer code (`TTg` → `Thủ tướng Chính phủ`), folded comparison.
pub fn issuer_of_code(code: &str) -> Option<&'static str> {
    static FOLDED: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    let table = FOLDED.get_or_init(|| {
        ISSUER_CODES
            .iter()
            .map(|(c, n, _)| (crate::text::fold(c), *n))
            .collect()
    });
    let key = crate::text::fold(code);
    table.iter().find(|(c, _)| *c == key).map(|(_, n)| *n)
}

/// Signing marks (NĐ30 Art. 8 / HD36): folded key without punctuation, canonical form, meaning.
pub const SIGNING_MARKS: &[(&str, &str, &str, Source)] = &[
    (
        "tm",
        "TM.",
        "on behalf of a collective (thay mặt)",
        Source::Nd30,
    ),
    (
        "kt",
        "KT.",
        "a deputy signs for the head (ký thay)",
        Source::Nd30,
    ),
    ("tl", "TL.", "by order (thừa lệnh)", Source::Nd30),
    (
        "tuq",
        "TUQ.",
        "by delegated authority (thừa ủy quyền)",
        Source::Nd30,
    ),
    ("q", "Q.", "acting (quyền)", Source::Nd30),
];

/// Purposes written in brackets after a recipient (`(để b/c)`); folded, longest first.
pub const PURPOSES: &[(&str, crate::model::Purpose)] = {
    use crate::model::Purpose::*;
    &[
        ("de bao cao", Report),
        ("de b/c", Report),
        ("de b.c", Report),
        ("bao cao", Report),
        ("b/c", Report),
        ("de biet", Info),
        ("biet", Info),
        ("de thuc hien", Execute),
        ("thuc hien", Execute),
        ("de t/h", Execute),
        ("t/h", Execute),
        ("de phoi hop", Coordinate),
        ("phoi hop", Coordinate),
        ("de p/h", Coordinate),
        ("p/h", Coordinate),
        ("de chi dao", Direct),
        ("chi dao", Direct),
        ("de giam sat", Monitor),
        ("giam sat", Monitor),
    ]
};

/// Head words of signers' positions (folded). A short capitalised line containing one of these,
/// near a signing mark or a person's name, is a position line.
pub const POSITION_WORDS: &[&str] = &[
    "chu tich",
    "bi thu",
    "truong",
    "giam doc",
    "thu tuong",
    "chu nhiem",
    "thong doc",
    "tong thu ky",
    "chanh an",
    "chanh van phong",
    "uy vien",
    "ky thay",
];

/// National and Party lines (folded).
pub const NATIONAL_LINES: &[(&str, crate::model::Family)] = &[
    (
        "cong hoa xa hoi chu nghia viet nam",
        crate::model::Family::State,
    ),
    ("doc lap - tu do - hanh phuc", crate::model::Family::State),
    ("dang cong san viet nam", crate::model::Family::Party),
];

/// Urgency marks (NĐ30 Art. 15), folded, longest first.
pub const URGENCY: &[&str] = &["hoa toc hen gio", "hoa toc", "thuong khan", "khan"];
/// Secrecy marks (Luật Bảo vệ bí mật nhà nước 2018), folded.
pub const SECRECY: &[&str] = &["tuyet mat", "toi mat", "mat"];

/// Site names and furniture that never occur in a directive's own text (folded): a line with one
/// of them is site chrome wherever it stands. Observed on copies from legal-document sites.
pub const STRONG_CHROME: &[&str] = &[
    "template settings",
    "thu vien phap luat",
    "thuvienphapluat",
    "luatvietnam",
    "ban dich nay thuoc quyen",
    "has the copyright",
    "dang tai van ban",
    "van ban nay chua cap nhat",
    "click vao",
    "cam on da dung",
];

/// Phrases of web page chrome (site banners, metadata tables, related links, login notices),
/// folded, trusted only outside the document's own extent. Observed on copies from
/// legal-document sites and news pages.
pub const CHROME_PHRASES: &[&str] = &[
    "van ban lien quan",
    "van ban moi",
    "noi dung sua doi",
    "cac noi dung duoc sua doi",
    "dang nhap",
    "dang xuat",
    "tai khoan",
    "so hieu:",
    "loai van ban:",
    "noi ban hanh:",
    "nguoi ky:",
    "ngay ban hanh:",
    "ngay hieu luc:",
    "ngay cong bao:",
    "so cong bao:",
    "tinh trang:",
    "tinh trang hieu luc",
    "luoc do",
    "tai ve",
    "tai van ban",
    "xem them",
    "tin lien quan",
    "bai viet lien quan",
    "chia se",
    "anh minh hoa",
    "copyright",
    "ban quyen",
    "mua tai khoan",
    "hotline",
    "email:",
    "website:",
    "theo doi hieu luc",
    "bao loi",
    "in trang",
];

/// Words that continue an issuing body's name on the next header line (`ỦY BAN NHÂN DÂN` /
/// `TỈNH ĐẮK LẮK`): administrative levels (folded).
pub const LEVEL_WORDS: &[&str] = &[
    "tinh",
    "thanh pho",
    "huyen",
    "quan",
    "thi xa",
    "xa",
    "phuong",
    "thi tran",
    "tp.",
    "tp ",
];

/// Heads of bodies' names in which a document type's name is part of the body's name, not a cited
/// document (`Bộ Kế hoạch và Đầu tư`, `Sở Tư pháp`, `Phòng Tài chính - Kế hoạch`), in lower
/// case as written (folded, `bộ` would be `bỏ` too: `bãi bỏ Công văn số ...`). A type name right
/// after one of these words is not a citation's noun. Observed.
pub const ORGAN_HEADS: &[&str] = &[
    "bộ",
    "sở",
    "phòng",
    "ban",
    "vụ",
    "cục",
    "viện",
    "ủy ban",
    "uỷ ban",
    "trung tâm",
    "-",
];

/// Bodies named by the matter they steer (`Ban Chỉ đạo Trung ương về phát triển khoa học, công
/// nghệ, đổi mới sáng tạo và chuyển đổi số`, `Ban Chỉ đạo Nhà nước về Du lịch`, `Ủy ban Quốc gia
/// về ...`): after one of these folded heads, `về` goes on into the name. A body without its
/// national scope (`Ban Chỉ đạo về ...`) is not taken: there `về` more often opens the matter of
/// the document. Observed in the names of steering committees set up by Party and State decisions.
pub const NAMED_BY_TOPIC: &[&str] = &[
    "ban chi dao trung uong",
    "ban chi dao nha nuoc",
    "ban chi dao quoc gia",
    "hoi dong quoc gia",
    "hoi dong trung uong",
    "uy ban quoc gia",
];

/// Titles that may stand before a body named by its matter (`Trưởng Ban Chỉ đạo ...`), folded.
pub const TOPIC_BODY_TITLES: &[&str] = &["truong ", "pho truong ", "thuong truc "];

/// Bodies that issue documents jointly, named together with a comma (`Kết luận số 187-KL/TW ...
/// của Bộ Chính trị, Ban Bí thư`), folded. HD36: the Politburo and the Secretariat sign joint
/// conclusions and notices.
pub const JOINT_ISSUERS: &[(&str, &str)] = &[("bo chinh tri", "ban bi thu")];

/// Type codes of joint documents, issued by several bodies together (Luật Ban hành văn bản quy
/// phạm pháp luật 2008, Art. 2: thông tư liên tịch, nghị quyết liên tịch).
pub const JOINT_TYPE_CODES: &[&str] = &["TTLT", "NQLT"];

/// Verbs that make the body before them the issuer of the document named after them (`Ngày
/// 26/3/2020, Ban Thường vụ Tỉnh ủy đã ban hành Kết luận số ...`; `BHXH thành phố đã có Công văn số
/// ...`; `Quốc hội đã thông qua Luật ...`, Luật Ban hành văn bản quy phạm pháp luật 2015 Art.
/// 8), folded, longest first. Observed.
pub const ISSUING_VERBS: &[&str] = &[
    "da ky ban hanh",
    "da ban hanh",
    "da thong qua",
    "ban hanh",
    "da co",
    "da ky",
    "da gui",
];

/// Words before `ngày` that make the date a time limit or a moment, not the date of a document
/// named before it (`Luật Việc làm ... trước ngày 01 tháng 10 năm 2021`), folded. Observed.
pub const TIME_PREPOSITIONS: &[&str] = &[
    "truoc", "sau", "tu", "den", "het", "vao", "trong", "toi", "nhat",
];

/// Function words a name cannot end with: a line that ends in one was wrapped inside the name
/// (`... cơ quan thuộc` / `Chính phủ`), folded. Vietnamese grammar: prepositions, conjunctions
/// and plural markers take a complement after them.
pub const DANGLING_WORDS: &[&str] = &[
    "thuoc", "cua", "va", "cac", "voi", "tai", "ve", "cho", "nhung", "truc", "ngang",
];

/// Whether a folded line ends with one of [`DANGLING_WORDS`].
pub fn ends_dangling(f: &str) -> bool {
    let last = f.trim_end().rsplit(' ').next().unwrap_or("");
    DANGLING_WORDS.contains(&last)
}

/// Notes of signing that copies write after the signer's name where the signature stood
/// (`(đã ký)`; a certified copy, NĐ 30/2020 Art. 25–27), folded.
pub const SIGNING_NOTES: &[&str] = &[
    "(da ky)",
    "(da ky va dong dau)",
    "(ky)",
    "(ky ten)",
    "(ky ten, dong dau)",
    "(ky, dong dau)",
];

/// What templates and copies print where the signature and the seal go (a line of its own),
/// folded prefixes: `(Chữ ký của người có thẩm quyền, dấu ...)` (NĐ 30/2020 Phụ lục I),
/// `(Ký, ghi rõ họ tên)`, `(Dấu)`, and copies' `Đã ký`, `[daky]`.
pub const SIGNATURE_PLACEHOLDERS: &[&str] =
    &["da ky", "[daky]", "(ky, ghi ro ho ten", "(chu ky", "(dau)"];

/// The labels of a digital signature's stamp as copies print it (`Ký bởi:`, `Thời gian ký:`,
/// `Cơ quan:`; NĐ 30/2020 Art. 13 and Phụ lục I on the digitally signed document), folded.
pub const DIGITAL_SIGNATURE_LABELS: &[&str] = &[
    "ky boi:",
    "ky ngay:",
    "thoi gian ky:",
    "co quan:",
    "nguoi ky:",
];

/// The received stamp (dấu `ĐẾN`, NĐ 30/2020 Art. 22 and Phụ lục IV): the office that receives a
/// document stamps `ĐẾN` with the fields below beside its header; a scan keeps the stamp, and
/// OCR merges it with the header's columns. Folded; the fields are read with their fill (`Giờ:....`).
pub const RECEIVED_STAMP_LABEL: &str = "den";
/// The stamp's fields (Số đến, Ngày, Giờ, Chuyển), folded.
pub const RECEIVED_STAMP_FIELDS: &[&str] = &["so", "ngay", "gio", "chuyen"];
/// The fields that may stand without the `ĐẾN` label before them (`Số` may not: it is the
/// document's own number label).
pub const RECEIVED_STAMP_LONE_FIELDS: &[&str] = &["ngay", "gio"];
/// Offices whose name heads the received stamp on the copies they publish, folded with the
/// spaces removed (matched tolerantly: OCR reads `GỂNG THÔNG TIN ĐIỆN TỪ CHÍNH PHÙ`). Observed
/// on the scans published by chinhphu.vn in two corpora.
pub const RECEIVING_OFFICES: &[&str] = &["congthongtindientuchinhphu"];

/// Words that end a cited document's name (`Luật Đất đai` | `của Quốc hội`): the issuer
/// follows the name (NĐ 30/2020 Phụ lục I, how a document is cited: type, name, number, date,
/// issuer).
pub const CITATION_NAME_STOPS: &[&str] = &["cua", "tai", "theo"];

/// Words that end a cited document's name when a number follows them (`số 76/2015/QH13`,
/// `ngày 19`, `năm 2013`; not `một số điều`).
pub const CITATION_NUMBER_WORDS: &[&str] = &["so", "ngay", "nam"];

/// Words that end a cited document's issuer in running text (`... của Bộ Tài chính hướng dẫn`) (lower case with diacritics:
/// `tại` ends a name, `Tài chính` does not).
pub const CITATION_ISSUER_STOPS: &[&str] = &[
    "về",
    "quy định",
    "qui định",
    "hướng dẫn",
    "ban hành",
    "phê duyệt",
    "thông qua",
    "sửa đổi",
    "tại",
    "trong",
    "nhằm",
    "để",
    "thì",
    "đã",
    "theo",
    "đồng thời",
    "cho",
    "ngày",
    "số",
    "yêu cầu",
    "giao",
    "kết luận",
    "thông báo",
    "làm",
    "cần",
    "phải",
    "được",
    "có",
    "kể từ",
    "đến",
    "từ",
    "với",
    "tiếp tục",
    "triển khai",
    "kèm theo",
    "thực hiện",
    "trừ",
    "một",
    "là",
    "nên",
    "nhưng",
    "mà",
    "đối với",
    "khi",
    "gồm",
    "như",
    "cùng",
    // `công văn số ... của Cục Thuế hỏi về ...`: what the cited letter asks.
    "hỏi",
    "đề nghị",
    "kiến nghị",
    // `... của Bộ Tài chính nêu trên`: a word pointing back is not part of the name.
    "nêu trên",
    "nói trên",
    "trên đây",
];

/// Abbreviations of bodies and offices with their expansions, as directives and their `Nơi nhận`
/// lists write them across issuers (NĐ 30/2020 Phụ lục III lists the type codes; these are the
/// bodies' own usage, observed in documents of several sources). Serves [`crate::actors::expand`].
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("TW", "Trung ương"),
    ("TƯ", "Trung ương"),
    ("VPTU", "Văn phòng Tỉnh ủy"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("BCS", "Ban cán sự"),
    ("BTV", "Ban Thường vụ"),
    ("CT-XH", "chính trị - xã hội"),
    ("CHQS", "Chỉ huy quân sự"),
    ("TTg", "Thủ tướng"),
    ("TTgCP", "Thủ tướng Chính phủ"),
    ("PTTg", "Phó Thủ tướng"),
    ("PTTgCP", "Phó Thủ tướng Chính phủ"),
    ("BTCN", "Bộ trưởng, Chủ nhiệm"),
    ("PCN", "Phó Chủ nhiệm"),
    ("CT", "Chủ tịch"),
    ("PCT", "Phó Chủ tịch"),
    ("CVP", "Chánh Văn phòng"),
    ("PCVP", "Phó Chánh Văn phòng"),
    ("TTĐT", "thông tin điện tử"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("BHXH", "Bảo hiểm xã hội"),
    ("BHYT", "Bảo hiểm y tế"),
    ("CA", "Công an"),
    ("QS", "Quân sự"),
    ("BĐBP", "Bộ đội Biên phòng"),
    ("TTHC", "thủ tục hành chính"),
];

/// Words that qualify a type on its line (`QUY ĐỊNH TẠM THỜI`, `HƯỚNG DẪN TẠM THỜI`), folded:
/// part of the type line, not of the subject.
pub const TYPE_QUALIFIERS: &[&str] = &["tam thoi"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_a_symbol_code_gives_is_a_listed_kind() {
        // The schema's `Kind` (a closed set for the bindings) is read off DOC_TYPES.
        for (_, kind, _) in EXTRA_TYPE_CODES {
            assert!(DOC_TYPES.iter().any(|t| t.kind == *kind), "{kind}");
        }
    }

    #[test]
    fn dangling_words_end_no_name() {
        for f in [
            "co quan thuoc",
            "uy ban nhan dan cac",
            "so tai chinh va",
            "cac co quan ngang",
        ] {
            assert!(ends_dangling(f), "{f}");
        }
        for f in [
            "chinh phu",
            "bo tai chinh",
            "thanh pho truc thuoc trung uong",
            "cac tinh, thanh pho",
        ] {
            assert!(!ends_dangling(f), "{f}");
        }
    }

    #[test]
    fn type_codes_resolve() {
        assert_eq!(kind_of_type_code("CT"), Some("chi_thi"));
        assert_eq!(kind_of_type_code("QĐ"), Some("quyet_dinh"));
        assert_eq!(kind_of_type_code("QD"), Some("quyet_dinh"));
        assert_eq!(kind_of_type_code("CĐ"), Some("cong_dien"));
        assert_eq!(kind_of_type_code("CTr"), Some("chuong_trinh"));
        assert_eq!(kind_of_type_code("UBND"), None);
    }

    #[test]
    fn names_resolve_longest_first() {
        assert_eq!(
            kind_of_name_prefix("thong bao ket luan cua")
                .unwrap()
                .0
                .kind,
            "thong_bao"
        );
        assert_eq!(
            kind_of_name_prefix("thong tu lien tich so").unwrap().0.kind,
            "thong_tu_lien_tich"
        );
        assert_eq!(kind_of_name_prefix("chi thi").unwrap().0.kind, "chi_thi");
        assert!(kind_of_name_prefix("chi tiet").is_none());
        assert!(kind_of_name_prefix("luatsu").is_none());
    }

    #[test]
    fn issuer_codes_resolve() {
        assert_eq!(issuer_of_code("TTg"), Some("Thủ tướng Chính phủ"));
        assert_eq!(issuer_of_code("TW"), Some("Ban Chấp hành Trung ương"));
        assert_eq!(issuer_of_code("XYZ"), None);
    }
}
