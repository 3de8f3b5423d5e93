//! Turns the HTML in Smithy `@documentation` traits into Markdown for rustdoc.
//!
//! AWS documentation uses a small, well-behaved subset of HTML (`p`, `code`, `a`, lists,
//! `note`, `important`, emphasis). A full HTML5 parser would be a heavy dependency for that,
//! so this is a small tokenizer plus a renderer. The renderer escapes whatever rustdoc would
//! otherwise misread: brackets (intra-doc links), stray `<tags>`, bare URLs and indentation.

/// Markdown for one documentation string; empty when the HTML holds no text.
pub fn html_to_markdown(html: &str) -> String {
    let mut renderer = Renderer::default();
    for token in tokenize(html) {
        renderer.token(token);
    }
    renderer.finish()
}

#[derive(Debug, PartialEq)]
enum Token {
    Text(String),
    Start { name: String, href: Option<String> },
    End(String),
}

fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => match rest.find('>') {
                Some(end) => {
                    if let Some(token) = tag_token(&rest[1..end]) {
                        tokens.push(token);
                    }
                    rest = &rest[end + 1..];
                }
                None => {
                    tokens.push(Token::Text(decode_entities(rest)));
                    rest = "";
                }
            },
            Some(start) => {
                tokens.push(Token::Text(decode_entities(&rest[..start])));
                rest = &rest[start..];
            }
            None => {
                tokens.push(Token::Text(decode_entities(rest)));
                rest = "";
            }
        }
    }
    tokens
}

fn tag_token(inside: &str) -> Option<Token> {
    let inside = inside.trim();
    if let Some(name) = inside.strip_prefix('/') {
        return Some(Token::End(name.trim().to_ascii_lowercase()));
    }
    if inside.starts_with('!') || inside.starts_with('?') {
        return None;
    }
    let inside = inside.trim_end_matches('/');
    let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
    let name = inside[..name_end].to_ascii_lowercase();
    let href = attribute(&inside[name_end..], "href");
    Some(Token::Start { name, href })
}

