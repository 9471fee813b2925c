//! Actors and assignments. A registry of Vietnamese bodies and offices (heads of names, by
//! family) and of the abbreviations documents use, as data; the subject bodies an item
//! addresses (`Sở Y tế chủ trì, phối hợp với ...`), with their roles; and the assignments an
//! item makes: actors, action, deadline, periodicity, report-to.

use crate::model::Role;
use crate::text::{fold, ByFirstByte, Folded};
use std::sync::OnceLock;

/// Which part of the system a body belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sector {
    Party,
    State,
    /// Mặt trận Tổ quốc and the mass organisations.
    Front,
    Armed,
    Press,
    /// Offices and people (`Chủ tịch`, `Thủ trưởng`, `Người đứng đầu`).
    Office,
    /// Groups (`Các sở, ban, ngành`, `các cơ quan, đơn vị`).
    Group,
}

/// Heads of bodies' names (folded, with a trailing space where a word must follow), with the
/// sector. Longer heads first where one is a prefix of another.
pub const HEADS: &[(&str, Sector)] = &[
    // Party (Quy định 66-QĐ/TW; HD 36).
    ("ban chap hanh", Sector::Party),
    ("bo chinh tri", Sector::Party),
    ("ban bi thu", Sector::Party),
    ("ban thuong vu", Sector::Party),
    ("thuong truc", Sector::Party),
    ("tinh uy", Sector::Party),
    ("thanh uy", Sector::Party),
    ("huyen uy", Sector::Party),
    ("thi uy", Sector::Party),
    ("quan uy", Sector::Party),
    ("dang uy", Sector::Party),
    ("dang doan", Sector::Party),
    ("ban can su", Sector::Party),
    ("ban tuyen giao", Sector::Party),
    ("ban to chuc", Sector::Party),
    ("ban dan van", Sector::Party),
    ("ban noi chinh", Sector::Party),
    ("ban kinh te", Sector::Party),
    ("uy ban kiem tra", Sector::Party),
    ("cap uy", Sector::Party),
    ("cac cap uy", Sector::Party),
    ("chi bo", Sector::Party),
    ("to chuc dang", Sector::Party),
    ("cac ban dang", Sector::Party),
    ("cac ban", Sector::Group),
    ("cac cap", Sector::Group),
    ("cac nganh", Sector::Group),
    ("cac thanh vien", Sector::Office),
    ("thanh vien", Sector::Office),
    ("uy vien", Sector::Office),
    ("cac tinh uy", Sector::Party),
    ("cac van phong", Sector::Group),
    ("nguoi su dung", Sector::Group),
    ("tap the", Sector::Group),
    // State.
    ("chinh phu", Sector::State),
    ("quoc hoi", Sector::State),
    ("thu tuong", Sector::Office),
    ("van phong", Sector::State),
    ("bo ", Sector::State),
    ("cac bo", Sector::Group),
    ("so ", Sector::State),
    ("cac so", Sector::Group),
    ("uy ban nhan dan", Sector::State),
    ("ubnd", Sector::State),
    ("hoi dong nhan dan", Sector::State),
    // A council (`Hội đồng Dân tộc`, `Hội đồng thẩm định`).
    ("hoi dong ", Sector::State),
    ("hdnd", Sector::State),
    ("uy ban", Sector::State),
    ("tong cuc", Sector::State),
    ("cuc ", Sector::State),
    ("chi cuc", Sector::State),
    ("vu ", Sector::State),
    ("thanh tra", Sector::State),
    ("kiem toan", Sector::State),
    ("ngan hang", Sector::State),
    ("kho bac", Sector::State),
    ("bao hiem xa hoi", Sector::State),
    ("ban chi dao", Sector::State),
    ("bcd", Sector::State),
    ("ban quan ly", Sector::State),
    ("trung tam", Sector::State),
    ("vien ", Sector::State),
    ("benh vien", Sector::State),
    ("truong ", Sector::State),
    ("cac truong", Sector::Group),
    ("phong ", Sector::State),
    ("tap doan", Sector::State),
    ("tong cong ty", Sector::State),
    ("cong ty", Sector::State),
    ("toa an", Sector::State),
    ("vien kiem sat", Sector::State),
    ("ban ", Sector::State),
    ("co quan", Sector::Group),
    ("cac co quan", Sector::Group),
    ("cac don vi", Sector::Group),
    ("don vi", Sector::Group),
    ("cac dia phuong", Sector::Group),
    ("dia phuong", Sector::Group),
    ("cac to chuc", Sector::Group),
    ("cac chu", Sector::Group),
    ("cac doanh nghiep", Sector::Group),
    ("cac hoi", Sector::Front),
    // Front and mass organisations.
    ("mat tran", Sector::Front),
    ("mttq", Sector::Front),
    ("uy ban mat tran", Sector::Front),
    ("doan thanh nien", Sector::Front),
    ("tinh doan", Sector::Front),
    ("thanh doan", Sector::Front),
    ("hoi lien hiep", Sector::Front),
    ("hoi nong dan", Sector::Front),
    ("hoi cuu chien binh", Sector::Front),
    ("lien doan lao dong", Sector::Front),
    ("tong lien doan", Sector::Front),
    ("cong doan", Sector::Front),
    // Associations (`Hội ...`) named by their members; `Hội nghị` is a meeting, not one.
    ("hoi doanh nghiep", Sector::Front),
    ("hoi nha bao", Sector::Front),
    ("hoi luat gia", Sector::Front),
    ("hoi chu thap do", Sector::Front),
    ("hoi nguoi cao tuoi", Sector::Front),
    ("hoi khuyen hoc", Sector::Front),
    ("phong thuong mai", Sector::Front),
    // Armed forces.
    ("bo chi huy", Sector::Armed),
    ("bo chqs", Sector::Armed),
    ("cong an", Sector::Armed),
    ("bo doi bien phong", Sector::Armed),
    ("quan khu", Sector::Armed),
    ("luc luong", Sector::Armed),
    // Press.
    ("bao ", Sector::Press),
    ("dai phat thanh", Sector::Press),
    ("dai truyen hinh", Sector::Press),
    ("dai tieng noi", Sector::Press),
    ("thong tan xa", Sector::Press),
    ("cong thong tin", Sector::Press),
    // Offices and people.
    ("chu tich", Sector::Office),
    ("pho chu tich", Sector::Office),
    ("bi thu", Sector::Office),
    ("bo truong", Sector::Office),
    ("cac bo truong", Sector::Office),
    ("thu truong", Sector::Office),
    ("giam doc", Sector::Office),
    ("hieu truong", Sector::Office),
    ("nguoi dung dau", Sector::Office),
    ("chanh van phong", Sector::Office),
    ("truong ban", Sector::Office),
    ("cac dong chi", Sector::Office),
    ("can bo", Sector::Office),
    // A person named in an execution article (`... và ông Nguyễn Văn A chịu trách nhiệm thi
    // hành`, NĐ 30/2020 Phụ lục III); see [`PERSON_TITLES`].
    ("ong ", Sector::Office),
    ("ba ", Sector::Office),
];

