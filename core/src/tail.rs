//! Stage 5: the tail. Signature blocks (marks, organ, position, signer), `Nơi nhận` with
//! purposes and the `Lưu` line, in whatever order the layout left them (two columns read row by
//! row interleave them; OCR may glue a recipient and a signer on one line).

use crate::lines::{Line, LineKind};
use crate::model::{InnerMark, Purpose, Recipient, Signature, Span};
use crate::patterns::signing_mark;
use crate::pipeline::Ctx;
use crate::tables;
use crate::text::{fold, is_caps, looks_like_person_name, sentence_case, squash_spaces};

/// Common Vietnamese family names (folded), used to accept a signer's name written in capitals.
const SURNAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dao", "doan", "vuong", "trinh", "truong", "lam", "phung", "mai",
    "to", "ha", "ta", "cao", "luong", "dinh", "chu", "quach", "thai", "hua", "luu", "kieu", "van",
    "dam", "tang", "trieu", "la", "lai", "chau", "giang", "nong", "lo", "mac", "than", "ninh",
    "khuc", "tong", "kim", "luc", "au", "diep", "nghiem", "hau", "doan", "phi", "quan", "lac",
    "be", "y", "h", "nay", "ksor", "rmah", "siu",
];

/// `Nơi nhận:` (also as OCR reads it: `Nơi nhậm:`, `Noi nhân`), `Nơi gửi:`.
pub fn is_noi_nhan(f: &str) -> bool {
    use crate::keywords as kw;
    kw::starts(f, kw::NOI_NHAN)
        || kw::starts(f, kw::NOI_GUI)
        || f.starts_with("noi nh") && f[6..f.len().min(10)].contains(':')
}

fn position_words() -> &'static crate::text::AnyOf {
    static WORDS: std::sync::OnceLock<crate::text::AnyOf> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| crate::text::AnyOf::new(&[tables::POSITION_WORDS]))
}

/// Whether a caps line is a signer's position (`PHÓ CHỦ TỊCH`, `BỘ TRƯỞNG`).
pub fn is_position(t: &str, f: &str) -> bool {
    // (70 chars are at most 280 bytes: long lines fail before their letters are read.)
    t.len() <= 280
        && t.chars().count() <= 70
        && is_caps(t)
        && position_words().found_in(f)
        && !crate::keywords::starts(f, crate::keywords::NOI_NHAN)
        && crate::patterns::marker(t).is_none()
}

/// Where a note of signing (`(đã ký)`, `(Đã ký và đóng dấu)`, `(ký)`) ends a line after other
/// text: its byte offset.
fn signing_note_at(t: &str) -> Option<usize> {
    let t = t.trim_end();
    let k = t.rfind('(')?;
    let note = crate::text::fold(&t[k..]);
    (k > 0 && tables::SIGNING_NOTES.contains(&note.as_str())).then_some(k)
}

/// Whether a line is a person's name (sentence case, or capitals starting with a family name).
pub fn is_person(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ',']);
    if !looks_like_person_name(t) {
        return false;
    }
    if is_caps(t) {
        let first = fold(t.split_whitespace().next().unwrap_or(""));
        return SURNAMES.contains(&first.as_str());
    }
    // Sentence-case: every word capitalised (checked) and not a body's name.
    let f = fold(t);
    ![
        "bo ",
        "ban ",
        "so ",
        "uy ban",
        "cuc ",
        "vu ",
        "van phong",
        "tong cuc",
        "chinh phu",
        "nhu tren",
    ]
    .iter()
    .any(|p| f.starts_with(p))
}

