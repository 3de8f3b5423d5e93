//! Client-side validation: every constraint the model states, checked before a request is
//! made, with every violation reported at once.

use std::fmt;
use std::sync::OnceLock;

/// One broken constraint: where, which rule, and the offending value (redacted when the
/// member is `@sensitive`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    path: String,
    rule: String,
    value: Option<String>,
}

impl Violation {
    /// Where the value sits in the input, such as `Tags[1].Key`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule, such as `length must be at least 10`.
    pub fn rule(&self) -> &str {
        &self.rule
    }

    /// The offending value as text; `None` for a missing member.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.rule)?;
        if let Some(value) = &self.value {
            write!(f, " (got {value})")?;
        }
        Ok(())
    }
}

/// Every constraint an input breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    violations: Vec<Violation>,
}

impl ValidationError {
    /// The violations in the order the members are declared.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.violations.len();
        write!(f, "{count} constraint violation{}:", if count == 1 { "" } else { "s" })?;
        for violation in &self.violations {
            write!(f, "\n  - {violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// A compiled pattern, built on first use and kept for the life of the process.
pub(crate) type Pattern = OnceLock<Option<regex_lite::Regex>>;

/// Collects violations while generated code walks an input. Paths are passed as closures
/// and built only for a violation, so a valid input costs no allocation per check.
#[derive(Default)]
pub(crate) struct Validator {
    violations: Vec<Violation>,
}

// A crate uses only the checks its constraints need.
#[allow(dead_code)]
impl Validator {
    pub(crate) fn finish(self) -> Result<(), ValidationError> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(ValidationError { violations: self.violations })
        }
    }

    fn violation(&mut self, path: impl FnOnce() -> String, rule: String, value: Option<String>) {
        self.violations.push(Violation { path: path(), rule, value });
    }

    fn shown(value: impl fmt::Debug, sensitive: bool) -> String {
        if sensitive {
            REDACTED.to_owned()
        } else {
            format!("{value:?}")
        }
    }

    pub(crate) fn missing(&mut self, path: impl FnOnce() -> String) {
        self.violation(path, "is required".to_owned(), None);
    }

    /// `count` is in Unicode scalar values for strings, bytes for blobs, entries for
    /// lists and maps, as Smithy's `@length` counts them.
    pub(crate) fn length(&mut self, path: impl FnOnce() -> String, count: usize, min: Option<u64>, max: Option<u64>, shown: impl fmt::Debug, sensitive: bool) {
        let count = count as u64;
        if let Some(min) = min.filter(|min| count < *min) {
            let rule = format!("length must be at least {min}, but is {count}");
            self.violation(path, rule, Some(Self::shown(shown, sensitive)));
        } else if let Some(max) = max.filter(|max| count > *max) {
            let rule = format!("length must be at most {max}, but is {count}");
            self.violation(path, rule, Some(Self::shown(shown, sensitive)));
        }
    }

    pub(crate) fn pattern(&mut self, path: impl FnOnce() -> String, value: &str, compiled: &'static Pattern, pattern: &'static str, sensitive: bool) {
        let regex = compiled.get_or_init(|| regex_lite::Regex::new(pattern).ok());
        let matches = regex.as_ref().map(|regex| regex.is_match(value));
        match matches {
            Some(true) => {}
            Some(false) => self.violation(path, format!("must match the pattern {pattern}"), Some(Self::shown(value, sensitive))),
            None => self.violation(path, format!("pattern {pattern} cannot be checked by this regex engine"), None),
        }
    }

    pub(crate) fn range_integer(&mut self, path: impl FnOnce() -> String, value: i64, min: Option<i64>, max: Option<i64>, sensitive: bool) {
        if min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max) {
            self.violation(path, range_rule(min, max), Some(Self::shown(value, sensitive)));
        }
    }

    /// NaN is outside every range.
    pub(crate) fn range_float(&mut self, path: impl FnOnce() -> String, value: f64, min: Option<f64>, max: Option<f64>, sensitive: bool) {
        let below = min.is_some_and(|min| value.is_nan() || value < min);
        let above = max.is_some_and(|max| value.is_nan() || value > max);
        if below || above {
            self.violation(path, range_rule(min, max), Some(Self::shown(value, sensitive)));
        }
    }

    pub(crate) fn unique<T: PartialEq + fmt::Debug>(&mut self, path: impl FnOnce() -> String, items: &[T], sensitive: bool) {
        for (index, item) in items.iter().enumerate() {
            if items[..index].contains(item) {
                let rule = format!("items must be unique, but item {index} repeats an earlier one");
                self.violation(path, rule, Some(Self::shown(item, sensitive)));
                return;
            }
        }
    }
}

/// The path of member `name` inside the value at `prefix`.
// Unused in crates whose inputs have no constraints.
#[allow(dead_code)]
pub(crate) fn member_path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// The path of item `index` of the list at `prefix`: `Tags[2]`.
// Unused in crates whose inputs have no constraints.
#[allow(dead_code)]
pub(crate) fn index_path(prefix: &str, index: usize) -> String {
    format!("{prefix}[{index}]")
}

/// The path of the entry under `key` of the map at `prefix`: `Properties["HOST"]`.
// Unused in crates whose inputs have no constraints.
#[allow(dead_code)]
pub(crate) fn key_path(prefix: &str, key: &str) -> String {
    format!("{prefix}[{key:?}]")
}

fn range_rule<T: fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("must be between {min} and {max}"),
        (Some(min), None) => format!("must be at least {min}"),
        (None, Some(max)) => format!("must be at most {max}"),
        (None, None) => "is out of range".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static LOWER: Pattern = OnceLock::new();

    #[test]
    fn reports_every_violation_readably() {
        let mut validator = Validator::default();
        validator.missing(|| "Name".into());
        validator.length(|| "Id".into(), "short".chars().count(), Some(10), Some(65), "short", false);
        validator.pattern(|| "Code".into(), "ABC", &LOWER, "^[a-z]+$", false);
        validator.pattern(|| "Secret".into(), "ABC", &LOWER, "^[a-z]+$", true);
        validator.range_integer(|| "Count".into(), 0, Some(1), None, false);
        validator.range_float(|| "Ratio".into(), f64::NAN, Some(0.0), Some(1.0), false);
        validator.unique(|| "Names".into(), &["a", "b", "a"], false);
        let error = validator.finish().unwrap_err();
        assert_eq!(
            error.to_string(),
            "7 constraint violations:\n  \
             - Name: is required\n  \
             - Id: length must be at least 10, but is 5 (got \"short\")\n  \
             - Code: must match the pattern ^[a-z]+$ (got \"ABC\")\n  \
             - Secret: must match the pattern ^[a-z]+$ (got *** Sensitive Data Redacted ***)\n  \
             - Count: must be at least 1 (got 0)\n  \
             - Ratio: must be between 0 and 1 (got NaN)\n  \
             - Names: items must be unique, but item 2 repeats an earlier one (got \"a\")"
        );
    }

    #[test]
    fn values_at_the_bounds_pass() {
        let mut validator = Validator::default();
        validator.length(|| "a".into(), 10, Some(10), Some(10), "", false);
        validator.range_integer(|| "b".into(), 5, Some(5), Some(5), false);
        validator.range_float(|| "c".into(), 0.5, Some(0.5), Some(0.5), false);
        validator.pattern(|| "d".into(), "abc", &LOWER, "^[a-z]+$", false);
        validator.unique(|| "e".into(), &[1, 2, 3], false);
        assert_eq!(validator.finish(), Ok(()));
    }
}
