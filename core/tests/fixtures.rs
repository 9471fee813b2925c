//! Fixture documents (written for this project, in `tests/fixtures/`): snapshot of each
//! outline, plus assertions on the parts every reader cares about. Shared with the Python and JS
//! parity tests.

use std::path::PathBuf;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn load(name: &str) -> (String, vanban::Document) {
    let text = std::fs::read_to_string(fixture_dir().join(name)).expect("fixture exists");
    let doc = vanban::parse(&text);
    (text, doc)
}

fn codes(doc: &vanban::Document) -> Vec<&'static str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// The `field_from_search` diagnostic a fixture's header must report.
fn searched(doc: &vanban::Document) -> &vanban::Diagnostic {
    doc.diagnostics
        .iter()
        .find(|d| d.code == vanban::Code::FieldFromSearch)
        .expect("the search is reported")
}

/// A signature's authority, organ, position and signer.
fn signature(s: &vanban::Signature) -> [Option<&str>; 4] {
    [
        s.authority.as_deref(),
        s.organ.as_deref(),
        s.position.as_deref(),
        s.signer.as_deref(),
    ]
}

fn labels(items: &[vanban::Item]) -> Vec<String> {
    items.iter().map(|i| i.label.clone()).collect()
}

#[test]
fn outlines_snapshot() {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
        .collect();
    names.sort();
    assert!(names.len() >= 7);
    for name in names {
        let (_, doc) = load(&name);
        insta::assert_snapshot!(name.replace('.', "_"), vanban::render::outline(&doc));
    }
}

#[test]
fn party_directive_with_glued_markdown() {
    let (text, doc) = load("party_chi_thi.md");
    assert_eq!(doc.kind.as_deref(), Some("chi_thi"));
    assert_eq!(doc.symbol.as_deref(), Some("21-CT/TU"));
    assert_eq!(doc.date.as_deref(), Some("2024-03-03"));
    assert_eq!(doc.place.as_deref(), Some("Bình Thuận"));
    assert_eq!(doc.issuer.as_deref(), Some("Tỉnh ủy Bình Thuận"));
    assert_eq!(doc.header.family, Some(vanban::Family::Party));
    assert!(doc
        .title
        .as_deref()
        .unwrap()
        .starts_with("Về việc tăng cường"));
    assert_eq!(labels(&doc.items), ["1-", "2-", "3-"]);
    assert_eq!(doc.items[0].paragraphs.len(), 2);
    assert_eq!(doc.closing.len(), 1);
    assert!(doc.closing[0].text.ends_with("./."));
    let s = &doc.signatures[0];
    assert_eq!(s.authority.as_deref(), Some("T/M"));
    assert_eq!(s.organ.as_deref(), Some("Ban Thường vụ"));
    assert_eq!(s.signer.as_deref(), Some("Lê Văn Minh"));
    assert_eq!(doc.recipients.len(), 4);
    assert_eq!(doc.recipients[0].purpose, Some(vanban::Purpose::Report));
    assert_eq!(doc.archive.as_deref(), Some("VPTU"));
    // Spans point at the source.
    let it = &doc.items[1];
    assert!(text[it.span.start..it.span.end].starts_with("2- Ban cán sự đảng"));
    assert_eq!(&text[it.label_span.start..it.label_span.end], "2-");
    assert!(codes(&doc).is_empty(), "{:?}", codes(&doc));
}

#[test]
fn nfd_old_tones_and_nbsp_give_the_same_structure() {
    let (_, nfc) = load("party_chi_thi.md");
    let (text, nfd) = load("party_chi_thi_nfd.md");
    assert_eq!(nfd.kind, nfc.kind);
    assert_eq!(nfd.symbol, nfc.symbol);
    assert_eq!(nfd.date, nfc.date);
    assert_eq!(nfd.title, nfc.title);
    assert_eq!(labels(&nfd.items), labels(&nfc.items));
    assert_eq!(nfd.signatures.len(), 1);
    // Text stays as the source wrote it (old tone placement), in NFC.
    assert_eq!(nfd.issuer.as_deref(), Some("Tỉnh uỷ Bình Thuận"));
    assert!(codes(&nfd).contains(&"mixed_normalization"));
    // Spans are byte offsets into the NFD input, on char boundaries.
    let sp = nfd.items[0].span;
    assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
    assert!(text[sp.start..].starts_with("1- "));
}