/// Whether line `i` opens the tail: `Nơi nhận`, a signing mark, or a position line followed
/// closely by a name.
pub fn opens_tail(ctx: &Ctx, lines: &[Line], i: usize, to: usize) -> bool {
    let l = &lines[i];
    if l.kind != LineKind::Text {
        return false;
    }
    let t = l.text(ctx.text);
    let f = l.folded.as_str();
    if is_noi_nhan(f) {
        return true;
    }
    if signing_mark(t).is_some_and(|(_, k)| is_caps(&t[k..])) || damaged_label(t) {
        return true;
    }
    // (`l.chars` is the count `is_position` asks for: longer lines are passed over at once.)
    if l.chars <= 70 && is_position(t, f) {
        let mut seen = 0;
        for l2 in lines.iter().take(to).skip(i + 1) {
            if l2.kind == LineKind::Text {
                let t2 = l2.text(ctx.text);
                if is_person(t2) || t2.contains(';') && t2.rsplit(';').next().is_some_and(is_person)
                {
                    return true;
                }
                seen += 1;
                if seen >= 4 {
                    break;
                }
            }
        }
    }
    false
}

/// The most chars of a label OCR damaged past reading (`Net Kiện:` for `Nơi nhận:`).
const DAMAGED_LABEL_CHARS: usize = 24;

/// `Net Kiện: TM. CHÍNH PHỦ`: a short label with its colon (the recipients' label, damaged past
/// matching) and a signing mark in the right column: the tail's first line.
fn damaged_label(t: &str) -> bool {
    // The colon (OCR reads it as a comma, too) within the label's reach (4 bytes a char at
    // most), then the signing mark.
    let Some(colon) = t.find([':', ',']).filter(|&k| k <= 4 * DAMAGED_LABEL_CHARS) else {
        return false;
    };
    let left = t[..colon].trim();
    let right = t[colon + 1..].trim_start_matches(['"', '\'', '`', '|', ' ']);
    left.chars().count() < DAMAGED_LABEL_CHARS
        && !left.is_empty()
        && !left.starts_with(['-', '+'])
        && signing_mark(right).is_some_and(|(_, k)| is_caps(&right[k..]))
}

/// What the tail stage read.
#[derive(Debug, Default)]
pub struct TailOut {
    pub signatures: Vec<Signature>,
    pub recipients: Vec<Recipient>,
    pub archive: Option<(String, Span)>,
    /// First line after the tail.
    pub end: usize,
    /// Stamp lines (`(Đã ký)`) inside the tail.
    pub stamps: Vec<Span>,
}

#[derive(Debug, Default)]
struct SigB {
    authority: Option<String>,
    organ: Option<String>,
    position: Option<String>,
    signer: Option<String>,
    inner: Vec<InnerMark>,
    start: usize,
    end: usize,
    /// The last line read was the mark line (an organ may wrap onto the next).
    after_mark: bool,
    /// The organ ended with a comma: the next caps line continues it.
    organ_open: bool,
}

fn purpose_of(bracket: &str) -> Option<Purpose> {
    let f = fold(bracket);
    let f = f.trim_matches(|c: char| c == '(' || c == ')' || c == ' ' || c == '*' || c == '.');
    tables::PURPOSES
        .iter()
        .find(|(k, _)| f == *k || f.starts_with(k))
        .map(|(_, p)| *p)
}

