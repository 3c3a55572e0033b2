//! IPv4 address ranges: `ipBlock` CIDRs and their `except`s, and the external peers they split
//! the address space into.

use std::fmt;
use std::net::Ipv4Addr;

/// An inclusive range of IPv4 addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IpRange {
    /// The first address, as a number.
    pub first: u32,
    /// The last address, as a number (inclusive).
    pub last: u32,
}

impl IpRange {
    /// Every IPv4 address (`0.0.0.0/0`).
    pub const ALL: IpRange = IpRange {
        first: 0,
        last: u32::MAX,
    };

    /// Whether every address of `other` is in this range.
    pub fn contains(&self, other: &IpRange) -> bool {
        self.first <= other.first && other.last <= self.last
    }

    /// Whether the two ranges share an address.
    pub fn overlaps(&self, other: &IpRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// `10.0.0.0/8`, or a bare address as its /32.
    pub fn parse_cidr(text: &str) -> Result<IpRange, String> {
        let (addr, len) = match text.split_once('/') {
            Some((a, l)) => (
                a,
                l.parse::<u32>()
                    .ok()
                    .filter(|l| *l <= 32)
                    .ok_or_else(|| format!("`{text}`: prefix length must be 0–32"))?,
            ),
            None => (text, 32),
        };
        let addr: Ipv4Addr = addr
            .trim()
            .parse()
            .map_err(|_| format!("`{text}` is not an IPv4 address or CIDR"))?;
        let addr = u32::from(addr);
        let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
        Ok(IpRange {
            first: addr & mask,
            last: (addr & mask) | !mask,
        })
    }

    /// Whether `text` looks like an IPv6 address or CIDR (those blocks are outside this analysis).
    pub fn is_ipv6(text: &str) -> bool {
        text.contains(':')
    }
}

impl fmt::Display for IpRange {
    /// `0.0.0.0-255.255.255.255`, as netpol-analyzer writes external peers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            Ipv4Addr::from(self.first),
            Ipv4Addr::from(self.last)
        )
    }
}

/// Splits the whole IPv4 space at the start and end of every given range: the pieces are the
/// external peers, each entirely inside or entirely outside every CIDR and `except`.
pub fn split(ranges: &[IpRange]) -> Vec<IpRange> {
    // Cut points: every range's first address and the address after its last.
    let mut cuts: Vec<u64> = vec![0, 1u64 << 32];
    for r in ranges {
        cuts.push(u64::from(r.first));
        cuts.push(u64::from(r.last) + 1);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| IpRange {
            first: w[0] as u32,
            last: (w[1] - 1) as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_parse_to_ranges() {
        let r = IpRange::parse_cidr("10.0.0.0/8").unwrap();
        assert_eq!(r.to_string(), "10.0.0.0-10.255.255.255");
        assert_eq!(
            IpRange::parse_cidr("0.0.0.0/0").unwrap().to_string(),
            "0.0.0.0-255.255.255.255"
        );
        assert_eq!(
            IpRange::parse_cidr("93.184.216.34").unwrap().to_string(),
            "93.184.216.34-93.184.216.34"
        );
        // Host bits are ignored, as the API server's CIDR parsing does.
        assert_eq!(
            IpRange::parse_cidr("172.17.1.5/16").unwrap().to_string(),
            "172.17.0.0-172.17.255.255"
        );
        assert!(IpRange::parse_cidr("10.0.0.0/33").is_err());
        assert!(IpRange::parse_cidr("nope/8").is_err());
    }

    #[test]
    fn the_space_splits_at_every_boundary() {
        let pieces = split(&[
            IpRange::parse_cidr("0.0.0.0/0").unwrap(),
            IpRange::parse_cidr("10.0.0.0/8").unwrap(),
            IpRange::parse_cidr("172.21.0.0/16").unwrap(),
        ]);
        let text: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            text,
            [
                "0.0.0.0-9.255.255.255",
                "10.0.0.0-10.255.255.255",
                "11.0.0.0-172.20.255.255",
                "172.21.0.0-172.21.255.255",
                "172.22.0.0-255.255.255.255",
            ]
        );
        assert_eq!(split(&[]), vec![IpRange::ALL]);
    }
}
