//! Text as people type it, made safe once at the boundary (`server`'s form middleware runs
//! every submitted field through [`clean`]): Unicode NFC, no control characters (line breaks
//! only in multi-line fields), no bidirectional embeddings, overrides or isolates (one signer's
//! unterminated U+202E would reverse the names after it), no invisible zero-width spaces.

use unicode_normalization::UnicodeNormalization;

/// Whether `c` is removed from every field: C0 and C1 controls (line breaks and tabs are
/// handled by [`clean`]), DEL, the bidirectional embeddings, overrides and isolates, and the
/// invisible spaces that carry no meaning (U+200B, U+2060, U+FEFF).
fn is_removed(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// The cleaned value of a field. In a multi-line field line breaks become `\n` and tabs stay;
/// in a single-line one every line break or tab becomes a space, so nothing can start a new line
/// in a mail header or body.
pub fn clean(value: &str, multiline: bool) -> String {
    let unified = value.replace("\r\n", "\n");
    unified
        .nfc()
        .filter(|c| !is_removed(*c))
        .map(|c| match c {
            '\r' => '\n',
            '\n' | '\t' if !multiline => ' ',
            other => other,
        })
        .collect()
}

/// Whether a name has something to read: at least one letter or digit.
pub fn has_visible_letter(name: &str) -> bool {
    name.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_removed() {
        assert_eq!(clean("Aigerim\u{202e} S.\u{0}", false), "Aigerim S.");
        assert_eq!(clean("a\u{2066}b\u{2069}c\u{7}", false), "abc");
        assert_eq!(
            clean("line one\r\nline two\ttab", true),
            "line one\nline two\ttab"
        );
        assert_eq!(clean("name\r\nBcc: x@y.kz", false), "name Bcc: x@y.kz");
    }

    #[test]
    fn text_is_composed_to_nfc() {
        // "й" typed as и + combining breve becomes the one precomposed letter.
        assert_eq!(clean("\u{438}\u{306}", false), "\u{439}");
    }

    #[test]
    fn a_name_needs_a_visible_letter() {
        assert!(!has_visible_letter(&clean("\u{200b}\u{200b}", false)));
        assert!(!has_visible_letter(" .- "));
        assert!(has_visible_letter("Әсел"));
    }
}
