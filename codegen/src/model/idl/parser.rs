//! Smithy IDL 2.0 text → [`IdlFile`]: a recursive-descent parser over the characters of one
//! file, following the grammar of the Smithy 2.0 IDL specification. Commas count as
//! whitespace, `//` starts a comment, and `///` lines document the shape or member after them.

use super::syntax::{IdRef, IdlFile, MemberDef, Node, Pos, ShapeDef, Statement, TraitApp};
use crate::error::{Error, Result};

const SIMPLE_TYPES: &[&str] = &[
    "blob", "boolean", "string", "byte", "short", "integer", "long", "float", "double", "bigInteger",
    "bigDecimal", "timestamp", "document",
];
const MEMBER_TYPES: &[&str] = &["structure", "union", "list", "map", "enum", "intEnum"];
const ENTITY_TYPES: &[&str] = &["service", "operation", "resource"];

pub fn parse_file(name: &str, text: &str) -> Result<IdlFile> {
    let mut parser = Parser {
        file: name,
        chars: text.replace("\r\n", "\n").chars().collect(),
        at: 0,
        line: 1,
        column: 1,
        input_suffix: "Input".to_owned(),
        output_suffix: "Output".to_owned(),
        depth: 0,
    };
    parser.file()
}

struct Parser<'f> {
    file: &'f str,
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
    input_suffix: String,
    output_suffix: String,
    /// How many arrays and objects enclose the value being read.
    depth: usize,
}

/// Deeper nesting than any model needs is refused, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Where to go back to when a guess about what comes next was wrong.
#[derive(Clone, Copy)]
struct Mark {
    at: usize,
    line: usize,
    column: usize,
}

