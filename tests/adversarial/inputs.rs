//! Generators of adversarial inputs, shared by `core/tests/adversarial.rs` (each parses, with the
//! expected diagnostics) and `core/benches/growth.rs` (parse time grows linearly with size).
//!
//! Every generator takes a target size in bytes and returns an input of about that size (never
//! less than one unit of its pattern). Include with
//! `#[path = "../../tests/adversarial/inputs.rs"] mod inputs;`.

#![allow(dead_code)] // each includer uses a part

use unicode_normalization::UnicodeNormalization;

/// A short, complete State directive: header, subject, preamble, items, closing, signature,
/// `Nơi nhận`.
pub const SAMPLE: &str = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/CT-UBND\n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
An Giang, ngày 05 tháng 01 năm 2024\n\nCHỈ THỊ\nVề việc tăng cường phòng, chống dịch\n\n\
Thực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh \
yêu cầu:\n\n1. Sở Y tế chủ trì, phối hợp với các sở, ngành:\n\na) Giám sát dịch;\n\n\
b) Báo cáo kết quả.\n\n2. Các sở phối hợp.\n\nChỉ thị này có hiệu lực từ ngày ký./.\n\n\
Nơi nhận:\n- Bộ Y tế (để b/c);\n- Các sở, ngành;\n- Lưu: VT, KGVX.\n\n\
KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n";

/// `unit` repeated until the result holds at least `bytes` bytes (at least once).
pub fn fill(unit: &str, bytes: usize) -> String {
    let n = bytes.div_ceil(unit.len().max(1)).max(1);
    unit.repeat(n)
}

/// Like [`fill`], with a generator of the `i`-th unit.
pub fn fill_with(bytes: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0;
    while s.len() < bytes || i == 0 {
        s.push_str(&unit(i));
        i += 1;
    }
    s
}

/// `SAMPLE` repeated to about `bytes`.
pub fn sample_repeated(bytes: usize) -> String {
    fill(&format!("{SAMPLE}\n"), bytes)
}

/// Bare `1.` lines.
pub fn bare_dot_lines(bytes: usize) -> String {
    fill("1.\n", bytes)
}

/// `1. Một.` lines, all with the same number (every one a numbering skip).
pub fn same_number_lines(bytes: usize) -> String {
    fill("1. Một.\n", bytes)
}

/// `n. Nội dung n.` lines, numbered 1, 2, 3 ...
pub fn numbered_lines(bytes: usize) -> String {
    fill_with(bytes, |i| format!("{}. Nội dung thứ {}.\n", i + 1, i + 1))
}

/// The marker families in their usual nesting order, outermost first.
pub const FAMILIES: &[&str] = &[
    "Phần I",
    "Chương II",
    "Mục 1",
    "Điều 3.",
    "I.",
    "1.",
    "1-",
    "1)",
    "2.1.",
    "2.1.3.",
    "(1)",
    "a)",
    "đ)",
    "-",
    "+",
    "•",
];

/// Lines that open ever deeper items, cycling through every marker family.
pub fn nested_markers(bytes: usize) -> String {
    fill_with(bytes, |i| {
        format!(
            "{} Nội dung mục số {i} của văn bản\n",
            FAMILIES[i % FAMILIES.len()]
        )
    })
}

/// `count` marker lines cycling through every family (the `10,000 nested markers` case).
pub fn nested_marker_lines(count: usize) -> String {
    (0..count)
        .map(|i| format!("{} mục {i}\n", FAMILIES[i % FAMILIES.len()]))
        .collect()
}

/// One line, no line end.
pub fn one_long_line(bytes: usize) -> String {
    fill("chữ Việt ", bytes)
}

/// One line of sentences, with markers and symbols inside it (never at its start).
pub fn one_long_line_rich(bytes: usize) -> String {
    fill(
        "theo Chỉ thị số 15/CT-TTg ngày 27/3/2020; 1. Sở Y tế; a) giám sát; - Bộ Y tế; KT. CHỦ TỊCH; ",
        bytes,
    )
}

/// A basis list citing thousands of different documents, one a line.
pub fn many_citations(bytes: usize) -> String {
    fill_with(bytes, |i| {
        format!(
            "Căn cứ Quyết định số {}/QĐ-UBND ngày 02/3/2020 của Ủy ban nhân dân tỉnh;\n",
            i + 1
        )
    })
}

/// Only white space of every kind.
pub fn only_whitespace(bytes: usize) -> String {
    fill(" \t\n\r\n\u{a0}\u{3000}\u{2003}\u{2028}  \n", bytes)
}

/// Text with NUL bytes and other control characters.
pub fn control_characters(bytes: usize) -> String {
    fill(
        "Sở Y\u{0} tế\u{1}\u{7} chủ trì\u{8}\u{b}\u{c}\u{1b}[0m;\u{7f}\u{85}\u{9b}\n1.\u{0} Một\u{0}.\n",
        bytes,
    )
}

