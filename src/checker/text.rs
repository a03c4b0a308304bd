//! A source's words: HTML through a real parser (scripts, styles, navigation and the head
//! dropped; inline elements joined as the reader sees them, blocks on lines of their own),
//! Markdown and plain text as they are; then Unicode NFKC, so "１６ ＧＢ", a no-break space or a
//! ligature read as their plain forms. The fingerprint is taken of that text, whitespace
//! collapsed, so a page re-indented or re-wrapped keeps its fingerprint.

use scraper::{node::Node, ElementRef, Html};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// How a read body is to be understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    /// Markdown, reStructuredText, YAML, code: read as they are.
    Plain,
}

/// Elements whose text is not the page's content.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "head", "svg", "iframe",
];

/// Elements that end a line of text (others, like `<b>` or `<span>`, join their neighbours).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "summary",
    "details",
    "caption",
    "option",
];

/// The words of a body, normalized: NFKC, one space between words, a newline between blocks.
pub fn words(body: &str, format: Format) -> String {
    let raw = match format {
        Format::Html => html_text(body),
        Format::Plain => body.to_owned(),
    };
    let normal: String = raw.nfkc().collect();
    normal
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `sha256:` and the hex digest of the words with all whitespace runs as one space.
pub fn fingerprint(words: &str) -> String {
    let flat = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let digest = Sha256::digest(flat.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Whether a body looks like HTML (for a response without a telling content type).
pub fn looks_like_html(body: &str) -> bool {
    let start = body.trim_start().get(..200).unwrap_or(body.trim_start());
    let start = start.to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html") || start.contains("<body")
}

fn html_text(body: &str) -> String {
    let document = Html::parse_document(body);
    let mut out = String::new();
    collect(document.root_element(), &mut out);
    out
}

fn collect(element: ElementRef, out: &mut String) {
    let name = element.value().name();
    if DROPPED.contains(&name) {
        return;
    }
    let block = BLOCKS.contains(&name);
    if block {
        out.push('\n');
    }
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    collect(child, out);
                }
            }
            _ => {}
        }
    }
    if block {
        out.push('\n');
    }
}
