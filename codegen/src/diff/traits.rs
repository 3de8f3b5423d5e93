//! What adding, removing or changing one trait does to the generated crate, for the traits
//! whose effect on the Rust API is not already seen by comparing the two crates' IR.

use super::change::Impact;

/// Traits nothing in the generated crate reads except its rustdoc.
const DOCS_ONLY: &[&str] = &[
    "smithy.api#externalDocumentation",
    "smithy.api#examples",
    "smithy.api#title",
    "smithy.api#paginated",
    "smithy.api#readonly",
    "smithy.api#idempotent",
    "smithy.api#tags",
    "smithy.api#suppress",
    "smithy.api#since",
    "smithy.api#unstable",
    "smithy.api#recommended",
    "smithy.api#references",
    "smithy.api#internal",
    "smithy.api#private",
    "smithy.waiters#waitable",
    "aws.api#arn",
    "aws.api#arnReference",
    "aws.api#controlPlane",
    "aws.api#dataPlane",
];

/// Trait namespaces whose traits only describe the service to other tools.
const DOCS_ONLY_NAMESPACES: &[&str] = &["aws.iam", "aws.cloudformation", "smithy.test"];

/// The impact of a change to `trait_id` where the two crates' IR agree on every Rust type.
/// Unknown traits count as wire-only: the generator may not read them today, but a change
/// to one is worth a reviewer's look.
pub fn trait_impact(trait_id: &str) -> Impact {
    let namespace = trait_id.split('#').next().unwrap_or_default();
    if DOCS_ONLY.contains(&trait_id) || DOCS_ONLY_NAMESPACES.contains(&namespace) {
        return Impact::DocsOnly;
    }
    match trait_id {
        // A new deprecation adds a warning where the item is used; nothing stops compiling.
        "smithy.api#deprecated" => Impact::Additive,
        // An error turning into a non-error (or back) changes which enum holds it.
        "smithy.api#error" => Impact::Breaking,
        _ => Impact::WireOnly,
    }
}

/// How a trait is named in a change's detail: prelude traits by their short name.
pub fn trait_label(trait_id: &str) -> String {
    match trait_id.strip_prefix("smithy.api#") {
        Some(name) => format!("@{name}"),
        None => format!("@{trait_id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_and_tooling_traits_are_docs_only() {
        assert_eq!(trait_impact("smithy.api#paginated"), Impact::DocsOnly);
        assert_eq!(trait_impact("aws.iam#actionPermissionDescription"), Impact::DocsOnly);
    }

    #[test]
    fn constraints_sensitivity_and_unknown_traits_are_wire_only() {
        for id in ["smithy.api#length", "smithy.api#pattern", "smithy.api#sensitive", "smithy.api#jsonName", "example#custom"] {
            assert_eq!(trait_impact(id), Impact::WireOnly, "{id}");
        }
    }

    #[test]
    fn deprecation_is_additive_and_the_error_trait_breaking() {
        assert_eq!(trait_impact("smithy.api#deprecated"), Impact::Additive);
        assert_eq!(trait_impact("smithy.api#error"), Impact::Breaking);
    }

    #[test]
    fn prelude_traits_are_labelled_by_short_name() {
        assert_eq!(trait_label("smithy.api#required"), "@required");
        assert_eq!(trait_label("aws.auth#sigv4"), "@aws.auth#sigv4");
    }
}