/// Only NUL bytes.
pub fn only_nul(bytes: usize) -> String {
    fill("\u{0}", bytes)
}

/// Right-to-left marks and overrides, zero-width characters inside the text.
pub fn bidi_marks(bytes: usize) -> String {
    fill(
        "\u{200f}Số:\u{202e} 12/CT\u{202c}-UBND\u{200e}\n\u{2067}1.\u{2069} Một\u{200b}.\n\u{061c}- hai\u{2066}\n",
        bytes,
    )
}

/// `SAMPLE` after a byte-order mark.
pub fn bom(bytes: usize) -> String {
    format!("\u{feff}{}", sample_repeated(bytes))
}

/// `SAMPLE` with CRLF line ends.
pub fn crlf(bytes: usize) -> String {
    sample_repeated(bytes).replace('\n', "\r\n")
}

/// `SAMPLE` with lone CR line ends.
pub fn lone_cr(bytes: usize) -> String {
    sample_repeated(bytes).replace('\n', "\r")
}

/// Mixed line ends: LF, CRLF, CR, U+2028, NEL.
pub fn mixed_line_ends(bytes: usize) -> String {
    let ends = ["\n", "\r\n", "\r", "\u{2028}", "\u{85}", "\r\r\n"];
    let mut k = 0;
    sample_repeated(bytes)
        .split('\n')
        .map(|l| {
            k += 1;
            format!("{l}{}", ends[k % ends.len()])
        })
        .collect()
}

/// TCVN3 (ABC) text read as Windows-1252, mixed with some Unicode lines.
pub fn tcvn3_mojibake(bytes: usize) -> String {
    fill(
        "Ñy ban nh©n d©n tØnh\nSè: 12/CT-UBND\nChØ thÞ\nVÒ viÖc t¨ng c\u{ad}êng phßng, chèng dÞch\n\
1. Së Y tÕ chñ tr×, phèi hîp víi c¸c së, ngµnh;\nKT. CHñ TÞCH\nNguyÔn V¨n An\nNơi nhận:\n",
        bytes,
    )
}

/// `SAMPLE` in NFD.
pub fn nfd(bytes: usize) -> String {
    sample_repeated(bytes).nfd().collect()
}

/// `SAMPLE` with NFC and NFD lines alternating.
pub fn mixed_nfc_nfd(bytes: usize) -> String {
    sample_repeated(bytes)
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            let l: String = if i % 2 == 0 {
                l.nfd().collect()
            } else {
                l.to_string()
            };
            l + "\n"
        })
        .collect()
}

/// One base letter followed by a run of combining marks (one huge grapheme cluster).
pub fn combining_run(bytes: usize) -> String {
    format!("a{}", fill("\u{301}\u{323}\u{302}", bytes))
}

/// Combining marks with no base letter, at the start of every line.
pub fn leading_combining(bytes: usize) -> String {
    fill("\u{301}\u{301}1. Một\n\u{323}- hai\n", bytes)
}

/// Markdown emphasis, escapes, headings and table pipes everywhere.
pub fn markdown_soup(bytes: usize) -> String {
    fill(
        "**CHỈ THỊ**CỦA** |*Về việc*| ***1.*** __a)__ \\- **\n| | |\n## **I.** ***\n*\n* một\n____\n",
        bytes,
    )
}

/// Runs of `*` glued between capitals, after NFD text.
pub fn emphasis_runs(bytes: usize) -> String {
    let unit: String = "TỈNH ỦY**CỦA****BAN\u{301}\u{301}***".nfd().collect();
    fill(&unit, bytes)
}

/// Signing marks over and over.
pub fn signature_marks(bytes: usize) -> String {
    fill(
        "T/M BAN THƯỜNG VỤ\nKT. CHỦ TỊCH\nTL. BỘ TRƯỞNG\nTUQ. GIÁM ĐỐC\nQ. CHÁNH VĂN PHÒNG\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n",
        bytes,
    )
}

/// `Nơi nhận` blocks over and over.
pub fn recipients_blocks(bytes: usize) -> String {
    fill(
        "Nơi nhận:\n- Bộ Y tế (để b/c);\n- Các sở, ngành (t/h);\n- Lưu: VT, KGVX.\n",
        bytes,
    )
}

/// Header lines over and over (number, place and date, national line, type line).
pub fn header_lines(bytes: usize) -> String {
    fill(
        "ỦY BAN NHÂN DÂN\nSố: 12/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 05 tháng 01 năm 2024\nCHỈ THỊ\nKính gửi:\n",
        bytes,
    )
}

/// `Kính gửi` followed by one long list of addressees.
pub fn addressee_list(bytes: usize) -> String {
    format!(
        "CÔNG VĂN\nKính gửi:\n{}",
        fill("- Ủy ban nhân dân các huyện, thị xã;\n", bytes)
    )
}

