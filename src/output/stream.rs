//! Writing one pretty-printed JSON document piece by piece, so that a long
//! array (files, results) never has to be held in memory at once. The bytes
//! are exactly what `serde_json::to_string_pretty` writes for the whole
//! document.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` pretty-printed as it would appear nested `indent` spaces
/// deep: every line but the first is indented by `indent` spaces (the caller
/// has written the first line's indentation or key).
pub(crate) fn write_indented<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
    indent: usize,
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let pad = " ".repeat(indent);
    // JSON strings never hold a raw line break, so every '\n' starts a line
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(pad.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// A JSON array whose items are written one at a time.
pub(crate) struct ArrayWriter {
    /// Indentation of the items (the closing bracket gets two spaces less).
    indent: usize,
    count: usize,
}

impl ArrayWriter {
    /// An array whose items are indented by `indent`; the caller has written
    /// everything up to and including the opening `[`.
    pub(crate) fn new(indent: usize) -> ArrayWriter {
        ArrayWriter { indent, count: 0 }
    }

    /// Appends one item.
    pub(crate) fn item<T: Serialize + ?Sized>(
        &mut self,
        out: &mut dyn Write,
        value: &T,
    ) -> io::Result<()> {
        out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
        self.count += 1;
        out.write_all(" ".repeat(self.indent).as_bytes())?;
        write_indented(out, value, self.indent)
    }

    /// Writes the closing `]`.
    pub(crate) fn close(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.count == 0 {
            out.write_all(b"]")
        } else {
            let pad = " ".repeat(self.indent.saturating_sub(2));
            write!(out, "\n{pad}]")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Doc<'a> {
        v: u32,
        items: &'a [serde_json::Value],
        end: bool,
    }

    #[test]
    fn pieces_add_up_to_the_pretty_document() {
        let items = [
            serde_json::json!({"a": 1, "b": [1, 2], "c": "x\ny"}),
            serde_json::json!({"a": 2, "b": [], "c": {}}),
        ];
        for n in 0..=items.len() {
            let whole = Doc {
                v: 1,
                items: &items[..n],
                end: true,
            };
            let mut out = Vec::new();
            out.extend_from_slice(b"{\n  \"v\": 1,\n  \"items\": [");
            let mut array = ArrayWriter::new(4);
            for item in &items[..n] {
                array.item(&mut out, item).expect("write");
            }
            array.close(&mut out).expect("write");
            out.extend_from_slice(b",\n  \"end\": true\n}");
            assert_eq!(
                String::from_utf8_lossy(&out),
                serde_json::to_string_pretty(&whole).expect("json")
            );
        }
    }
}
