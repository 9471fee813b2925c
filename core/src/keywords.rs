//! The layout's keywords (`Kính gửi`, `Kính trình`, `Đồng kính gửi`, `Nơi nhận`), matched on
//! folded text in one place and tolerantly: real copies glue their words (`Kỉnhgửì:` folds to
//! `kinhgui:`), space their letters out (`K í n h  g ử i`, from markup or OCR) and read some
//! letters as look-alikes (`Klnh gui`, `N0i nhan`). A keyword must still end where its last word
//! does: `kinh gui` is not found in `kinh guitar`.

/// `Kính gửi` (NĐ 30/2020 Phụ lục I: the addressees of a công văn).
pub const KINH_GUI: &[&str] = &["kinh", "gui"];
/// `Kính trình` (a tờ trình's addressee).
pub const KINH_TRINH: &[&str] = &["kinh", "trinh"];
/// `Đồng kính gửi` (a second list of addressees).
pub const DONG_KINH_GUI: &[&str] = &["dong", "kinh", "gui"];
/// `Nơi nhận` (NĐ 30/2020 Phụ lục I, HD 36: the recipients).
pub const NOI_NHAN: &[&str] = &["noi", "nhan"];
/// `Nơi gửi` (used for `Nơi nhận` in some copies).
pub const NOI_GUI: &[&str] = &["noi", "gui"];

/// The openers of a list of addressees, longest first.
pub const ADDRESSEE_OPENERS: &[&[&str]] = &[DONG_KINH_GUI, KINH_GUI, KINH_TRINH];

/// Letters OCR reads for the keyword's letter `want` (folded text).
fn looks_like(want: u8, got: u8) -> bool {
    got == want
        || match want {
            b'i' => matches!(got, b'l' | b'1' | b'!' | b'|'),
            b'l' => matches!(got, b'i' | b'1' | b'|'),
            b'o' => got == b'0',
            _ => false,
        }
}

/// If the folded text `f` starts with keyword `kw` (its words glued, spaced out or with
/// look-alike letters), the folded length the keyword takes.
pub fn lead(f: &str, kw: &[&str]) -> Option<usize> {
    let b = f.as_bytes();
    let mut k = 0;
    for (wi, word) in kw.iter().enumerate() {
        if wi > 0 {
            // Between words: spaces or nothing (glued).
            while b.get(k) == Some(&b' ') {
                k += 1;
            }
        }
        for (li, &want) in word.as_bytes().iter().enumerate() {
            if li > 0 {
                // Letters spaced out: one space at most between two letters of a word.
                if b.get(k) == Some(&b' ') && b.get(k + 1).is_some_and(|&c| looks_like(want, c)) {
                    k += 1;
                }
            }
            if !b.get(k).is_some_and(|&c| looks_like(want, c)) {
                return None;
            }
            k += 1;
        }
    }
    // The last word ends here.
    (!b.get(k).is_some_and(u8::is_ascii_alphanumeric)).then_some(k)
}

/// Whether the folded text `f` starts with keyword `kw` ([`lead`]).
pub fn starts(f: &str, kw: &[&str]) -> bool {
    lead(f, kw).is_some()
}

/// Keyword `kw` followed by a colon at a word start within the first `within` bytes of `f`
/// (a stamp or a cell glued before `Kính gửi:`): the folded range of the keyword.
pub fn find_labelled(f: &str, kw: &[&str], within: usize) -> Option<(usize, usize)> {
    let b = f.as_bytes();
    (0..f.len().min(within + 1))
        .filter(|&s| s == 0 || !b[s - 1].is_ascii_alphanumeric())
        .find_map(|s| {
            let n = lead(&f[s..], kw)?;
            f[s + n..]
                .trim_start()
                .starts_with(':')
                .then_some((s, s + n))
        })
}

/// How far into a line a stamp or a cell glued before `Kính gửi:` may reach (bytes, folded).
pub const GLUED_BEFORE_LABEL: usize = 40;

/// Where an addressee opener stands on a line: at its start ([`addressee_opener`]) or, with
/// its colon, after a short glued prefix ([`find_labelled`]). The folded range of the opener.
pub fn addressee_label(f: &str) -> Option<(usize, usize)> {
    addressee_opener(f).map(|(_, n)| (0, n)).or_else(|| {
        ADDRESSEE_OPENERS
            .iter()
            .find_map(|kw| find_labelled(f, kw, GLUED_BEFORE_LABEL))
    })
}

