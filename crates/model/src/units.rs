//! Numbers as Kubernetes writes them in text: quantities (`500Mi`, `100m`) and Go-style
//! durations (`1h30m`, `500ms`). One parser of each for the whole program.

/// Binary and decimal suffixes of `resource.Quantity`, longest first where they share a letter.
const QUANTITY_SUFFIXES: [(&str, f64); 15] = [
    ("Ki", 1024.0),
    ("Mi", 1_048_576.0),
    ("Gi", 1_073_741_824.0),
    ("Ti", 1_099_511_627_776.0),
    ("Pi", 1_125_899_906_842_624.0),
    ("Ei", 1_152_921_504_606_846_976.0),
    ("n", 1e-9),
    ("u", 1e-6),
    ("m", 1e-3),
    ("k", 1e3),
    ("M", 1e6),
    ("G", 1e9),
    ("T", 1e12),
    ("P", 1e15),
    ("E", 1e18),
];

/// The suffixes a quantity may end in, with what each multiplies by.
pub fn quantity_suffixes() -> &'static [(&'static str, f64)] {
    &QUANTITY_SUFFIXES
}

/// A Kubernetes quantity (`500Mi`, `1.5Gi`, `2k`, `100m`, `3`) as a number.
pub fn parse_quantity(s: &str) -> Option<f64> {
    let s = s.trim();
    for (suffix, mult) in QUANTITY_SUFFIXES {
        if let Some(n) = s.strip_suffix(suffix) {
            if let Some(v) = plain_number(n) {
                return Some(v * mult);
            }
        }
    }
    plain_number(s)
}

/// A decimal number, possibly signed or with an exponent (`1.5`, `-2`, `1e3`).
fn plain_number(s: &str) -> Option<f64> {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'+' | b'-' | b'e' | b'E'))
        && s.bytes().any(|c| c.is_ascii_digit());
    if ok {
        s.parse().ok()
    } else {
        None
    }
}

/// The units a duration may use, with their length in seconds.
pub const DURATION_UNITS: [(&str, f64); 9] = [
    ("w", 604_800.0),
    ("d", 86_400.0),
    ("h", 3600.0),
    ("m", 60.0),
    ("s", 1.0),
    ("ms", 1e-3),
    ("us", 1e-6),
    ("µs", 1e-6),
    ("ns", 1e-9),
];

/// A Go-style duration (`30s`, `1h30m`, `1.5h`, `500ms`, `7d`, `2w`) in seconds; every number
/// needs its unit. See [`parse_duration_in`] to allow only some units.
pub fn parse_duration(s: &str) -> Option<f64> {
    parse_duration_in(s, &DURATION_UNITS).ok()
}

/// Why a text is not a duration.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DurationError {
    /// Not numbers followed by units.
    #[error("{0:?} is not a duration")]
    Malformed(String),
    /// A unit the caller does not accept.
    #[error("unknown unit {unit:?} in {text:?}")]
    UnknownUnit {
        /// The unit as written.
        unit: String,
        /// The whole duration as written.
        text: String,
    },
}

/// A duration made of numbers each followed by one of `units` (a subset of
/// [`DURATION_UNITS`]), in seconds.
pub fn parse_duration_in(s: &str, units: &[(&str, f64)]) -> Result<f64, DurationError> {
    let text = s.trim();
    let malformed = || DurationError::Malformed(text.to_string());
    let mut rest = text;
    if rest.is_empty() {
        return Err(malformed());
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let n = rest
            .bytes()
            .take_while(|c| c.is_ascii_digit() || *c == b'.')
            .count();
        if n == 0 {
            return Err(malformed());
        }
        let value: f64 = rest[..n].parse().map_err(|_| malformed())?;
        rest = &rest[n..];
        let u = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(i, _)| i);
        let unit = &rest[..u];
        let Some((_, length)) = units.iter().find(|(name, _)| *name == unit) else {
            return Err(DurationError::UnknownUnit {
                unit: unit.to_string(),
                text: text.to_string(),
            });
        };
        total += value * length;
        rest = &rest[u..];
    }
    Ok(total)
}

/// A timeout as a command line takes it: `30`, `30s`, `500ms`, `2m`, `1h`, `1m30s` (a number
/// alone is seconds; ms, s, m and h), with a message for people when it is none.
pub fn parse_timeout(s: &str) -> Result<std::time::Duration, String> {
    let s = s.trim();
    let plain = !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit() || c == b'.');
    let secs = match s.parse::<f64>().ok().filter(|_| plain) {
        Some(n) => n,
        None => parse_duration_in(s, &DURATION_UNITS[2..6]).map_err(|e| match e {
            DurationError::Malformed(_) => {
                format!("{s:?} is not a duration (e.g. 30s, 2m, 500ms)")
            }
            DurationError::UnknownUnit { unit, .. } => {
                format!("unknown unit {unit:?} in {s:?} (use ms, s, m or h)")
            }
        })?,
    };
    std::time::Duration::try_from_secs_f64(secs).map_err(|e| format!("{s:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_read_as_people_write_them() {
        use std::time::Duration;
        assert_eq!(parse_timeout("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_timeout("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_timeout("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_timeout("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_timeout("1.5s"), Ok(Duration::from_millis(1500)));
        assert!(parse_timeout("soon")
            .unwrap_err()
            .contains("not a duration"));
        assert!(parse_timeout("3d").unwrap_err().contains("unknown unit"));
    }

    #[test]
    fn quantities() {
        assert_eq!(parse_quantity("1Gi"), Some(1073741824.0));
        assert_eq!(parse_quantity("512Mi"), Some(536870912.0));
        assert_eq!(parse_quantity("100m"), Some(0.1));
        assert_eq!(parse_quantity("2k"), Some(2000.0));
        assert_eq!(parse_quantity("1.5"), Some(1.5));
        assert_eq!(parse_quantity("abc"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1h30m"), Some(5400.0));
        assert_eq!(parse_duration("7d"), Some(604800.0));
        assert_eq!(parse_duration("500ms"), Some(0.5));
        assert_eq!(parse_duration("250µs"), Some(0.00025));
        assert_eq!(parse_duration("x"), None);
        assert_eq!(parse_duration("30"), None);
        assert_eq!(
            parse_duration_in("3d", &DURATION_UNITS[2..6]),
            Err(DurationError::UnknownUnit {
                unit: "d".into(),
                text: "3d".into()
            })
        );
    }
}
