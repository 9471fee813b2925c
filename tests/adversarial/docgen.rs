//! A generator of corpus-like directive documents, driven by a stream of choices: the fuzz
//! target `parse_structured` feeds it from `arbitrary::Unstructured`, `core/tests/props.rs` from
//! a proptest vector (so proptest shrinks a failing document by shrinking its choices). An
//! exhausted stream always chooses the simplest option, so every prefix of choices is a document.
//!
//! It writes headers (State and Party: issuing bodies, national line, number and symbol, place
//! and date, urgency, type line, subject, `Kính gửi`), a preamble with `Căn cứ` lines, an item tree
//! with markers of every family (`Phần I`, `Chương II`, `Mục 1`, `Điều 3.`, `I.`, `1.`, `1-`, `1)`,
//! `2.1.`, `(1)`, `a)`, `đ)`, `-`, `+`, `•`), citations, dates and actors in the text, a closing,
//! signature blocks (`T/M`, `KT.`, `TL.` ...), `Nơi nhận` with purposes and `Lưu`, attachments;
//! and the damage real copies carry: markdown `**` and table pipes, hard wraps, page breaks,
//! site chrome, stamps, tab columns, odd spaces, zero-width characters, NFD lines, CRLF.

#![allow(dead_code)] // each includer uses a part

use unicode_normalization::UnicodeNormalization;

/// A source of choices.
pub trait Choose {
    /// An index in `0..n` (`n >= 1`); `0` once the source is exhausted.
    fn pick(&mut self, n: usize) -> usize;

    /// True one time in `n` (never once the source is exhausted).
    fn chance(&mut self, n: usize) -> bool {
        n >= 1 && self.pick(n) == n - 1
    }

    fn one<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[self.pick(options.len())]
    }
}

/// Choices read from a slice of numbers (proptest): `pick(n)` is the next number modulo `n`.
pub struct Numbers<'a> {
    pub values: &'a [u32],
    pub at: usize,
}

impl Choose for Numbers<'_> {
    fn pick(&mut self, n: usize) -> usize {
        match self.values.get(self.at) {
            Some(&v) => {
                self.at += 1;
                v as usize % n.max(1)
            }
            None => 0,
        }
    }
}

