//! One difference between two models, and what it does to the generated crate.

/// What a change does to code that uses the generated crate, judged on the generated Rust
/// API and the bytes it exchanges, not on the service's own compatibility rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Code that compiled may stop compiling, or a call that worked may fail before it is
    /// sent: a type, field, variant, setter or operation goes away or changes its type.
    Breaking,
    /// Something new appears and nothing existing changes.
    Additive,
    /// The Rust API is the same; what is sent or accepted, what `validate()` checks, or what
    /// `Debug` prints differs.
    WireOnly,
    /// Only the rustdoc of the generated crate changes.
    DocsOnly,
}

impl Impact {
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Breaking => "breaking",
            Impact::Additive => "additive",
            Impact::WireOnly => "wire-only",
            Impact::DocsOnly => "docs-only",
        }
    }

    pub const ALL: [Impact; 4] = [Impact::Breaking, Impact::Additive, Impact::WireOnly, Impact::DocsOnly];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub impact: Impact,
    /// What kind of change, such as `member removed` or `enum value added`.
    pub kind: &'static str,
    /// The absolute shape id (with `$member` for a member) the change is about.
    pub subject: String,
    /// The specifics: the Rust field and type, the trait values before and after.
    pub detail: String,
}

impl Change {
    pub(crate) fn new(impact: Impact, kind: &'static str, subject: impl ToString, detail: impl Into<String>) -> Self {
        Change { impact, kind, subject: subject.to_string(), detail: detail.into() }
    }
}

/// Every change between two models within the compared operations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModelDiff {
    /// Sorted by impact, then subject, then kind, so the order is the same on every run.
    pub changes: Vec<Change>,
    /// Shapes, members, enum values, operations and the service whose documentation differs:
    /// counted, not listed, since model prose changes with nearly every release.
    pub documentation_changes: usize,
}

impl ModelDiff {
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|change| change.impact == Impact::Breaking)
    }

    pub fn count(&self, impact: Impact) -> usize {
        self.changes.iter().filter(|change| change.impact == impact).count()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.documentation_changes == 0
    }
}
