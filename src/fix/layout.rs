//! Keeping a text's layout through edits: its line-break style and whether
//! it ends with a line break.

/// Whether `text` writes its line breaks as `\r\n` (judged by its first one).
pub fn uses_crlf(text: &str) -> bool {
    text.find('\n')
        .is_some_and(|i| i > 0 && text.as_bytes()[i - 1] == b'\r')
}

/// `offset` moved before the `\r` when it falls between `\r` and `\n`.
pub fn snap(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    if offset > 0 && bytes.get(offset) == Some(&b'\n') && bytes[offset - 1] == b'\r' {
        offset - 1
    } else {
        offset
    }
}

/// `replacement` with each bare `\n` written as `\r\n` when `crlf`.
pub fn adapt_replacement(replacement: &str, crlf: bool) -> String {
    if !crlf || !replacement.contains('\n') {
        return replacement.to_string();
    }
    let mut out = String::with_capacity(replacement.len() + 8);
    let mut prev = '\0';
    for c in replacement.chars() {
        if c == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Gives `fixed` the final line break `original` has, or takes away the one
/// `original` lacks.
pub fn keep_final_newline(original: &str, fixed: &mut String) {
    let had = original.ends_with('\n');
    if had && !fixed.is_empty() && !fixed.ends_with('\n') {
        fixed.push_str(if uses_crlf(original) { "\r\n" } else { "\n" });
    } else if !had {
        while fixed.ends_with('\n') {
            fixed.pop();
            if fixed.ends_with('\r') {
                fixed.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_break_style_follows_the_first_break() {
        assert!(uses_crlf("a\r\nb\n"));
        assert!(!uses_crlf("a\nb\r\n"));
        assert!(!uses_crlf("no break"));
        assert_eq!(adapt_replacement("x\ny\r\nz", true), "x\r\ny\r\nz");
        assert_eq!(adapt_replacement("x\ny", false), "x\ny");
    }

    #[test]
    fn offsets_never_split_a_crlf() {
        let t = "a\r\nb";
        assert_eq!(snap(t, 2), 1);
        assert_eq!(snap(t, 1), 1);
        assert_eq!(snap(t, 3), 3);
        assert_eq!(snap(t, 0), 0);
        assert_eq!(snap(t, 9), 9);
    }

    #[test]
    fn final_line_break_is_restored_or_removed() {
        let mut s = "x".to_string();
        keep_final_newline("a\r\n", &mut s);
        assert_eq!(s, "x\r\n");
        let mut s = "x\r\n\n".to_string();
        keep_final_newline("a", &mut s);
        assert_eq!(s, "x");
        let mut s = String::new();
        keep_final_newline("a\n", &mut s);
        assert_eq!(s, "");
    }
}