const ORGANS: &[&str] = &[
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG",
    "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ",
    "TỈNH ỦY QUẢNG NINH",
    "THỦ TƯỚNG CHÍNH PHỦ",
    "BAN CHẤP HÀNH TRUNG ƯƠNG\n*",
    "UBND HUYỆN CHÂU THÀNH\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    "ĐẢNG BỘ TỈNH ĐẮK LẮK\nHUYỆN ỦY KRÔNG PẮC",
    "BỘ Y TẾ",
];
const NATIONAL: &[&str] = &[
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n**Độc lập – Tự do – Hạnh phúc**\n---------------",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM",
];
const CODES: &[&str] = &[
    "CT", "QĐ", "TB", "KL", "NQ", "KH", "CV", "CĐ", "HD", "BC", "TTr",
];
const ISSUER_CODES: &[&str] = &[
    "UBND", "TTg", "TU", "BTC", "BYT", "HU", "TW", "VPCP", "SGDĐT",
];
const PLACES: &[&str] = &[
    "Hà Nội",
    "An Giang",
    "Đắk Lắk",
    "Thành phố Hồ Chí Minh",
    "Quảng Ninh",
    "Huế",
    "Long Xuyên",
];
const TYPES: &[&str] = &[
    "CHỈ THỊ",
    "CÔNG VĂN",
    "QUYẾT ĐỊNH",
    "THÔNG BÁO",
    "THÔNG BÁO KẾT LUẬN",
    "KẾT LUẬN",
    "NGHỊ QUYẾT",
    "KẾ HOẠCH",
    "CÔNG ĐIỆN",
    "HƯỚNG DẪN",
    "QUY ĐỊNH",
];
const SUBJECTS: &[&str] = &[
    "Về việc tăng cường phòng, chống dịch bệnh",
    "V/v triển khai thực hiện Nghị quyết số 57-NQ/TW",
    "Về tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2024",
    "về việc chấn chỉnh kỷ luật, kỷ cương hành chính",
    "Ý KIẾN CHỈ ĐẠO CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
];
const ADDRESSEES: &[&str] = &[
    "Các sở, ban, ngành tỉnh;",
    "Ủy ban nhân dân các huyện, thị xã, thành phố;",
    "Các Bộ, cơ quan ngang Bộ",
    "Ban Thường vụ các huyện ủy, thị ủy, thành ủy.",
];
const BASIS: &[&str] = &[
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
    "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 123/TTr-SNV,",
    "Thực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ,",
];
const SENTENCES: &[&str] = &[
    "Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan tổ chức giám sát dịch bệnh",
    "Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo các xã triển khai thực hiện",
    "thực hiện nghiêm Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ",
    "theo Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện",
    "báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 30/4/2024",
    "định kỳ hằng quý báo cáo Bộ Y tế (qua Cục Y tế dự phòng)",
    "giảm ít nhất 10% số vụ tai nạn, tiết kiệm 5 tỷ đồng",
    "Công an tỉnh chịu trách nhiệm bảo đảm an ninh trật tự",
    "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị này",
    "Nghị định số 100/2019/NĐ-CP và Thông tư số 01/2021/TT-BYT",
    "các cơ quan, đơn vị “4 tại chỗ”, xác định đây là nhiệm vụ trọng tâm",
    "Bộ trưởng, Thủ trưởng cơ quan ngang bộ",
];
const ENDS: &[&str] = &[".", ";", ":", "", ",", "./."];
const CLOSINGS: &[&str] = &[
    "Chỉ thị này có hiệu lực kể từ ngày ký./.",
    "Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.",
    "Trong quá trình thực hiện, nếu có vướng mắc, báo cáo về Sở Nội vụ để tổng hợp./.",
    "Nơi nào vi phạm sẽ bị xử lý.",
];
const MARKS: &[&str] = &[
    "", "T/M ", "TM. ", "KT. ", "TL. ", "TUQ. ", "Q. ", "K/T ", "T/L ", "TM ",
];
const ORGANS_SIGNED: &[&str] = &[
    "ỦY BAN NHÂN DÂN",
    "BAN THƯỜNG VỤ",
    "CHỦ TỊCH",
    "THỦ TƯỚNG",
    "BỘ TRƯỞNG",
    "CHÍNH PHỦ\nKT. THỦ TƯỚNG",
    "GIÁM ĐỐC",
];
const POSITIONS: &[&str] = &[
    "PHÓ CHỦ TỊCH",
    "CHỦ TỊCH",
    "BÍ THƯ",
    "PHÓ BÍ THƯ THƯỜNG TRỰC",
    "PHÓ THỦ TƯỚNG",
    "CHÁNH VĂN PHÒNG",
    "",
];
const NAMES: &[&str] = &[
    "Nguyễn Văn An",
    "Lê Thị Hoa",
    "Trần Quốc Bảo",
    "HOÀNG THỊ LAN",
    "Phạm Minh Chính",
];
const RECIPIENTS: &[&str] = &[
    "- Bộ Y tế (để b/c);",
    "- Thường trực Tỉnh ủy (b/c);",
    "- Các sở, ban, ngành;",
    "- UBND các huyện, thị xã, thành phố (t/h);",
    "- Như trên;",
    "- Lưu: VT, KGVX.",
    "- Lưu VPTU.",
    "- Lưu: VT, NC (2b).",
];
const NOISE: &[&str] = &[
    "--- PAGE BREAK ---",
    "- 2 -",
    "Trang 3",
    "(Đã ký)",
    "Đăng nhập",
    "LawSoft * Tel: 028 3930 3279 * www.ThuVienPhapLuat.vn",
    "-----",
    "|",
    "* * *",
    "",
];

/// The label of the `k`-th sibling (0-based) of a marker family (outermost first).
fn label(family: usize, k: usize) -> String {
    const ROMAN: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    const LETTERS: &[&str] = &[
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
    ];
    let n = k + 1;
    match family {
        0 => format!("Phần {}", ROMAN[k % ROMAN.len()]),
        1 => format!("Chương {}", ROMAN[k % ROMAN.len()]),
        2 => format!("Mục {n}"),
        3 => format!("Điều {n}."),
        4 => format!("{}.", ROMAN[k % ROMAN.len()]),
        5 => format!("{n}."),
        6 => format!("{n}-"),
        7 => format!("{n})"),
        8 => format!("2.{n}."),
        9 => format!("({n})"),
        10 => format!("{})", LETTERS[k % LETTERS.len()]),
        11 => "-".to_string(),
        12 => "+".to_string(),
        _ => "•".to_string(),
    }
}
const FAMILY_COUNT: usize = 14;

fn sentence(c: &mut impl Choose) -> String {
    let mut s = c.one(SENTENCES).to_string();
    for _ in 0..c.pick(3) {
        s.push_str(", ");
        s.push_str(c.one(SENTENCES));
    }
    s.push_str(c.one(ENDS));
    s
}

