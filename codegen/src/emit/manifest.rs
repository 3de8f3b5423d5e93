//! The generated crate's `Cargo.toml`: a manifest that stands alone (no workspace
//! inheritance), declaring exactly the features and dependencies the emitted code uses.

use crate::ir::CrateIr;

/// A cargo feature the generated code gates items on, and what it enables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feature {
    pub name: &'static str,
    pub enables: &'static [&'static str],
    pub doc: &'static str,
}

/// A dependency the generated code names, and the TOML that declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dependency {
    pub name: &'static str,
    pub spec: &'static str,
    pub doc: &'static str,
}

/// What a crate generated from `krate` needs its manifest to declare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirements {
    /// Features on by default.
    pub default_features: &'static [&'static str],
    pub features: Vec<Feature>,
    pub dependencies: Vec<Dependency>,
}

impl Requirements {
    pub fn of(krate: &CrateIr) -> Self {
        let mut dependencies = vec![
            Dependency {
                name: "hmac",
                spec: r#"{ version = "0.12", optional = true }"#,
                doc: "",
            },
            Dependency {
                name: "sha2",
                spec: r#"{ version = "0.10", optional = true, default-features = false }"#,
                doc: "",
            },
            Dependency {
                name: "ureq",
                spec: r#"{ version = "3", optional = true, default-features = false, features = ["rustls"] }"#,
                doc: "",
            },
            Dependency {
                name: "http-body-util",
                spec: r#"{ version = "0.1", optional = true }"#,
                doc: "",
            },
            Dependency {
                name: "hyper",
                spec: r#"{ version = "1", optional = true, features = ["client", "http1"] }"#,
                doc: "",
            },
            Dependency {
                name: "hyper-rustls",
                spec: r#"{ version = "0.27", optional = true, default-features = false, features = ["http1", "ring", "webpki-roots", "tls12"] }"#,
                doc: "",
            },
            Dependency {
                name: "hyper-util",
                spec: r#"{ version = "0.1", optional = true, features = ["client-legacy", "http1", "tokio"] }"#,
                doc: "",
            },
            Dependency {
                name: "tokio",
                spec: r#"{ version = "1", optional = true, features = ["time"] }"#,
                doc: "",
            },
            Dependency {
                name: "http",
                spec: r#"{ version = "1", optional = true, default-features = false, features = ["std"] }"#,
                doc: "",
            },
            Dependency {
                name: "regex-lite",
                spec: r#"{ version = "0.1", optional = true }"#,
                doc: "",
            },
            Dependency {
                name: "serde",
                spec: r#"{ version = "1", optional = true, features = ["derive"] }"#,
                doc: "",
            },
        ];
        if krate.operations.iter().any(|operation| operation.gzip_requests) {
            dependencies.push(Dependency {
                name: "miniz_oxide",
                spec: r#"{ version = "0.9", default-features = false, features = ["with-alloc"] }"#,
                doc: "# DEFLATE for the operations with @requestCompression (the gzip framing is generated).\n",
            });
        }
        dependencies.sort_by_key(|dependency| dependency.name);
        Self {
            default_features: &["validation"],
            features: vec![
                Feature {
                    name: "async",
                    enables: &["client"],
                    doc: "# The async client (`Client`), over any runtime through the `client::HttpClient` trait.\n",
                },
                Feature {
                    name: "blocking",
                    enables: &["client"],
                    doc: "# The blocking client (`blocking::Client`), over the `blocking::HttpClient` trait.\n",
                },
                Feature {
                    name: "client",
                    enables: &["sigv4"],
                    doc: "# What both clients share: configuration, credentials, retries, fluent builders.\n",
                },
                Feature {
                    name: "http",
                    enables: &["dep:http"],
                    doc: "# Conversions to `http::Request<Vec<u8>>` and from `http::Response`.\n",
                },
                Feature {
                    name: "hyper",
                    enables: &["async", "dep:http-body-util", "dep:hyper", "dep:hyper-rustls", "dep:hyper-util", "dep:tokio"],
                    doc: "# `Client::from_conf`, sending with hyper (rustls, webpki roots) on tokio.\n",
                },
                Feature {
                    name: "serde",
                    enables: &["dep:serde"],
                    doc: "# `serde::Serialize` and `Deserialize` for every generated type, in the awsJson JSON form.\n",
                },
                Feature {
                    name: "sigv4",
                    enables: &["dep:hmac", "dep:sha2"],
                    doc: "# SigV4 request signing (`sigv4`), on its own for callers who send requests themselves.\n",
                },
                Feature {
                    name: "ureq",
                    enables: &["blocking", "dep:ureq"],
                    doc: "# `blocking::Client::from_conf`, sending with ureq (rustls, webpki roots).\n",
                },
                Feature {
                    name: "validation",
                    enables: &["dep:regex-lite"],
                    doc: "# Client-side validation of every modeled constraint (`validate()`); patterns need regex-lite.\n",
                },
            ],
            dependencies,
        }
    }
}