#[test]
fn state_directive_hard_wrapped_with_nested_markers() {
    let (text, doc) = load("state_chi_thi_wrapped.md");
    assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh An Giang"));
    assert_eq!(doc.date.as_deref(), Some("2025-09-12"));
    let d = doc.header.date.as_ref().unwrap().span;
    assert_eq!(&text[d.start..d.end], "ngày 12\ntháng 9 năm 2025");
    assert_eq!(labels(&doc.items), ["I.", "II."]);
    let i = &doc.items[0];
    assert_eq!(i.paragraphs[0].text, "Trách nhiệm của các sở, ban, ngành");
    assert_eq!(labels(&i.children), ["1.", "2."]);
    assert_eq!(labels(&i.children[0].children), ["a)", "b)", "đ)"]);
    let two = &i.children[1];
    assert!(two.paragraphs[0]
        .text
        .starts_with("Các sở, ban, ngành khác: Có trách nhiệm"));
    assert_eq!(labels(&two.children), ["2.1."]);
    assert_eq!(labels(&two.children[0].children), ["-", "-"]);
    // Hard wraps joined.
    assert!(i.children[0].children[0].paragraphs[0]
        .text
        .contains("tại Nghị định số 167/2017/NĐ-CP ngày 31/12/2017 của Chính phủ."));
    assert!(doc.closing[0].text.starts_with("Trên đây là Chỉ thị"));
    assert!(codes(&doc).contains(&"numbering_skip"));
    let s = &doc.signatures[0];
    assert_eq!(
        (s.authority.as_deref(), s.signer.as_deref()),
        (Some("KT."), Some("Trần Thị Hoa"))
    );
    assert_eq!(doc.archive.as_deref(), Some("VT, KT"));
    assert_eq!(doc.recipients[0].name, "CT, các PCT. UBND tỉnh");
}

#[test]
fn cong_van_with_subject_and_addressees() {
    let (_, doc) = load("cong_van.txt");
    assert_eq!(doc.kind.as_deref(), Some("cong_van"));
    assert_eq!(doc.issuer.as_deref(), Some("Cục Y tế dự phòng"));
    assert_eq!(
        doc.header.parent.as_ref().map(|p| p.text.as_str()),
        Some("Bộ Y tế")
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("V/v tăng cường giám sát bệnh truyền nhiễm mùa mưa lũ năm 2024")
    );
    let names: Vec<&str> = doc.addressees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
            "Viện Vệ sinh dịch tễ, Viện Pasteur"
        ]
    );
    assert_eq!(labels(&doc.items), ["1.", "2.", "3."]);
    assert_eq!(doc.preamble.len(), 1);
    assert_eq!(doc.closing.len(), 1);
    assert_eq!(
        doc.recipients.iter().map(|r| r.purpose).collect::<Vec<_>>(),
        [
            None,
            Some(vanban::Purpose::Report),
            Some(vanban::Purpose::Info)
        ]
    );
}

#[test]
fn decision_with_basis_articles_and_double_mark() {
    let (_, doc) = load("quyet_dinh.txt");
    assert_eq!(doc.kind.as_deref(), Some("quyet_dinh"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Về việc thành lập Ban Chỉ đạo chuyển đổi số thành phố")
    );
    assert_eq!(doc.basis.len(), 3);
    assert_eq!(labels(&doc.items), ["Điều 1.", "Điều 2.", "Điều 3."]);
    assert_eq!(labels(&doc.items[0].children), ["1.", "2."]);
    let s = &doc.signatures[0];
    assert_eq!(s.authority.as_deref(), Some("TM."));
    assert_eq!(s.organ.as_deref(), Some("Ủy ban nhân dân"));
    assert_eq!(s.inner.len(), 1);
    assert_eq!(s.inner[0].authority, "KT.");
    assert_eq!(s.signer.as_deref(), Some("Phạm Quốc Dũng"));
}

#[test]
fn web_copy_keeps_chrome_and_page_breaks_as_noise() {
    let (text, doc) = load("thong_bao_web_chrome.md");
    assert_eq!(doc.kind.as_deref(), Some("thong_bao"));
    assert_eq!(doc.symbol.as_deref(), Some("845/TB-VPCP"));
    assert!(doc
        .title
        .as_deref()
        .unwrap()
        .starts_with("KẾT LUẬN CỦA PHÓ THỦ TƯỚNG"));
    assert_eq!(labels(&doc.items), ["I.", "II."]);
    // The item broken by a page break is one paragraph.
    let three = &doc.items[1].children[2];
    assert_eq!(three.paragraphs.len(), 1);
    assert!(three.paragraphs[0]
        .text
        .ends_with("giám sát chặt chẽ, không để dịch lây lan diện rộng."));
    let s = &doc.signatures[0];
    assert_eq!(s.organ.as_deref(), Some("Bộ trưởng, chủ nhiệm"));
    assert_eq!(s.signer.as_deref(), Some("Nguyễn Văn Tâm"));
    assert_eq!(doc.recipients.len(), 3);
    assert_eq!(
        doc.recipients[2].name,
        "VPCP: BTCN, các PCN, Trợ lý, Thư ký của PTTg; các Vụ: KTTH, NN"
    );
    let kinds: Vec<vanban::NoiseKind> = doc.noise.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&vanban::NoiseKind::Leading));
    assert!(kinds.contains(&vanban::NoiseKind::Trailing));
    assert!(kinds.contains(&vanban::NoiseKind::PageBreak));
    let lead = doc
        .noise
        .iter()
        .find(|n| n.kind == vanban::NoiseKind::Leading)
        .unwrap();
    assert!(text[lead.span.start..lead.span.end].contains("THƯ VIỆN PHÁP LUẬT"));
    // No site text in the body.
    let body: String = doc
        .all_items()
        .iter()
        .flat_map(|i| i.paragraphs.iter().map(|p| p.text.clone()))
        .collect();
    assert!(
        !body.contains("ThuVienPhapLuat") && !body.contains("PAGE BREAK") && !body.contains("**")
    );
    assert!(codes(&doc).contains(&"leading_noise") && codes(&doc).contains(&"trailing_noise"));
}