/// The titles of a person (`ông`, `bà`, spelled so): a head only before a capitalised name.
const PERSON_TITLES: &[(&str, &str)] = &[("ong", "ông"), ("ba", "bà")];

/// The expansion of an abbreviation (`UBND` → `Ủy ban nhân dân`).
pub fn expand(abbr: &str) -> Option<&'static str> {
    let a = abbr.trim().trim_end_matches(['.', ',']);
    crate::tables::ABBREVIATIONS
        .iter()
        .find(|(k, _)| *k == a)
        .map(|(_, v)| *v)
}

/// The sector of a name that starts with a known head.
pub fn sector_of(name: &str) -> Option<Sector> {
    let f = fold(name) + " ";
    HEADS
        .iter()
        .find(|(h, _)| f.starts_with(h))
        .map(|(_, s)| *s)
}

/// Heads of one syllable whose folded form other words share (`bố trí`, `sổ`, `vũ`), with
/// their spellings (lower case): `Báo` (a newspaper) is not `Bảo` (`Bảo vệ thực vật`), `Ban`
/// not `Bàn` (`Bàn giao`).
const SHORT_HEADS: &[(&str, &str)] = &[
    ("bo", "bộ"),
    ("so", "sở"),
    ("cuc", "cục"),
    ("vu", "vụ"),
    ("bao", "báo"),
    ("ban", "ban"),
];

/// Whether the first word of `src` (folded `f`), where it folds to a [`SHORT_HEADS`] head, is
/// spelled as one, or starts a longer head (`Bảo hiểm xã hội`).
fn head_spelled(src: &str, f: &str) -> bool {
    if HEADS
        .iter()
        .any(|(h, _)| h.trim_end().contains(' ') && starts_with_spaced(f, h))
    {
        return true;
    }
    let word: String = src
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let folded = crate::text::fold(&word);
    if let Some((_, spelled)) = PERSON_TITLES.iter().find(|(f, _)| *f == folded) {
        let name = src[word.len().min(src.len())..].trim_start();
        return *spelled == word && name.starts_with(char::is_uppercase);
    }
    SHORT_HEADS
        .iter()
        .find(|(f, _)| *f == folded)
        .is_none_or(|(_, spelled)| *spelled == word)
}