/// The package name for a service without `--crate-name`: its SDK id, lowercased without
/// spaces as aws-sdk-rust names its crates (`WorkSpaces` → `workspaces-bindings`).
pub fn default_crate_name(krate: &CrateIr) -> String {
    let base: String = match &krate.service.sdk_id {
        Some(sdk_id) => sdk_id.chars().filter(|c| c.is_ascii_alphanumeric()).collect(),
        None => crate::naming::snake_case(&krate.service.shape_name).replace('_', "-"),
    };
    format!("{}-bindings", base.to_ascii_lowercase())
}

/// The manifest text, after the `@generated` header lines (as TOML comments).
pub fn emit_manifest(krate: &CrateIr, requirements: &Requirements, header: &str, crate_name: &str) -> String {
    let protocol = krate.service.protocol.name();
    let mut text = String::from(header);
    text.push_str(
        "# To maintain this manifest by hand, remove its first line (the @generated marker): the\n\
         # generator then leaves it alone, and `--check` names any feature or dependency it lacks.\n\n",
    );
    text.push_str("[package]\n");
    text.push_str(&format!("name = {}\n", toml_string(crate_name)));
    text.push_str("version = \"0.1.0\"\n");
    let description = format!("{} bindings generated by smithy-bind ({protocol} wire format)", krate.service.title);
    text.push_str(&format!("description = {}\n", toml_string(&description)));
    text.push_str("edition = \"2021\"\n");
    text.push_str("rust-version = \"1.85\"\n");
    text.push_str("license = \"Apache-2.0\"\n");
    text.push_str("publish = false\n\n");
    text.push_str("[features]\n");
    let defaults: Vec<String> = requirements.default_features.iter().map(|f| toml_string(f)).collect();
    text.push_str(&format!("default = [{}]\n", defaults.join(", ")));
    for feature in &requirements.features {
        text.push_str(feature.doc);
        let enables: Vec<String> = feature.enables.iter().map(|f| toml_string(f)).collect();
        text.push_str(&format!("{} = [{}]\n", feature.name, enables.join(", ")));
    }
    text.push_str("\n[dependencies]\n");
    for dependency in &requirements.dependencies {
        text.push_str(dependency.doc);
        text.push_str(&format!("{} = {}\n", dependency.name, dependency.spec));
    }
    text
}

/// What a hand-maintained manifest lacks of `requirements`, as `feature `x`` and
/// `dependency `y`` items. The manifest is read only as far as section headers and keys.
pub fn missing_from_manifest(manifest: &str, requirements: &Requirements) -> Vec<String> {
    let declared = DeclaredNames::read(manifest);
    let mut missing = Vec::new();
    for feature in &requirements.features {
        if !declared.features.iter().any(|name| name == feature.name) {
            missing.push(format!("feature `{}`", feature.name));
        }
    }
    for dependency in &requirements.dependencies {
        let wanted = dependency.name.replace('-', "_");
        if !declared.dependencies.iter().any(|name| name.replace('-', "_") == wanted) {
            missing.push(format!("dependency `{}`", dependency.name));
        }
    }
    missing
}

