//! Walks pulldown-cmark's events and collects prose blocks, links and directives.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::sync::LazyLock;

use super::prose::{OBJECT, Prose};
use super::{Block, BlockKind, Directive, DirectiveAction, Link, Span, sentences};

pub(super) struct Parsed {
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub directives: Vec<Directive>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    Item { ordered: bool },
    List { ordered: bool },
    Skip,
    Other,
}

struct Open {
    kind: BlockKind,
    span: Span,
    prose: Prose,
    quoted: bool,
    label_start: Option<usize>,
    label: Option<String>,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*letterlint-(disable-next-line|disable|enable)\b([^>]*?)-->").expect("directive regex")
});

/// HTML elements a letter may use; any other `<word ...>` is text such as `<tracking number>`.
const HTML_TAGS: &[&str] = &[
    "a", "abbr", "b", "br", "big", "center", "cite", "code", "del", "details", "div", "em", "font", "hr", "i", "img", "ins", "kbd",
    "mark", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "section", "figure", "figcaption",
    "picture", "source", "video", "audio", "iframe", "label", "input", "button", "form", "time", "var", "wbr", "dl", "dt", "dd",
];

fn is_html_tag(html: &str) -> bool {
    let inner = html.trim_start_matches('<').trim_start_matches('/');
    if html.starts_with("<!") || html.starts_with("<?") || inner.contains("://") || inner.contains('@') {
        return true;
    }
    let name: String = inner.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    HTML_TAGS.contains(&name.to_ascii_lowercase().as_str())
}

pub(super) fn blocks(text: &str, body_start: usize) -> Parsed {
    // A byte-order mark is not text: parse it as three spaces (same byte offsets), so that the
    // first paragraph reads `Hi Ann,`, not `\u{feff}Hi Ann,`.
    let without_bom;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            without_bom = format!("   {rest}");
            without_bom.as_str()
        }
        None => text,
    };
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    if body_start > 0 {
        options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    }
    let mut walker = Walker { text, blocks: Vec::new(), links: Vec::new(), directives: Vec::new(), stack: Vec::new(), open: None, link_starts: Vec::new(), skip_depth: 0 };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if range.start < body_start && !matches!(event, Event::Start(Tag::MetadataBlock(_)) | Event::End(TagEnd::MetadataBlock(_))) {
            continue;
        }
        walker.event(event, Span::new(range.start, range.end));
    }
    walker.close();
    Parsed { blocks: walker.blocks, links: walker.links, directives: walker.directives }
}

struct Walker<'t> {
    text: &'t str,
    blocks: Vec<Block>,
    links: Vec<Link>,
    directives: Vec<Directive>,
    stack: Vec<Container>,
    open: Option<Open>,
    link_starts: Vec<(String, usize)>,
    /// Depth of elements whose text is not prose (code blocks, images, metadata).
    skip_depth: usize,
}

