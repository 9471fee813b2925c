//! The document model: plain data, no parsing logic.
//!
//! Every node and entity carries a [`Span`]: byte offsets into the original input given to
//! [`crate::parse`], so that `&input[span.start..span.end]` is the source it was read from.
//! Bindings convert spans once, at their edge (code points for Python, UTF-16 code units for
//! JavaScript), with [`crate::offsets::OffsetConverter`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of the JSON shape produced by [`Document`]'s serialisation. A change of shape bumps it.
pub const SCHEMA_VERSION: &str = "1";

/// A half-open byte range `start..end` into the original input (UTF-8 bytes).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A paragraph as a reader sees it: markup removed, hard wraps and page breaks joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
}

/// Role of an actor addressed by an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// `chủ trì`
    Lead,
    /// `phối hợp`, `phối hợp với`
    Coordinate,
    /// `chịu trách nhiệm`
    Responsible,
    /// `tham mưu`
    Advise,
    /// `theo dõi, đôn đốc`, `giám sát`
    Monitor,
    /// The item's grammatical subject without a role verb.
    Subject,
}

/// A body (organ, office, group of bodies) named by an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Actor {
    pub name: String,
    pub role: Option<Role>,
    pub span: Span,
}

/// A task an item assigns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Assignment {
    /// The bodies assigned, with roles (`lead` for `chủ trì`, `coordinate` for `phối hợp với`).
    pub actors: Vec<Actor>,
    /// What they are to do, as written.
    pub action: String,
    /// ISO date (or date and time) by which, from `trước ngày ...`, `chậm nhất ngày ...`.
    pub deadline: Option<String>,
    pub deadline_text: Option<String>,
    /// `daily`, `weekly`, `monthly`, `quarterly`, `yearly`, `every 6 months`, `periodic`.
    pub periodicity: Option<String>,
    /// The body to report to (`báo cáo ... về Ủy ban nhân dân tỉnh`).
    pub report_to: Option<String>,
    pub span: Span,
}

/// A date or time expression with its ISO value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateExpr {
    /// `date`, `partial`, `month`, `year`, `school_year`, `time`, `range`, `duration`, `deadline`.
    pub kind: crate::dates::DateKind,
    /// ISO value: `2020-03-27`, `2020-04`, `2020-03-28T00:00`, `2019/2020`, `P14D`, `start/end`.
    pub value: Option<String>,
    pub text: String,
    pub span: Span,
}

/// A threshold or quantity: `không quá 20 người` → `<=`, `20`, `người`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    pub comparator: Option<String>,
    pub value: String,
    pub unit: Option<String>,
    pub text: String,
    pub span: Span,
}

/// A quoted motto or slogan (`“3 trước, 4 tại chỗ”`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Motto {
    pub text: String,
    pub span: Span,
}

/// One numbered or bulleted item of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// The marker as written (`1.`, `I-`, `a)`, `Điều 1.`, `-`).
    pub label: String,
    /// Family of the marker (`roman`, `arabic`, `letter`, `bullet` ...).
    pub marker: MarkerKind,
    pub label_span: Span,
    /// The item's own paragraphs; the first one follows the label. Children's are excluded.
    pub paragraphs: Vec<Paragraph>,
    pub actors: Vec<Actor>,
    /// The tasks this item assigns: who, what, by when.
    pub assignments: Vec<Assignment>,
    pub children: Vec<Item>,
    /// From the label to the end of the last descendant.
    pub span: Span,
}

/// Marker families, outermost first as a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MarkerKind {
    /// `Phần I`, `PHẦN THỨ NHẤT`
    Part,
    /// `Chương I`
    Chapter,
    /// `Mục 1`
    Section,
    /// `Điều 1.`
    Article,
    /// `I.`, `II-`
    Roman,
    /// `1.`
    ArabicDot,
    /// `1-`
    ArabicDash,
    /// `1)`
    ArabicParen,
    /// `1/`
    ArabicSlash,
    /// `2.1.`, `2.1.3`
    Decimal,
    /// `(1)`
    Bracketed,
    /// `a)`, `đ)`
    Letter,
    /// `a.`
    LetterDot,
    /// `-`, `–`
    Dash,
    /// `+`
    Plus,
    /// `•`, `*`, `·`
    Bullet,
}

/// An addressee from `Kính gửi:`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Addressee {
    pub name: String,
    pub span: Span,
}

/// The schema of a kind code: a string from [`crate::tables::DOC_TYPES`] (so that bindings
/// type it as a closed set: a `Literal` in Python, a union of strings in TypeScript).
pub struct KindCode;

impl JsonSchema for KindCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Kind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut seen = Vec::new();
        let mut variants = Vec::new();
        for t in crate::tables::DOC_TYPES {
            if !seen.contains(&t.kind) {
                seen.push(t.kind);
                variants.push(serde_json::json!({
                    "description": t.display,
                    "type": "string",
                    "const": t.kind,
                }));
            }
        }
        schemars::json_schema!({
            "description": "Kind code of a document (NĐ 30/2020 Phụ lục III, HD 36, the Law on Legal Documents).",
            "oneOf": variants,
        })
    }
}