impl Parser<'_> {
    // ---- statements -------------------------------------------------------------------

    fn file(&mut self) -> Result<IdlFile> {
        let mut file = IdlFile {
            name: self.file.to_owned(),
            ..IdlFile::default()
        };
        // Doc comments belong to the shape after them, so every skip keeps the last ones seen.
        let mut docs = self.ws();
        while self.peek() == Some('$') {
            self.control_statement()?;
            docs = self.ws();
        }
        while self.keyword_ahead("metadata") {
            self.expect_word("metadata")?;
            self.ws();
            let key = self.object_key()?;
            self.ws();
            self.expect('=')?;
            self.ws();
            let value = self.node()?;
            file.metadata.push((key, value));
            docs = self.ws();
        }
        if self.keyword_ahead("namespace") {
            self.expect_word("namespace")?;
            self.ws();
            file.namespace = Some(self.namespace()?);
            docs = self.ws();
            while self.keyword_ahead("use") {
                self.expect_word("use")?;
                self.ws();
                let pos = self.pos();
                let id = self.shape_id()?;
                let Some((_, name)) = id.split_once('#') else {
                    return Err(self.error_at(pos, format!("`use {id}` needs an absolute shape id")));
                };
                file.uses.push((name.to_owned(), id.clone(), pos));
                docs = self.ws();
            }
        }
        while self.peek().is_some() {
            if file.namespace.is_none() {
                return Err(self.error("a shape or `apply` statement needs a `namespace` statement before it"));
            }
            self.shape_or_apply(std::mem::take(&mut docs), &mut file.statements)?;
            docs = self.ws();
        }
        Ok(file)
    }

    fn control_statement(&mut self) -> Result<()> {
        self.expect('$')?;
        let pos = self.pos();
        let key = self.object_key()?;
        self.ws();
        self.expect(':')?;
        self.ws();
        let value = self.node()?;
        match (key.as_str(), value) {
            ("version", Node::String(version)) => {
                if !matches!(version.as_str(), "2" | "2.0") {
                    return Err(self.error_at(pos, format!("IDL version {version:?} is not supported; this reader reads Smithy IDL 2.0")));
                }
            }
            ("operationInputSuffix", Node::String(suffix)) => self.input_suffix = suffix,
            ("operationOutputSuffix", Node::String(suffix)) => self.output_suffix = suffix,
            (key, _) => return Err(self.error_at(pos, format!("unknown or malformed control statement `${key}`"))),
        }
        Ok(())
    }

    fn shape_or_apply(&mut self, docs: Vec<String>, statements: &mut Vec<Statement>) -> Result<()> {
        let mut traits = doc_trait(docs, self.pos());
        traits.extend(self.traits()?);
        let pos = self.pos();
        let keyword = self.identifier()?;
        self.ws();
        if keyword == "apply" {
            if traits.iter().any(|t| t.id.text != DOCUMENTATION) && !traits.is_empty() {
                return Err(self.error_at(pos, "traits cannot be placed before `apply`"));
            }
            let target = self.id_ref()?;
            self.ws();
            let applied = if self.peek() == Some('{') {
                self.expect('{')?;
                self.ws();
                let applied = self.traits()?;
                self.ws();
                self.expect('}')?;
                applied
            } else {
                vec![self.trait_app()?]
            };
            statements.push(Statement::Apply { target, traits: applied });
            return Ok(());
        }
        let name_pos = self.pos();
        let name = self.identifier()?;
        let mut shape = ShapeDef {
            kind: keyword.clone(),
            name,
            pos: name_pos,
            traits,
            mixins: Vec::new(),
            for_resource: None,
            members: Vec::new(),
            properties: Vec::new(),
        };
        self.ws();
        if self.keyword_ahead("for") {
            self.expect_word("for")?;
            self.ws();
            shape.for_resource = Some(self.id_ref()?);
            self.ws();
        }
        shape.mixins = self.mixins()?;
        self.ws();
        if SIMPLE_TYPES.contains(&keyword.as_str()) {
            statements.push(Statement::Shape(shape));
        } else if MEMBER_TYPES.contains(&keyword.as_str()) {
            shape.members = self.members(&keyword)?;
            statements.push(Statement::Shape(shape));
        } else if keyword == "operation" {
            let mut inline = Vec::new();
            shape.properties = self.operation_body(&shape.name, &mut inline)?;
            statements.push(Statement::Shape(shape));
            statements.extend(inline.into_iter().map(Statement::Shape));
        } else if ENTITY_TYPES.contains(&keyword.as_str()) {
            shape.properties = self.object_entries()?;
            statements.push(Statement::Shape(shape));
        } else {
            return Err(self.error_at(pos, format!("`{keyword}` is not a shape type or `apply`")));
        }
        Ok(())
    }

    fn mixins(&mut self) -> Result<Vec<IdRef>> {
        if !self.keyword_ahead("with") {
            return Ok(Vec::new());
        }
        self.expect_word("with")?;
        self.ws();
        self.expect('[')?;
        let mut mixins = Vec::new();
        loop {
            self.ws();
            if self.eat(']') {
                return Ok(mixins);
            }
            mixins.push(self.id_ref()?);
        }
    }

    /// `{ members }` of a structure, union, list, map, enum or intEnum.
    fn members(&mut self, kind: &str) -> Result<Vec<MemberDef>> {
        self.expect('{')?;
        let mut members = Vec::new();
        loop {
            let docs = self.ws();
            if self.eat('}') {
                return Ok(members);
            }
            let mut traits = doc_trait(docs, self.pos());
            traits.extend(self.traits()?);
            let pos = self.pos();
            let elided = self.eat('$');
            let name = self.identifier()?;
            let mut member = MemberDef {
                name,
                target: None,
                traits,
                value: None,
                pos,
            };
            self.ws();
            if matches!(kind, "enum" | "intEnum") {
                if elided {
                    return Err(self.error_at(pos, "enum members cannot use `$`"));
                }
            } else if !elided {
                self.expect(':')?;
                self.ws();
                member.target = Some(self.id_ref()?);
            }
            let mark = self.mark();
            self.ws();
            if self.eat('=') {
                self.ws();
                member.value = Some(self.node()?);
            } else {
                self.reset(mark);
            }
            members.push(member);
        }
    }

    /// An operation's body, where `input := { ... }` and `output := { ... }` define their
    /// structures in place; those are added to `inline`.
    fn operation_body(&mut self, operation: &str, inline: &mut Vec<ShapeDef>) -> Result<Vec<(String, Node)>> {
        self.expect('{')?;
        let mut entries = Vec::new();
        loop {
            self.ws();
            if self.eat('}') {
                return Ok(entries);
            }
            let key_pos = self.pos();
            let key = self.object_key()?;
            self.ws();
            if self.eat_str(":=") {
                let (suffix, marker) = match key.as_str() {
                    "input" => (self.input_suffix.clone(), "smithy.api#input"),
                    "output" => (self.output_suffix.clone(), "smithy.api#output"),
                    _ => return Err(self.error_at(key_pos, format!("only `input` and `output` can be defined with `:=`, not `{key}`"))),
                };
                let docs = self.ws();
                let mut traits = doc_trait(docs, self.pos());
                traits.extend(self.traits()?);
                let pos = self.pos();
                traits.push(TraitApp {
                    id: IdRef {
                        text: marker.to_owned(),
                        pos,
                    },
                    value: None,
                });
                let mixins = self.mixins()?;
                self.ws();
                let name = format!("{operation}{suffix}");
                let members = self.members("structure")?;
                entries.push((key, Node::Id(IdRef { text: name.clone(), pos })));
                inline.push(ShapeDef {
                    kind: "structure".to_owned(),
                    name,
                    pos,
                    traits,
                    mixins,
                    for_resource: None,
                    members,
                    properties: Vec::new(),
                });
            } else {
                self.expect(':')?;
                self.ws();
                entries.push((key, self.node()?));
            }
        }
    }

    // ---- traits -----------------------------------------------------------------------

    fn traits(&mut self) -> Result<Vec<TraitApp>> {
        let mut traits = Vec::new();
        while self.peek() == Some('@') {
            traits.push(self.trait_app()?);
            self.ws();
        }
        Ok(traits)
    }

    fn trait_app(&mut self) -> Result<TraitApp> {
        self.expect('@')?;
        let id = self.id_ref()?;
        if !self.eat('(') {
            return Ok(TraitApp { id, value: None });
        }
        self.ws();
        if self.eat(')') {
            return Ok(TraitApp { id, value: None });
        }
        // `@trait(key: value, ...)` is an object without braces; anything else is one value.
        let mark = self.mark();
        let structured = self.object_key().is_ok() && {
            self.ws();
            self.peek() == Some(':')
        };
        self.reset(mark);
        let value = if structured {
            let mut entries = Vec::new();
            loop {
                self.ws();
                if self.eat(')') {
                    break;
                }
                let key = self.object_key()?;
                self.ws();
                self.expect(':')?;
                self.ws();
                entries.push((key, self.node()?));
            }
            Node::Object(entries)
        } else {
            let value = self.node()?;
            self.ws();
            self.expect(')')?;
            value
        };
        Ok(TraitApp { id, value: Some(value) })
    }

    // ---- node values ------------------------------------------------------------------

    fn node(&mut self) -> Result<Node> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(format!("values nest deeper than {MAX_DEPTH} levels")));
        }
        self.depth += 1;
        let node = self.node_inner();
        self.depth -= 1;
        node
    }

    fn node_inner(&mut self) -> Result<Node> {
        match self.peek() {
            Some('{') => Ok(Node::Object(self.object_entries()?)),
            Some('[') => {
                self.expect('[')?;
                let mut items = Vec::new();
                loop {
                    self.ws();
                    if self.eat(']') {
                        return Ok(Node::Array(items));
                    }
                    items.push(self.node()?);
                }
            }
            Some('"') => Ok(Node::String(self.string()?)),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let id = self.id_ref()?;
                Ok(match id.text.as_str() {
                    "true" => Node::Bool(true),
                    "false" => Node::Bool(false),
                    "null" => Node::Null,
                    _ => Node::Id(id),
                })
            }
            Some(c) => Err(self.error(format!("expected a value, found `{c}`"))),
            None => Err(self.error("expected a value, found the end of the file")),
        }
    }

    fn object_entries(&mut self) -> Result<Vec<(String, Node)>> {
        self.expect('{')?;
        let mut entries = Vec::new();
        loop {
            self.ws();
            if self.eat('}') {
                return Ok(entries);
            }
            let pos = self.pos();
            let key = self.object_key()?;
            if entries.iter().any(|(existing, _)| existing == &key) {
                return Err(self.error_at(pos, format!("`{key}` appears twice in one object")));
            }
            self.ws();
            self.expect(':')?;
            self.ws();
            entries.push((key, self.node()?));
        }
    }

    fn object_key(&mut self) -> Result<String> {
        if self.peek() == Some('"') {
            self.string()
        } else {
            self.identifier()
        }
    }

    fn number(&mut self) -> Result<Node> {
        let start = self.pos();
        let mut text = String::new();
        while let Some(c) = self.peek().filter(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')) {
            text.push(c);
            self.bump();
        }
        serde_json::from_str::<serde_json::Number>(&text)
            .map(Node::Number)
            .map_err(|_| self.error_at(start, format!("`{text}` is not a number")))
    }

    /// A quoted string or a `"""` text block, with escapes processed.
    fn string(&mut self) -> Result<String> {
        let start = self.pos();
        if self.eat_str("\"\"\"") {
            let raw = self.raw_until_quote(true, start)?;
            if !raw.starts_with('\n') {
                return Err(self.error_at(start, "a text block must start a new line after its opening `\"\"\"`"));
            }
            let text = strip_incidental_whitespace(&raw[1..]);
            return unescape(&text).map_err(|problem| self.error_at(start, problem));
        }
        self.expect('"')?;
        let raw = self.raw_until_quote(false, start)?;
        unescape(&raw).map_err(|problem| self.error_at(start, problem))
    }

    /// Characters up to the closing `"` (or `"""`), escapes left in place.
    fn raw_until_quote(&mut self, block: bool, start: Pos) -> Result<String> {
        let mut raw = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error_at(start, "this string is never closed")),
                Some('\\') => {
                    raw.push('\\');
                    self.bump();
                    if let Some(c) = self.peek() {
                        raw.push(c);
                        self.bump();
                    }
                }
                Some('"') if !block => {
                    self.bump();
                    return Ok(raw);
                }
                Some('"') if self.eat_str("\"\"\"") => return Ok(raw),
                Some(c) => {
                    raw.push(c);
                    self.bump();
                }
            }
        }
    }

    // ---- identifiers ------------------------------------------------------------------

    fn identifier(&mut self) -> Result<String> {
        let mut name = String::new();
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
            Some(c) => return Err(self.error(format!("expected an identifier, found `{c}`"))),
            None => return Err(self.error("expected an identifier, found the end of the file")),
        }
        while let Some(c) = self.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '_') {
            name.push(c);
            self.bump();
        }
        Ok(name)
    }

    fn namespace(&mut self) -> Result<String> {
        let mut namespace = self.identifier()?;
        while self.peek() == Some('.') {
            self.bump();
            namespace.push('.');
            namespace.push_str(&self.identifier()?);
        }
        Ok(namespace)
    }

    /// `name`, `a.b#name`, either with `$member`.
    fn shape_id(&mut self) -> Result<String> {
        let mut id = self.namespace()?;
        if self.eat('#') {
            id.push('#');
            id.push_str(&self.identifier()?);
        } else if id.contains('.') {
            return Err(self.error(format!("`{id}` needs `#` and a shape name after the namespace")));
        }
        if self.eat('$') {
            id.push('$');
            id.push_str(&self.identifier()?);
        }
        Ok(id)
    }

    fn id_ref(&mut self) -> Result<IdRef> {
        let pos = self.pos();
        Ok(IdRef {
            text: self.shape_id()?,
            pos,
        })
    }

    // ---- characters -------------------------------------------------------------------

    /// Skips whitespace, commas and comments; returns the `///` lines among them, as the
    /// documentation of what follows.
    fn ws(&mut self) -> Vec<String> {
        let mut docs = Vec::new();
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() || c == ',' => self.bump(),
                Some('/') if self.peek_at(1) == Some('/') => {
                    let doc = self.peek_at(2) == Some('/');
                    let mut line = String::new();
                    while let Some(c) = self.peek().filter(|c| *c != '\n') {
                        line.push(c);
                        self.bump();
                    }
                    if doc {
                        let text = &line[3..];
                        docs.push(text.strip_prefix(' ').unwrap_or(text).to_owned());
                    } else {
                        // A plain comment between doc lines and their shape does not end them.
                    }
                }
                _ => return docs,
            }
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.at += 1;
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
    }

    fn eat(&mut self, wanted: char) -> bool {
        if self.peek() == Some(wanted) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, wanted: &str) -> bool {
        let matches = wanted.chars().enumerate().all(|(i, c)| self.peek_at(i) == Some(c));
        if matches {
            for _ in wanted.chars() {
                self.bump();
            }
        }
        matches
    }

    fn expect(&mut self, wanted: char) -> Result<()> {
        if self.eat(wanted) {
            return Ok(());
        }
        Err(match self.peek() {
            Some(found) => self.error(format!("expected `{wanted}`, found `{found}`")),
            None => self.error(format!("expected `{wanted}`, found the end of the file")),
        })
    }

    /// Whether the word `word` (not a longer identifier) comes next.
    fn keyword_ahead(&self, word: &str) -> bool {
        word.chars().enumerate().all(|(i, c)| self.peek_at(i) == Some(c))
            && !self
                .peek_at(word.chars().count())
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '#')
    }

    fn expect_word(&mut self, word: &str) -> Result<()> {
        if self.keyword_ahead(word) {
            for _ in word.chars() {
                self.bump();
            }
            Ok(())
        } else {
            Err(self.error(format!("expected `{word}`")))
        }
    }

    fn mark(&self) -> Mark {
        Mark {
            at: self.at,
            line: self.line,
            column: self.column,
        }
    }

    fn reset(&mut self, mark: Mark) {
        self.at = mark.at;
        self.line = mark.line;
        self.column = mark.column;
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn error(&self, problem: impl Into<String>) -> Error {
        self.error_at(self.pos(), problem)
    }

    fn error_at(&self, pos: Pos, problem: impl Into<String>) -> Error {
        Error::Idl {
            file: self.file.to_owned(),
            line: pos.line,
            column: pos.column,
            problem: problem.into(),
        }
    }
}

