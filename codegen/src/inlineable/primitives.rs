//! Small value types shared by the generated types.

use std::fmt;

/// An enum value the service sent (or the user chose) that this version of the bindings
/// does not know. It is kept exactly, so it can be inspected and written back unchanged.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownVariantValue(pub(crate) String);

impl UnknownVariantValue {
    /// The value as it was received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownVariantValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