/// A paragraph, sometimes hard-wrapped at a width.
fn paragraph(c: &mut impl Choose, out: &mut Vec<String>, first: &str) {
    let text = format!("{first}{}", sentence(c));
    if c.chance(4) {
        let width = 30 + c.pick(60);
        let mut line = String::new();
        for w in text.split(' ') {
            if line.chars().count() + w.chars().count() > width && !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out.push(line);
    } else {
        out.push(text);
    }
}

/// At most this many items per document (a fuzzed document stays small and fast).
const MAX_ITEMS: usize = 40;

fn items(
    c: &mut impl Choose,
    out: &mut Vec<String>,
    min_family: usize,
    depth: usize,
    budget: &mut usize,
) {
    if min_family >= FAMILY_COUNT {
        return;
    }
    let family = min_family + c.pick((FAMILY_COUNT - min_family).min(6));
    let count = 1 + c.pick(4);
    for k in 0..count {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        // Now and then a number is skipped or repeated.
        let k = if c.chance(12) { k + c.pick(3) } else { k };
        let mut lab = label(family, k);
        if c.chance(8) {
            lab = format!("**{lab}**");
        }
        let sep = if c.chance(10) { "\t" } else { " " };
        let keyword = family <= 3;
        if keyword && c.chance(2) {
            // Heading on its own line, then the text.
            out.push(format!("{lab}{sep}{}", c.one(SUBJECTS)));
        } else {
            paragraph(c, out, &format!("{lab}{sep}"));
        }
        if c.chance(4) {
            out.push(String::new());
            paragraph(c, out, "");
        }
        if depth < 4 && c.chance(2) {
            if c.chance(2) {
                out.push(String::new());
            }
            items(c, out, family + 1, depth + 1, budget);
        }
        if c.chance(2) {
            out.push(String::new());
        }
        if c.chance(10) {
            out.push(c.one(NOISE).to_string());
        }
    }
}

fn header(c: &mut impl Choose, out: &mut Vec<String>) {
    let organ = c.one(ORGANS);
    let national = c.one(NATIONAL);
    let symbol = match c.pick(5) {
        0 => format!(
            "Số: {}/{}-{}",
            1 + c.pick(400),
            c.one(CODES),
            c.one(ISSUER_CODES)
        ),
        1 => format!(
            "Số {}-{}/{}",
            1 + c.pick(400),
            c.one(CODES),
            c.one(ISSUER_CODES)
        ),
        2 => format!("Số: /{}-{}", c.one(CODES), c.one(ISSUER_CODES)),
        3 => format!(
            "Số:  {}/{}/{}-{}",
            1 + c.pick(99),
            2000 + c.pick(30),
            c.one(CODES),
            c.one(ISSUER_CODES)
        ),
        _ => String::new(),
    };
    let date = match c.pick(4) {
        0 => format!(
            "{}, ngày {:02} tháng {:02} năm {}",
            c.one(PLACES),
            1 + c.pick(31),
            1 + c.pick(12),
            1990 + c.pick(40)
        ),
        1 => format!(
            "*{}, ngày {} tháng {} năm {}*",
            c.one(PLACES),
            c.pick(33),
            c.pick(14),
            1990 + c.pick(40)
        ),
        2 => format!("{}, ngày    tháng    năm 2024", c.one(PLACES)),
        _ => String::new(),
    };
    match c.pick(3) {
        0 => {
            out.push(organ.to_string());
            out.push(national.to_string());
            out.push(symbol);
            out.push(date);
        }
        1 => {
            // Two columns in a markdown table.
            let first = organ.lines().next().unwrap_or("");
            let nat = national.lines().next().unwrap_or("");
            out.push(format!("| **{first}** | **{nat}** |"));
            out.push("|---|---|".to_string());
            out.push(format!("| {symbol} | *{date}* |"));
        }
        _ => {
            // Two columns with tabs or wide gaps.
            let gap = if c.chance(2) { "\t\t" } else { "          " };
            let first = organ.lines().next().unwrap_or("");
            let nat = national.lines().next().unwrap_or("");
            out.push(format!("{first}{gap}{nat}"));
            out.push(format!("{symbol}{gap}{date}"));
        }
    }
    if c.chance(5) {
        out.push(
            c.one(&["HỎA TỐC", "THƯỢNG KHẨN", "KHẨN", "MẬT"])
                .to_string(),
        );
    }
    out.push(String::new());
    if c.chance(6) {
        out.push(format!(
            "{}**{}**",
            c.one(TYPES),
            c.one(SUBJECTS).to_uppercase()
        ));
    } else {
        out.push(c.one(TYPES).to_string());
        out.push(c.one(SUBJECTS).to_string());
    }
    out.push(String::new());
    if c.chance(3) {
        out.push("Kính gửi:".to_string());
        for _ in 0..1 + c.pick(3) {
            out.push(format!("- {}", c.one(ADDRESSEES)));
        }
        out.push(String::new());
    }
}

fn tail(c: &mut impl Choose, out: &mut Vec<String>) {
    let sig = |c: &mut dyn FnMut(usize) -> usize, out: &mut Vec<String>| {
        let mark = MARKS[c(MARKS.len())];
        let organ = ORGANS_SIGNED[c(ORGANS_SIGNED.len())];
        out.push(format!("{mark}{organ}"));
        let pos = POSITIONS[c(POSITIONS.len())];
        if !pos.is_empty() {
            out.push(pos.to_string());
        }
        if c(3) == 2 {
            out.push("(Đã ký)".to_string());
        }
        out.push(String::new());
        out.push(NAMES[c(NAMES.len())].to_string());
    };
    let recipients = |c: &mut dyn FnMut(usize) -> usize, out: &mut Vec<String>| {
        out.push(
            if c(4) == 3 {
                "**Nơi nhận:**"
            } else {
                "Nơi nhận:"
            }
            .to_string(),
        );
        for _ in 0..1 + c(5) {
            out.push(RECIPIENTS[c(RECIPIENTS.len())].to_string());
        }
    };
    let mut pick = |n: usize| c.pick(n);
    match pick(4) {
        0 => {
            recipients(&mut pick, out);
            out.push(String::new());
            sig(&mut pick, out);
        }
        1 => {
            sig(&mut pick, out);
            out.push(String::new());
            recipients(&mut pick, out);
        }
        2 => {
            // Side by side: `Nơi nhận:` and the mark on one line, tab separated.
            out.push(format!(
                "Nơi nhận:\t\t{}{}",
                MARKS[pick(MARKS.len())],
                ORGANS_SIGNED[pick(ORGANS_SIGNED.len())]
            ));
            out.push(format!(
                "{}\t\t{}",
                RECIPIENTS[pick(RECIPIENTS.len())],
                POSITIONS[pick(POSITIONS.len())]
            ));
            out.push(format!("{}\t\t", RECIPIENTS[pick(RECIPIENTS.len())]));
            out.push(format!("\t\t{}", NAMES[pick(NAMES.len())]));
        }
        _ => {
            sig(&mut pick, out);
            if pick(2) == 1 {
                out.push(String::new());
                sig(&mut pick, out);
            }
        }
    }
}

/// Damage applied to one line.
fn damage(c: &mut impl Choose, line: &str) -> String {
    match c.pick(24) {
        0 => line.nfd().collect(),
        1 => format!("**{line}**"),
        2 => line.replace(' ', "\u{a0}"),
        3 => format!("{line}   "),
        4 => format!("   {line}"),
        5 => line.replacen(' ', "\u{200b} ", 1),
        6 => format!("| {line} |"),
        7 => line
            .replace("oà", "òa")
            .replace("uỷ", "ủy")
            .replace("ủy", "uỷ")
            .replace("hòa", "hoà"),
        8 => format!("\u{feff}{line}"),
        9 => line.to_uppercase(),
        _ => line.to_string(),
    }
}

/// One document.
pub fn document(c: &mut impl Choose) -> String {
    let mut out: Vec<String> = Vec::new();
    if c.chance(8) {
        out.push("---".into());
        out.push("title: Chỉ thị".into());
        out.push("source: https://example.invalid/x".into());
        out.push("---".into());
    }
    if c.chance(6) {
        out.push("Trang chủ | Văn bản pháp luật | Đăng nhập".into());
        out.push("Chia sẻ qua Facebook".into());
    }
    if !c.chance(10) {
        header(c, &mut out);
    }
    for _ in 0..c.pick(3) {
        let basis = c.one(BASIS);
        paragraph(c, &mut out, basis);
        out.push(String::new());
    }
    if c.chance(2) {
        paragraph(c, &mut out, "");
        out.push(String::new());
    }
    let first_family = c.pick(FAMILY_COUNT);
    let mut budget = MAX_ITEMS;
    items(c, &mut out, first_family, 0, &mut budget);
    out.push(String::new());
    if !c.chance(5) {
        out.push(c.one(CLOSINGS).to_string());
        out.push(String::new());
    }
    if !c.chance(8) {
        tail(c, &mut out);
    }
    if c.chance(6) {
        out.push(String::new());
        out.push("PHỤ LỤC".into());
        out.push("DANH MỤC CÁC NHIỆM VỤ".into());
        items(c, &mut out, 5, 2, &mut budget);
    }
    if c.chance(6) {
        out.push(String::new());
        out.push("Bài viết liên quan".into());
        out.push("Bản quyền thuộc về Thư Viện Pháp Luật".into());
    }
    // Damage, then line ends.
    let damaged: Vec<String> = out
        .iter()
        .map(|l| if c.chance(6) { damage(c, l) } else { l.clone() })
        .collect();
    let end = match c.pick(8) {
        6 => "\r\n",
        7 => "\r",
        _ => "\n",
    };
    let mut s = damaged.join(end);
    s.push_str(end);
    if c.chance(10) {
        s = s.nfd().collect();
    }
    s
}