pub const DOCUMENTATION: &str = "smithy.api#documentation";

/// `///` lines as a `@documentation` trait, or nothing.
fn doc_trait(docs: Vec<String>, pos: Pos) -> Vec<TraitApp> {
    if docs.is_empty() {
        return Vec::new();
    }
    vec![TraitApp {
        id: IdRef {
            text: DOCUMENTATION.to_owned(),
            pos,
        },
        value: Some(Node::String(docs.join("\n"))),
    }]
}

/// A text block's lines with the indentation they all share removed, trailing spaces
/// dropped, and a closing line of only whitespace turned into a final newline.
fn strip_incidental_whitespace(raw: &str) -> String {
    let lines: Vec<&str> = raw.split('\n').collect();
    let last = lines.len() - 1;
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(i, line)| *i == last || !line.trim().is_empty())
        .map(|(_, line)| line.chars().take_while(|c| *c == ' ' || *c == '\t').count())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|line| {
            if line.trim().is_empty() {
                String::new()
            } else {
                line.chars().skip(indent).collect::<String>().trim_end().to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Processes `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX` and escaped line breaks.
fn unescape(raw: &str) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\'') => out.push('\''),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\n') => {}
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).map_err(|_| format!("`\\u{hex}` is not a unicode escape"))?;
                out.push(char::from_u32(code).ok_or_else(|| format!("`\\u{hex}` is not a character"))?);
            }
            Some(other) => return Err(format!("`\\{other}` is not an escape")),
            None => return Err("a string ends with `\\`".to_owned()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{strip_incidental_whitespace, unescape};

    #[test]
    fn text_blocks_lose_shared_indentation() {
        assert_eq!(strip_incidental_whitespace("    {\n        \"a\": 1\n    }"), "{\n    \"a\": 1\n}");
        assert_eq!(strip_incidental_whitespace("    line\n    "), "line\n");
        // A closing delimiter at the start of its line keeps all indentation.
        assert_eq!(strip_incidental_whitespace("  a\n\n  b  \n"), "  a\n\n  b\n");
    }

    #[test]
    fn escapes_follow_json_plus_line_continuations() {
        assert_eq!(unescape(r#"a\"b\n\u00e9\\"#).unwrap(), "a\"b\né\\");
        assert_eq!(unescape("one \\\ntwo").unwrap(), "one two");
        assert!(unescape(r"\q").is_err());
    }
}