fn attribute(attributes: &str, wanted: &str) -> Option<String> {
    let start = attributes.find(&format!("{wanted}="))? + wanted.len() + 1;
    let value = &attributes[start..];
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    let end = value.find(quote)?;
    Some(decode_entities(&value[..end]))
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|end| *end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let ch = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|ch| (ch, end))
        });
        match decoded {
            Some((ch, end)) => {
                out.push(ch);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[derive(Default)]
struct Renderer {
    blocks: Vec<String>,
    current: String,
    code_depth: usize,
    list_kinds: Vec<Option<usize>>,
    link: Option<(String, usize)>,
}

impl Renderer {
    fn token(&mut self, token: Token) {
        match token {
            Token::Text(text) => self.text(&text),
            Token::Start { name, href } => self.start(&name, href),
            Token::End(name) => self.end(&name),
        }
    }

    fn start(&mut self, name: &str, href: Option<String>) {
        match name {
            "p" | "div" | "fullname" | "ul" | "ol" | "dl" | "pre" => {
                // `<li><p>text` keeps the list marker that `<li>` already wrote.
                if !is_marker(self.current.trim()) {
                    self.break_block();
                }
                match name {
                    "ul" => self.list_kinds.push(None),
                    "ol" => self.list_kinds.push(Some(0)),
                    _ => {}
                }
            }
            "li" | "dt" => {
                self.break_block();
                let marker = match self.list_kinds.last_mut() {
                    Some(Some(count)) => {
                        *count += 1;
                        format!("{count}. ")
                    }
                    _ => "- ".to_owned(),
                };
                self.current.push_str(&marker);
            }
            "note" | "important" => {
                self.break_block();
                let label = if name == "note" { "**Note:** " } else { "**Important:** " };
                self.current.push_str(label);
            }
            "code" => {
                if self.code_depth == 0 {
                    self.space_if_needed();
                    self.current.push('`');
                }
                self.code_depth += 1;
            }
            "b" | "strong" => self.current.push_str("**"),
            "i" | "em" => self.current.push('*'),
            "br" => self.break_block(),
            "a" => {
                if let Some(href) = href.filter(|href| href.starts_with("http")) {
                    self.space_if_needed();
                    self.current.push('[');
                    self.link = Some((href, self.current.len()));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" | "div" | "fullname" | "li" | "dt" | "dd" | "note" | "important" | "pre" => {
                self.break_block()
            }
            "ul" | "ol" => {
                self.list_kinds.pop();
                self.break_block();
            }
            "code" if self.code_depth > 0 => {
                self.code_depth -= 1;
                if self.code_depth == 0 {
                    self.current.truncate(self.current.trim_end().len());
                    if self.current.ends_with('`') {
                        self.current.pop();
                    } else {
                        self.current.push('`');
                    }
                }
            }
            "b" | "strong" => self.current.push_str("**"),
            "i" | "em" => self.current.push('*'),
            "a" => {
                if let Some((href, start)) = self.link.take() {
                    if self.current.len() == start {
                        self.current.push_str(&escape_text(&href));
                    }
                    self.current.truncate(self.current.trim_end().len());
                    self.current.push_str(&format!("]({href})"));
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let collapsed = collapse_whitespace(text);
        if collapsed.trim().is_empty() {
            if !collapsed.is_empty() {
                self.space_if_needed();
            }
            return;
        }
        if collapsed.starts_with(' ') {
            self.space_if_needed();
        }
        let words = collapsed.trim();
        if self.code_depth > 0 {
            self.current.push_str(&words.replace('`', "'"));
        } else {
            self.current.push_str(&escape_text(words));
        }
        if collapsed.ends_with(' ') {
            self.current.push(' ');
        }
    }

    fn space_if_needed(&mut self) {
        let at_start = self.current.is_empty()
            || self.current.ends_with(' ')
            || self.current.ends_with('[')
            || self.current.ends_with('`') && self.code_depth > 0;
        if !at_start {
            self.current.push(' ');
        }
    }

    fn break_block(&mut self) {
        let block = self.current.trim().to_owned();
        self.current.clear();
        if !block.is_empty() && !is_marker(&block) {
            self.blocks.push(block);
        }
    }

    fn finish(mut self) -> String {
        self.break_block();
        let mut out = String::new();
        for (index, block) in self.blocks.iter().enumerate() {
            if index > 0 {
                let both_items = is_list_item(&self.blocks[index - 1]) && is_list_item(block);
                out.push_str(if both_items { "\n" } else { "\n\n" });
            }
            out.push_str(block);
        }
        out
    }
}

/// A block start with no text yet: a list bullet or number, or a note label.
fn is_marker(block: &str) -> bool {
    let numbered = block
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    block == "-" || numbered || block == "**Note:**" || block == "**Important:**"
}

fn is_list_item(block: &str) -> bool {
    block.starts_with("- ") || block.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(ch);
            in_space = false;
        }
    }
    out
}

/// Escapes characters Markdown or rustdoc would treat as syntax; wraps bare URLs in `<>`.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for word in text.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.starts_with("http://") || word.starts_with("https://") {
            let url = word.trim_end_matches(['.', ',', ';', ')']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            out.push_str(&word[url.len()..]);
            continue;
        }
        for ch in word.chars() {
            match ch {
                '[' | ']' | '*' | '`' | '_' | '\\' | '#' => {
                    out.push('\\');
                    out.push(ch);
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                _ => out.push(ch),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown;

    #[test]
    fn paragraphs_code_and_links() {
        let html = "<p>Registers a <code>Directory</code>.\n   See\n <a href=\"https://example.com/x\">the guide</a>.</p><p>Second.</p>";
        assert_eq!(
            html_to_markdown(html),
            "Registers a `Directory`. See [the guide](https://example.com/x).\n\nSecond."
        );
    }

    #[test]
    fn lists_and_notes() {
        let html = "<p>Values:</p><ul><li><p>One</p></li><li>Two</li></ul><note><p>Careful.</p></note>";
        assert_eq!(html_to_markdown(html), "Values:\n\n- One\n- Two\n\n**Note:** Careful.");
        let ordered = "<ol><li>First</li><li>Second</li></ol>";
        assert_eq!(html_to_markdown(ordered), "1. First\n2. Second");
    }

    #[test]
    fn escapes_what_rustdoc_would_misread() {
        assert_eq!(
            html_to_markdown("Use [brackets] and a &lt;tag&gt; and https://example.com/a."),
            "Use \\[brackets\\] and a &lt;tag&gt; and <https://example.com/a>."
        );
        assert_eq!(html_to_markdown("workspaces_DefaultRole"), "workspaces\\_DefaultRole");
    }

    #[test]
    fn plain_text_and_empty_input() {
        assert_eq!(html_to_markdown("  The key of the tag. "), "The key of the tag.");
        assert_eq!(html_to_markdown("<p></p>"), "");
    }
}
