//! Shortens the emitters' full standard-library paths (`::std::option::Option`) to the names
//! the Rust prelude already provides (`Option`), file by file, wherever the file itself does
//! not declare or import an item of that name.
//!
//! Emitters write full paths so that a model shape called `Option` or `Result` (official
//! models have both) can never capture a reference meant for the standard library. In a crate
//! the generator lays out itself, every module is one file it wrote, so a name is free exactly
//! when the file's own declarations and imports do not use it; then the short name means the
//! same thing and reads as Rust is usually written. It also gives syn and prettyplease about a
//! fifth fewer tokens to parse and print. Code meant to be `include!`d (the single-file
//! layout) keeps its full paths: the including module may declare `type Result<T> = ...`.

use std::collections::BTreeSet;

use proc_macro2::{Group, Ident, Spacing, TokenStream, TokenTree};

/// Standard paths, as segments after `::std::`, and the prelude name that means the same.
/// Longer paths come first, so `Option::Some` is not read as `Option` followed by `::Some`.
const PRELUDE: &[(&[&str], &str)] = &[
    (&["option", "Option", "Some"], "Some"),
    (&["option", "Option", "None"], "None"),
    (&["result", "Result", "Ok"], "Ok"),
    (&["result", "Result", "Err"], "Err"),
    (&["option", "Option"], "Option"),
    (&["result", "Result"], "Result"),
    (&["string", "String"], "String"),
    (&["string", "ToString"], "ToString"),
    (&["vec", "Vec"], "Vec"),
    (&["boxed", "Box"], "Box"),
    (&["borrow", "ToOwned"], "ToOwned"),
    (&["clone", "Clone"], "Clone"),
    (&["default", "Default"], "Default"),
    (&["marker", "Copy"], "Copy"),
    (&["marker", "Send"], "Send"),
    (&["marker", "Sync"], "Sync"),
    (&["marker", "Sized"], "Sized"),
    (&["convert", "Into"], "Into"),
    (&["convert", "From"], "From"),
    (&["convert", "AsRef"], "AsRef"),
    (&["convert", "AsMut"], "AsMut"),
    (&["convert", "TryFrom"], "TryFrom"),
    (&["convert", "TryInto"], "TryInto"),
    (&["cmp", "PartialEq"], "PartialEq"),
    (&["cmp", "Eq"], "Eq"),
    (&["cmp", "PartialOrd"], "PartialOrd"),
    (&["cmp", "Ord"], "Ord"),
    (&["iter", "Iterator"], "Iterator"),
    (&["iter", "IntoIterator"], "IntoIterator"),
    (&["iter", "Extend"], "Extend"),
    (&["iter", "FromIterator"], "FromIterator"),
];

/// Derive macros the prelude provides whose traits it does not: `#[derive(Debug)]` needs no
/// import, `impl Debug for` does. Shortened only inside `derive(..)`.
const PRELUDE_DERIVES: &[(&[&str], &str)] = &[(&["fmt", "Debug"], "Debug"), (&["hash", "Hash"], "Hash")];

/// Standard macros, all in the prelude, shortened when followed by `!`.
const PRELUDE_MACROS: &[&str] = &[
    "assert", "assert_eq", "assert_ne", "concat", "debug_assert", "format", "format_args", "matches", "panic", "stringify",
    "unreachable", "vec", "write", "writeln",
];

/// `tokens` (one whole file) with every standard path the prelude covers shortened, unless
/// the file declares or imports that name, or has a glob import (whose names it cannot see).
pub(crate) fn shorten_prelude_paths(tokens: TokenStream) -> TokenStream {
    let mut names = DeclaredNames::default();
    names.collect(tokens.clone());
    if names.glob_import {
        return tokens;
    }
    shorten(tokens, &names.names, false)
}

/// Every name a file declares (after `struct`, `enum`, `fn`, ...) or mentions in a `use`,
/// at any depth: a name shadowed in one inner scope stays in full everywhere in the file.
#[derive(Default)]
struct DeclaredNames {
    names: BTreeSet<String>,
    glob_import: bool,
}

impl DeclaredNames {
    fn collect(&mut self, tokens: TokenStream) {
        let mut in_use = false;
        let mut declares_next = false;
        for tree in tokens {
            match tree {
                TokenTree::Ident(ident) => {
                    let name = ident.to_string();
                    if in_use || declares_next {
                        self.names.insert(name.trim_start_matches("r#").to_owned());
                    }
                    declares_next = matches!(
                        name.as_str(),
                        "struct" | "enum" | "union" | "trait" | "type" | "mod" | "fn" | "const" | "static" | "macro_rules"
                    );
                    in_use |= name == "use";
                }
                TokenTree::Punct(punct) => {
                    declares_next &= punct.as_char() == '!';
                    self.glob_import |= in_use && punct.as_char() == '*';
                    in_use &= punct.as_char() != ';';
                }
                TokenTree::Group(group) => {
                    declares_next = false;
                    if in_use {
                        self.collect_use_tree(group.stream());
                    } else {
                        self.collect(group.stream());
                    }
                }
                TokenTree::Literal(_) => declares_next = false,
            }
        }
    }