impl Walker<'_> {
    fn quoted(&self) -> bool {
        self.stack.contains(&Container::Quote)
    }

    fn event(&mut self, event: Event<'_>, range: Span) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) if self.skip_depth == 0 => {
                let exact = &self.text[range.range()] == t.as_ref();
                self.inline(range).prose.push(&t, range, exact);
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) if self.skip_depth == 0 => {
                let mut buf = [0u8; 4];
                self.inline(range).prose.push(OBJECT.encode_utf8(&mut buf), range, false);
            }
            Event::SoftBreak | Event::HardBreak if self.skip_depth == 0 => {
                if let Some(open) = self.open.as_mut() {
                    let exact = &self.text[range.range()] == "\n";
                    open.prose.push("\n", range, exact);
                }
            }
            Event::InlineHtml(html) if self.skip_depth == 0 && !is_html_tag(&html) => {
                // `<tracking number>` is a writer's placeholder, not HTML: keep it as text.
                let exact = &self.text[range.range()] == html.as_ref();
                self.inline(range).prose.push(&html, range, exact);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, range),
            _ => {}
        }
    }

    /// The open block to add inline content to, opening one if needed (text directly in a list item).
    fn inline(&mut self, range: Span) -> &mut Open {
        if self.open.is_none() {
            let kind = match self.stack.iter().rev().find(|c| matches!(c, Container::Item { .. })) {
                Some(Container::Item { ordered }) => BlockKind::ListItem { ordered: *ordered },
                _ => BlockKind::Paragraph,
            };
            self.open_block(kind, range);
        }
        let open = self.open.as_mut().expect("a block is open");
        open.span = open.span.cover(range);
        open
    }

    fn open_block(&mut self, kind: BlockKind, range: Span) {
        self.close();
        self.open = Some(Open { kind, span: range, prose: Prose::default(), quoted: self.quoted(), label_start: None, label: None });
    }

    fn start(&mut self, tag: Tag<'_>, range: Span) {
        match tag {
            Tag::Paragraph => {
                if self.skip_depth > 0 {
                    return;
                }
                // A paragraph inside a list item is that item's text (a loose list).
                let kind = match self.stack.last() {
                    Some(Container::Item { ordered }) => BlockKind::ListItem { ordered: *ordered },
                    _ => BlockKind::Paragraph,
                };
                self.open_block(kind, range);
            }
            Tag::Heading { level, .. } => self.open_block(BlockKind::Heading(level as u8), range),
            Tag::TableHead => self.open_block(BlockKind::TableRow { header: true }, range),
            Tag::TableRow => self.open_block(BlockKind::TableRow { header: false }, range),
            Tag::TableCell => {
                if let Some(open) = self.open.as_mut() {
                    if !open.prose.text.is_empty() {
                        open.prose.push(" | ", Span::empty(range.start as usize), false);
                    }
                }
            }
            Tag::BlockQuote(_) => {
                self.close();
                self.stack.push(Container::Quote);
            }
            Tag::List(first) => {
                self.close();
                self.stack.push(Container::List { ordered: first.is_some() });
            }
            Tag::Item => {
                self.close();
                let ordered = matches!(self.stack.last(), Some(Container::List { ordered: true }));
                self.stack.push(Container::Item { ordered });
            }
            Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock => {
                if !matches!(tag, Tag::Image { .. }) {
                    self.close();
                }
                self.skip_depth += 1;
                self.stack.push(Container::Skip);
            }
            Tag::Link { dest_url, .. } => self.link_starts.push((dest_url.to_string(), range.start as usize)),
            Tag::Strong | Tag::Emphasis => {
                if let Some(open) = self.open.as_mut() {
                    if open.prose.text.trim().is_empty() && open.label.is_none() {
                        open.label_start = Some(open.prose.text.len());
                    }
                }
            }
            _ => self.stack.push(Container::Other),
        }
    }

    fn end(&mut self, tag: TagEnd, range: Span) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableHead | TagEnd::TableRow => self.close(),
            TagEnd::TableCell => {}
            TagEnd::Item | TagEnd::List(_) | TagEnd::BlockQuote(_) => {
                self.close();
                self.stack.pop();
            }
            TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock => {
                self.skip_depth = self.skip_depth.saturating_sub(1);
                self.stack.pop();
            }
            TagEnd::Link => {
                if let Some((url, start)) = self.link_starts.pop() {
                    let quoted = self.quoted();
                    self.links.push(Link { url, span: Span::new(start, range.end as usize), quoted });
                }
            }
            TagEnd::Strong | TagEnd::Emphasis => {
                if let Some(open) = self.open.as_mut() {
                    if let Some(start) = open.label_start.take() {
                        let label = open.prose.text[start..].trim().to_string();
                        if !label.is_empty() {
                            open.label = Some(label);
                        }
                    }
                }
            }
            _ => {
                self.stack.pop();
            }
        }
    }

    fn html(&mut self, html: &str, range: Span) {
        if !html.contains("letterlint-") {
            return;
        }
        for m in DIRECTIVE.captures_iter(html) {
            let whole = m.get(0).expect("group 0");
            let action = match &m[1] {
                "disable" => DirectiveAction::Disable,
                "enable" => DirectiveAction::Enable,
                _ => DirectiveAction::DisableNextLine,
            };
            let rules = m[2].split([',', ' ', '\n', '\t']).map(str::trim).filter(|r| !r.is_empty()).map(str::to_string).collect();
            let start = range.start as usize + whole.start();
            self.directives.push(Directive { action, rules, span: Span::new(start, start + whole.len()) });
        }
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else { return };
        if open.prose.text.trim().is_empty() {
            return;
        }
        let sentences = sentences::split(&open.prose.text);
        let words = sentences::words(&open.prose.text);
        self.blocks.push(Block {
            kind: open.kind,
            span: open.span,
            prose: open.prose,
            quoted: open.quoted,
            label: open.label,
            sentences,
            words,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{BlockKind, DirectiveAction, Document};

    #[test]
    fn prose_skips_code_and_keeps_link_urls() {
        let doc = Document::parse("Dear team,\n\nSee `code` and [our page](https://x.example/a).\n\n```\nXXX\n```\n");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[1].prose.text, "See \u{FFFC} and our page.");
        assert_eq!(doc.links[0].url, "https://x.example/a");
        assert!(doc.blocks.iter().all(|b| !b.prose.text.contains("XXX")));
    }

    #[test]
    fn list_items_tables_quotes_and_labels_become_blocks() {
        let text = "**Corrective actions:** we changed the supplier.\n\n- one\n- two\n\n> Where is my order?\n\n| Order | Reason |\n|---|---|\n| a1 | late |\n";
        let doc = Document::parse(text);
        let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [
            BlockKind::Paragraph,
            BlockKind::ListItem { ordered: false },
            BlockKind::ListItem { ordered: false },
            BlockKind::Paragraph,
            BlockKind::TableRow { header: true },
            BlockKind::TableRow { header: false },
        ]);
        assert_eq!(doc.blocks[0].label.as_deref(), Some("Corrective actions:"));
        assert!(doc.blocks[3].quoted);
        assert_eq!(doc.blocks[5].prose.text, "a1 | late");
        let row = &doc.blocks[5];
        assert_eq!(&text[row.prose.span_to_source(crate::document::Span::new(5, 9)).range()], "late");
    }

    #[test]
    fn front_matter_is_not_prose_and_directives_are_read() {
        let doc = Document::parse("---\nkind: reply\n---\n<!-- letterlint-disable-next-line text/shouting, text/spacing -->\nHELLO there\n");
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.blocks[0].prose.text, "HELLO there");
        assert_eq!(doc.directives[0].action, DirectiveAction::DisableNextLine);
        assert_eq!(doc.directives[0].rules, ["text/shouting", "text/spacing"]);
    }

    #[test]
    fn soft_breaks_map_back_to_their_newlines() {
        let text = "Line one\r\nline two\n";
        let doc = Document::parse(text);
        let block = &doc.blocks[0];
        assert_eq!(block.prose.text, "Line one\nline two");
        let two = block.prose.text.find("two").unwrap();
        let span = block.prose.span_to_source(crate::document::Span::new(two, two + 3));
        assert_eq!(&text[span.range()], "two");
    }
}