/// Strips copy counts and drafter marks from a `Lưu` line: `VT, KTTH (2b).` → `VT, KTTH`.
pub fn clean_archive(s: &str) -> String {
    let mut t = s.to_string();
    // The drafter's initials (NĐ 30/2020 Phụ lục I: written after the archive) in superscript,
    // as markdown (`^{Th.H}`) or HTML (`<sup>..</sup>`) copies mark it up.
    while let Some(k) = t.find("^{") {
        let e = t[k..].find('}').map_or(t.len(), |e| k + e + 1);
        t.replace_range(k..e, "");
    }
    while let Some(k) = t.find("<sup>") {
        let e = t[k..].find("</sup>").map_or(t.len(), |e| k + e + 6);
        t.replace_range(k..e, "");
    }
    // Copy counts and drafters come in or after the first bracket: `VT, QHĐP (2b)Q.Cường`.
    if let Some(k) = t.find(['(', ')', '[']) {
        t.truncate(k);
    }
    let mut t = t
        .trim()
        .trim_end_matches(['.', ',', ';', ' ', '\\', '_'])
        .to_string();
    loop {
        let before = t.clone();
        // Trailing bracket: copy count or drafter initials.
        if t.ends_with(')') {
            if let Some(k) = t.rfind('(') {
                t.truncate(k);
            }
        }
        // Trailing copy count `10b`, `02 bản`.
        let last = t.split_whitespace().last().unwrap_or("").to_string();
        let fl = fold(&last);
        let is_count = !fl.is_empty()
            && (fl.trim_end_matches('b').bytes().all(|b| b.is_ascii_digit())
                && fl.bytes().next().is_some_and(|b| b.is_ascii_digit()));
        if is_count && t.split_whitespace().count() > 1 {
            t.truncate(t.len() - last.len());
        }
        if t.ends_with(" ban") || fold(&t).ends_with(" ban") && t.split_whitespace().count() > 2 {
            // `02 bản`
            let words: Vec<&str> = t.split_whitespace().collect();
            if words.len() >= 2 && words[words.len() - 2].bytes().all(|b| b.is_ascii_digit()) {
                t = words[..words.len() - 2].join(" ");
            }
        }
        t = t
            .trim()
            .trim_end_matches(['.', ',', ';', ' ', '-'])
            .to_string();
        if t == before {
            break;
        }
    }
    squash_spaces(&t)
}