    /// The braces of `use a::{b, c as d};`.
    fn collect_use_tree(&mut self, tokens: TokenStream) {
        for tree in tokens {
            match tree {
                TokenTree::Ident(ident) => {
                    self.names.insert(ident.to_string().trim_start_matches("r#").to_owned());
                }
                TokenTree::Punct(punct) => self.glob_import |= punct.as_char() == '*',
                TokenTree::Group(group) => self.collect_use_tree(group.stream()),
                TokenTree::Literal(_) => {}
            }
        }
    }
}

fn shorten(tokens: TokenStream, shadowed: &BTreeSet<String>, in_derive: bool) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        let starts_path = !continues_path(&trees[..i]);
        if starts_path {
            if let Some((length, short)) = prelude_name_at(&trees[i..], shadowed, in_derive) {
                let mut ident = Ident::new(short, proc_macro2::Span::call_site());
                if let TokenTree::Ident(last) = &trees[i + length - 1] {
                    ident.set_span(last.span());
                }
                out.push(TokenTree::Ident(ident));
                i += length;
                continue;
            }
        }
        let tree = &trees[i];
        out.push(match tree {
            TokenTree::Literal(literal) => match shortened_path_literal(literal, shadowed) {
                Some(shortened) => TokenTree::Literal(shortened),
                None => tree.clone(),
            },
            TokenTree::Group(group) => {
                let derive = is_derive(&trees[..i]);
                let mut shortened = Group::new(group.delimiter(), shorten(group.stream(), shadowed, derive));
                shortened.set_span(group.span());
                TokenTree::Group(shortened)
            }
            other => other.clone(),
        });
        i += 1;
    }
    out.into_iter().collect()
}

/// A string literal that is a path (serde's `skip_serializing_if = "::std::option::Option::is_none"`)
/// shortened the same way.
fn shortened_path_literal(literal: &proc_macro2::Literal, shadowed: &BTreeSet<String>) -> Option<proc_macro2::Literal> {
    let text = literal.to_string();
    let path = text.strip_prefix("\"::std::")?.strip_suffix('"')?;
    let mut segments = path.split("::");
    let (module, name) = (segments.next()?, segments.next()?);
    let (_, short) = PRELUDE.iter().find(|(full, _)| full == &[module, name])?;
    if shadowed.contains(*short) || path.contains(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
        return None;
    }
    let rest: Vec<&str> = segments.collect();
    let shortened = std::iter::once(*short).chain(rest).collect::<Vec<_>>().join("::");
    let mut replacement = proc_macro2::Literal::string(&shortened);
    replacement.set_span(literal.span());
    Some(replacement)
}

/// Whether a `::` after `before` would continue a longer path (`a::std::..`) rather than
/// start one. A lifetime (`&'a ::std::..`) ends in an identifier but is no path.
fn continues_path(before: &[TokenTree]) -> bool {
    match before {
        [.., TokenTree::Punct(quote), TokenTree::Ident(_)] if quote.as_char() == '\'' => false,
        [.., last @ TokenTree::Ident(_)] => !is_keyword_before_path(last),
        [.., TokenTree::Punct(punct)] => punct.as_char() == ':' && punct.spacing() == Spacing::Joint,
        _ => false,
    }
}

/// Keywords a path may follow directly (`impl ::std::..`, `dyn ::std::..`, `as ::std::..`).
fn is_keyword_before_path(tree: &TokenTree) -> bool {
    let TokenTree::Ident(ident) = tree else { return false };
    matches!(
        ident.to_string().as_str(),
        "impl" | "dyn" | "as" | "for" | "where" | "in" | "return" | "let" | "mut" | "const" | "static" | "break" | "else" | "match"
            | "if" | "while" | "move" | "ref" | "pub" | "type" | "use"
    )
}

/// The group follows `derive` (`#[derive(..)]`, or `derive(..)` inside a `cfg_attr`).
fn is_derive(before: &[TokenTree]) -> bool {
    matches!(before.last(), Some(TokenTree::Ident(ident)) if ident == "derive")
}