/// Whether `f` starts with one of the layout's labels (an addressee opener, `Nơi nhận`),
/// however spaced out: such a line is text, never OCR debris.
pub fn starts_label(f: &str) -> bool {
    addressee_opener(f).is_some() || starts(f, NOI_NHAN) || starts(f, NOI_GUI)
}

/// The addressee opener `f` starts with, and its folded length.
pub fn addressee_opener(f: &str) -> Option<(&'static [&'static str], usize)> {
    ADDRESSEE_OPENERS
        .iter()
        .find_map(|kw| lead(f, kw).map(|n| (*kw, n)))
}

/// Whitespace-separated tokens of `t` with their byte offsets.
fn tokens(t: &str) -> Vec<(usize, &str)> {
    t.split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect()
}

/// The longest run of letters in `tok`.
fn letter_run(tok: &str) -> usize {
    let (mut run, mut best) = (0, 0);
    for c in tok.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// OCR debris or a stamp's fill: no run of three letters (`i:`, `_¬`, `Ig-Q612/2G20`, `2413.`).
fn is_fill(tok: &str) -> bool {
    letter_run(tok) <= 2
}

/// The stamp's label `ĐẾN` in capitals, with any punctuation OCR put around it (`ĐẾN“?`).
fn is_stamp_label(tok: &str) -> bool {
    let core = tok.trim_matches(|c: char| !c.is_alphanumeric());
    !core.is_empty()
        && core.chars().all(char::is_uppercase)
        && crate::text::fold(core) == crate::tables::RECEIVED_STAMP_LABEL
}

/// A field of the stamp written with its fill (`Giờ:.....`, `Ngày..22.1-H.26.....`); after the
/// label `ĐẾN`, the field's word with a colon or a dot is enough (`Ngày.`).
fn is_stamp_field(tok: &str, after_label: bool) -> bool {
    if !tok.starts_with(char::is_uppercase) {
        return false;
    }
    let ft = crate::text::fold(tok);
    let fields = if after_label {
        crate::tables::RECEIVED_STAMP_FIELDS
    } else {
        crate::tables::RECEIVED_STAMP_LONE_FIELDS
    };
    fields.iter().any(|kw| {
        let Some(rest) = ft.strip_prefix(kw) else {
            return false;
        };
        rest.starts_with([':', '.']) && is_fill(rest) && (after_label || rest.len() >= 2)
    })
}

/// The greatest share of a receiving office's name that OCR may misread.
const OFFICE_EDITS: f64 = 0.15;

/// How many tokens from `toks[i]` spell a receiving office's name (tolerantly), if any.
fn office_at(toks: &[(usize, &str)], i: usize) -> Option<usize> {
    let longest = crate::tables::RECEIVING_OFFICES
        .iter()
        .map(|o| o.len())
        .max()
        .unwrap_or(0);
    let mut best: Option<(usize, usize)> = None; // (edits, tokens)
    let mut compact = String::new();
    for (n, (_, tok)) in toks[i..].iter().enumerate().take(9) {
        compact.extend(
            crate::text::fold(tok)
                .chars()
                .filter(char::is_ascii_alphanumeric),
        );
        for office in crate::tables::RECEIVING_OFFICES {
            if compact.len() * 4 < office.len() * 3 {
                continue;
            }
            let edits = strsim::levenshtein(&compact, office);
            if (edits as f64) <= OFFICE_EDITS * office.len() as f64
                && best.is_none_or(|(e, _)| edits < e)
            {
                best = Some((edits, n + 1));
            }
        }
        if compact.len() > 2 * longest {
            break;
        }
    }
    best.map(|(_, n)| n)
}

/// Whether a folded line may hold a receiving office's name (a cheap test before the tolerant
/// one): a word of the name survives OCR.
fn may_hold_office(f: &str) -> bool {
    f.contains("thong t") || f.contains("dien t") || f.contains("chinh phu")
}

/// A received stamp (dấu `ĐẾN`, [`crate::tables::RECEIVED_STAMP_LABEL`]) at the start of the line
/// text `t`: the receiving office's name, the label, its fields with their fill, merged by OCR
/// with the header's columns. The byte offset where the stamp ends (after the punctuation that
/// follows it), if the line starts with one.
pub fn received_stamp_prefix(t: &str, f: &str) -> Option<usize> {
    let office = may_hold_office(f);
    // Most lines start with a word no stamp starts with: told from the folded line at once.
    let first = f.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let opens = |w: &str| {
        first.starts_with(w)
            && !first[w.len()..]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic())
    };
    if !office
        && !opens(crate::tables::RECEIVED_STAMP_LABEL)
        && !crate::tables::RECEIVED_STAMP_FIELDS
            .iter()
            .any(|w| opens(w))
    {
        return None;
    }
    let toks = tokens(t);
    let end_of = |k: usize| toks[k].0 + toks[k].1.len();
    let mut i = 0;
    // Punctuation OCR put first (`|`, `“`).
    while i < toks.len() && !toks[i].1.chars().any(char::is_alphanumeric) {
        i += 1;
    }
    let (mut end, mut label) = (None, false);
    while i < toks.len() {
        let tok = toks[i].1;
        if let Some(n) = office.then(|| office_at(&toks, i)).flatten() {
            i += n;
        } else if is_stamp_label(tok) {
            label = true;
            i += 1;
        } else if is_stamp_field(tok, label) {
            i += 1;
            // The field's fill.
            while i < toks.len() && is_fill(toks[i].1) {
                i += 1;
            }
        } else {
            break;
        }
        // Punctuation after an element.
        while i < toks.len() && !toks[i].1.chars().any(char::is_alphanumeric) {
            i += 1;
        }
        end = Some(end_of(i - 1));
    }
    end
}

