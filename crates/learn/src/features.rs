//! Hashed feature vectors: each feature is a few string parts hashed (FNV-1a, 64-bit) into one of [`DIM`]
//! buckets, so no feature string is ever built or stored.

/// The number of buckets every classifier has.
pub const DIM: u32 = 1 << 18;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Separates the parts of a feature, so ("ab", "c") and ("a", "bc") differ.
const SEPARATOR: u8 = 0x1f;

/// The buckets of one example's features, each present once per time it was added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    buckets: Vec<u32>,
}

impl Features {
    pub fn new() -> Features {
        Features::default()
    }

    /// Adds the feature made of `parts`: `add(&["after1", "rejected"])`.
    pub fn add(&mut self, parts: &[&str]) {
        let mut hash = FNV_OFFSET;
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                hash = step(hash, SEPARATOR);
            }
            hash = part.bytes().fold(hash, step);
        }
        self.buckets.push((hash % u64::from(DIM)) as u32);
    }

    /// These features and `other`'s together: one example built in parts.
    pub fn joined(&self, other: &Features) -> Features {
        Features { buckets: self.buckets.iter().chain(&other.buckets).copied().collect() }
    }

    pub fn buckets(&self) -> &[u32] {
        &self.buckets
    }

    pub fn len(&self) -> usize {
        self.buckets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buckets.is_empty()
    }
}

fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bucket(parts: &[&str]) -> u32 {
        let mut f = Features::new();
        f.add(parts);
        f.buckets()[0]
    }

    #[test]
    fn parts_are_separated_and_hashing_is_stable() {
        assert_ne!(bucket(&["ab", "c"]), bucket(&["a", "bc"]));
        assert_eq!(bucket(&["after1", "rejected"]), bucket(&["after1", "rejected"]));
        assert!(bucket(&["x"]) < DIM);
    }

    #[test]
    fn joined_features_keep_both_parts() {
        let mut a = Features::new();
        a.add(&["w", "ceasefire"]);
        let mut b = Features::new();
        b.add(&["w", "truce"]);
        b.add(&["bias"]);
        let joined = a.joined(&b);
        assert_eq!(joined.len(), 3);
        assert_eq!(joined.buckets()[0], a.buckets()[0]);
    }
}