/// If `trees` starts with `::std::<segments>` naming a prelude item that is not shadowed, the
/// number of tokens that path takes and its short name.
fn prelude_name_at(trees: &[TokenTree], shadowed: &BTreeSet<String>, in_derive: bool) -> Option<(usize, &'static str)> {
    let segments = path_segments(trees);
    let [std, rest @ ..] = segments.as_slice() else { return None };
    if std != "std" {
        return None;
    }
    let followed_by_bang = |length: usize| matches!(trees.get(length), Some(TokenTree::Punct(bang)) if bang.as_char() == '!');
    let derives: &[(&[&str], &str)] = if in_derive { PRELUDE_DERIVES } else { &[] };
    let found = PRELUDE.iter().chain(derives).find_map(|(path, short)| {
        let matches = rest.len() >= path.len() && rest.iter().zip(path.iter()).all(|(a, b)| a == b);
        let length = 3 * (path.len() + 1);
        (matches && !followed_by_bang(length)).then_some((length, *short))
    });
    let found = found.or_else(|| {
        let name = rest.first()?;
        let short = PRELUDE_MACROS.iter().find(|candidate| **candidate == name)?;
        followed_by_bang(6).then_some((6, *short))
    })?;
    (!shadowed.contains(found.1)).then_some(found)
}

/// The identifiers of a path that starts `trees` with a leading `::` (`::a::b::c` gives
/// `[a, b, c]`); empty if it does not start with `::`.
fn path_segments(trees: &[TokenTree]) -> Vec<String> {
    let mut segments = Vec::new();
    let mut rest = trees;
    while let [TokenTree::Punct(first), TokenTree::Punct(second), TokenTree::Ident(name), tail @ ..] = rest {
        if first.as_char() != ':' || first.spacing() != Spacing::Joint || second.as_char() != ':' {
            break;
        }
        segments.push(name.to_string());
        rest = tail;
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::shorten_prelude_paths;
    use quote::quote;

    fn shortened(tokens: proc_macro2::TokenStream) -> String {
        shorten_prelude_paths(tokens).to_string()
    }

    #[test]
    fn prelude_paths_become_their_prelude_names() {
        let tokens = quote! {
            #[derive(::std::clone::Clone, ::std::fmt::Debug)]
            pub struct Tag {
                #[serde(skip_serializing_if = "::std::option::Option::is_none")]
                pub value: ::std::option::Option<::std::string::String>
            }
            impl ::std::fmt::Debug for Tag {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::write!(f, "{:?}", ::std::option::Option::Some(1))
                }
            }
            fn v() -> ::std::result::Result<::std::vec::Vec<u8>, ()> { ::std::result::Result::Ok(::std::vec![]) }
        };
        assert_eq!(
            shortened(tokens),
            quote! {
                #[derive(Clone, Debug)]
                pub struct Tag {
                    #[serde(skip_serializing_if = "Option::is_none")]
                    pub value: Option<String>
                }
                impl ::std::fmt::Debug for Tag {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "{:?}", Some(1))
                    }
                }
                fn v() -> Result<Vec<u8>, ()> { Ok(vec![]) }
            }
            .to_string()
        );
    }

    #[test]
    fn a_name_the_file_declares_or_imports_keeps_its_full_path() {
        // Official models have structures called `Result` and `Option`.
        let tokens = quote! {
            pub use self::_result::Result;
            pub struct Option {
                #[serde(skip_serializing_if = "::std::option::Option::is_none")]
                pub inner: ::std::option::Option<::std::string::String>
            }
            fn f() -> ::std::result::Result<(), ()> { ::std::result::Result::Ok(()) }
        };
        assert_eq!(
            shortened(tokens),
            quote! {
                pub use self::_result::Result;
                pub struct Option {
                    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
                    pub inner: ::std::option::Option<String>
                }
                fn f() -> ::std::result::Result<(), ()> { Ok(()) }
            }
            .to_string()
        );
    }

    #[test]
    fn a_file_with_a_glob_import_keeps_every_full_path() {
        let tokens = quote! { use super::*; fn f() -> ::std::string::String { ::std::string::String::new() } };
        assert_eq!(shortened(tokens.clone()), tokens.to_string());
    }

    #[test]
    fn only_paths_that_start_at_std_are_shortened() {
        let tokens = quote! {
            type A = my::std::option::Option<u8>;
            type B = <::std::string::String as ::std::convert::From<&'static ::std::primitive::str>>::Error;
            fn c(x: &'static ::std::string::String) -> impl ::std::iter::Iterator<Item = u8> {}
        };
        assert_eq!(
            shortened(tokens),
            quote! {
                type A = my::std::option::Option<u8>;
                type B = <String as From<&'static ::std::primitive::str>>::Error;
                fn c(x: &'static String) -> impl Iterator<Item = u8> {}
            }
            .to_string()
        );
    }
}
