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
