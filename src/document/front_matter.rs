//! Letter metadata from a YAML front matter block (`---` ... `---` at the top of the file).
//!
//! Invariant: the front matter is metadata, never prose; its byte span is excluded from linting.
//! A malformed block still yields a `FrontMatter` (with the fields that could be read) and an error
//! with its position, so the letter is linted anyway.

use serde_yaml_ng::Value;

use super::Span;

/// The metadata a letter may declare about itself.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// The whole block, from the opening `---` to the end of the closing `---` line.
    pub span: Span,
    /// The YAML between the fences.
    pub body_span: Span,
    pub kind: Option<String>,
    pub platform: Option<String>,
    pub reason: Option<String>,
    pub orders: Vec<String>,
    pub tracking: Vec<String>,
    pub customer: Option<String>,
    pub language: Option<String>,
    pub opened: Option<String>,
    pub attachments: Vec<String>,
    pub store: Option<String>,
    pub signer: Option<String>,
    /// Every key and value as written, for rules that read other keys.
    pub raw: Option<Value>,
}

/// A front matter block that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// Byte offset in the letter where the problem is.
    pub offset: usize,
    pub message: String,
}

/// Finds the front matter at the start of `text` (after an optional BOM) and reads it.
/// Returns `None` when the text has no front matter.
pub fn parse(text: &str) -> Option<(FrontMatter, Option<FrontMatterError>)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "---" {
        return None;
    }
    let body_start = start + first_line_end + 1;
    // The closing fence is a line that is exactly `---` or `...`.
    let mut line_start = body_start;
    let mut closing = None;
    while line_start <= text.len() {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end_matches('\r');
        if line == "---" || line == "..." {
            closing = Some((line_start, (line_end + 1).min(text.len())));
            break;
        }
        if line_end == text.len() {
            break;
        }
        line_start = line_end + 1;
    }
    let Some((body_end, block_end)) = closing else {
        let fm = FrontMatter { span: Span::new(start, start + first_line_end), ..Default::default() };
        let error = FrontMatterError {
            offset: start,
            message: "the front matter opened with `---` is never closed; end it with a line `---`".into(),
        };
        return Some((fm, Some(error)));
    };
    let mut fm = FrontMatter {
        span: Span::new(start, block_end),
        body_span: Span::new(body_start, body_end),
        ..Default::default()
    };
    let yaml = &text[body_start..body_end];
    if yaml.trim().is_empty() {
        return Some((fm, None));
    }
    match serde_yaml_ng::from_str::<Value>(yaml) {
        Ok(value) => {
            let error = read_fields(&mut fm, &value).map(|message| FrontMatterError { offset: body_start, message });
            fm.raw = Some(value);
            Some((fm, error))
        }
        Err(err) => {
            let offset = err.location().map_or(body_start, |loc| body_start + loc.index().min(yaml.len()));
            let message = format!("the front matter is not valid YAML: {}", strip_location(&err.to_string()));
            Some((fm, Some(FrontMatterError { offset, message })))
        }
    }
}

fn read_fields(fm: &mut FrontMatter, value: &Value) -> Option<String> {
    let Value::Mapping(map) = value else {
        return Some("the front matter must be a list of `key: value` lines".into());
    };
    let text = |key: &str| map.get(key).and_then(scalar_text);
    fm.kind = text("kind");
    fm.platform = text("platform").map(|p| p.to_lowercase());
    fm.reason = text("reason");
    fm.customer = text("customer");
    fm.language = text("language").map(|l| l.to_lowercase());
    fm.opened = text("opened");
    fm.store = text("store");
    fm.signer = text("signer").or_else(|| text("name"));
    fm.orders = map.get("orders").map(list_text).unwrap_or_default();
    fm.tracking = map.get("tracking").map(list_text).unwrap_or_default();
    fm.attachments = map.get("attachments").map(list_text).unwrap_or_default();
    None
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(tagged) => scalar_text(&tagged.value),
        _ => None,
    }
}

fn list_text(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().filter_map(scalar_text).collect(),
        Value::String(s) => s.split([',', ' ']).filter(|p| !p.is_empty()).map(str::to_string).collect(),
        other => scalar_text(other).into_iter().collect(),
    }
}

/// serde_yaml_ng appends " at line L column C" to its messages; the position is reported separately.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_lists() {
        let text = "---\nkind: appeal\nplatform: Wish\norders: [a1, b2]\ntracking: LX1\n---\nDear team,\n";
        let (fm, error) = parse(text).unwrap();
        assert!(error.is_none());
        assert_eq!(fm.kind.as_deref(), Some("appeal"));
        assert_eq!(fm.platform.as_deref(), Some("wish"));
        assert_eq!(fm.orders, ["a1", "b2"]);
        assert_eq!(fm.tracking, ["LX1"]);
        assert_eq!(&text[fm.span.range()], "---\nkind: appeal\nplatform: Wish\norders: [a1, b2]\ntracking: LX1\n---\n");
    }

    #[test]
    fn malformed_yaml_reports_the_offset_of_the_fault() {
        let text = "---\nkind: appeal\norders: [a, b\n---\nHi\n";
        let (_, error) = parse(text).unwrap();
        let error = error.unwrap();
        assert!(error.offset >= 4 && error.offset <= text.find("\n---\nHi").unwrap() + 1, "{error:?}");
        assert!(error.message.contains("not valid YAML"));
    }

    #[test]
    fn an_unclosed_block_is_an_error_not_a_panic() {
        let (_, error) = parse("---\nkind: reply\nHello").unwrap();
        assert!(error.unwrap().message.contains("never closed"));
    }

    #[test]
    fn text_without_a_fence_has_no_front_matter() {
        assert!(parse("Dear team,\n---\n").is_none());
        assert!(parse("").is_none());
    }
}