/// Reads the tail from line `from` to `to`; stops at an attachment or site text.
pub fn read(ctx: &Ctx, lines: &[Line], from: usize, to: usize) -> TailOut {
    let norm = ctx.text;
    let mut out = TailOut {
        end: from,
        ..Default::default()
    };
    let mut sigs: Vec<SigB> = Vec::new();
    let mut recips: Vec<(usize, usize)> = Vec::new();
    let mut recip_open = false;
    let mut dash_list = false;
    let mut in_recipients = false;
    let mut last_used = from;
    let mut i = from;
    while i < to {
        let l = &lines[i];
        if l.kind == LineKind::Stamp {
            out.stamps.push(ctx.span(l.start, l.end));
            i += 1;
            continue;
        }
        if l.kind != LineKind::Text {
            if l.kind == LineKind::Chrome {
                break;
            }
            i += 1;
            continue;
        }
        let t_full = l.text(norm);
        let f = l.folded.as_str();
        if ends_tail(
            t_full,
            f,
            sigs.iter().any(|s| s.signer.is_some()) || out.archive.is_some(),
        ) {
            break;
        }
        // Pieces of this line: `Nơi nhận: KT. BỘ TRƯỞNG` holds two columns.
        let mut start = l.start;
        let mut t = t_full;
        if is_noi_nhan(f) {
            in_recipients = true;
            recip_open = false;
            dash_list = false;
            let k = t.find(':').map(|k| k + 1).unwrap_or_else(|| {
                let fv = l.folded_view(norm);
                let n = crate::keywords::lead(f, crate::keywords::NOI_NHAN).unwrap_or(0);
                fv.src(n.min(fv.text.len()))
            });
            start = l.start + k;
            t = norm[start..l.end].trim();
            start = l.end - t.len();
            last_used = i;
            if t.is_empty() {
                i += 1;
                continue;
            }
            // `Nơi nhận: - BỘ TRƯỞNG, CHỦ NHIỆM`: the right column's position after OCR's dash.
            let pos = t.trim_start_matches(['-', '~', '–', ' ']);
            if pos.len() < t.len()
                && !pos.ends_with([';', ','])
                && is_caps(pos)
                && is_position(pos, &fold(pos))
                && feed_sig(&mut sigs, pos, l.end - pos.len(), l.end)
            {
                i += 1;
                continue;
            }
        }
        // A caps run after a recipient on the same line (`- Như trên; KT. BỘ TRƯỞNG`).
        let (recip_part, sig_part) = split_columns(t);
        let mut handled_sig = false;
        if let Some((ss, st)) = sig_part {
            let s_abs = start + ss;
            handled_sig = feed_sig(&mut sigs, st, s_abs, s_abs + st.len());
            if handled_sig && recip_part.trim().is_empty() {
                last_used = i;
                i += 1;
                continue;
            }
        }
        if handled_sig && !in_recipients && damaged_label(t) {
            // Its left column is the recipients' label.
            in_recipients = true;
            recip_open = false;
            dash_list = false;
            last_used = i;
            i += 1;
            continue;
        }
        let t = if handled_sig { recip_part } else { t };
        // `Lưu: VT, KH.` (also after a dash, also `Luu` in OCR).
        let lead = t.len() - t.trim_start_matches(['-', '+', ' ', '~', '–']).len();
        let lt = &t[lead..];
        let tf = fold(lt);
        if tf.starts_with("luu:") || tf.starts_with("luu ") || tf.starts_with("luu.") {
            let word_end = lt.char_indices().nth(3).map_or(lt.len(), |(k, _)| k);
            let rest = lt[word_end..].trim_start_matches([':', ' ', '.']);
            let s = start + lead + (lt.len() - rest.len());
            let t = lt;
            let start = start + lead;
            out.archive = Some((clean_archive(rest), ctx.span(s, start + t.len())));
            in_recipients = false;
            recip_open = false;
            last_used = i;
            i += 1;
            continue;
        }
        let sig_like = signing_mark(t).is_some()
            || is_caps(t) && !t.starts_with(['-', '+']) && sig_line_fits(&sigs, t, &tf);
        if !handled_sig && sig_like && feed_sig(&mut sigs, t, start, start + t.len()) {
            last_used = i;
            i += 1;
            continue;
        }
        // `Phan Văn Anh (đã ký)`: a copy's note of signing after the name is a stamp.
        let mut rt = t;
        if let Some(k) = signing_note_at(t) {
            out.stamps.push(ctx.span(start + k, start + t.len()));
            rt = t[..k].trim_end();
        }
        let t = rt;
        // Two columns glued: `Thành ủy, HĐND; Lê Thị Bích Thuận`.
        if let Some(k) = t.rfind(';') {
            let name = t[k + 1..].trim();
            if !name.is_empty() && is_person(name) {
                let ns = start + t.len() - name.len();
                set_signer(&mut sigs, name, ns);
                rt = &t[..k + 1];
            }
        }
        if !in_recipients && is_person(rt) && !rt.starts_with(['-', '+']) {
            set_signer(&mut sigs, rt, start);
            last_used = i;
            i += 1;
            continue;
        }
        if in_recipients
            && is_person(rt)
            && sigs.last().is_some_and(|s| s.signer.is_none())
            && !rt.ends_with([';', ','])
        {
            set_signer(&mut sigs, rt, start);
            last_used = i;
            i += 1;
            continue;
        }
        let listy = rt.starts_with(['-', '+', '•', '*', '~', '–']);
        if listy || in_recipients {
            let rt_trim = rt.trim();
            if rt_trim.is_empty() {
                i += 1;
                continue;
            }
            let rs = start + (rt.len() - rt.trim_start().len());
            // In a dash list a line without a dash continues the entry above (`- VPCP: BTCN,` /
            // `Thư ký của PTTgCP;` / `các Vụ: CN, KTTH;`); without dashes, only an open entry.
            if !listy && !recips.is_empty() && (recip_open || dash_list || starts_lower(rt_trim)) {
                if let Some(last) = recips.last_mut() {
                    last.1 = rs + rt_trim.len();
                }
            } else {
                recips.push((rs, rs + rt_trim.len()));
            }
            in_recipients = true;
            dash_list |= listy;
            recip_open = !rt_trim.ends_with([';', ',', '.']);
            last_used = i;
            i += 1;
            continue;
        }
        // Anything else in the tail: stop if a signature is complete, else skip it.
        if sigs.iter().any(|s| s.signer.is_some()) {
            break;
        }
        i += 1;
    }
    out.end = (last_used + 1).max(from);
    for (s, e) in recips {
        if let Some(r) = recipient(ctx, s, e) {
            out.recipients.push(r);
        }
    }
    for s in sigs {
        if s.authority.is_none() && s.position.is_none() && s.signer.is_none() && s.organ.is_none()
        {
            continue;
        }
        out.signatures.push(Signature {
            authority: s.authority,
            organ: s.organ.map(|o| sentence_case(&o)),
            position: s.position.map(|p| sentence_case(&p)),
            signer: s.signer,
            inner: s.inner,
            span: ctx.span(s.start, s.end),
        });
    }
    out
}