#[test]
fn ocr_two_columns_and_front_matter() {
    let (_, doc) = load("ocr_two_columns.md");
    assert_eq!(doc.issuer.as_deref(), Some("Tổng cục Thuế"));
    assert_eq!(doc.symbol.as_deref(), Some("3310/TCT-CS"));
    assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
    assert_eq!(
        doc.title.as_deref(),
        Some("V/v hướng dẫn chính sách thuế giá trị gia tăng")
    );
    assert_eq!(doc.noise[0].kind, vanban::NoiseKind::FrontMatter);
    let s = &doc.signatures[0];
    assert_eq!(s.authority.as_deref(), Some("KT."));
    assert_eq!(s.position.as_deref(), Some("Phó tổng cục trưởng"));
    assert_eq!(s.signer.as_deref(), Some("Đặng Ngọc Minh"));
    let names: Vec<&str> = doc.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Như trên", "Vụ Pháp chế (BTC)"]);
    assert_eq!(doc.archive.as_deref(), Some("VT, CS"));
}

#[test]
fn party_committee_under_its_provincial_organisation() {
    let text = "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nTỈNH ỦY\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 05-CT/TU\nLâm Đồng, ngày 02 tháng 4 năm 2024\n\nCHỈ THỊ\nvề công tác phòng, chống cháy rừng\n\n1. Các cấp ủy chỉ đạo.\n\n4. Tổ chức thực hiện\n- Ban Tuyên giáo Tỉnh ủy hướng dẫn.\n- Các huyện ủy báo cáo.\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.issuer.as_deref(), Some("Tỉnh ủy Lâm Đồng"));
    assert_eq!(
        doc.header.parent.as_ref().map(|p| p.text.as_str()),
        Some("Đảng bộ tỉnh Lâm Đồng")
    );
    // A dash line after a short heading opens an item.
    let four = doc.items.last().unwrap();
    assert_eq!(four.label, "4.");
    assert_eq!(four.paragraphs.len(), 1);
    assert_eq!(four.children.len(), 2);
}

#[test]
fn citations_whose_issuer_stands_elsewhere() {
    let (text, doc) = load("quyet_dinh_can_cu.txt");
    let row = |sym: &str| {
        let c = doc
            .citations
            .iter()
            .find(|c| c.symbol.as_deref() == Some(sym))
            .unwrap_or_else(|| panic!("{sym} cited"));
        (c.kind.as_deref(), c.date.as_deref(), c.issuer.as_deref())
    };
    // A list header (`các Luật của Quốc hội ...:`) names the issuer of the laws listed after it.
    let qh = Some("Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam");
    assert_eq!(row("72/2025/QH15"), (Some("luat"), Some("2025-06-16"), qh));
    assert_eq!(row("20/2023/QH15").2, qh);
    // A steering committee named by its matter; two bodies that issue jointly.
    assert_eq!(
        row("02-KH/BCĐTW").2,
        Some("Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")
    );
    assert_eq!(row("187-KL/TW").2, Some("Bộ Chính trị, Ban Bí thư"));
    assert_eq!(
        row("03/2024/TTLT-BCA-BTP").2,
        Some("Bộ trưởng Bộ Công an, Bộ trưởng Bộ Tư pháp")
    );
    // `Xét đề nghị của X tại A và B; của Y tại các văn bản số: C, D và E`.
    let gd = Some("Giám đốc Sở Khoa học và Công nghệ");
    assert_eq!(
        row("215/TTr-SKHCN"),
        (Some("to_trinh"), Some("2026-05-02"), gd)
    );
    assert_eq!(
        row("98/BC-SKHCN"),
        (Some("bao_cao"), Some("2026-05-05"), gd)
    );
    for (sym, date) in [
        ("611/SNV-CCHC", "2026-05-06"),
        ("640/SNV-CCHC", "2026-05-08"),
        ("652/SNV-CCHC", "2026-05-11"),
    ] {
        assert_eq!(row(sym), (Some("van_ban"), Some(date), Some("Sở Nội vụ")));
    }
    // `Ngày ..., Ban Thường vụ Tỉnh ủy đã ban hành Kết luận số ...`: date and issuer before it.
    assert_eq!(
        row("418-KL/TU"),
        (
            Some("ket_luan"),
            Some("2026-03-12"),
            Some("Ban Thường vụ Tỉnh ủy")
        )
    );
    // `bãi bỏ Công văn số ...`: `bỏ` is no `Bộ`, the noun is `Công văn`.
    assert_eq!(row("377/UBND-KSTTHC").0, Some("cong_van"));
    // A footnote after the signature is the document's own text: its citations count.
    assert_eq!(
        doc.footnotes
            .iter()
            .map(|f| f.label.as_str())
            .collect::<Vec<_>>(),
        ["1", "2"]
    );
    let f = &doc.footnotes[0];
    assert!(text[f.span.start..f.span.end].starts_with("[1] Theo hướng dẫn"));
    assert!(f.text.ends_with("chuyển đổi số năm 2026."));
    assert_eq!(
        row("2150/BKHCN-CĐS"),
        (
            Some("cong_van"),
            Some("2026-04-28"),
            Some("Bộ Khoa học và Công nghệ")
        )
    );
    assert!(doc.attachments.is_empty());
    assert!(!codes(&doc).contains(&"text_after_signature"));
    assert_eq!(doc.citations.len(), 14);
    for c in &doc.citations {
        assert!(text[c.span.start..c.span.end].contains(c.symbol.as_deref().unwrap()));
    }
}

