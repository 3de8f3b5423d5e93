//! The shared AWS config and credentials files (`~/.aws/config`, `~/.aws/credentials`), read
//! as the AWS SDKs read them.
//!
//! The config file names profiles `[profile name]` (and `[default]`), the credentials file
//! `[name]`; a property in both comes from the credentials file. `[services name]` sections
//! hold per-service settings as indented sub-properties.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Reads an environment variable; tests give a map instead of the process environment.
pub(crate) type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment, with empty values treated as unset (as the SDKs do).
pub(crate) fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// One section's properties; a property with an empty value followed by indented
/// `key = value` lines holds those as sub-properties.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Section {
    pub(crate) properties: BTreeMap<String, String>,
    pub(crate) sub_properties: BTreeMap<String, BTreeMap<String, String>>,
}

impl Section {
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.properties.get(key).map(String::as_str).filter(|value| !value.is_empty())
    }
}

/// The selected profile, and the `[services]` section it names, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    pub(crate) name: String,
    /// Whether either file has a section for the profile.
    pub(crate) exists: bool,
    pub(crate) section: Section,
    pub(crate) services: Option<Section>,
    /// The files read, for error messages.
    pub(crate) sources: Vec<PathBuf>,
}

impl Profile {
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.section.get(key)
    }

    /// A sub-property of the service's entry in the profile's `[services]` section.
    pub(crate) fn service_setting(&self, service_key: &str, key: &str) -> Option<&str> {
        self.services
            .as_ref()?
            .sub_properties
            .get(service_key)?
            .get(key)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }

    /// The files, as a phrase for error messages.
    pub(crate) fn sources_text(&self) -> String {
        let names: Vec<String> = self.sources.iter().map(|path| path.display().to_string()).collect();
        names.join(" and ")
    }
}

/// A file that could not be read or is malformed: the file, the line and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileFileError {
    message: String,
}

impl fmt::Display for ProfileFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProfileFileError {}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Config,
    Credentials,
}

/// Where a section's properties go.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SectionName {
    Profile(String),
    Services(String),
    /// Sections this crate has no use for (`sso-session`, or a config-file section without
    /// the `profile` prefix, which the SDKs ignore too).
    Ignored,
}

/// Every section of one file, in order of appearance.
type Sections = Vec<(SectionName, Section)>;

/// Reads the profile `AWS_PROFILE` names (`default` otherwise) from the files the
/// environment points at. Missing files are empty; unreadable or malformed ones are errors.
pub(crate) fn load(env: Env<'_>) -> Result<Profile, ProfileFileError> {
    let name = env("AWS_PROFILE").unwrap_or_else(|| "default".to_owned());
    let config_path = file_path(env, "AWS_CONFIG_FILE", "config");
    let credentials_path = file_path(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
    let config = read(config_path.as_deref(), FileKind::Config)?;
    let credentials = read(credentials_path.as_deref(), FileKind::Credentials)?;
    let mut profile = Profile {
        name: name.clone(),
        sources: config_path.into_iter().chain(credentials_path).collect(),
        ..Profile::default()
    };
    // `[profile default]` wins over `[default]` in the config file; the credentials file
    // wins over both, key by key.
    let selected = |(section_name, _): &&(SectionName, Section)| *section_name == SectionName::Profile(name.clone());
    for (_, section) in config.iter().filter(selected).chain(credentials.iter().filter(selected)) {
        profile.exists = true;
        profile.section.properties.extend(section.properties.clone());
        profile.section.sub_properties.extend(section.sub_properties.clone());
    }
    if let Some(services) = profile.get("services").map(str::to_owned) {
        let wanted = SectionName::Services(services);
        profile.services = config.into_iter().find(|(name, _)| *name == wanted).map(|(_, section)| section);
    }
    Ok(profile)
}

fn file_path(env: Env<'_>, variable: &str, default_name: &str) -> Option<PathBuf> {
    let home = || env("HOME").or_else(|| env("USERPROFILE"));
    match env(variable) {
        Some(path) => match path.strip_prefix("~/").or_else(|| path.strip_prefix("~\\")) {
            Some(rest) => home().map(|home| Path::new(&home).join(rest)),
            None => Some(PathBuf::from(path)),
        },
        None => home().map(|home| Path::new(&home).join(".aws").join(default_name)),
    }
}

fn read(path: Option<&Path>, kind: FileKind) -> Result<Sections, ProfileFileError> {
    let Some(path) = path else { return Ok(Vec::new()) };
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, kind).map_err(|(line, problem)| ProfileFileError {
            message: format!("{}, line {line}: {problem}", path.display()),
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(error) => Err(ProfileFileError {
            message: format!("{} could not be read: {error}", path.display()),
        }),
    }
}

/// Parses one file; an error gives the 1-based line and the problem.
fn parse(text: &str, kind: FileKind) -> Result<Sections, (usize, String)> {
    let mut sections: Sections = Vec::new();
    // The property the next indented line continues or adds sub-properties to.
    let mut last_key: Option<String> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if trimmed.starts_with('[') {
            let name = section_name(trimmed, kind).map_err(|problem| (number, problem))?;
            sections.push((name, Section::default()));
            last_key = None;
            continue;
        }
        let Some((_, section)) = sections.last_mut() else {
            return Err((number, "a property appears before any [section]".to_owned()));
        };
        let indented = line.starts_with([' ', '\t']);
        if indented {
            let Some(key) = &last_key else {
                return Err((number, "an indented line continues no property".to_owned()));
            };
            let value = section.properties.entry(key.clone()).or_default();
            if value.is_empty() {
                let (sub_key, sub_value) = property(trimmed).map_err(|problem| (number, problem))?;
                section.sub_properties.entry(key.clone()).or_default().insert(sub_key, sub_value);
            } else {
                value.push('\n');
                value.push_str(trimmed);
            }
            continue;
        }
        let (key, value) = property(trimmed).map_err(|problem| (number, problem))?;
        section.properties.insert(key.clone(), value);
        last_key = Some(key);
    }
    Ok(sections)
}

