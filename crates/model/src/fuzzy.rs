//! "Did you mean": the one fuzzy matcher behind every suggestion kubegraph makes (kinds, edge
//! kinds, commands, fields, object names), on strsim's Damerau-Levenshtein distance.

/// Edits (insertions, deletions, substitutions, adjacent swaps) from `a` to `b`, ignoring case.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::damerau_levenshtein(&a.to_lowercase(), &b.to_lowercase())
}

/// How far a word may be from a known one to count as a typo of it: none for one or two
/// letters, then one edit per four letters.
pub fn threshold(word: &str) -> usize {
    match word.chars().count() {
        0..=2 => 0,
        n => (n / 4).max(1),
    }
}

/// The candidate closest to `word` ([`distance`]), if within the typo [`threshold`]. Ties go to
/// the earliest candidate, so callers list the likelier ones first; on a tie a candidate that
/// extends the word (`nod` → `node`) beats a substitution.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let limit = threshold(word);
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        let d = strsim::damerau_levenshtein(&lower, &cand.to_lowercase());
        let better = |(bd, bc): (usize, &str)| {
            d < bd || (d == bd && !is_prefix(&lower, bc) && is_prefix(&lower, cand))
        };
        if d <= limit && best.is_none_or(better) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c.to_string())
}

fn is_prefix(word: &str, cand: &str) -> bool {
    cand.to_lowercase().starts_with(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_known_word() {
        assert_eq!(distance("Deplyoment", "deployment"), 1);
        assert_eq!(
            closest("deploymnet", ["service", "deployment"]).as_deref(),
            Some("deployment")
        );
        assert_eq!(closest("nod", ["nop", "node"]).as_deref(), Some("node"));
        assert_eq!(closest("po", ["pod"]), None, "two letters are never a typo");
        assert_eq!(closest("zzzzzz", ["pod", "node"]), None);
    }
}