#[test]
fn wrapped_directive_offices_and_markers_after_level_words() {
    let (_, doc) = load("chi_thi_wrapped_offices.txt");
    let actors =
        |i: usize| -> Vec<String> { doc.items[i].actors.iter().map(|a| a.name.clone()).collect() };
    assert_eq!(labels(&doc.items), ["1.", "2.", "3.", "4.", "5.", "6."]);
    // A capitalised verb ends a subject whose colon was lost.
    assert_eq!(
        actors(0),
        [
            "Bộ trưởng các Bộ",
            "Thủ trưởng cơ quan ngang bộ",
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"
        ]
    );
    // `... các tỉnh, thành phố` / `a) Tập trung ...`: the marker opens an item.
    assert_eq!(labels(&doc.items[1].children), ["a)", "b)"]);
    assert_eq!(actors(1), ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]);
    assert!(
        doc.items[1].children[1].actors.is_empty(),
        "`Bố trí` is no `Bộ`"
    );
    assert_eq!(
        actors(2),
        ["Ủy viên Ban cán sự đảng", "thành viên Ban Chỉ đạo cấp tỉnh"]
    );
    assert_eq!(
        actors(3),
        [
            "Hiệu trưởng các trường đại học",
            "giám đốc các trung tâm giáo dục thường xuyên"
        ]
    );
    assert_eq!(actors(4), ["Cơ quan phối hợp"]);
    assert_eq!(doc.items[4].actors[0].role, Some(vanban::Role::Responsible));
    assert_eq!(actors(5), ["Giám đốc, Thủ trưởng các sở, ban, ngành"]);
}

#[test]
fn a_document_without_national_header_starts_at_its_type_line() {
    // A web export of a tờ trình: no Quốc hiệu, no number; a body sentence names the State
    // (`Cộng hòa xã hội chủ nghĩa Việt Nam là thành viên;`), which is not a national line.
    let (text, doc) = load("to_trinh_no_header.md");
    assert_eq!(doc.kind.as_deref(), Some("to_trinh"));
    let title = doc.title.as_deref().unwrap();
    assert!(
        title.starts_with("Về việc ban hành Nghị định sửa đổi"),
        "{title}"
    );
    assert!(title.ends_with("của Chính phủ"), "{title}");
    // The title's `của Nghị định số ...` is a document, not the issuer.
    assert_eq!(doc.issuer, None);
    assert_eq!(doc.addressees.len(), 1);
    assert_eq!(labels(&doc.items), ["I.", "II."]);
    assert_eq!(labels(&doc.items[1].children), ["1.", "2."]);
    assert!(!codes(&doc).contains(&"leading_noise"), "{:?}", codes(&doc));
    let cv = doc
        .citations
        .iter()
        .find(|c| c.symbol.as_deref() == Some("1234/VPCP-KTTH"))
        .expect("the công văn is cited");
    assert_eq!(cv.kind.as_deref(), Some("cong_van"));
    assert!(text[doc.items[0].span.start..].starts_with("I. SỰ CẦN THIẾT"));
}

