//! What a Smithy IDL file says, before shape ids are resolved: the parser's output and the
//! resolver's input. Every reference keeps where it was written, for error messages.

/// A line and column (both from 1) in one IDL file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A shape id as written: relative (`String`, `Foo$bar`) or absolute (`a.b#Foo`).
#[derive(Clone, Debug)]
pub struct IdRef {
    pub text: String,
    pub pos: Pos,
}

/// A node value. Unquoted shape ids are kept apart from strings because they resolve
/// against the file's namespace and `use` statements.
#[derive(Clone, Debug)]
pub enum Node {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Id(IdRef),
    Array(Vec<Node>),
    /// Keys in the order written.
    Object(Vec<(String, Node)>),
}

/// A trait application: `@id`, `@id(value)` or `@id(key: value, ...)`.
#[derive(Clone, Debug)]
pub struct TraitApp {
    pub id: IdRef,
    /// `None` for an annotation trait written without parentheses or with `()`.
    pub value: Option<Node>,
}

#[derive(Clone, Debug)]
pub struct MemberDef {
    pub name: String,
    /// `None` for a `$name` member whose target comes from a mixin.
    pub target: Option<IdRef>,
    pub traits: Vec<TraitApp>,
    /// `= value` after a structure member, or an enum member's value.
    pub value: Option<Node>,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct ShapeDef {
    /// The IDL keyword: `structure`, `string`, `service`, ...
    pub kind: String,
    pub name: String,
    pub pos: Pos,
    pub traits: Vec<TraitApp>,
    pub mixins: Vec<IdRef>,
    /// `structure X for Resource`: `$name` members may take their target from the
    /// resource's identifiers and properties.
    pub for_resource: Option<IdRef>,
    pub members: Vec<MemberDef>,
    /// The body of a service, operation or resource, as `key: value` pairs.
    pub properties: Vec<(String, Node)>,
}

#[derive(Clone, Debug)]
pub enum Statement {
    Shape(ShapeDef),
    Apply { target: IdRef, traits: Vec<TraitApp> },
}

/// One parsed file.
#[derive(Clone, Debug, Default)]
pub struct IdlFile {
    pub name: String,
    pub namespace: Option<String>,
    /// `use` statements: the imported shape's name and absolute id.
    pub uses: Vec<(String, String, Pos)>,
    pub metadata: Vec<(String, Node)>,
    pub statements: Vec<Statement>,
}