fn starts_lower(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

fn sig_line_fits(sigs: &[SigB], t: &str, f: &str) -> bool {
    if is_position(t, f) {
        return true;
    }
    // Organ continuation right after the mark line (`T/M BỘ CHÍNH` / `TRỊ`).
    sigs.last().is_some_and(|s| {
        s.after_mark && s.position.is_none() && s.signer.is_none() && t.chars().count() <= 40
    })
}

/// Splits `recipient text  KT. BỘ TRƯỞNG` into the recipient part and a caps signature part.
fn split_columns(t: &str) -> (&str, Option<(usize, &str)>) {
    // Two columns glued on one line are short; a long line is text.
    if t.len() > 400 {
        return (t, None);
    }
    // A signing mark after the start of the line.
    for (k, _) in t.char_indices().skip(1) {
        if !t.is_char_boundary(k) {
            continue;
        }
        let before = &t[..k];
        if !before.ends_with(' ') {
            continue;
        }
        let rest = &t[k..];
        if let Some((_, off)) = signing_mark(rest) {
            if is_caps(&rest[off..]) {
                return (before, Some((k, rest)));
            }
        }
    }
    // `- Thủ tướng, các Phó Thủ tướng Chính phủ; PHÓ THỦ TƯỚNG`: a caps position after `;`.
    if let Some(k) = t.find("; ") {
        let rest = &t[k + 2..];
        let trimmed = rest.trim_start_matches(['~', '-', '–', ' ', '+']);
        let off = k + 2 + (rest.len() - trimmed.len());
        if !trimmed.is_empty() && is_caps(trimmed) && is_position(trimmed, &fold(trimmed)) {
            return (&t[..k + 1], Some((off, trimmed)));
        }
    }
    // `Nơi nhận:` followed by a caps position on the same line.
    let tt = t.trim();
    if is_caps(tt) && !tt.starts_with(['-', '+']) && is_position(tt, &fold(tt)) {
        return ("", Some((t.len() - t.trim_start().len(), tt)));
    }
    (t, None)
}

/// Feeds a caps signature line; returns whether it was taken.
fn feed_sig(sigs: &mut Vec<SigB>, t: &str, s: usize, e: usize) -> bool {
    let open = t.trim_end().ends_with(',');
    let t = t.trim().trim_end_matches(['.', ',']);
    if let Some((mark, off)) = signing_mark(t) {
        let organ = squash_spaces(&t[off..]);
        let mark = mark.trim().to_string();
        if let Some(last) = sigs.last_mut() {
            // `TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG`: an inner mark of the same block.
            if last.authority.is_some() && last.signer.is_none() && last.position.is_none() {
                last.inner.push(InnerMark {
                    authority: mark,
                    organ: Some(sentence_case(&organ)),
                });
                last.end = e;
                last.after_mark = true;
                last.organ_open = open;
                return true;
            }
        }
        sigs.push(SigB {
            authority: Some(mark),
            organ: Some(organ),
            start: s,
            end: e,
            after_mark: true,
            organ_open: open,
            ..Default::default()
        });
        return true;
    }
    let f = fold(t);
    if let Some(last) = sigs.last_mut() {
        if last.signer.is_none() && last.position.is_none() {
            // `KT. BỘ TRƯỞNG,` / `CHỦ NHIỆM`: the organ goes on after a comma (the inner mark's
            // organ when one was read: `TL. CỤC TRƯỞNG` / `KT. TRƯỞNG BAN CHÍNH SÁCH,` / `THUẾ
            // QUỐC TẾ`).
            if last.organ_open && is_caps(t) {
                match last.inner.last_mut() {
                    Some(inner) => {
                        let o = inner.organ.get_or_insert_with(String::new);
                        o.push_str(", ");
                        o.push_str(&sentence_case(&squash_spaces(t)));
                    }
                    None => {
                        let o = last.organ.get_or_insert_with(String::new);
                        o.push_str(", ");
                        o.push_str(&squash_spaces(t));
                    }
                }
                last.organ_open = open;
                last.end = e;
                return true;
            }
            if is_position(t, &f) {
                last.position = Some(squash_spaces(t));
                last.end = e;
                last.after_mark = false;
                return true;
            }
            if last.after_mark && is_caps(t) {
                let o = last.organ.get_or_insert_with(String::new);
                if !o.is_empty() {
                    o.push(' ');
                }
                o.push_str(&squash_spaces(t));
                last.end = e;
                return true;
            }
        }
    }
    if let Some(last) = sigs.last_mut() {
        // A second position line under the first (`TRƯỞNG BAN` / `PHÓ THỦ TƯỚNG`): the signer's
        // other office; the block keeps the first.
        if last.position.is_some() && last.signer.is_none() && is_position(t, &f) {
            last.end = e;
            return true;
        }
    }
    if is_position(t, &f) {
        sigs.push(SigB {
            position: Some(squash_spaces(t)),
            start: s,
            end: e,
            ..Default::default()
        });
        return true;
    }
    false
}

fn set_signer(sigs: &mut Vec<SigB>, name: &str, s: usize) {
    let name = name.trim().trim_end_matches(['.', ',']);
    let e = s + name.len();
    match sigs.last_mut() {
        Some(last) if last.signer.is_none() => {
            last.signer = Some(squash_spaces(name));
            last.end = last.end.max(e);
            last.start = last.start.min(s);
            last.after_mark = false;
        }
        _ => sigs.push(SigB {
            signer: Some(squash_spaces(name)),
            start: s,
            end: e,
            ..Default::default()
        }),
    }
}

/// Lines that end the tail: an attachment or a new document begins, or site text.
fn ends_tail(t: &str, f: &str, complete: bool) -> bool {
    if !complete {
        return false;
    }
    if crate::lines::is_weak_chrome(f) {
        return true;
    }
    attachment_start(t, f)
}

/// A footnote's label at the start of a line after the signature: `[1] Công văn số ...` (also
/// markdown's `[^1]: ...`). Returns the label (`1`) and the length in bytes of the label with its
/// brackets and the white space after it.
pub fn footnote_label(t: &str) -> Option<(&str, usize)> {
    let rest = t.strip_prefix('[')?;
    let rest_n = rest.strip_prefix('^').unwrap_or(rest);
    let digits = rest_n.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = rest_n[digits..].strip_prefix(']')?;
    let after = after.strip_prefix(':').unwrap_or(after);
    // A label with text after it (`[1]` alone is a page's stray mark).
    let text = after.trim_start();
    if text.len() == after.len() && !after.is_empty() || text.is_empty() {
        return None;
    }
    Some((&rest_n[..digits], t.len() - text.len()))
}

/// A line that opens an attachment after the signature.
pub fn attachment_start(t: &str, f: &str) -> bool {
    const CUES: &[&str] = &[
        "phu luc",
        "sao luc",
        "mau so",
        "mau ",
        "bieu mau",
        "(kem theo",
        "(ban hanh kem theo",
        "danh sach",
        "danh muc",
    ];
    if CUES.iter().any(|c| f.starts_with(c)) && (is_caps(t) || f.starts_with('(')) {
        return true;
    }
    if crate::header::national_phrase(f).is_some() {
        return true;
    }
    if crate::header::type_line(t, f).is_some() && is_caps(t) && !is_position(t, f) {
        return true;
    }
    false
}

/// A recipient line: name without the dash, purpose from the brackets.
fn recipient(ctx: &Ctx, s: usize, e: usize) -> Option<Recipient> {
    let norm = ctx.text;
    let mut raw = &norm[s..e];
    // After the entry's `;`: OCR debris (`; h`, `; r -`) or the other column in capitals.
    if let Some(k) = raw.find(';') {
        let after = &raw[k + 1..];
        if crate::text::letter_count(after) <= 3 || !after.chars().any(char::is_lowercase) {
            raw = &raw[..k + 1];
        }
    }
    let mut body = raw
        .trim()
        .trim_start_matches(['-', '+', '•', '*', '~', '–', '=', ' ']);
    body = body.trim_end_matches([';', ',', '.', ' ', '=', ':']);
    // Purpose in brackets at the end.
    let mut purpose = None;
    if body.ends_with(')') {
        if let Some(k) = body.rfind('(') {
            let p = purpose_of(&body[k..]);
            if p.is_some() {
                purpose = p;
                body = body[..k].trim_end().trim_end_matches([';', ',', '.', ':']);
            }
        }
    }
    let name = squash_spaces(body);
    if crate::text::letter_count(&name) < 2 {
        return None;
    }
    let off = s + raw.find(body).unwrap_or(0);
    Some(Recipient {
        name,
        purpose,
        span: ctx.span(off, off + body.len()),
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn footnote_labels() {
        assert_eq!(footnote_label("[1] Công văn số 7/BNV"), Some(("1", 4)));
        assert_eq!(footnote_label("[^12]: Xem Điều 3"), Some(("12", 7)));
        for t in [
            "[1]",
            "[a] Ghi chú",
            "[1]Công văn",
            "1] Công văn",
            "[1234] x",
            "Nơi nhận:",
        ] {
            assert_eq!(footnote_label(t), None, "{t}");
        }
    }

    use super::*;

    #[test]
    fn noi_nhan_also_as_ocr_reads_it() {
        for s in [
            "Nơi nhận:",
            "Noi nhận:",
            "Nơi nhậm:",
            "Nơi nhân:",
            "Nơi gửi:",
        ] {
            assert!(is_noi_nhan(&fold(s)), "{s}");
        }
        for s in ["Nơi nhà", "Nơi", "Nơi nhận được thông tin quan trọng"] {
            assert!(
                !is_noi_nhan(&fold(s)) || fold(s).starts_with("noi nhan"),
                "{s}"
            );
        }
    }

    #[test]
    fn archives() {
        assert_eq!(clean_archive("VT, ĐTKT NN 10b."), "VT, ĐTKT NN");
        assert_eq!(clean_archive("VPTU, P.KT-XH^{Th.H}."), "VPTU, P.KT-XH");
        assert_eq!(clean_archive("VT, KTTH (2b)."), "VT, KTTH");
        assert_eq!(
            clean_archive("Văn phòng Trung ương Đảng."),
            "Văn phòng Trung ương Đảng"
        );
    }

    #[test]
    fn purposes() {
        assert_eq!(purpose_of("(để b/c)"), Some(Purpose::Report));
        assert_eq!(purpose_of("(*báo cáo*)"), Some(Purpose::Report));
        assert_eq!(purpose_of("(để biết)"), Some(Purpose::Info));
        assert_eq!(purpose_of("(t/h)"), Some(Purpose::Execute));
        assert_eq!(purpose_of("(để phối hợp)"), Some(Purpose::Coordinate));
        assert_eq!(purpose_of("(xem xét)"), None);
    }

    #[test]
    fn people_and_positions() {
        assert!(is_person("Nguyễn Duy Hưng"));
        assert!(is_person("NGUYỄN DUY HƯNG"));
        assert!(!is_person("BỘ CHÍNH TRỊ"));
        assert!(!is_person("Bộ Tài Chính"));
        assert!(is_position("PHÓ CHỦ TỊCH", &fold("PHÓ CHỦ TỊCH")));
        assert!(is_position("BỘ TRƯỞNG", &fold("BỘ TRƯỞNG")));
        assert!(!is_position(
            "Phó Chủ tịch UBND tỉnh",
            &fold("Phó Chủ tịch UBND tỉnh")
        ));
    }
}
