//! Sizes on the command line: `1000`, `64K`, `64M`, `2G`, `1.5GiB`, `10MB`.
//!
//! As GNU `head -c` and `sort -S` read them: a bare letter or `…iB` is a power of 1024, `…B`
//! after the letter a power of 1000; no suffix (or `B`) is bytes.

/// Parses a size into bytes.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let unit = unit.trim();
    if num.is_empty() {
        return Err(format!(
            "'{s}' is not a size: write a number with an optional unit, as 1000, 64K, 64M, 2G or 10MB"
        ));
    }
    let value: f64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a size: '{num}' is not a number"))?;
    let upper = unit.to_ascii_uppercase();
    let (letter, rest) = upper.split_at(upper.len().min(1));
    let power = match letter {
        "" | "B" if rest.is_empty() => 0,
        "K" => 1,
        "M" => 2,
        "G" => 3,
        "T" => 4,
        _ => {
            return Err(format!(
                "'{s}': unknown unit '{unit}' (use K, M, G or T, with B for powers of 1000)"
            ))
        }
    };
    let base: f64 = match rest {
        _ if power == 0 => 1.0,
        "" | "IB" => 1024.0,
        "B" => 1000.0,
        _ => {
            return Err(format!(
                "'{s}': unknown unit '{unit}' (use K, M, G or T, with B for powers of 1000)"
            ))
        }
    };
    let bytes = value * base.powi(power);
    if !bytes.is_finite() || bytes > usize::MAX as f64 {
        return Err(format!("'{s}' is too large a size"));
    }
    if bytes.fract() != 0.0 {
        return Err(format!("'{s}' is not a whole number of bytes"));
    }
    Ok(bytes as usize)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_with_units() {
        let cases = [
            ("1000", 1000),
            ("0", 0),
            ("64K", 64 << 10),
            ("64k", 64 << 10),
            ("64M", 64 << 20),
            ("64MiB", 64 << 20),
            ("2G", 2 << 30),
            ("1.5G", 3 << 29),
            ("10MB", 10_000_000),
            ("10 MB", 10_000_000),
            ("512B", 512),
        ];
        for (s, want) in cases {
            assert_eq!(parse_size(s), Ok(want), "{s}");
        }
    }

    #[test]
    fn not_sizes() {
        for s in ["", "M", "12x", "1.5", "64MX", "-3", "1e9"] {
            assert!(parse_size(s).is_err(), "{s}");
        }
    }
}
