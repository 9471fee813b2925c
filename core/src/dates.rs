//! Calendar helpers for dates read from the text.

/// Whether `y-m-d` is a calendar date (years 1900..=2100).
pub fn valid(y: i32, m: u32, d: u32) -> bool {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    d <= days_in_month(y, m)
}

/// Days in month `m` of year `y`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// ISO form `YYYY-MM-DD` of a valid date.
pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        assert!(valid(2020, 2, 29));
        assert!(!valid(2021, 2, 29));
        assert!(!valid(2020, 13, 1));
        assert!(!valid(2020, 4, 31));
        assert_eq!(iso(2020, 3, 27).as_deref(), Some("2020-03-27"));
    }
}
