//! Classifying a bare value run (`7d`, `1Gi`, `100m`, `2024-01-01`, `true`, `Running`).
//!
//! The lexer hands over a raw run of adjacent tokens; deciding here, on the whole text, keeps
//! `nginx:1.25`, `10.0.0.1` and `1.25-alpine` as words while `1.5` is a number.

use crate::syntax::ast::Value;
use crate::syntax::diagnostic::ErrorKind;

const DURATION_UNITS: [(char, f64); 5] = [
    ('w', 604_800.0),
    ('d', 86_400.0),
    ('h', 3_600.0),
    ('m', 60.0),
    ('s', 1.0),
];

/// `-?digits(.digits)?` at the start of `s`: its length.
fn decimal_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if i == digits_start {
        return 0;
    }
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    i
}

fn is_float_syntax(s: &str) -> bool {
    let n = decimal_prefix(s);
    if n == 0 {
        return false;
    }
    let rest = &s[n..];
    if rest.is_empty() {
        return true;
    }
    // An exponent: `1e3`, `2.5E-4`.
    let Some(exp) = rest.strip_prefix(['e', 'E']) else {
        return false;
    };
    let exp = exp.strip_prefix(['+', '-']).unwrap_or(exp);
    !exp.is_empty() && exp.bytes().all(|b| b.is_ascii_digit())
}

/// `1h30m`, `7d`: the total in seconds.
fn duration_secs(s: &str) -> Option<f64> {
    let (neg, mut rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut total = 0.0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let n = decimal_prefix(rest);
        if n == 0 || rest.starts_with('-') {
            return None;
        }
        let num: f64 = rest[..n].parse().ok()?;
        let unit = rest[n..].chars().next()?;
        let (_, mult) = DURATION_UNITS.iter().find(|(u, _)| *u == unit)?;
        total += num * mult;
        rest = &rest[n + 1..];
    }
    Some(if neg { -total } else { total })
}

fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return false;
    }
    let rest = &s[10..];
    rest.is_empty()
        || (rest.starts_with(['T', 't', ' '])
            && rest[1..].bytes().all(|c| {
                c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-' | b'Z' | b'z')
            })
            && rest.len() > 1)
}

/// The value a bare run stands for. `Err` for a number with a unit nobody knows (`7days`):
/// quoting it makes it a string.
pub fn classify(text: &str) -> Result<Value, ErrorKind> {
    match text {
        "true" => return Ok(Value::Bool(true)),
        "false" => return Ok(Value::Bool(false)),
        "null" => return Ok(Value::Null),
        _ => {}
    }
    if is_float_syntax(text) {
        if decimal_prefix(text) == text.len() && !text.contains('.') {
            if let Ok(i) = text.parse::<i64>() {
                return Ok(Value::Int(i));
            }
        }
        return match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Value::Float(f)),
            _ => Err(ErrorKind::BadNumber(format!(
                "number `{text}` is out of range"
            ))),
        };
    }
    if is_timestamp(text) {
        return Ok(Value::Timestamp(text.to_string()));
    }
    let n = decimal_prefix(text);
    if n == 0 {
        return Ok(Value::Word(text.to_string()));
    }
    let suffix = &text[n..];
    if !suffix.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(Value::Word(text.to_string()));
    }
    let num: f64 = text[..n]
        .parse()
        .map_err(|_| ErrorKind::BadNumber(format!("number `{text}` is out of range")))?;
    // The quantity suffixes of kubegraph_model::units, but `E`: in a query, `1E` is not read as
    // an exa-quantity (the error message's list names no `E` either).
    let quantity = kubegraph_model::units::quantity_suffixes()
        .iter()
        .filter(|(s, _)| *s != "E")
        .find(|(s, _)| *s == suffix)
        .map(|(_, m)| num * m);
    let duration = duration_secs(text);
    let text = text.to_string();
    match (duration, quantity) {
        (Some(secs), Some(value)) => Ok(Value::DurationOrQuantity { text, secs, value }),
        (Some(secs), None) => Ok(Value::Duration { text, secs }),
        (None, Some(value)) => Ok(Value::Quantity { text, value }),
        (None, None) if suffix.chars().all(|c| c.is_ascii_alphabetic()) => {
            Err(ErrorKind::UnknownUnit(text))
        }
        (None, None) => Ok(Value::Word(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_units_and_words() {
        assert_eq!(classify("42"), Ok(Value::Int(42)));
        assert_eq!(classify("-3"), Ok(Value::Int(-3)));
        assert_eq!(classify("1.5"), Ok(Value::Float(1.5)));
        assert_eq!(classify("1e3"), Ok(Value::Float(1000.0)));
        assert_eq!(classify("99999999999999999999"), Ok(Value::Float(1e20)));
        assert_eq!(
            classify("7d"),
            Ok(Value::Duration {
                text: "7d".into(),
                secs: 604_800.0
            })
        );
        assert_eq!(
            classify("1h30m"),
            Ok(Value::Duration {
                text: "1h30m".into(),
                secs: 5_400.0
            })
        );
        assert_eq!(
            classify("1Gi"),
            Ok(Value::Quantity {
                text: "1Gi".into(),
                value: 1_073_741_824.0
            })
        );
        assert!(matches!(
            classify("100m"),
            Ok(Value::DurationOrQuantity { .. })
        ));
        assert_eq!(
            classify("2024-01-01"),
            Ok(Value::Timestamp("2024-01-01".into()))
        );
        assert_eq!(
            classify("2024-01-01T10:00:00+02:00"),
            Ok(Value::Timestamp("2024-01-01T10:00:00+02:00".into()))
        );
        assert_eq!(classify("10.0.0.1"), Ok(Value::Word("10.0.0.1".into())));
        assert_eq!(
            classify("1.25-alpine"),
            Ok(Value::Word("1.25-alpine".into()))
        );
        assert_eq!(classify("Running"), Ok(Value::Word("Running".into())));
        assert_eq!(
            classify("7days"),
            Err(ErrorKind::UnknownUnit("7days".into()))
        );
        assert_eq!(classify("3x4"), Ok(Value::Word("3x4".into())));
    }
}
