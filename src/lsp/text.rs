//! Keeping an editor's text in step: applying `textDocument/didChange`
//! content changes, full or incremental, in the negotiated encoding.

use lsp_types::TextDocumentContentChangeEvent;

use super::position::{Encoding, LineMap};

/// Applies `changes` to `text` in order; each change's range refers to the
/// text as the changes before it left it. A change without a range replaces
/// the whole text. Ranges outside the text are clamped to it.
pub fn apply_changes(
    text: &mut String,
    changes: &[TextDocumentContentChangeEvent],
    encoding: Encoding,
) {
    for change in changes {
        match change.range {
            None => {
                text.clear();
                text.push_str(&change.text);
            }
            Some(range) => {
                let span = LineMap::new(text).span(text, range, encoding);
                text.replace_range(span.start..span.end, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position {
                    line: l1,
                    character: c1,
                },
                end: Position {
                    line: l2,
                    character: c2,
                },
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_changes_after_an_emoji_land_in_place() {
        let mut text = "🙂 Lawrow said\nok".to_string();
        // UTF-16: the emoji is two units, so "Lawrow" starts at character 3
        apply_changes(
            &mut text,
            &[change(0, 3, 0, 9, "Lavrov"), change(1, 2, 1, 2, "!")],
            Encoding::Utf16,
        );
        assert_eq!(text, "🙂 Lavrov said\nok!");
        // UTF-8: the emoji is four bytes
        apply_changes(&mut text, &[change(0, 5, 0, 12, "")], Encoding::Utf8);
        assert_eq!(text, "🙂 said\nok!");
    }

    #[test]
    fn a_change_across_lines_and_a_full_replacement() {
        let mut text = "one\r\ntwo\r\nthree".to_string();
        apply_changes(&mut text, &[change(0, 2, 2, 1, "X")], Encoding::Utf16);
        assert_eq!(text, "onXhree");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        apply_changes(&mut text, &[full, change(9, 9, 9, 9, "!")], Encoding::Utf16);
        assert_eq!(text, "new!");
    }
}