/// Whether the line text `t` is a received stamp and nothing else: what follows the stamp
/// (`stamp`, the line's [`received_stamp_prefix`]) starts neither a word in capitals nor a number.
pub fn is_received_stamp(t: &str, stamp: Option<usize>) -> bool {
    let Some(e) = stamp else {
        return false;
    };
    let content = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    tokens(&t[e..])
        .into_iter()
        .find(|(_, w)| !is_fill(w) || is_word(w) || w.starts_with(|c: char| c.is_ascii_digit()))
        .is_none_or(|(_, w)| !content(w))
}

/// OCR debris before a line's text: tokens without three letters in a row (`¡ )`, `i: : _¬`),
/// and the received stamp the line starts with (`stamp`, its [`received_stamp_prefix`]). The
/// offset of the first other token, if debris comes first;
/// `None` when the line starts with its text.
pub fn debris_lead(t: &str, stamp: Option<usize>) -> Option<usize> {
    let from = stamp.unwrap_or(0);
    let toks = tokens(&t[from..]);
    let first = toks.iter().position(|(_, w)| !is_fill(w) || is_word(w))?;
    (from > 0 || first > 0).then(|| from + toks[first].0)
}

/// A word of text: two letters or more, no digit, a letter first.
fn is_word(w: &str) -> bool {
    w.starts_with(char::is_alphabetic)
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !w.chars().any(|c| c.is_ascii_digit())
}