/// The feature and dependency names a manifest declares.
#[derive(Debug, Default)]
struct DeclaredNames {
    features: Vec<String>,
    dependencies: Vec<String>,
}

impl DeclaredNames {
    /// Reads `[features]` keys, and `[dependencies]` / `[target.*.dependencies]` keys or
    /// `[dependencies.name]` tables. Dependency keys are what the code names (a renamed
    /// package counts under its key).
    fn read(manifest: &str) -> Self {
        #[derive(PartialEq)]
        enum Section {
            Features,
            Dependencies,
            Other,
        }
        let mut names = Self::default();
        let mut section = Section::Other;
        for line in manifest.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if let Some(header) = line.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
                let parts = split_key(header);
                section = Section::Other;
                match parts.as_slice() {
                    [features] if features == "features" => section = Section::Features,
                    [dependencies] if dependencies == "dependencies" => section = Section::Dependencies,
                    [dependencies, name] if dependencies == "dependencies" => names.dependencies.push(name.clone()),
                    [target, _, dependencies] if target == "target" && dependencies == "dependencies" => {
                        section = Section::Dependencies;
                    }
                    [target, _, dependencies, name] if target == "target" && dependencies == "dependencies" => {
                        names.dependencies.push(name.clone());
                    }
                    _ => {}
                }
                continue;
            }
            let Some((key, _)) = line.split_once('=') else {
                continue;
            };
            let Some(name) = split_key(key.trim()).into_iter().next() else {
                continue;
            };
            match section {
                Section::Features => names.features.push(name),
                Section::Dependencies => names.dependencies.push(name),
                Section::Other => {}
            }
        }
        names
    }
}

/// A dotted TOML key as its parts, quotes removed (`target.'cfg(unix)'.dependencies`).
fn split_key(key: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quote = None;
    for c in key.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '.') => parts.push(std::mem::take(&mut current).trim().to_owned()),
            _ => current.push(c),
        }
    }
    parts.push(current.trim().to_owned());
    parts
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requirements(compression: bool) -> Requirements {
        let mut dependencies = vec![
            Dependency { name: "http", spec: "", doc: "" },
            Dependency { name: "regex-lite", spec: "", doc: "" },
        ];
        if compression {
            dependencies.push(Dependency { name: "miniz_oxide", spec: "", doc: "" });
        }
        Requirements {
            default_features: &[],
            features: vec![
                Feature { name: "http", enables: &[], doc: "" },
                Feature { name: "validation", enables: &[], doc: "" },
            ],
            dependencies,
        }
    }

    #[test]
    fn a_complete_hand_manifest_lacks_nothing() {
        let manifest = "[package]\nname = \"mine\"\n\n[features]\nvalidation = [\"dep:regex-lite\"] # checks\nhttp = []\n\n\
                        [dependencies]\nregex_lite = { package = \"regex-lite\", version = \"0.1\" }\n\n\
                        [target.'cfg(unix)'.dependencies.http]\nversion = \"1\"\n";
        assert_eq!(missing_from_manifest(manifest, &requirements(false)), Vec::<String>::new());
    }

    #[test]
    fn a_hand_manifest_names_what_it_lacks() {
        let manifest = "[package]\nname = \"http\"\n\n[features]\nhttp = [\"dep:http\"]\n\n[dependencies]\nhttp = \"1\"\n\
                        [dev-dependencies]\nregex-lite = \"0.1\"\n";
        assert_eq!(
            missing_from_manifest(manifest, &requirements(true)),
            ["feature `validation`", "dependency `regex-lite`", "dependency `miniz_oxide`"]
        );
    }

    #[test]
    fn toml_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(toml_string("a \"b\" \\ c\n"), r#""a \"b\" \\ c\u000A""#);
    }
}
