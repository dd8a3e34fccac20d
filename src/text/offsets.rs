//! UTF-8 byte offsets (Rust) to UTF-16 code unit offsets (the DOM, JavaScript).
//!
//! Converted once, at the boundary, in one pass over the text for all offsets at once, so
//! that a page with thousands of claims stays linear.

/// UTF-16 offsets for `offsets` (byte offsets on char boundaries of `text`, any order).
pub fn utf16_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&k| offsets[k]);
    let mut out = vec![0; offsets.len()];
    let mut byte = 0usize;
    let mut units = 0usize;
    let mut chars = text.chars();
    for k in order {
        let target = offsets[k].min(text.len());
        while byte < target {
            match chars.next() {
                Some(c) => {
                    byte += c.len_utf8();
                    units += c.len_utf16();
                }
                None => break,
            }
        }
        out[k] = units;
    }
    out
}

/// The byte offset of UTF-16 offset `unit` in `text` (rounded down to a char boundary).
pub fn byte_offset(text: &str, unit: usize) -> usize {
    let mut units = 0usize;
    for (b, c) in text.char_indices() {
        if units + c.len_utf16() > unit {
            return b;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_emoji_combining_and_cjk() {
        let t = "a😀é\u{301}中b";
        let bytes: Vec<usize> = t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
        let units = utf16_offsets(t, &bytes);
        assert_eq!(units, [0, 1, 3, 4, 5, 6, 7]);
        for (b, u) in bytes.iter().zip(&units) {
            assert_eq!(byte_offset(t, *u), *b);
        }
        assert_eq!(utf16_offsets(t, &[t.len(), 0]), [7, 0]);
    }
}