/// A received stamp's date glued before a subject line (`Ngày..22.1-H.26..... Phê chuẩn ...`,
/// `Ig-Q612/2G20 -| Về các ...`): debris holding a digit, then a word in capitals. The offset of
/// that word (the line's length when no word follows: the line is the stamp's).
pub fn stamp_date_lead(t: &str) -> Option<usize> {
    let toks = tokens(t);
    let first = toks
        .iter()
        .position(|(_, w)| {
            is_word(w) && w.starts_with(char::is_uppercase) && !is_stamp_field(w, true)
        })
        .unwrap_or(toks.len());
    let debris = &toks[..first];
    let all_debris = debris
        .iter()
        .all(|(_, w)| is_fill(w) || is_stamp_field(w, false) || is_stamp_label(w));
    // A number alone (`05 Nhiệm vụ ...`) may begin a subject; a date field, or digits mixed with
    // letters or a table's bar, do not.
    let digit = debris.iter().any(|(_, w)| {
        let digits = w.chars().any(|c| c.is_ascii_digit());
        digits && (w.chars().any(char::is_alphabetic) || w.contains('|'))
            || is_stamp_field(w, false)
    });
    (first > 0 && all_debris && digit).then(|| toks.get(first).map_or(t.len(), |w| w.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn must_match() {
        for s in [
            "Kính gửi:",
            "Kính gửi",
            "Kỉnhgửì:",
            "KÍNH GỬI:",
            "K í n h g ử i:",
            "Kính  gửi: Bộ Y tế",
            "Klnh gửi:",
            "Kinh gui các Bộ",
        ] {
            assert!(starts(&fold(s), KINH_GUI), "{s}");
        }
        for s in [
            "Nơi nhận:",
            "Noinhận:",
            "N0i nhận:",
            "NƠI NHẬN",
            "N ơ i n h ậ n:",
        ] {
            assert!(starts(&fold(s), NOI_NHAN), "{s}");
        }
        assert!(starts(&fold("Đồng kính gửi:"), DONG_KINH_GUI));
        assert_eq!(lead("kinhgui: bo y te", KINH_GUI), Some(7));
        assert_eq!(
            addressee_opener("dong kinh gui: x").map(|(k, n)| (k.len(), n)),
            Some((3, 13))
        );
        assert_eq!(
            find_labelled(
                &fold("Cole THỘNG TA BIỆN TỰ CNH PHD Kính gửi:"),
                KINH_GUI,
                40
            ),
            Some((30, 38))
        );
    }

    #[test]
    fn must_not_match() {
        for s in [
            "Kính",
            "Kinh guitar",
            "Kinh tế",
            "Kinh gửii",
            "Kính trình:",
            "Ki nh gu",
            "Kinh nghiệm gửi",
        ] {
            assert!(!starts(&fold(s), KINH_GUI), "{s}");
        }
        for s in ["Nơi nhà", "Nơi", "Nơi nhậnx", "Nơi khác nhận"] {
            assert!(!starts(&fold(s), NOI_NHAN), "{s}");
        }
        // Mid-line only with its colon, and near the start.
        assert_eq!(
            find_labelled(&fold("Văn phòng đã kính gửi văn bản"), KINH_GUI, 40),
            None
        );
        let far = format!("{} Kính gửi:", "x".repeat(60));
        assert_eq!(find_labelled(&far, KINH_GUI, 40), None);
    }
}
#[cfg(test)]
mod stamp_tests {
    use super::*;
    use crate::text::fold;

    fn whole(s: &str) -> bool {
        is_received_stamp(s, received_stamp_prefix(s, &fold(s)))
    }

    fn debris(s: &str) -> Option<usize> {
        debris_lead(s, received_stamp_prefix(s, &fold(s)))
    }

    #[test]
    fn received_stamps_must_match() {
        for s in [
            "CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ",
            "“ GỂNG THÔNG TIN ĐIỆN TỪ CHÍNH PHÙ",
            "GỔNG THÔNG TTN ĐIỆN TỬ CHNHPHÙ], K-",
            "Giờ:..... lế mm... To«i sssskÖsssaa",
            "ĐẾN Ngày. 2413. j2026.. ¬ xà",
            "ĐẾN",
            "Ngày:.2Š.|..!2Q26....",
        ] {
            assert!(whole(s), "{s}");
        }
        // A stamp before the line's own text: where that text starts.
        let s = "CONG THONG TIN BIEN TỦ CHÍNH PHÙ 41 /CT-TTg Hà Nội";
        let e = received_stamp_prefix(s, &fold(s)).unwrap();
        assert_eq!(s[e..].trim_start(), "41 /CT-TTg Hà Nội");
        assert!(!whole(s));
        let s = "ĐẾN“? QUYÉT ĐỊNH";
        assert_eq!(debris(s).map(|o| &s[o..]), Some("QUYÉT ĐỊNH"));
        let s = "DEN i: : _¬ CHỈ THỊ";
        assert_eq!(debris(s).map(|o| &s[o..]), Some("CHỈ THỊ"));
        let s = "Ngày..22.1-H.26..... Phê chuẩn kết quả";
        assert_eq!(
            stamp_date_lead(s).map(|o| &s[o..]),
            Some("Phê chuẩn kết quả")
        );
        assert_eq!(stamp_date_lead("Ig-Q612/2G20 -"), Some(14));
    }

    #[test]
    fn received_stamps_must_not_match() {
        for s in [
            "THỦ TƯỚNG CHÍNH PHỦ",
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH PHÚ THỌ",
            "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
            "Ngày 23 tháng 4 năm 2026",
            "Số: 15/CT-TTg",
            "ĐẾN NĂM 2030",
            "Đến năm 2030, cơ bản hoàn thành",
            "Giờ làm việc",
            "CONG THONG TIN DIEN TU Kỉnhgửì:",
        ] {
            assert!(!whole(s), "{s}");
        }
        // `ĐẾN` before a word in capitals may be the label; what follows is read, not passed over.
        for s in [
            "THỦ TƯỚNG CHÍNH PHỦ",
            "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
            "Số: 15/CT-TTg",
        ] {
            assert_eq!(received_stamp_prefix(s, &fold(s)), None, "{s}");
        }
        // A subject may begin with a number; a line may begin with its text.
        assert_eq!(stamp_date_lead("05 Nhiệm vụ trọng tâm"), None);
        assert_eq!(stamp_date_lead("Về việc 2026"), None);
        assert_eq!(stamp_date_lead("2026 - 2030, chuẩn bị"), None);
        let s = "QUYẾT ĐỊNH";
        assert_eq!(debris(s), None);
    }
}