/// Where a cited document's issuer was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IssuerSource {
    /// From the citation's text (`của Thủ tướng Chính phủ`).
    Text,
    /// From the issuer code of its symbol (`NĐ-CP` → `Chính phủ`).
    Code,
}

/// A reference to another document, listed once; later mentions (short forms, anaphora) are
/// resolved to it and kept in `mentions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    /// Kind code (`chi_thi`, `nghi_dinh`, ...).
    #[schemars(with = "Option<KindCode>")]
    pub kind: Option<String>,
    /// Number and symbol as written, spaces removed (an OCR-damaged type code repaired only
    /// into a known one: `ND-CP` → `NĐ-CP`).
    pub symbol: Option<String>,
    /// The symbol's parts: number, year, type code, issuer codes, family.
    pub parts: Option<crate::symbols::SymbolParts>,
    /// ISO date of the cited document.
    pub date: Option<String>,
    /// Issuing body, from the text (`của ...`) or resolved from the symbol's code.
    pub issuer: Option<String>,
    /// Where `issuer` comes from: `text` or `code`.
    pub issuer_source: Option<IssuerSource>,
    /// `điểm a khoản 2 Điều 5` of the first mention.
    pub pinpoint: Option<String>,
    /// The name the document is known by, when its text gives one before its number or date
    /// (`Luật Tổ chức Chính phủ`).
    pub name: Option<String>,
    /// The first full mention as it reads.
    pub text: String,
    pub span: Span,
    /// Every mention, the first included.
    pub mentions: Vec<CitationMention>,
}

/// One mention of a cited document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CitationMention {
    /// `full` (symbol or date), `number` (`Chỉ thị số 15`), `anaphora` (`Kết luận nêu trên`).
    pub form: crate::citations::MentionKind,
    pub pinpoint: Option<String>,
    pub text: String,
    pub span: Span,
}

/// Purpose of sending a copy to a recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Report,
    Info,
    Execute,
    Coordinate,
    Direct,
    Monitor,
}

/// One line of `Nơi nhận:` (except `Lưu`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Recipient {
    pub name: String,
    pub purpose: Option<Purpose>,
    pub span: Span,
}

/// A signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Signature {
    /// Signing mark as written (`T/M`, `KT.`, `TL.` ...); `None` when the signer signs in their own name.
    pub authority: Option<String>,
    /// Body or office signed for (`Ban Thường vụ`, `Chủ tịch`).
    pub organ: Option<String>,
    /// Position of the signer (`Phó Chủ tịch`).
    pub position: Option<String>,
    /// Person's name.
    pub signer: Option<String>,
    /// Inner marks of a double-mark block (`TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG`).
    pub inner: Vec<InnerMark>,
    pub span: Span,
}

/// The inner mark and organ of a block with two marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct InnerMark {
    pub authority: String,
    pub organ: Option<String>,
}

/// Severity of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Something missing or odd in the input. `code` is stable; `message` is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    pub code: crate::diagnostics::Code,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
}

/// What kind of noise a stretch of input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    /// YAML front matter (`---` ... `---`).
    FrontMatter,
    /// Site text before the document starts.
    Leading,
    /// Site text after the document ends.
    Trailing,
    /// `--- PAGE BREAK ---`, page numbers.
    PageBreak,
    /// Lines of decoration (`-------`, `*`, stray table pipes).
    Decoration,
    /// Digital-signature stamps, watermarks, `(Đã ký)`.
    Stamp,
    /// Markup a reader left out of the text: a page's scripts, styles, head and navigation.
    Markup,
}

/// Input kept aside as noise, with its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Noise {
    pub kind: NoiseKind,
    pub span: Span,
}

/// An attachment (`PHỤ LỤC`, `SAO LỤC`, an attached regulation or form) kept apart from the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Attachment {
    /// First line of the attachment as a reader sees it.
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    pub span: Span,
}

/// A footnote after the signature (`[1] Công văn số 7415/BNV-CCVC ngày 31/8/2025 ...`), which the
/// body refers to by its label (`... hướng dẫn của Bộ Nội vụ[1] ...`). Citations in it count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    /// The label without its brackets (`1`).
    pub label: String,
    /// The footnote's text, without the label.
    pub text: String,
    /// The whole footnote, label included.
    pub span: Span,
}

/// A header field value with the span it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Field {
    pub text: String,
    pub span: Span,
}

/// Header details beyond the scored fields.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Header {
    /// `State` (NĐ30 layout) or `Party` (HD36 layout), from the national or Party line and the symbol shape.
    pub family: Option<Family>,
    /// The national line (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`) or the Party line.
    pub national_line: Option<Field>,
    /// The body above the issuer (`BỘ TÀI CHÍNH` above `TỔNG CỤC THUẾ`).
    pub parent: Option<Field>,
    pub issuer: Option<Field>,
    pub symbol: Option<Field>,
    pub date: Option<Field>,
    pub place: Option<Field>,
    /// The type line as written (`CHỈ THỊ`).
    pub kind: Option<Field>,
    pub title: Option<Field>,
    /// `HỎA TỐC`, `THƯỢNG KHẨN`, `KHẨN`.
    pub urgency: Option<Field>,
    /// `TUYỆT MẬT`, `TỐI MẬT`, `MẬT`.
    pub secrecy: Option<Field>,
}