fn addressee_names(doc: &vanban::Document) -> Vec<&str> {
    doc.addressees.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn a_wrapped_addressee_joins_its_next_line_and_stops_at_the_preamble() {
    // `... cơ quan thuộc` / `Chính phủ`: a name does not end with a function word; `Xét báo cáo`
    // opens the preamble, however short its hard-wrapped line.
    let (_, doc) = load("thong_bao_wrapped_addressees.md");
    assert_eq!(
        addressee_names(&doc),
        ["Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ"]
    );
    assert!(doc.preamble[0]
        .text
        .starts_with("Xét báo cáo của Bộ Kế hoạch và Đầu tư"));
}

#[test]
fn a_dash_item_is_one_addressee_and_a_purpose_is_not_part_of_the_name() {
    let (_, doc) = load("cong_dien_dash_addressees.md");
    assert_eq!(
        addressee_names(&doc),
        [
            "Bộ trưởng; Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
            "Chủ tịch Ủy ban nhân dân các tỉnh Lào Cai, Yên Bái, Hà Giang",
            "Bí thư Tỉnh ủy các tỉnh Lào Cai, Yên Bái, Hà Giang",
        ]
    );
    assert_eq!(labels(&doc.items), ["1.", "2.", "3."]);
}

#[test]
fn an_ocr_damaged_date_line_still_gives_date_and_place() {
    // `7 Q Hà Nội, ngày l6thang 9 năm 2022`: OCR letters for digits, a glued `tháng`, stray
    // marks before the place.
    let (_, doc) = load("ocr_cong_van_damaged_header.md");
    assert_eq!(doc.date.as_deref(), Some("2022-09-16"));
    assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
    assert_eq!(doc.issuer.as_deref(), Some("Bộ Ngoại giao"));
    assert_eq!(
        addressee_names(&doc),
        ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    );
}

#[test]
fn a_cut_motto_and_a_broken_cell_do_not_end_the_header() {
    // `Tự do - Hạnh ph` and `2 NÔNG` (cells OCR cut) stand between the national line and the
    // number: the header goes on to the number, the date and the `Viv` subject; a stray cell
    // under the subject (`BỘ`) and one that opens with a digit are not the issuer.
    let (_, doc) = load("ocr_cong_van_cut_motto.md");
    assert_eq!(doc.kind.as_deref(), Some("cong_van"));
    assert_eq!(doc.symbol.as_deref(), Some("1187/TT-CLT"));
    assert_eq!(doc.date.as_deref(), Some("2023-05-09"));
    assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
    assert_eq!(doc.issuer.as_deref(), Some("Cục trồng trọt"));
    assert!(doc
        .title
        .as_deref()
        .unwrap()
        .starts_with("Viv hướng dẫn gieo cấy"));
    assert_eq!(doc.items.len(), 2);
}

#[test]
fn glued_and_spaced_keywords_are_read_as_keywords() {
    // `CONG THONG TIN DIEN TU Kỉnhgửì:`: a stamp glued before a glued opener; the subject stops
    // there and the stamp is kept as noise; the dashed list ends at the first line without a
    // dash; `COVID-` / `19` is one word; `N ơ i n h ậ n:` spaced out is still the label.
    let (text, doc) = load("cong_van_glued_keywords.md");
    assert_eq!(
        doc.title.as_deref(),
        Some("V/v vận tải hành khách liên tỉnh dịp nghỉ lễ 30/4 và 01/5")
    );
    assert_eq!(
        addressee_names(&doc),
        [
            "Sở Giao thông vận tải các tỉnh, thành phố",
            "Các doanh nghiệp kinh doanh vận tải hành khách"
        ]
    );
    let stamp = doc
        .noise
        .iter()
        .find(|n| n.kind == vanban::NoiseKind::Stamp)
        .expect("the glued stamp is noise");
    assert_eq!(
        &text[stamp.span.start..stamp.span.end],
        "CONG THONG TIN DIEN TU"
    );
    assert_eq!(doc.preamble.len(), 1);
    assert!(doc.preamble[0].text.contains("COVID- 19 trong hoạt động"));
    assert_eq!(doc.archive.as_deref(), Some("VT, VTải"));
    assert_eq!(doc.items.len(), 2);
}

#[test]
fn a_wrapped_copy_starts_at_its_own_header() {
    // A type line a wrap joined to its subject still starts the document; a sentence's `số
    // 18/2021/QĐ-UBND.` that a wrap put at a line start is no `Số` line.
    let (_, doc) = load("to_trinh_wrapped_type_line.md");
    assert_eq!(doc.kind.as_deref(), Some("to_trinh"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Về việc ban hành Quyết định sửa đổi, bổ sung Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh")
    );
    assert_eq!(doc.symbol, None);
    assert_eq!(addressee_names(&doc), ["Ủy ban nhân dân tỉnh"]);
    // A site's summary quoting the national line (wrapped onto a line of its own) is not the
    // header: the national line that a number and a date follow is.
    let (_, doc) = load("cong_van_web_summary_wrapped.md");
    assert_eq!(doc.issuer.as_deref(), Some("Bộ Y tế"));
    assert_eq!(doc.symbol.as_deref(), Some("2150/BYT-DP"));
    assert_eq!(doc.date.as_deref(), Some("2022-05-05"));
    assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
    assert!(doc
        .noise
        .iter()
        .any(|n| n.kind == vanban::NoiseKind::Leading));
    assert_eq!(doc.items.len(), 2);
}

#[test]
fn quoted_text_is_paragraphs_of_the_item_that_quotes_it() {
    // `... quy định:` / `“2. Thời hạn ...` / `a) ...` / `b) ...”`: the quotation's markers are
    // another text's; it is paragraphs of item 1. A quotation whose closing mark was lost ends
    // where the document's own list goes on (`3.` after its `2.`), not at the quoted `2.`.
    let (_, doc) = load("cong_van_quoted_law.md");
    let labels: Vec<&str> = doc.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["1.", "2.", "3.", "4."]);
    assert!(doc.items.iter().all(|i| i.children.is_empty()));
    let paras = |k: usize| doc.items[k].paragraphs.len();
    assert_eq!((paras(0), paras(1), paras(2), paras(3)), (6, 4, 1, 1));
    assert!(doc.items[0].paragraphs[2].text.starts_with("“2. Thời hạn"));
    assert!(doc.items[0].paragraphs[5].text.starts_with("Theo đó"));
    assert_eq!(
        doc.items[2].actors[0].name,
        "Cục Hải quan các tỉnh, thành phố"
    );
}

#[test]
fn ocr_roman_headings_keep_the_outline() {
    // `H.` and `Il.` are OCR's `II.` and `III.` before headings in capitals; a Roman heading never
    // nests under the numbers before it; `1. QUAN ĐIỂM` then `1. Quán triệt`: a list starting
    // again at 1 under a heading in capitals is its child.
    let (_, doc) = load("ocr_chi_thi_roman_headings.md");
    let top: Vec<&str> = doc.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(top, ["1.", "H.", "Il."]);
    assert_eq!(doc.items[0].children.len(), 2);
    assert_eq!(doc.items[1].children.len(), 2);
    assert_eq!(doc.items[2].children.len(), 2);
    // An item's heading, its text below: the subject is read from the text.
    let second = &doc.items[1].children[1];
    let names: Vec<&str> = second.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Bộ Quốc phòng", "Hội Chữ thập đỏ Việt Nam"]);
}

#[test]
fn tails_glued_by_ocr_and_nested_marks() {
    // `Nơi nhận: - BỘ TRƯỞNG, CHỦ NHIỆM`: the position of the right column after OCR's dash; a
    // copy's `(đã ký)` after the name is a stamp, not part of it.
    let (text, doc) = load("thong_bao_ocr_tail.md");
    let sig = &doc.signatures[0];
    assert_eq!(sig.position.as_deref(), Some("Bộ trưởng, chủ nhiệm"));
    assert_eq!(sig.signer.as_deref(), Some("Nguyễn Văn Hùng"));
    assert!(doc
        .noise
        .iter()
        .any(|n| &text[n.span.start..n.span.end] == "(đã ký)"));
    assert_eq!(doc.archive.as_deref(), Some("VT, KSTT"));
    // `TL. CỤC TRƯỞNG` / `KT. TRƯỞNG BAN CHÍNH SÁCH,` / `THUẾ QUỐC TẾ`: the line after the comma
    // goes on in the inner mark, the outer organ stays `Cục trưởng`.
    let (_, doc) = load("cong_van_nested_marks.md");
    let sig = &doc.signatures[0];
    assert_eq!(sig.organ.as_deref(), Some("Cục trưởng"));
    assert_eq!(sig.inner.len(), 1);
    assert_eq!(
        sig.inner[0].organ.as_deref(),
        Some("Trưởng ban chính sách, Thuế quốc tế")
    );
    assert_eq!(sig.position.as_deref(), Some("Phó trưởng ban"));
}

#[test]
fn damaged_header_cells_and_numbers() {
    // `TẠM THỜI` qualifies the type on its line; `(Ban hành kèm theo ...)` is no part of the
    // subject.
    let (_, doc) = load("huong_dan_tam_thoi.md");
    assert_eq!(doc.kind.as_deref(), Some("huong_dan"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Tổ chức dạy học trực tuyến trong trường phổ thông")
    );
    // `Bộ CÔNG THƯƠNG` glued before the national line is the issuer; `sốl` is `Số:` with its
    // colon read as a letter; a stray `T2QT` above is no part of the name.
    let (_, doc) = load("ocr_cong_van_glued_organ.md");
    assert_eq!(doc.issuer.as_deref(), Some("Bộ Công Thương"));
    assert_eq!(doc.symbol.as_deref(), Some("4417/BCT-XNK"));
    // A number OCR made letters of (`ngy /VPCP- KGVX`) is still the symbol; decoration glued
    // after the name is not part of it.
    let (_, doc) = load("ocr_thong_bao_damaged_number.md");
    assert_eq!(doc.issuer.as_deref(), Some("Văn phòng Chính phủ"));
    assert_eq!(doc.symbol.as_deref(), Some("ngy/VPCP-KGVX"));
}

#[test]
fn a_label_damaged_past_reading_still_opens_the_tail() {
    // `Nei nhậm: " TM. CHÍNH PHỦ`: a short label with its colon and a signing mark in the right
    // column open the tail; the recipients below are read, not taken as the last item's text.
    let (_, doc) = load("nghi_quyet_damaged_label.md");
    assert_eq!(doc.items.len(), 2);
    assert_eq!(doc.items[1].paragraphs.len(), 1);
    assert_eq!(
        signature(&doc.signatures[0]),
        [
            Some("TM."),
            Some("Chính phủ"),
            Some("Phó Thủ tướng"),
            Some("Lê Văn Thành")
        ]
    );
    assert_eq!(doc.recipients.len(), 3);
    assert_eq!(doc.archive.as_deref(), Some("VT, KGVX"));
}

#[test]
fn a_header_made_debris_still_gives_its_date_line() {
    // OCR made the header's cells debris (no national line, no readable number or type line):
    // the date line is still found by a plain search of the first lines, and says so.
    let (text, doc) = load("ocr_quyet_dinh_header_debris.md");
    assert_eq!(doc.date.as_deref(), Some("2021-03-05"));
    assert_eq!(doc.place.as_deref(), Some("Ha N(Ji"));
    let d = searched(&doc);
    assert!(text[d.span.start..d.span.end].starts_with("ngay 05 thang 3"));
    assert!(!codes(&doc).contains(&"no_date"));
}

#[test]
fn header_cells_split_over_lines_are_read_whole() {
    // `ĐẢNG CỘNG` / `SẢN VIỆT NAM`: the Party's name, not the issuer; the department is named
    // with its committee (HD 36); a title that starts `CỦA ĐỒNG CHÍ ... TẠI BUỔI LÀM VIỆC` is the
    // subject, not an issuer.
    let (_, doc) = load("thong_bao_ket_luan_split_cells.md");
    assert_eq!(doc.header.family, Some(vanban::Family::Party));
    assert_eq!(doc.issuer.as_deref(), Some("Văn phòng Tỉnh ủy Quảng Ngãi"));
    assert_eq!(doc.symbol.as_deref(), Some("215-TB/VPTU"));
    let title = doc.title.as_deref().unwrap();
    assert!(
        title.starts_with("CỦA ĐỒNG CHÍ BÍ THƯ TỈNH ỦY TẠI BUỔI"),
        "{title}"
    );
    assert!(title.ends_with("ĐẠI HỘI ĐẢNG BỘ CÁC CẤP"), "{title}");
    // `CỘNG HÒA XÃ` / `HỘI CHỦ NGHĨA VIỆT NAM`: no `Hội` glued to the issuer.
    let (_, doc) = load("chi_thi_split_national_cell.md");
    assert_eq!(doc.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Gia Lai"));
    assert_eq!(doc.header.family, Some(vanban::Family::State));
    assert_eq!(doc.kind.as_deref(), Some("chi_thi"));
}

#[test]
fn a_received_stamp_merged_into_the_header_is_passed_over() {
    // The received stamp (`CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ` / `ĐẾN` / `Giờ:` / `Ngày:`) that OCR
    // merged with the header's columns: its lines are passed over, the type line after `ĐẾN“`
    // is read, and the stamp's date glued before the subject is no part of it.
    let (_, doc) = load("ocr_chi_thi_received_stamp.md");
    assert_eq!(doc.kind.as_deref(), Some("chi_thi"));
    assert_eq!(doc.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    assert_eq!(doc.symbol.as_deref(), Some("27/CT-TTg"));
    assert_eq!(
        doc.title.as_deref(),
        Some(
            "Về việc tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa \
             bão năm 2023"
        )
    );
    assert_eq!(doc.items.len(), 3);
    // The stamp before the number, without `Số:`; its date alone on the line above the subject.
    let (text, doc) = load("ocr_chi_thi_stamp_before_number.md");
    assert_eq!(doc.kind.as_deref(), Some("chi_thi"));
    assert_eq!(doc.symbol.as_deref(), Some("18/CT-TTg"));
    assert_eq!(doc.date.as_deref(), Some("2022-03-02"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Về đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính")
    );
    let body = &text[doc.items[0].span.start..doc.items.last().unwrap().span.end];
    assert!(!body.contains("Nq-Q3"));
    assert_eq!(doc.items.len(), 2);
}

#[test]
fn a_full_stop_ends_a_wrapped_addressee() {
    // `Kính gửi: Chi cục Hải quan` / `tỉnh Quảng Ninh.`: the wrapped name ends at its full stop;
    // the text that follows on the next line, without a blank line, is the preamble.
    let (_, doc) = load("cong_van_addressee_full_stop.md");
    assert_eq!(addressee_names(&doc), ["Chi cục Hải quan tỉnh Quảng Ninh"]);
    assert_eq!(doc.preamble.len(), 2);
    assert!(doc.preamble[0]
        .text
        .starts_with("Cục Hải quan nhận được công văn số 512/HQQN-NV"));
}

#[test]
fn symbols_spaced_out_by_a_tokenizer_are_cited() {
    // `219 / 2013 / TT - BTC`: a copy whose separators a tokenizer spaced out; the symbols are
    // read without the spaces, the issuer stops at the verb of the cited letter (`hỏi`).
    let (_, doc) = load("cong_van_tokenised_symbols.md");
    let got: Vec<(Option<&str>, Option<&str>)> = doc
        .citations
        .iter()
        .map(|c| (c.symbol.as_deref(), c.issuer.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("1250/CTKHH-TTHT"), Some("Cục Thuế tỉnh Khánh Hòa")),
            (Some("219/2013/TT-BTC"), Some("Bộ Tài chính")),
            (Some("118/TB-VPCP"), Some("Văn phòng Chính phủ")),
        ]
    );
}

#[test]
fn a_damaged_label_whose_colon_ocr_read_as_a_comma_opens_the_tail() {
    // `Ni nhậm, KT. GIÁM ĐỐC`: the label past matching, its colon read as a comma, the signing
    // mark in the right column: the tail starts there, not inside the last item.
    let (_, doc) = load("ocr_cong_van_comma_label.md");
    assert_eq!(doc.items.len(), 2);
    assert_eq!(doc.items[1].paragraphs.len(), 1);
    assert_eq!(
        signature(&doc.signatures[0]),
        [
            Some("KT."),
            Some("Giám đốc"),
            Some("Phó giám đốc"),
            Some("Trần Minh Khoa")
        ]
    );
    assert_eq!(doc.archive.as_deref(), Some("VT, KHNV"));
}

#[test]
fn running_page_heads_are_page_furniture() {
    // `KL41.TW.DOC 2` at the top of page 2, `KL41.TW.DOC. 3` of page 3: a printed file's running
    // head ending with the page's number; the paragraph broken by the page goes on across it.
    let (_, doc) = load("ocr_ket_luan_running_heads.md");
    assert_eq!(doc.items.len(), 3);
    for (item, last) in doc
        .items
        .iter()
        .zip(["đơn thuần.", "công nghiệp.", "Kết luận này./."])
    {
        assert_eq!(item.paragraphs.len(), 1);
        let text = &item.paragraphs[0].text;
        assert!(text.ends_with(last), "{text}");
        assert!(!text.contains("KL41"), "{text}");
    }
}

#[test]
fn a_web_copy_without_a_tail_ends_at_its_end_mark() {
    // No signature, no `Nơi nhận`: the text ends at `./.`; the byline, the caption and the
    // site's list of new documents after it are trailing noise, not the last item's text.
    let (text, doc) = load("chi_thi_web_news_copy.md");
    assert_eq!(doc.items.len(), 3);
    let last = &doc.items[2];
    assert_eq!(last.paragraphs.len(), 1);
    assert!(last.paragraphs[0].text.ends_with("cháy rừng./."));
    let trailing = doc
        .noise
        .iter()
        .find(|n| n.kind == vanban::NoiseKind::Trailing)
        .expect("trailing noise");
    let noise = &text[trailing.span.start..trailing.span.end];
    assert!(noise.starts_with("Theo Lê Thu Hà"), "{noise}");
    assert!(noise.ends_with("làm việc với huyện"), "{noise}");
}

#[test]
fn header_fields_the_layout_misses_are_searched_for() {
    // A flattened header: the number stands inside a line of site text before the type line;
    // a plain search of the first lines finds it, and says so.
    let (text, doc) = load("thong_bao_flattened_header.md");
    assert_eq!(doc.symbol.as_deref(), Some("45/TB-UBND"));
    let d = searched(&doc);
    assert_eq!(&text[d.span.start..d.span.end], "45/TB-UBND");
    // A note between the header and the type line ends the layout's reading: the type line and
    // its subject are searched for on the first lines.
    let (text, doc) = load("thong_bao_type_line_after_note.md");
    assert_eq!(doc.kind.as_deref(), Some("thong_bao"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân huyện quý II năm 2024")
    );
    assert_eq!(doc.items.len(), 2);
    let d = searched(&doc);
    assert_eq!(&text[d.span.start..d.span.end], "THÔNG BÁO");
}

#[test]
fn a_document_without_a_header_is_issued_by_the_body_it_is_signed_for() {
    // No issuing body above the type line: the block signed `T/M BAN THƯỜNG VỤ` names it, and
    // the reading says where it came from.
    let (_, doc) = load("ket_luan_no_header_signed_for.md");
    assert_eq!(doc.kind.as_deref(), Some("ket_luan"));
    assert_eq!(doc.issuer.as_deref(), Some("Ban Thường vụ"));
    assert!(codes(&doc).contains(&"field_from_search"));
}

#[test]
fn sub_points_nest_under_their_point() {
    // `a.1)`, `a.2)`: sub-points of point `a)`, one level below it; `b)` is `a)`'s sibling.
    let (_, doc) = load("cong_van_sub_points.md");
    assert_eq!(labels(&doc.items), ["1.", "2.", "3."]);
    // `(i)`, `(ii)`: an enumeration in lower-case Roman numerals under its item.
    assert_eq!(labels(&doc.items[1].children), ["(i)", "(ii)"]);
    let one = &doc.items[0];
    assert_eq!(labels(&one.children), ["a)", "b)"]);
    assert_eq!(one.children[0].paragraphs.len(), 1);
    assert_eq!(labels(&one.children[0].children), ["a.1)", "a.2)"]);
}

#[test]
fn cited_laws_are_named() {
    // A law is cited by its name, which only its text carried: `Luật Tổ chức Chính phủ ngày ...`.
    let (_, doc) = load("nghi_quyet_damaged_label.md");
    let names: Vec<&str> = doc
        .citations
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert!(names.contains(&"Luật Tổ chức Chính phủ"), "{names:?}");
    assert!(doc
        .citations
        .iter()
        .filter(|c| c.kind.as_deref() == Some("nghi_dinh"))
        .all(|c| c.name.is_none()));
}
