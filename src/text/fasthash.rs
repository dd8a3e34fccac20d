//! A fast hash for tables whose keys are ours: the lexicons, the stop words, the bundle's
//! terms and phrase ids.
//!
//! The standard `HashMap` hashes with SipHash, keyed at random so that nobody can choose keys
//! that all collide. That protection costs a fifth of a page check, since every word of every
//! sentence is looked up in several tables. A table that only ever holds our own keys needs
//! none of it: a page's words are looked up in it, never inserted, so they cannot lengthen its
//! probe chains. Tables that grow with a page's words (the stem cache) keep SipHash.
//!
//! The function is FxHash's (rustc's): rotate, xor a word, multiply.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0xf135_7aea_2e62_a9c5;

/// FxHash over 8-byte words.
#[derive(Default, Clone, Copy, Debug)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weakest; hashbrown takes its buckets from them.
        self.0.rotate_left(26)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

pub type FastBuild = BuildHasherDefault<FastHasher>;
/// A `HashMap` for our own keys (see the module documentation).
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;
/// A `HashSet` for our own keys (see the module documentation).
pub type FastSet<K> = HashSet<K, FastBuild>;

/// A set of static words, for membership tests of a page's words.
pub fn word_set(words: &[&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_sets_work_with_strings_and_ids() {
        let mut m: FastMap<String, u32> = FastMap::default();
        for (i, w) in ["kpu", "bawaslu", "pemilu", "surat suara", ""]
            .iter()
            .enumerate()
        {
            m.insert(w.to_string(), i as u32);
        }
        assert_eq!(m.get("surat suara"), Some(&3));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.get("kpud"), None);
        let s = word_set(&["yang", "dan"]);
        assert!(s.contains("dan") && !s.contains("dang"));
        let ids: FastSet<u32> = (0..1000).collect();
        assert!(ids.contains(&999) && !ids.contains(&1000));
    }
}
