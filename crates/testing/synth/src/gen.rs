//! Randomness and the small formats a cluster is made of: uids, name suffixes, hashes, times.
//!
//! Every random choice comes from a [`ChaCha8Rng`] whose seed is derived from the landscape seed,
//! a domain (what is being made) and an index, so that any part of the landscape can be made
//! again, alone, with the same result. That is what lets the generator write one kind at a time
//! without keeping the document, or even the model of the whole cluster, in memory.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A random stream for one thing of the landscape.
pub(crate) struct Gen(ChaCha8Rng);

/// The characters Kubernetes uses for generated name suffixes and template hashes
/// (`k8s.io/apimachinery/pkg/util/rand`: no vowels, no confusable digits).
const ALNUM: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
const HEX: &[u8] = b"0123456789abcdef";

impl Gen {
    /// The stream for `(domain, index)` of the landscape seeded with `seed`.
    pub(crate) fn new(seed: u64, domain: u64, index: u64) -> Gen {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ domain.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.set_stream(index);
        Gen(rng)
    }

    /// A seed for a child stream (an object rendered later, alone).
    pub(crate) fn seed(&mut self) -> u64 {
        self.0.random()
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            0
        } else {
            self.0.random_range(0..n)
        }
    }

    pub(crate) fn range(&mut self, lo: u64, hi_inclusive: u64) -> u64 {
        self.0.random_range(lo..=hi_inclusive)
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.0.random_bool(p)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub(crate) fn byte(&mut self) -> u8 {
        self.0.random()
    }

    /// A version-4 UUID, as the API server makes them.
    pub(crate) fn uid(&mut self) -> String {
        let mut b: [u8; 16] = self.0.random();
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let mut s = String::with_capacity(36);
        for (i, byte) in b.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                s.push('-');
            }
            s.push(HEX[(byte >> 4) as usize] as char);
            s.push(HEX[(byte & 15) as usize] as char);
        }
        s
    }

    /// `n` characters of a generated name suffix (`web-7d4b9c-x2k8p` → `x2k8p`).
    pub(crate) fn suffix(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| ALNUM[self.below(ALNUM.len())] as char)
            .collect()
    }

    /// `n` lowercase hex digits (container ids, image digests, event name suffixes).
    pub(crate) fn hex(&mut self, n: usize) -> String {
        (0..n).map(|_| HEX[self.below(16)] as char).collect()
    }

    /// A resourceVersion: the API server's etcd revision, a decimal number.
    pub(crate) fn resource_version(&mut self) -> String {
        self.range(1_000_000, 999_999_999).to_string()
    }
}

/// The moment the synthetic dump was taken: 2025-06-02T09:30:00Z.
pub(crate) const NOW: i64 = 1_748_856_600;

/// RFC 3339 in UTC with seconds, as the API server writes timestamps.
pub(crate) fn timestamp(unix: i64) -> String {
    jiff::Timestamp::from_second(unix).map_or_else(|_| unix.to_string(), |t| t.to_string())
}

pub(crate) fn ipv4(ip: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(NOW), "2025-06-02T09:30:00Z");
        assert_eq!(timestamp(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn uids_are_version_4() {
        let mut g = Gen::new(1, 2, 3);
        let u = g.uid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Gen::new(7, 1, 1).seed()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Gen::new(7, 1, 1).seed(), Gen::new(7, 1, 2).seed());
        assert_ne!(Gen::new(7, 1, 1).seed(), Gen::new(7, 2, 1).seed());
        assert_ne!(Gen::new(7, 1, 1).seed(), Gen::new(8, 1, 1).seed());
    }
}