/// Whether a verb, longer than any head there, starts `src` (folded `f`): `Ban hành kèm theo
/// ...` is no `Ban`, while `Tổ chức đảng các cấp ...` is a head longer than `tổ chức`.
fn verb_outruns_head(src: &str, f: &str) -> bool {
    let mut cs = src.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    let lowered: String = first.to_lowercase().chain(cs.take(30)).collect();
    let Some(verb) = VERBS.iter().find(|v| {
        lowered.starts_with(*v)
            && lowered[v.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) else {
        return false;
    };
    let verb_len = crate::text::fold(verb).len();
    !HEADS
        .iter()
        .any(|(h, _)| h.trim_end().len() > verb_len && f.starts_with(h.trim_end()))
}

/// Whether an office (a person's title: `giám đốc`, `người đứng đầu` ...) starts `f`.
fn office_head_at(f: &str) -> bool {
    HEADS.iter().any(|(h, sector)| {
        *sector == Sector::Office
            && f.starts_with(h)
            && f[h.len()..].bytes().next().is_none_or(|b| b == b' ')
    })
}

/// A director's title without a body of its own (`Giám đốc`, `Giám đốc Sở`), folded: it shares
/// the body named after the comma. (`Bộ trưởng, Thủ trưởng cơ quan ngang bộ` is the standard
/// list of distinct offices of a Government decision.)
fn bare_title(piece: &str) -> bool {
    let piece = piece.trim();
    ["giam doc", "pho giam doc"].iter().any(|h| {
        piece
            .strip_prefix(h)
            .is_some_and(|rest| matches!(rest.trim(), "" | "so"))
    })
}

fn head_at(f: &str) -> bool {
    // `các Cục thuế`, `các Sở`: a plural of any head is a group's head.
    if let Some(rest) = f.strip_prefix("cac ") {
        if !rest.starts_with("cac ") && head_at(rest) {
            return true;
        }
    }
    static BY_FIRST: OnceLock<ByFirstByte> = OnceLock::new();
    let heads = BY_FIRST.get_or_init(|| ByFirstByte::new(HEADS.iter().map(|(h, _)| *h)));
    // `f` and a space: its first byte is a space when `f` is empty.
    let first = f.as_bytes().first().copied().unwrap_or(b' ');
    heads
        .starting_with(first)
        .iter()
        .any(|h| starts_with_spaced(f, h))
}

/// Whether `f` followed by a space starts with `p` (without building that string).
fn starts_with_spaced(f: &str, p: &str) -> bool {
    let first = f.as_bytes().first().copied().unwrap_or(b' ');
    p.as_bytes().first().is_none_or(|&b| b == first)
        && (f.starts_with(p) || p.strip_suffix(' ') == Some(f))
}

/// Words that end a subject and start its predicate, as written in running text (lower case,
/// with diacritics: `đang` is a verb, `đảng` part of a name; a capitalised `Xây dựng` is part of
/// `Sở Xây dựng`).
const VERBS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "chỉ đạo",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "tham mưu",
    "theo dõi",
    "đôn đốc",
    "khẩn trương",
    "khan trương",
    "tăng cường",
    "tập trung",
    "thực hiện",
    "tiếp tục",
    "rà soát",
    "hướng dẫn",
    "tổ chức",
    "lãnh đạo",
    "kịp thời",
    "căn cứ",
    "theo chức năng",
    "chủ động",
    "nghiên cứu",
    "phải",
    "cần",
    "quán triệt",
    "đẩy mạnh",
    "xây dựng",
    "bố trí",
    "triển khai",
    "khắc phục",
    "sớm",
    "bám sát",
    "giám sát",
    "kiểm tra",
    "báo cáo",
    "đề xuất",
    "tổng hợp",
    "cập nhật",
    "cung cấp",
    "ưu tiên",
    "xem xét",
    "hoàn thành",
    "nâng cao",
    "quyết liệt",
    "có ý kiến",
    "là cơ quan",
    "là đơn vị",
    "là đầu mối",
    "được",
    "sẽ",
    "đang",
    "đã",
    "xác định",
    "phát huy",
    "vận động",
    "tuyên truyền",
    "ban hành",
    "trình",
    "đề nghị",
    "yêu cầu",
    "thông báo",
    "tiếp nhận",
    "cử",
    "điều động",
    "duy trì",
    "bảo đảm",
    "đảm bảo",
    "thường xuyên",
    "nghiêm túc",
    "có kế hoạch",
    "làm rõ",
    "xử lý",
    "hỗ trợ",
    "huy động",
    "kiện toàn",
    "điều chỉnh",
    "phân công",
    "tiếp thu",
    "có văn bản",
    "trả lời",
    "thực thi",
    "sắp xếp",
    "phát động",
    "theo quy định",
    "theo thẩm quyền",
    "trong phạm vi",
    "trong quá trình",
    "không",
    "về việc",
    "khảo sát",
    "cụ thể hóa",
    "cụ thể hoá",
    "dành",
    "cơ bản",
    "nhất trí",
    "thống nhất",
    "dàn",
    "bổ sung",
    "rút kinh nghiệm",
    "nắm",
    "có",
    "thi hành",
    "lựa chọn",
    "làm việc",
    "chuẩn bị",
    "giải quyết",
    "đánh giá",
    "kiểm soát",
    "thẩm định",
    "tham gia",
    "vận hành",
    "ứng phó",
    "hoàn thiện",
    "bảo vệ",
    "xác minh",
    "nộp",
    "cải cách",
    "trang bị",
    "kêu gọi",
    "ngăn chặn",
    "phát hiện",
    "khoanh vùng",
    "truy vết",
    "điều tra",
    "tổng kết",
    "sơ kết",
    "phổ biến",
    "công khai",
    "chấn chỉnh",
    "tạo điều kiện",
    "quan tâm",
    "thúc đẩy",
    "đề ra",
];

/// Leading words that introduce the subject (`Giao Sở Y tế ...`, `Đề nghị Ban ...`).
const INTRO: &[&str] = &[
    "giao cho ",
    "giao ",
    "de nghi ",
    "yeu cau ",
    "dong thoi, ",
    "tung dong chi ",
];

/// Words after which a verb cannot start (`các tổ chức chính trị - xã hội`: a noun).
const NOUN_MARKERS: &[&str] = &[
    "các",
    "những",
    "và",
    "của",
    "cơ quan",
    "mọi",
    "từng",
    "Ban",
    "Văn phòng",
];

/// Verbs that open a predicate even when capitalised, where a lost colon or line break left
/// them after the subject (`Chủ tịch Ủy ban nhân dân các tỉnh, thành phố` / `Khẩn trương rà
/// soát ...`), in lower case: none of them is a word of a body's name (`Chỉ đạo` is: `Ban Chỉ
/// đạo`). Observed.
const CAPITALISED_VERBS: &[&str] = &[
    "khẩn trương",
    "chủ trì",
    "phối hợp",
    "tập trung",
    "tiếp tục",
    "rà soát",
    "chủ động",
    "quán triệt",
    "đẩy mạnh",
    "tăng cường",
];

/// Whether a capitalised verb of [`CAPITALISED_VERBS`] starts at byte `k`.
fn capitalised_verb_at(text: &str, k: usize) -> bool {
    let rest = &text[k..];
    let mut cs = rest.chars();
    let Some(first) = cs.next().filter(|c| c.is_uppercase()) else {
        return false;
    };
    let tail = cs.as_str();
    CAPITALISED_VERBS.iter().any(|v| {
        let mut vs = v.chars();
        vs.next()
            .is_some_and(|c| first.to_lowercase().eq(std::iter::once(c)))
            && tail.starts_with(vs.as_str())
            && tail[vs.as_str().len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Qualifiers that start with a verb's word but end a body's name (`các tổ chức, cá nhân có liên
/// quan`): part of the name, not its verb.
const NAME_QUALIFIERS: &[&str] = &["có liên quan"];

fn verb_at(text: &str, k: usize) -> bool {
    if capitalised_verb_at(text, k) {
        return true;
    }
    if NAME_QUALIFIERS.iter().any(|q| text[k..].starts_with(q)) {
        return false;
    }
    static BY_FIRST: OnceLock<ByFirstByte> = OnceLock::new();
    let verbs = BY_FIRST.get_or_init(|| ByFirstByte::new(VERBS.iter().copied()));
    let rest = &text[k..];
    let Some(&first) = rest.as_bytes().first() else {
        return false;
    };
    let hit = verbs.starting_with(first).iter().any(|v| {
        rest.starts_with(v)
            && rest[v.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    if !hit {
        return false;
    }
    let before = text[..k].trim_end().trim_end_matches(',').trim_end();
    // (A marker capitalised at the start of a sentence counts too: `Cơ quan phối hợp có ...`.)
    let mut cut = before.len().saturating_sub(24);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let tail = &before[cut..];
    let noun = noun_markers().iter().flatten().any(|m| {
        tail.ends_with(m.as_str())
            && tail[..tail.len() - m.len()]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    !noun && !in_fixed_term(text, k)
}

/// Each of [`NOUN_MARKERS`] as written and capitalised, built once.
fn noun_markers() -> &'static [[String; 2]] {
    static MARKERS: OnceLock<Vec<[String; 2]>> = OnceLock::new();
    MARKERS.get_or_init(|| {
        NOUN_MARKERS
            .iter()
            .map(|m| {
                let mut cs = m.chars();
                let capitalised: String = cs
                    .next()
                    .map(|c| c.to_uppercase().chain(cs).collect())
                    .unwrap_or_default();
                [m.to_string(), capitalised]
            })
            .collect()
    })
}

/// Terms whose words would read as a verb (`trung tâm giáo dục thường xuyên`), as written.
const FIXED_TERMS: &[(&str, &str)] = &[("giáo dục", "thường xuyên")];

/// Whether the verb at byte `k` is the second half of a [`FIXED_TERMS`] term.
fn in_fixed_term(text: &str, k: usize) -> bool {
    let before = text[..k].trim_end();
    FIXED_TERMS
        .iter()
        .any(|(a, b)| before.ends_with(a) && text[k..].starts_with(b))
}

/// The role a verb phrase gives its subject.
fn role_of(f: &str) -> Role {
    if f.starts_with("chu tri") {
        Role::Lead
    } else if f.starts_with("phoi hop") {
        Role::Coordinate
    } else if f.starts_with("chiu trach nhiem") || f.starts_with("co trach nhiem") {
        Role::Responsible
    } else if f.starts_with("tham muu") {
        Role::Advise
    } else if f.starts_with("theo doi")
        || f.starts_with("don doc")
        || f.starts_with("giam sat")
        || f.starts_with("kiem tra")
    {
        Role::Monitor
    } else {
        Role::Subject
    }
}

/// A subject actor in a paragraph: byte range in the text, name, role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundActor {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub role: Role,
}

/// The subject bodies an item's first paragraph addresses: at its start (after `Giao`,
/// `Đề nghị`, `Yêu cầu`), or else at the start of a later sentence or after `giao`/`yêu cầu`
/// when a role verb follows (`Quyết định này có hiệu lực ... Các Bộ trưởng ... chịu trách nhiệm`).
pub fn subjects(text: &str) -> Vec<FoundActor> {
    subjects_in(text, &Folded::new(text))
}

/// [`subjects`] with the text already folded (`fv`).
pub fn subjects_in(text: &str, fv: &Folded) -> Vec<FoundActor> {
    let first = subjects_at(text, fv, 0, false);
    if !first.is_empty() {
        return first;
    }
    // Later sentences are tried in order; a long paragraph is not searched past its start.
    const LIMIT: usize = 2000;
    let f = fv.text.as_str();
    // After `. `, `; `, `: ` (one pass over the bytes).
    let mut starts: Vec<usize> = text
        .as_bytes()
        .windows(2)
        .take(LIMIT.saturating_sub(2))
        .enumerate()
        .filter(|(_, w)| matches!(w[0], b'.' | b';' | b':') && w[1] == b' ')
        .map(|(i, _)| i + 2)
        .collect();
    // A match is taken while it ends before folded offset `reach` (the char at byte LIMIT):
    // the search goes no further than that (one searcher per pattern).
    let reach = fv.src_len(LIMIT);
    for pat in [" giao ", " yeu cau ", " de nghi "] {
        for (k, _) in f[..reach].match_indices(pat) {
            let at = k + pat.len();
            // Folded offsets are char indices: map to bytes.
            let start = fv.src(at);
            if start >= LIMIT {
                break;
            }
            starts.push(start);
        }
    }
    starts.sort_unstable();
    for s in starts {
        let found = subjects_at(text, fv, s, true);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The subject bodies named at the start of `text` only (folded `fv`), where a verb follows them.
pub fn subjects_at_start(text: &str, fv: &Folded) -> Vec<FoundActor> {
    subjects_at(text, fv, 0, true)
}

fn subjects_at(text: &str, whole: &Folded, from: usize, need_verb: bool) -> Vec<FoundActor> {
    // A subject is a few hundred chars at most: look at a window (linear in long paragraphs).
    let mut to = (from + 600).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let sub = &text[from..to];
    // The window's fold is cut from the whole text's only once the tests below pass (most
    // starts fail them): until then it is read in place, `f` the same bytes as the cut's text
    // and `src_s` the cut's `src(s)`.
    let (fl, tl) = (whole.src_len(from), whole.src_len(to));
    let f = &whole.text[fl..tl];
    let mut s = 0usize;
    for intro in INTRO {
        if f.starts_with(intro) {
            s = intro.len();
            break;
        }
    }
    let src_s = whole
        .offsets
        .get(fl + s)
        .filter(|_| fl + s < tl)
        .map_or(to, |&o| o)
        - from;
    let first_char = sub[src_s..].chars().next();
    // Later in a paragraph, a subject is a name (capitalised) or a plural group (`các Bộ`).
    if from > 0 && s == 0 && !(first_char.is_some_and(char::is_uppercase) || f.starts_with("cac "))
    {
        return Vec::new();
    }
    // `Về ...`, `Tăng cường ...`: no subject at the start; nor `Bố trí ...`, whose folded word is
    // that of `Bộ`.
    if !head_at(&f[s..])
        || !(first_char.is_some_and(char::is_uppercase) || s > 0 || from > 0)
        || !head_spelled(&sub[src_s..], &f[s..])
        || verb_outruns_head(&sub[src_s..], &f[s..])
    {
        return Vec::new();
    }
    let fv = whole.slice(from, to);
    let f = fv.text.as_str();
    // The subject ends at the first verb, or at `:`, `(`, `.`, ` - `.
    let bytes = f.as_bytes();
    let mut e = f.len();
    let mut k = s;
    let mut depth = 0;
    let mut verb = false;
    while k < f.len() {
        let c = bytes[k];
        if c == b'(' {
            if k > s && depth == 0 {
                e = k;
                break;
            }
            depth += 1;
        } else if c == b')' && depth > 0 {
            depth -= 1;
        } else if depth == 0 {
            // ` - ` ends the subject before a capital (`Các Bộ, ngành - Căn cứ ...`), not inside
            // `chính trị - xã hội`.
            let dash_stop = f[k..].starts_with(" - ") && {
                let after = &sub[fv.src(k + 3)..];
                let lower = after.chars().take(24).collect::<String>().to_lowercase();
                after.starts_with(char::is_uppercase) && verb_at(&lower, 0)
            };
            // `Các Bộ: Quốc phòng, Công an` — a colon listing the members of a plural group.
            let colon_list = c == b':' && {
                let before = f[s..k].trim_end();
                let last3: Vec<&str> = before.rsplit(' ').take(3).collect();
                last3.contains(&"cac")
                    && sub[fv.src(k + 1)..]
                        .trim_start()
                        .starts_with(char::is_uppercase)
            };
            if (c == b':' && !colon_list) || c == b'.' || dash_stop {
                e = k;
                break;
            }
            if c == b';' {
                // `Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND cấp xã`: go on if a name follows.
                if !head_at(f[k + 1..].trim_start()) {
                    e = k;
                    break;
                }
            }
            if k > s && (bytes[k - 1] == b' ') && verb_at(sub, fv.src(k)) {
                e = k;
                verb = true;
                break;
            }
        }
        k += 1;
    }
    if need_verb && !verb {
        return Vec::new();
    }
    let subject_f = f[s..e].trim_end_matches([' ', ',']);
    let e = s + subject_f.len();
    if e <= s || e - s > 450 {
        return Vec::new();
    }
    let role = role_of(f[e..].trim_start_matches([' ', ',']));
    // Split at `, ` / `; ` / ` và ` where a head starts a new name (capitalised after a comma).
    let mut out = Vec::new();
    let mut piece_start = s;
    let mut k = s;
    while k < e {
        let sep_len = if f[k..].starts_with(", ") || f[k..].starts_with("; ") {
            2
        } else if f[k..].starts_with(" va ") {
            4
        } else {
            0
        };
        if sep_len > 0 {
            let next = k + sep_len;
            let cap = sub[fv.src(next)..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let within_colon_list = f[piece_start..k].contains(':');
            // After a comma, an office in lower case starts a name too (`Chủ tịch UBND các
            // huyện, người đứng đầu các cơ quan`); a bare title before the comma shares the body
            // named after it (`Giám đốc, Thủ trưởng các sở, ban, ngành`).
            let comma = sep_len == 2 && f[k..].starts_with(", ");
            // So does a plural group (`Thông tấn xã Việt Nam, các cơ quan báo chí`).
            let office = comma && (office_head_at(&f[next..e]) || f[next..e].starts_with("cac "));
            let shares_body = comma && bare_title(&f[piece_start..k])
                // `Các bộ, cơ quan trung ương và địa phương`: `và` and a lower-case name inside a
                // plural group share its `các`.
                || sep_len == 4
                    && !cap
                    && f[piece_start..k].starts_with("cac ")
                    && !f[next..].starts_with("cac ");
            if next < e
                && head_at(&f[next..e])
                && head_spelled(&sub[fv.src(next)..], &f[next..e])
                && (cap || sep_len == 4 || f[k..].starts_with("; ") || office)
                && !within_colon_list
                && !shares_body
            {
                push(&mut out, sub, &fv, piece_start, k, role, from);
                piece_start = next;
                k = next;
                continue;
            }
        }
        k += 1;
    }
    push(&mut out, sub, &fv, piece_start, e, role, from);
    out
}

fn push(
    out: &mut Vec<FoundActor>,
    text: &str,
    fv: &Folded,
    s: usize,
    e: usize,
    role: Role,
    base: usize,
) {
    let (a, b) = (fv.src(s), fv.src(e));
    let raw = &text[a..b];
    let name = raw.trim().trim_end_matches([',', ';', '-', '–']).trim();
    if crate::text::letter_count(name) < 2 {
        return;
    }
    // Only the first trim takes anything from the start (the rest leave a start that is no
    // white space), so `name` begins after `raw`'s leading white space.
    let a = a + (raw.len() - raw.trim_start().len());
    out.push(FoundActor {
        start: base + a,
        end: base + a + name.len(),
        name: name.to_string(),
        role,
    });
}

/// Bodies named after `phối hợp với` in a text: (start, end, name).
pub fn coordinators(text: &str) -> Vec<(usize, usize, String)> {
    coordinators_in(text, &Folded::new(text))
}

/// [`coordinators`] with the text already folded (`fv`).
pub fn coordinators_in(text: &str, fv: &Folded) -> Vec<(usize, usize, String)> {
    let f = fv.text.as_str();
    let mut out = Vec::new();
    // One searcher for the whole text (each match is searched for after the one before).
    for (k, pat) in f.match_indices("phoi hop voi ") {
        let s = k + pat.len();
        let rest = &f[s..];
        if !head_at(rest) {
            continue;
        }
        let mut e = f.len();
        for (j, c) in rest.char_indices() {
            if matches!(c, ';' | '.' | ':' | '(') {
                e = s + j;
                break;
            }
            if j > 0 && rest.as_bytes()[j - 1] == b' ' && verb_at(text, fv.src(s + j)) {
                e = s + j;
                break;
            }
        }
        let name = text[fv.src(s)..fv.src(e)]
            .trim()
            .trim_end_matches(',')
            .trim();
        if !name.is_empty() {
            let a = fv.src(s);
            out.push((a, a + name.len(), name.to_string()));
        }
    }
    out
}

/// Periodicity words (folded) and their display form.
pub const PERIODS: &[(&str, &str)] = &[
    ("hang ngay", "daily"),
    ("hang tuan", "weekly"),
    ("hang thang", "monthly"),
    ("hang quy", "quarterly"),
    ("hang nam", "yearly"),
    ("dinh ky 6 thang", "every 6 months"),
    ("dinh ky hang thang", "monthly"),
    ("dinh ky hang quy", "quarterly"),
    ("dinh ky hang nam", "yearly"),
    ("6 thang mot lan", "every 6 months"),
    ("dinh ky", "periodic"),
];

/// Pieces one of which every phrase of [`PERIODS`] holds.
const PERIOD_CUES: &[&str] = &["hang ", "dinh ky"];

/// A periodicity in a text: (folded phrase found, normalised value).
pub fn periodicity(text: &str) -> Option<(String, &'static str)> {
    periodicity_folded(&fold(text))
}

/// [`periodicity`] of a folded text.
pub fn periodicity_folded(f: &str) -> Option<(String, &'static str)> {
    // Every phrase of PERIODS holds one of these (see the test): a text without them has none.
    if !PERIOD_CUES.iter().any(|c| f.contains(c)) {
        return None;
    }
    PERIODS
        .iter()
        .find(|(k, _)| f.contains(k))
        .map(|(k, v)| (k.to_string(), *v))
}

/// `báo cáo ... về <body>` / `báo cáo <body>`: the body reported to.
pub fn report_to(text: &str) -> Option<String> {
    report_to_in(text, &Folded::new(text))
}

/// [`report_to`] with the text already folded (`fv`).
pub fn report_to_in(text: &str, fv: &Folded) -> Option<String> {
    let f = fv.text.as_str();
    let k = f.find("bao cao")?;
    let mut s = k + "bao cao".len();
    let rest = &f[s..];
    // `báo cáo kết quả về Ủy ban nhân dân tỉnh`, `báo cáo Thủ tướng Chính phủ`.
    if let Some(v) = rest.find(" ve ").filter(|&v| v < 40) {
        s += v + 4;
    } else {
        s += rest.len() - rest.trim_start().len();
    }
    let tail = &f[s..];
    if !head_at(tail) {
        return None;
    }
    let mut e = f.len();
    for (j, c) in tail.char_indices() {
        if matches!(c, ',' | ';' | '.' | ':' | '(')
            || tail[j..].starts_with(" truoc ")
            || tail[j..].starts_with(" de ")
            || tail[j..].starts_with(" theo ")
        {
            e = s + j;
            break;
        }
    }
    let name = text[fv.src(s)..fv.src(e)].trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<String> {
        subjects(t).into_iter().map(|a| a.name).collect()
    }

    #[test]
    fn every_period_holds_a_cue() {
        for (p, _) in PERIODS {
            assert!(PERIOD_CUES.iter().any(|c| p.contains(c)), "{p}");
        }
    }

    #[test]
    fn offices_and_capitalised_verbs() {
        // An office in lower case after a comma starts a name of its own.
        assert_eq!(
            names("Ủy viên Ban Thường vụ Huyện ủy, thành viên Ban Chỉ đạo cấp huyện chịu trách nhiệm theo dõi."),
            ["Ủy viên Ban Thường vụ Huyện ủy", "thành viên Ban Chỉ đạo cấp huyện"]
        );
        assert_eq!(
            names("Hiệu trưởng các trường trung học cơ sở, giám đốc các trung tâm giáo dục thường xuyên có trách nhiệm rà soát."),
            ["Hiệu trưởng các trường trung học cơ sở", "giám đốc các trung tâm giáo dục thường xuyên"]
        );
        // A director's bare title shares the bodies named after it.
        assert_eq!(
            names("Giám đốc, Thủ trưởng các sở, ban, ngành tỉnh chịu trách nhiệm thi hành Quyết định này."),
            ["Giám đốc, Thủ trưởng các sở, ban, ngành tỉnh"]
        );
        assert_eq!(
            names("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành."),
            ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"]
        );
        // A capitalised verb after a subject whose colon was lost; `Ban Chỉ đạo` keeps its word.
        assert_eq!(
            names("Chủ tịch Ủy ban nhân dân các xã, phường Khẩn trương rà soát các quy định."),
            ["Chủ tịch Ủy ban nhân dân các xã, phường"]
        );
        assert_eq!(
            names("Ban Chỉ đạo tỉnh chủ trì tổng kết."),
            ["Ban Chỉ đạo tỉnh"]
        );
        // `Cơ quan phối hợp`: a noun at the start of a sentence, not a verb.
        assert_eq!(
            names("Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản."),
            ["Cơ quan phối hợp"]
        );
        assert_eq!(
            names("Các văn phòng tiếp tục rà soát hồ sơ."),
            ["Các văn phòng"]
        );
        assert!(names("Bố trí đủ cán bộ hướng dẫn tại bộ phận một cửa.").is_empty());
        assert!(names("Ban hành kèm theo Quyết định này Quy chế làm việc.").is_empty());
        assert_eq!(
            names("Tổ chức đảng các cấp chủ trì, phối hợp với chính quyền."),
            ["Tổ chức đảng các cấp"]
        );
        assert_eq!(
            names("Giám đốc các sở, Thủ trưởng các ban, ngành chịu trách nhiệm thi hành."),
            ["Giám đốc các sở", "Thủ trưởng các ban, ngành"]
        );
        assert_eq!(names("Bộ Y tế chủ trì."), ["Bộ Y tế"]);
    }

    #[test]
    fn words_that_fold_like_a_head() {
        // `Bảo vệ thực vật` is no newspaper (`Báo`): `và` stays inside the name.
        assert_eq!(
            names("Chi cục Trồng trọt và Bảo vệ thực vật chủ trì theo dõi sâu bệnh."),
            ["Chi cục Trồng trọt và Bảo vệ thực vật"]
        );
        // A longer head spelled with the same first syllable still starts a name.
        assert_eq!(
            names("Sở Y tế và Bảo hiểm xã hội tỉnh phối hợp kiểm tra."),
            ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]
        );
        assert_eq!(
            names("Báo Nhân Dân và Đài Truyền hình Việt Nam phối hợp tuyên truyền."),
            ["Báo Nhân Dân", "Đài Truyền hình Việt Nam"]
        );
        // A plural of any head heads a group (`các Cục thuế`).
        assert_eq!(
            names("Đề nghị các Cục thuế, Chi cục thuế khẩn trương hướng dẫn doanh nghiệp."),
            ["các Cục thuế", "Chi cục thuế"]
        );
        // After a comma a plural group starts a name of its own; `và` and a lower-case name
        // inside a plural group share its `các`.
        assert_eq!(
            names("Thông tấn xã Việt Nam, các cơ quan báo chí phối hợp tuyên truyền."),
            ["Thông tấn xã Việt Nam", "các cơ quan báo chí"]
        );
        assert_eq!(
            names("Các bộ, cơ quan trung ương và địa phương tập trung quán triệt."),
            ["Các bộ, cơ quan trung ương và địa phương"]
        );
        assert_eq!(
            names("Các cơ quan đảng và các cơ quan, tổ chức khác thực hiện kết nối."),
            ["Các cơ quan đảng", "các cơ quan, tổ chức khác"]
        );
        // `Bàn giao`, `Bản sao` are no `Ban`.
        assert!(names("Bàn giao hồ sơ gốc cho cơ quan quản lý.").is_empty());
        assert!(names("Bản sao các văn bằng, chứng chỉ chứng minh trình độ.").is_empty());
    }

    #[test]
    fn subjects_found() {
        // A council is a body; a person named with `ông`/`bà` is one of the list.
        assert_eq!(
            names(
                "Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội, Hội đồng Dân tộc của Quốc hội \
                 phối hợp chặt chẽ với Chính phủ."
            ),
            [
                "Ủy ban Kinh tế và Tài chính của Quốc hội",
                "Hội đồng Dân tộc của Quốc hội"
            ]
        );
        assert_eq!(
            names("Chủ tịch Ủy ban nhân dân tỉnh và bà Trần Thị Lan chịu trách nhiệm thi hành."),
            ["Chủ tịch Ủy ban nhân dân tỉnh", "bà Trần Thị Lan"]
        );
        // `bà con`, `ông bà` are no persons named.
        assert_eq!(
            names("Bà con nhân dân tích cực tham gia."),
            Vec::<String>::new()
        );
        // `có liên quan` qualifies the name; the verb comes after it.
        assert_eq!(
            names("Các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này."),
            ["Các tổ chức, cá nhân có liên quan"]
        );
        assert_eq!(
            names("Sở Tài chính có ý kiến trước ngày 10."),
            ["Sở Tài chính"]
        );
        assert_eq!(
            names("Các sở, ngành có kế hoạch triển khai."),
            ["Các sở, ngành"]
        );
        assert_eq!(
            names("Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan rà soát."),
            ["Sở Y tế"]
        );
        assert_eq!(
            subjects("Sở Y tế chủ trì, phối hợp với các sở")[0].role,
            Role::Lead
        );
        assert_eq!(
            names("Giao Bộ Tư pháp khẩn trương có ý kiến"),
            ["Bộ Tư pháp"]
        );
        assert_eq!(
            names("Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến"),
            ["Các sở, ban, ngành, địa phương"]
        );
        assert_eq!(
            names("Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam tăng cường thông tin"),
            ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"]
        );
        assert_eq!(
            names("Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND cấp xã căn cứ chức năng"),
            ["Thủ trưởng các Sở, ban, ngành", "Chủ tịch UBND cấp xã"]
        );
        assert_eq!(
            names("Đảng đoàn Quốc hội và Ban cán sự đảng Chính phủ lãnh đạo"),
            ["Đảng đoàn Quốc hội", "Ban cán sự đảng Chính phủ"]
        );
        assert_eq!(names("Sở Xây dựng"), ["Sở Xây dựng"]);
        assert_eq!(
            names("Ban Tuyên giáo Tỉnh ủy chịu trách nhiệm")[0],
            "Ban Tuyên giáo Tỉnh ủy"
        );
    }

    #[test]
    fn subjects_in_later_sentences() {
        assert_eq!(
            names("Quyết định này có hiệu lực. Các Bộ trưởng chịu trách nhiệm thi hành"),
            ["Các Bộ trưởng"]
        );
        assert_eq!(
            names("Về nội dung này; Sở Y tế chủ trì thực hiện"),
            ["Sở Y tế"]
        );
        assert_eq!(
            names("Trên cơ sở đó, đề nghị Sở Tài chính khẩn trương rà soát"),
            ["Sở Tài chính"]
        );
        // Past 2,000 bytes a paragraph is not searched.
        let long = format!("{}. Sở Y tế chủ trì thực hiện", "x".repeat(2000));
        assert!(names(&long).is_empty());
    }

    #[test]
    fn no_subject() {
        assert!(names("Tăng cường công tác tuyên truyền").is_empty());
        assert!(names("Về kiến nghị đầu tư xây dựng tuyến cao tốc").is_empty());
        assert!(names("Trách nhiệm chung").is_empty());
    }

    #[test]
    fn spaced_prefixes() {
        assert!(starts_with_spaced("bo y te", "bo "));
        assert!(starts_with_spaced("bo", "bo "));
        assert!(starts_with_spaced("so tai chinh", "so"));
        assert!(starts_with_spaced("", ""));
        assert!(starts_with_spaced("", " "));
        assert!(!starts_with_spaced("bon", "bo "));
        assert!(!starts_with_spaced("b", "bo "));
        assert!(!starts_with_spaced("", "bo "));
        assert!(!starts_with_spaced("ubnd", "bo "));
        assert!(head_at("uy ban nhan dan tinh"));
        assert!(head_at("bo"));
        assert!(!head_at("bon"));
        assert!(!head_at(""));
    }

    #[test]
    fn verbs() {
        assert!(verb_at("Sở Y tế chủ trì, phối hợp", "Sở Y tế ".len()));
        assert!(verb_at("đã", 0));
        assert!(!verb_at("chủ trìx", 0));
        assert!(!verb_at("các tổ chức", "các ".len()));
        assert!(!verb_at("", 0));
    }

    #[test]
    fn registry() {
        assert_eq!(expand("UBND"), Some("Ủy ban nhân dân"));
        assert_eq!(expand("MTTQ"), Some("Mặt trận Tổ quốc"));
        assert_eq!(expand("XYZ"), None);
        assert_eq!(sector_of("Tỉnh ủy Hưng Yên"), Some(Sector::Party));
        assert_eq!(sector_of("Báo Nhân Dân"), Some(Sector::Press));
    }

    #[test]
    fn coordinators_and_reports() {
        let c = coordinators("Sở Y tế chủ trì, phối hợp với Sở Tài chính, Ủy ban nhân dân các huyện tổ chức kiểm tra");
        assert_eq!(c[0].2, "Sở Tài chính, Ủy ban nhân dân các huyện");
        assert_eq!(
            report_to("báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 30/11/2025").as_deref(),
            Some("Ủy ban nhân dân tỉnh")
        );
        assert_eq!(
            periodicity("diệt lăng quăng định kỳ hằng tuần").map(|x| x.1),
            Some("weekly")
        );
    }
}
