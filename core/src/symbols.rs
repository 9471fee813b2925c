//! Number-and-symbol parsing: `15/CT-TTg`, `30/2020/NĐ-CP`, `15-CT/TU`, `12/UBND-VX`.
//!
//! State symbols (NĐ30): number `/` [year `/`] type code `-` issuer code(s); a công văn has no
//! type code (`12/UBND-VX`: issuer and drafting unit). Party symbols (HD36): number `-` type code
//! `/` issuer code.

use crate::model::Family;
use crate::tables;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The parts of a symbol.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct SymbolParts {
    /// The number as written (may be empty: `/QĐ-UBND`).
    pub number: String,
    pub year: Option<u32>,
    /// Type code (`CT`, `NĐ`), `None` for a công văn.
    pub type_code: Option<String>,
    /// Issuer code(s) in order (`CP`; `UBND`, `VX`).
    pub issuer_codes: Vec<String>,
    pub family: Option<Family>,
}

/// Splits a symbol (spaces already removed) into its parts.
pub fn parse(symbol: &str) -> Option<SymbolParts> {
    let s: String = symbol.split_whitespace().collect();
    let s = s.trim_matches(|c: char| c == '.' || c == ',' || c == ';');
    if s.is_empty() || !(s.contains('/') || s.contains('-')) {
        return None;
    }
    let slash: Vec<&str> = s.split('/').collect();
    let mut p = SymbolParts::default();
    // Party: `15-CT/TU`, `07-KL/VPTW`.
    // (`1706-13/SSIT`, digits after the hyphen: a number with a suffix, written by a company.)
    if let Some((num, ty)) = slash[0].split_once('-') {
        if slash.len() >= 2
            && num.chars().all(|c| c.is_ascii_digit())
            && !ty.chars().all(|c| c.is_ascii_digit())
        {
            p.number = num.to_string();
            p.type_code = Some(ty.to_string());
            p.issuer_codes = slash[1..]
                .iter()
                .flat_map(|x| x.split('-'))
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect();
            p.family = Some(Family::Party);
            return Some(p);
        }
    }
    if slash.len() < 2 {
        return None;
    }
    p.number = slash[0].to_string();
    let mut rest = &slash[1..];
    if rest.len() >= 2 && rest[0].len() == 4 && rest[0].chars().all(|c| c.is_ascii_digit()) {
        p.year = rest[0].parse().ok();
        rest = &rest[1..];
    }
    let last = rest.join("/");
    let mut pieces = last.split('-').filter(|x| !x.is_empty());
    let first = pieces.next()?.to_string();
    if tables::kind_of_type_code(&first).is_some() {
        p.type_code = Some(first);
    } else {
        p.issuer_codes.push(first);
    }
    p.issuer_codes.extend(pieces.map(str::to_string));
    p.family = Some(Family::State);
    Some(p)
}

/// The kind a symbol's type code names; a State symbol without a type code is a công văn.
pub fn kind_of_symbol(symbol: &str) -> Option<String> {
    let p = parse(symbol)?;
    match &p.type_code {
        Some(code) => tables::kind_of_type_code(code).map(str::to_string),
        None if p.family == Some(Family::State)
            && p.year.is_none()
            && !p.issuer_codes.is_empty() =>
        {
            Some("cong_van".to_string())
        }
        None => None,
    }
}

/// State or Party, from the symbol's shape.
pub fn family_of_symbol(symbol: &str) -> Family {
    parse(symbol)
        .and_then(|p| p.family)
        .unwrap_or(Family::State)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let p = parse("15/CT-TTg").unwrap();
        assert_eq!(
            (
                p.number.as_str(),
                p.type_code.as_deref(),
                p.issuer_codes.clone()
            ),
            ("15", Some("CT"), vec!["TTg".to_string()])
        );
        let p = parse("30/2020/NĐ-CP").unwrap();
        assert_eq!((p.year, p.type_code.as_deref()), (Some(2020), Some("NĐ")));
        let p = parse("15-CT/TU").unwrap();
        assert_eq!(
            (p.family, p.type_code.as_deref()),
            (Some(Family::Party), Some("CT"))
        );
        let p = parse("12/UBND-VX").unwrap();
        assert_eq!(
            (p.type_code.clone(), p.issuer_codes.clone()),
            (None, vec!["UBND".to_string(), "VX".to_string()])
        );
        assert_eq!(kind_of_symbol("12/UBND-VX").as_deref(), Some("cong_van"));
        assert_eq!(kind_of_symbol("383-QĐ/TW").as_deref(), Some("quyet_dinh"));
        assert_eq!(kind_of_symbol("/QĐ-UBND").as_deref(), Some("quyet_dinh"));
        assert_eq!(kind_of_symbol("623/TB-VPCP").as_deref(), Some("thong_bao"));
        assert!(parse("2020").is_none());
        let p = parse("1706-13/SSIT").unwrap();
        assert_eq!(
            (p.number.as_str(), p.type_code.clone(), p.family),
            ("1706-13", None, Some(Family::State))
        );
        let p = parse("/BYT-DP").unwrap();
        assert_eq!((p.number.as_str(), p.issuer_codes.len()), ("", 2));
    }
}
