//! Absolute Smithy shape ids: `namespace#Name` and `namespace#Name$member`.

use std::fmt;

/// An absolute shape id. Ordering is by namespace, then name, then member, which gives
/// every map keyed by `ShapeId` a stable iteration order independent of the model file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId {
    namespace: String,
    name: String,
    member: Option<String>,
}

impl ShapeId {
    /// Parses `ns.sub#Name` or `ns#Name$member`; relative ids are rejected because the
    /// JSON AST requires absolute ones everywhere.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (namespace, rest) = text
            .split_once('#')
            .ok_or_else(|| format!("`{text}` is not an absolute shape id (no `#`)"))?;
        let (name, member) = match rest.split_once('$') {
            Some((name, member)) => (name, Some(member)),
            None => (rest, None),
        };
        let namespace_ok = !namespace.is_empty() && namespace.split('.').all(is_identifier);
        if !namespace_ok || !is_identifier(name) || !member.is_none_or(is_identifier) {
            return Err(format!("`{text}` is not a valid shape id"));
        }
        Ok(Self {
            namespace: namespace.to_owned(),
            name: name.to_owned(),
            member: member.map(str::to_owned),
        })
    }

    /// The id of a shape in the Smithy prelude, `smithy.api#<name>`.
    pub fn prelude(name: &str) -> Self {
        Self {
            namespace: PRELUDE_NAMESPACE.to_owned(),
            name: name.to_owned(),
            member: None,
        }
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn member(&self) -> Option<&str> {
        self.member.as_deref()
    }

    /// The id of the shape a member id belongs to.
    pub fn root(&self) -> Self {
        Self {
            member: None,
            ..self.clone()
        }
    }

    /// The id of one member of this shape.
    pub fn with_member(&self, member: &str) -> Self {
        Self {
            member: Some(member.to_owned()),
            ..self.clone()
        }
    }

    pub fn is_prelude(&self) -> bool {
        self.namespace == PRELUDE_NAMESPACE
    }
}

pub const PRELUDE_NAMESPACE: &str = "smithy.api";

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.namespace, self.name)?;
        if let Some(member) = &self.member {
            write!(f, "${member}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_shape_and_member_ids() {
        let id = ShapeId::parse("com.amazonaws.workspaces#Tag$Key").unwrap();
        assert_eq!(id.namespace(), "com.amazonaws.workspaces");
        assert_eq!(id.name(), "Tag");
        assert_eq!(id.member(), Some("Key"));
        assert_eq!(id.to_string(), "com.amazonaws.workspaces#Tag$Key");
        assert_eq!(id.root().to_string(), "com.amazonaws.workspaces#Tag");
    }

    #[test]
    fn rejects_relative_and_malformed_ids() {
        assert!(ShapeId::parse("Tag").is_err());
        assert!(ShapeId::parse("#Tag").is_err());
        assert!(ShapeId::parse("ns#").is_err());
        assert!(ShapeId::parse("ns#1Tag").is_err());
        assert!(ShapeId::parse("ns..x#Tag").is_err());
        assert!(ShapeId::parse("ns#Tag$").is_err());
    }
}