/// Family of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    State,
    Party,
}

/// A parsed document. Serialises to the JSON contract (`schema_version` "1").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    pub schema_version: String,
    /// Kind code (`chi_thi`, `cong_van` ...).
    #[schemars(with = "Option<KindCode>")]
    pub kind: Option<String>,
    /// The most specific issuing body, in full.
    pub issuer: Option<String>,
    /// Number and symbol as written, spaces removed.
    pub symbol: Option<String>,
    /// ISO date of issue.
    pub date: Option<String>,
    pub place: Option<String>,
    /// The subject (trích yếu).
    pub title: Option<String>,
    pub addressees: Vec<Addressee>,
    /// `Căn cứ ...` lines (also part of the preamble).
    pub basis: Vec<Paragraph>,
    pub preamble: Vec<Paragraph>,
    pub items: Vec<Item>,
    pub closing: Vec<Paragraph>,
    pub citations: Vec<Citation>,
    /// Date and time expressions of the title and body.
    pub dates: Vec<DateExpr>,
    /// Thresholds and quantities of the body.
    pub figures: Vec<Figure>,
    /// Quoted mottos and slogans.
    pub mottos: Vec<Motto>,
    pub recipients: Vec<Recipient>,
    pub archive: Option<String>,
    pub archive_span: Option<Span>,
    pub signatures: Vec<Signature>,
    pub attachments: Vec<Attachment>,
    pub footnotes: Vec<Footnote>,
    pub header: Header,
    pub noise: Vec<Noise>,
    pub diagnostics: Vec<Diagnostic>,
    /// Length of the input in bytes; every span lies within `0..input_len`.
    pub input_len: usize,
}

impl Document {
    pub(crate) fn empty(input_len: usize) -> Self {
        Document {
            schema_version: SCHEMA_VERSION.to_string(),
            kind: None,
            issuer: None,
            symbol: None,
            date: None,
            place: None,
            title: None,
            addressees: Vec::new(),
            basis: Vec::new(),
            preamble: Vec::new(),
            items: Vec::new(),
            closing: Vec::new(),
            citations: Vec::new(),
            dates: Vec::new(),
            figures: Vec::new(),
            mottos: Vec::new(),
            recipients: Vec::new(),
            archive: None,
            archive_span: None,
            signatures: Vec::new(),
            attachments: Vec::new(),
            footnotes: Vec::new(),
            header: Header::default(),
            noise: Vec::new(),
            diagnostics: Vec::new(),
            input_len,
        }
    }

    /// The contract JSON as a string.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the model serialises")
    }

    /// The contract JSON, indented.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("the model serialises")
    }

    /// All items in document order (depth first).
    pub fn all_items(&self) -> Vec<&Item> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
            for it in items {
                out.push(it);
                walk(&it.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
        out
    }
}

/// Some top-level fields of a [`Document`], serialised as a JSON object in the contract's
/// order: what a caller reads of a huge document without writing (or decoding) all of it.
/// Build it with [`Document::fields`].
pub struct Fields<'a> {
    doc: &'a Document,
    names: Vec<&'static str>,
}

macro_rules! document_fields {
    ($($f:ident),* $(,)?) => {
        /// The top-level fields of the contract JSON, in order.
        pub const DOCUMENT_FIELDS: &[&str] = &[$(stringify!($f)),*];

        impl Serialize for Fields<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(Some(self.names.len()))?;
                for &name in &self.names {
                    match name {
                        $(stringify!($f) => map.serialize_entry(name, &self.doc.$f)?,)*
                        _ => {}
                    }
                }
                map.end()
            }
        }
    };
}

document_fields!(
    schema_version,
    kind,
    issuer,
    symbol,
    date,
    place,
    title,
    addressees,
    basis,
    preamble,
    items,
    closing,
    citations,
    dates,
    figures,
    mottos,
    recipients,
    archive,
    archive_span,
    signatures,
    attachments,
    footnotes,
    header,
    noise,
    diagnostics,
    input_len,
);

impl Document {
    /// The named top-level fields only (`["kind", "symbol", "citations"]`), in the contract's
    /// order; a name that is no field is returned as the error.
    pub fn fields<'a, S: AsRef<str>>(&'a self, names: &[S]) -> Result<Fields<'a>, String> {
        let mut picked = Vec::new();
        for n in names {
            let n = n.as_ref();
            if !DOCUMENT_FIELDS.contains(&n) {
                return Err(n.to_string());
            }
        }
        for &f in DOCUMENT_FIELDS {
            if names.iter().any(|n| n.as_ref() == f) {
                picked.push(f);
            }
        }
        Ok(Fields {
            doc: self,
            names: picked,
        })
    }
}

/// The JSON Schema of [`Document`]'s serialisation (the contract), as pretty JSON.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Document);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}