/// `key = value`, with the key lowercased (keys are case-insensitive; values are not).
fn property(line: &str) -> Result<(String, String), String> {
    let (key, value) = line
        .split_once('=')
        .ok_or_else(|| format!("`{line}` is not a `key = value` property"))?;
    let key = key.trim();
    if key.is_empty() {
        return Err(format!("`{line}` has no property name"));
    }
    Ok((key.to_ascii_lowercase(), value.trim().to_owned()))
}

fn section_name(line: &str, kind: FileKind) -> Result<SectionName, String> {
    let inner = line
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .filter(|(_, after)| {
            let after = after.trim();
            after.is_empty() || after.starts_with('#') || after.starts_with(';')
        })
        .map(|(inner, _)| inner.trim())
        .ok_or_else(|| format!("`{line}` is not a [section] header"))?;
    let words: Vec<&str> = inner.split_whitespace().collect();
    let name = match (kind, words.as_slice()) {
        (_, []) => return Err("a section has no name".to_owned()),
        (FileKind::Config, ["profile", name]) | (FileKind::Credentials, [name]) => SectionName::Profile((*name).to_owned()),
        (FileKind::Config, ["services", name]) => SectionName::Services((*name).to_owned()),
        (FileKind::Config, ["default"]) => SectionName::Profile("default".to_owned()),
        (_, [_] | [_, _]) => SectionName::Ignored,
        _ => return Err(format!("`{line}`: a section name has no spaces")),
    };
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn profile(name: SectionName) -> impl Fn(&Sections) -> Option<Section> {
        move |sections| sections.iter().rev().find(|(found, _)| *found == name).map(|(_, section)| section.clone())
    }

    #[test]
    fn config_sections_need_the_profile_prefix_and_credentials_sections_do_not() {
        let config = parse("[default]\nregion = us-west-2\n[profile dev]\nregion=eu-west-1\n[dev]\nregion = ignored\n", FileKind::Config).unwrap();
        assert_eq!(profile(SectionName::Profile("dev".into()))(&config).unwrap().get("region"), Some("eu-west-1"));
        assert_eq!(config.iter().filter(|(name, _)| *name == SectionName::Ignored).count(), 1);
        let credentials = parse("[dev]\naws_access_key_id = AKID\n[profile dev]\nx = y\n", FileKind::Credentials).unwrap();
        assert_eq!(profile(SectionName::Profile("dev".into()))(&credentials).unwrap().get("aws_access_key_id"), Some("AKID"));
    }

    #[test]
    fn comments_blank_lines_continuations_and_sub_properties() {
        let text = "# top\n[profile a] ; note\n\nKey = first\n  second\n; comment\nservices =\n  workspaces =\n    endpoint_url = http://x\ns3 =\n  max_concurrent_requests = 5\n";
        let sections = parse(text, FileKind::Config).unwrap();
        let section = profile(SectionName::Profile("a".into()))(&sections).unwrap();
        assert_eq!(section.get("key"), Some("first\nsecond"));
        assert_eq!(section.sub_properties["s3"]["max_concurrent_requests"], "5");
    }

    #[test]
    fn malformed_lines_name_the_line() {
        assert_eq!(parse("[default]\nno equals sign\n", FileKind::Config).unwrap_err(), (2, "`no equals sign` is not a `key = value` property".into()));
        assert_eq!(parse("region = x\n", FileKind::Config).unwrap_err().0, 1);
        assert_eq!(parse("[default\n", FileKind::Config).unwrap_err().0, 1);
        assert_eq!(parse("[default]\n  indented = first\n", FileKind::Config).unwrap_err().0, 2);
    }

    #[test]
    fn load_merges_both_files_with_the_credentials_file_winning() {
        let dir = std::env::temp_dir().join(format!("smithy-bind-profile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("config");
        let credentials = dir.join("credentials");
        std::fs::write(&config, "[profile work]\nregion = eu-central-1\naws_access_key_id = FROM_CONFIG\nservices = local\n[services local]\nworkspaces =\n  endpoint_url = http://localhost:4566\n").unwrap();
        std::fs::write(&credentials, "[work]\naws_access_key_id = FROM_CREDENTIALS\naws_secret_access_key = s\n").unwrap();
        let vars: HashMap<&str, String> = HashMap::from([
            ("AWS_PROFILE", "work".to_owned()),
            ("AWS_CONFIG_FILE", config.display().to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE", credentials.display().to_string()),
        ]);
        let env = |name: &str| vars.get(name).cloned();
        let loaded = load(&env).unwrap();
        assert!(loaded.exists);
        assert_eq!(loaded.get("region"), Some("eu-central-1"));
        assert_eq!(loaded.get("aws_access_key_id"), Some("FROM_CREDENTIALS"));
        assert_eq!(loaded.service_setting("workspaces", "endpoint_url"), Some("http://localhost:4566"));
        std::fs::write(&config, "[profile work]\n= x\n").unwrap();
        let error = load(&env).unwrap_err().to_string();
        assert!(error.ends_with("config, line 2: `= x` has no property name"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_files_give_an_empty_profile() {
        let env = |name: &str| (name == "HOME").then(|| "/nonexistent-home".to_owned());
        let loaded = load(&env).unwrap();
        assert!(!loaded.exists);
        assert_eq!(loaded.name, "default");
        assert_eq!(loaded.sources, [PathBuf::from("/nonexistent-home/.aws/config"), PathBuf::from("/nonexistent-home/.aws/credentials")]);
    }
}
