//! Adding a word to a configuration's allow-list (`[allow] words`) while
//! keeping everything else in the file as it was: comments, order, layout.

use toml_edit::{Array, DocumentMut, Item};

/// Why a word could not be added.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AllowListError {
    /// The file is not valid TOML.
    #[error("the configuration is not valid TOML: {0}")]
    Invalid(String),
    /// `allow` or `allow.words` has a shape that cannot take a word.
    #[error("`{0}` in the configuration is not a table/list that can take a word")]
    Shape(&'static str),
}

/// `config` (the text of an mtlint.toml, possibly empty) with `word` added
/// to `[allow] words`; `Ok(None)` when the list already holds it.
pub fn add_word(config: &str, word: &str) -> Result<Option<String>, AllowListError> {
    let mut doc: DocumentMut = config
        .parse()
        .map_err(|e: toml_edit::TomlError| AllowListError::Invalid(e.message().to_string()))?;
    let allow = doc.entry("allow").or_insert(toml_edit::table());
    let allow = allow
        .as_table_like_mut()
        .ok_or(AllowListError::Shape("allow"))?;
    let words = allow
        .entry("words")
        .or_insert(Item::Value(Array::new().into()));
    let words = words
        .as_array_mut()
        .ok_or(AllowListError::Shape("allow.words"))?;
    if words.iter().any(|v| v.as_str() == Some(word)) {
        return Ok(None);
    }
    words.push(word);
    let mut out = doc.to_string();
    if !config.is_empty() && config.ends_with('\n') && !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(Some(out))
}

/// Whether `text` (a finding's text) is something an allow-list entry can
/// sensibly name: a word or a short name, not a phrase or punctuation.
pub fn is_allowable(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= 60
        && !text.contains(['\n', '\r'])
        && text.chars().any(char::is_alphabetic)
        && text.split_whitespace().count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_gets_an_allow_table() {
        let out = add_word("", "Lawrow").expect("valid").expect("added");
        assert_eq!(out, "[allow]\nwords = [\"Lawrow\"]\n");
        let parsed: toml::Value = toml::from_str(&out).expect("valid TOML");
        assert_eq!(parsed["allow"]["words"][0].as_str(), Some("Lawrow"));
    }

    #[test]
    fn comments_and_other_settings_stay() {
        let config = "# desk settings\n[rules]\ndisable = [\"idioms/*\"] # too noisy\n\n[allow]\n# people we keep\nwords = [\"Bundesliga\"]\n";
        let out = add_word(config, "Riad").expect("valid").expect("added");
        assert!(
            out.starts_with("# desk settings\n[rules]\ndisable = [\"idioms/*\"] # too noisy\n"),
            "{out}"
        );
        assert!(
            out.contains("# people we keep\nwords = [\"Bundesliga\", \"Riad\"]"),
            "{out}"
        );
        assert_eq!(add_word(&out, "Riad"), Ok(None));
    }

    #[test]
    fn broken_or_odd_files_are_refused() {
        assert!(matches!(
            add_word("[allow", "x"),
            Err(AllowListError::Invalid(_))
        ));
        assert_eq!(
            add_word("allow = 3\n", "x"),
            Err(AllowListError::Shape("allow"))
        );
        assert_eq!(
            add_word("[allow]\nwords = \"x\"\n", "y"),
            Err(AllowListError::Shape("allow.words"))
        );
    }

    #[test]
    fn only_words_and_short_names_are_offered() {
        assert!(is_allowable("Lawrow"));
        assert!(is_allowable("Riad Salameh"));
        assert!(!is_allowable(" - "));
        assert!(!is_allowable("one two three four five"));
        assert!(!is_allowable("a\nb"));
    }
}
