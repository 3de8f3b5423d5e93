//! Errors raised before a request is made.

use std::fmt;

/// A builder was asked to build a value while required members were unset. It names every
/// missing member, not only the first, so one fix makes the next `build()` succeed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    type_name: &'static str,
    missing: Vec<&'static str>,
}

impl BuildError {
    pub(crate) fn missing_members(type_name: &'static str, missing: Vec<&'static str>) -> Self {
        Self { type_name, missing }
    }

    /// The type that could not be built, such as `Tag`.
    pub fn type_name(&self) -> &str {
        self.type_name
    }

    /// The Rust names of the unset required members, in declaration order.
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot build `{}`: required member", self.type_name)?;
        if self.missing.len() > 1 {
            f.write_str("s")?;
        }
        for (index, member) in self.missing.iter().enumerate() {
            let separator = if index == 0 { " " } else { ", " };
            write!(f, "{separator}`{member}`")?;
        }
        f.write_str(if self.missing.len() > 1 { " are not set" } else { " is not set" })
    }
}

impl std::error::Error for BuildError {}

#[cfg(test)]
mod tests {
    use super::BuildError;

    #[test]
    fn names_every_missing_member() {
        let one = BuildError::missing_members("Tag", vec!["key"]);
        assert_eq!(one.to_string(), "cannot build `Tag`: required member `key` is not set");
        let two = BuildError::missing_members("Config", vec!["domain_name", "secret_arn"]);
        assert_eq!(
            two.to_string(),
            "cannot build `Config`: required members `domain_name`, `secret_arn` are not set"
        );
        assert_eq!(two.missing(), ["domain_name", "secret_arn"]);
    }
}
