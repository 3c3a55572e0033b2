//! The values objects hold as text, read with kubegraph-model's parsers: RFC 3339 timestamps
//! ([`kubegraph_model::time`], fractions kept), Kubernetes quantities and Go-style durations
//! ([`kubegraph_model::units`]).

use kubegraph_model::json::{JsonValueTrait, Path as _};
use kubegraph_model::time::Timestamp;

pub use kubegraph_model::units::{parse_duration, parse_quantity};

/// Seconds since the Unix epoch, fractions kept, of an RFC 3339 date or date-time as objects
/// and queries write them (`2024-01-01`, `2024-01-01T10:00:00Z`, `2024-01-01T10:00:00.5+02:00`).
pub fn parse_timestamp(s: &str) -> Option<f64> {
    Timestamp::parse_lenient(s).map(Timestamp::as_secs_f64)
}

/// `metadata.creationTimestamp` in seconds since the epoch.
pub fn creation_time(raw: &kubegraph_model::json::Value) -> Option<f64> {
    parse_timestamp(raw.ptr("/metadata/creationTimestamp")?.as_str()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(parse_timestamp("1970-01-02"), Some(86400.0));
        // date -u -d 2024-03-01T10:00:00Z +%s
        assert_eq!(parse_timestamp("2024-03-01T10:00:00Z"), Some(1709287200.0));
        assert_eq!(
            parse_timestamp("2024-03-01T12:00:00+02:00"),
            Some(1709287200.0)
        );
        assert_eq!(
            parse_timestamp("2024-03-01T10:00:00.5Z"),
            Some(1709287200.5)
        );
        assert_eq!(parse_timestamp("nope"), None);
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
        assert_eq!(parse_duration("x"), None);
    }
}