/// Page breaks and page numbers between lines of text.
pub fn page_breaks(bytes: usize) -> String {
    fill(
        "Sở Y tế chủ trì phối hợp\n--- PAGE BREAK ---\n- 3 -\nTrang 4\nvới các sở ngành\n\n",
        bytes,
    )
}

/// One paragraph hard-wrapped over many lines that end no sentence.
pub fn wrapped_paragraph(bytes: usize) -> String {
    fill("các sở ban ngành địa phương tổ chức thực hiện\n", bytes)
}

/// Site chrome, stamps and watermarks.
pub fn chrome_and_stamps(bytes: usize) -> String {
    fill(
        "Trang chủ\n(Đã ký)\nLawSoft * Tel: 028 3930 3279\nĐăng nhập\n---\n1. Một.\n",
        bytes,
    )
}

/// Blank lines, thousands of them, between two items.
pub fn blank_run(bytes: usize) -> String {
    format!("PHÓ CHỦ TỊCH\n{}Nguyễn Văn An\n", fill("\n", bytes))
}

/// U+FFFD replacement characters (text mis-decoded upstream).
pub fn replacement_chars(bytes: usize) -> String {
    fill("Ch\u{fffd} th\u{fffd} s\u{fffd} 15\n", bytes)
}

/// Front matter that never closes, then text.
pub fn open_front_matter(bytes: usize) -> String {
    format!("---\n{}", fill("key: value\n", bytes))
}

/// An adversarial family: a name, a generator and the diagnostic codes its output must carry.
pub struct Family {
    pub name: &'static str,
    pub build: fn(usize) -> String,
    pub expect: &'static [&'static str],
}

/// Every family, for the growth benchmark and the tests.
pub const ALL: &[Family] = &[
    Family {
        name: "sample repeated",
        build: sample_repeated,
        expect: &[],
    },
    Family {
        name: "bare `1.` lines",
        build: bare_dot_lines,
        expect: &[],
    },
    Family {
        name: "`1. Một.` lines",
        build: same_number_lines,
        expect: &["numbering_skip"],
    },
    Family {
        name: "numbered lines",
        build: numbered_lines,
        expect: &[],
    },
    Family {
        name: "nested markers",
        build: nested_markers,
        expect: &[],
    },
    Family {
        name: "one long line",
        build: one_long_line,
        expect: &[],
    },
    Family {
        name: "one long rich line",
        build: one_long_line_rich,
        expect: &[],
    },
    Family {
        name: "many citations",
        build: many_citations,
        expect: &[],
    },
    Family {
        name: "only white space",
        build: only_whitespace,
        expect: &["empty_input"],
    },
    Family {
        name: "control characters",
        build: control_characters,
        expect: &["control_characters"],
    },
    Family {
        name: "only NUL",
        build: only_nul,
        expect: &["control_characters", "empty_input"],
    },
    Family {
        name: "bidi and zero-width",
        build: bidi_marks,
        expect: &[],
    },
    Family {
        name: "BOM",
        build: bom,
        expect: &[],
    },
    Family {
        name: "CRLF",
        build: crlf,
        expect: &[],
    },
    Family {
        name: "lone CR",
        build: lone_cr,
        expect: &[],
    },
    Family {
        name: "mixed line ends",
        build: mixed_line_ends,
        expect: &[],
    },
    Family {
        name: "TCVN3 mojibake",
        build: tcvn3_mojibake,
        expect: &["legacy_encoding"],
    },
    Family {
        name: "NFD",
        build: nfd,
        expect: &["mixed_normalization"],
    },
    Family {
        name: "mixed NFC/NFD",
        build: mixed_nfc_nfd,
        expect: &["mixed_normalization"],
    },
    Family {
        name: "combining run",
        build: combining_run,
        expect: &["mixed_normalization"],
    },
    Family {
        name: "leading combining",
        build: leading_combining,
        expect: &[],
    },
    Family {
        name: "markdown soup",
        build: markdown_soup,
        expect: &[],
    },
    Family {
        name: "emphasis runs (NFD)",
        build: emphasis_runs,
        expect: &["mixed_normalization"],
    },
    Family {
        name: "signature marks",
        build: signature_marks,
        expect: &[],
    },
    Family {
        name: "Nơi nhận blocks",
        build: recipients_blocks,
        expect: &[],
    },
    Family {
        name: "header lines",
        build: header_lines,
        expect: &[],
    },
    Family {
        name: "addressee list",
        build: addressee_list,
        expect: &[],
    },
    Family {
        name: "page breaks",
        build: page_breaks,
        expect: &[],
    },
    Family {
        name: "wrapped paragraph",
        build: wrapped_paragraph,
        expect: &[],
    },
    Family {
        name: "chrome and stamps",
        build: chrome_and_stamps,
        expect: &[],
    },
    Family {
        name: "blank run",
        build: blank_run,
        expect: &[],
    },
    Family {
        name: "U+FFFD",
        build: replacement_chars,
        expect: &["replacement_characters"],
    },
    Family {
        name: "open front matter",
        build: open_front_matter,
        expect: &[],
    },
];
