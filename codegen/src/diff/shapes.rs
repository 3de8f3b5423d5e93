//! The comparison itself: the service, the operations, and every shape of the two closures.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::api::{self, RustApi};
use super::change::{Change, Impact, ModelDiff};
use super::traits::{trait_impact, trait_label};
use super::Side;
use crate::extract::without_documentation_fields;
use crate::ir::StructureRole;
use crate::model::{traits, Member, Shape, ShapeId, ShapeKind, Traits};

const ENDPOINT_RULES: &str = "smithy.rules#endpointRuleSet";
const ENDPOINT_TESTS: &str = "smithy.rules#endpointTests";
const SERVICE_TRAIT: &str = "aws.api#service";

pub(crate) struct Differ<'s, 'm> {
    old: &'s Side<'m>,
    new: &'s Side<'m>,
    old_api: RustApi<'s>,
    new_api: RustApi<'s>,
    changes: Vec<Change>,
    documentation_changes: usize,
}

impl<'s, 'm> Differ<'s, 'm> {
    pub fn new(old: &'s Side<'m>, new: &'s Side<'m>) -> Self {
        Differ { old, new, old_api: old.api(), new_api: new.api(), changes: Vec::new(), documentation_changes: 0 }
    }

    pub fn finish(mut self) -> ModelDiff {
        self.changes.sort_by(|a, b| (a.impact, &a.subject, a.kind, &a.detail).cmp(&(b.impact, &b.subject, b.kind, &b.detail)));
        self.changes.dedup();
        ModelDiff { changes: self.changes, documentation_changes: self.documentation_changes }
    }

    fn push(&mut self, impact: Impact, kind: &'static str, subject: impl ToString, detail: impl Into<String>) {
        self.changes.push(Change::new(impact, kind, subject, detail));
    }

    pub fn compare_service(&mut self, old: &Shape, new: &Shape) {
        let (ShapeKind::Service(old_service), ShapeKind::Service(new_service)) = (&old.kind, &new.kind) else {
            return;
        };
        if old_service.version != new_service.version {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
            let detail = format!("{} → {}", show(&old_service.version), show(&new_service.version));
            self.push(Impact::DocsOnly, "service version changed", &new.id, detail);
        }
        self.compare_errors(&new.id, &old_service.errors, &new_service.errors, "service error");
        self.compare_documentation(&old.traits, &new.traits);
        let rest = |traits: &Traits| -> Traits {
            let mut traits = traits.clone();
            for special in [ENDPOINT_RULES, ENDPOINT_TESTS, SERVICE_TRAIT] {
                traits.remove(special);
            }
            traits
        };
        self.compare_traits(&new.id, &rest(&old.traits), &rest(&new.traits));
        self.compare_service_trait(&new.id, old.traits.get(SERVICE_TRAIT), new.traits.get(SERVICE_TRAIT));
        self.compare_endpoint_rules(&new.id, old.traits.get(ENDPOINT_RULES), new.traits.get(ENDPOINT_RULES));
        self.compare_endpoint_tests(&new.id, old.traits.get(ENDPOINT_TESTS), new.traits.get(ENDPOINT_TESTS));
    }

    /// `aws.api#service`: its `sdkId` names the crate, its environment variables and
    /// profile keys, so a change there breaks every user; the rest is metadata.
    fn compare_service_trait(&mut self, subject: &ShapeId, old: Option<&Value>, new: Option<&Value>) {
        let sdk_id = |value: Option<&Value>| value.and_then(|v| v.get("sdkId")).and_then(Value::as_str).map(str::to_owned);
        if sdk_id(old) != sdk_id(new) {
            let show = |id: Option<String>| id.unwrap_or_else(|| "none".into());
            self.push(Impact::Breaking, "sdk id changed", subject, format!("{} → {}", show(sdk_id(old)), show(sdk_id(new))));
        }
        let rest = |value: Option<&Value>| {
            value.map(|v| {
                let mut v = v.clone();
                if let Some(object) = v.as_object_mut() {
                    object.remove("sdkId");
                }
                v
            })
        };
        if rest(old) != rest(new) {
            let detail = format!("{} {}", trait_label(SERVICE_TRAIT), value_change(old, new));
            self.push(Impact::WireOnly, "trait changed", subject, detail.trim_end());
        }
    }

    /// Rule sets compared as the resolver reads them: documentation aside, and parameter
    /// types in any case (older models spell them `String` and `Boolean`).
    fn compare_endpoint_rules(&mut self, subject: &ShapeId, old: Option<&Value>, new: Option<&Value>) {
        let (old, new) = (old.map(normalized_rules), new.map(normalized_rules));
        let part = |rules: &Option<Value>, key: &str| rules.as_ref().and_then(|r| r.get(key).cloned());
        let mut changed = Vec::new();
        if part(&old, "parameters") != part(&new, "parameters") {
            let names = |rules: &Option<Value>| -> BTreeMap<String, Value> {
                part(rules, "parameters").and_then(|p| p.as_object().cloned()).unwrap_or_default().into_iter().collect()
            };
            let (before, after) = (names(&old), names(&new));
            let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
            let differing: Vec<&str> = keys.into_iter().filter(|k| before.get(*k) != after.get(*k)).map(String::as_str).collect();
            changed.push(format!("parameters {}", differing.join(", ")));
        }
        if part(&old, "rules") != part(&new, "rules") {
            changed.push("rules".to_owned());
        }
        if old.is_some() != new.is_some() || part(&old, "version") != part(&new, "version") {
            changed.push("rule set".to_owned());
        }
        if !changed.is_empty() {
            let detail = format!("{} changed: the resolver may choose other URLs", changed.join("; "));
            self.push(Impact::WireOnly, "endpoint rules changed", subject, detail);
        }
    }

    /// Endpoint test cases are compared as a set, documentation aside.
    fn compare_endpoint_tests(&mut self, subject: &ShapeId, old: Option<&Value>, new: Option<&Value>) {
        let cases = |value: Option<&Value>| -> Vec<Value> {
            value
                .map(without_documentation_fields)
                .and_then(|v| v.get("testCases").and_then(Value::as_array).cloned())
                .unwrap_or_default()
        };
        let (old_cases, new_cases) = (cases(old), cases(new));
        let added = new_cases.iter().filter(|case| !old_cases.contains(case)).count();
        let removed = old_cases.iter().filter(|case| !new_cases.contains(case)).count();
        if added + removed > 0 {
            let detail = format!("{added} added, {removed} removed ({} → {} cases)", old_cases.len(), new_cases.len());
            self.push(Impact::WireOnly, "endpoint tests changed", subject, detail);
        }
    }

    pub fn compare_operations(&mut self) {
        let old: BTreeMap<&ShapeId, _> = self.old.operations().collect();
        let new: BTreeMap<&ShapeId, _> = self.new.operations().collect();
        for (id, _) in old.iter().filter(|(id, _)| !new.contains_key(*id)) {
            self.push(Impact::Breaking, "operation removed", id, "its module under `operation::` and its client method go away");
        }
        for (id, _) in new.iter().filter(|(id, _)| !old.contains_key(*id)) {
            self.push(Impact::Additive, "operation added", id, "a new module under `operation::` and a client method");
        }
        for (id, old_operation) in &old {
            let Some(new_operation) = new.get(id) else { continue };
            self.compare_errors(id, &old_operation.errors, &new_operation.errors, "error");
            for (role, before, after) in [("input", &old_operation.input, &new_operation.input), ("output", &old_operation.output, &new_operation.output)] {
                if before != after {
                    let show = |id: &Option<ShapeId>| id.as_ref().map_or("none".into(), ToString::to_string);
                    let detail = format!("{role} {} → {} (the Rust type keeps the operation's name)", show(before), show(after));
                    self.push(Impact::DocsOnly, "operation shape renamed", id, detail);
                    if let (Some(before), Some(after)) = (before, after) {
                        self.compare_pair(before, after);
                    }
                }
            }
            if let (Some(old_shape), Some(new_shape)) = (self.old.shape(id), self.new.shape(id)) {
                self.compare_documentation(&old_shape.traits, &new_shape.traits);
                self.compare_traits(id, &old_shape.traits, &new_shape.traits);
            }
        }
    }

    fn compare_errors(&mut self, subject: &ShapeId, old: &[ShapeId], new: &[ShapeId], what: &'static str) {
        let (kind_removed, kind_added) = if what == "error" { ("error removed", "error added") } else { ("service error removed", "service error added") };
        for error in old.iter().filter(|error| !new.contains(error)) {
            self.push(Impact::Breaking, kind_removed, subject, format!("{} (its variant of the error enum goes away)", error.name()));
        }
        for error in new.iter().filter(|error| !old.contains(error)) {
            self.push(Impact::Additive, kind_added, subject, format!("{} (a new variant; the error enums are #[non_exhaustive])", error.name()));
        }
    }

    /// Every shape in either closure: the same id on both sides is compared; a shape on one
    /// side only matters when it is a Rust type of its own.
    pub fn compare_closures(&mut self) {
        let old_ids: BTreeSet<&ShapeId> = self.old.closure.shapes.iter().filter(|id| !id.is_prelude()).collect();
        let new_ids: BTreeSet<&ShapeId> = self.new.closure.shapes.iter().filter(|id| !id.is_prelude()).collect();
        for id in old_ids.difference(&new_ids) {
            if let Some(item) = self.old_api.item(&id.to_string()) {
                self.push(Impact::Breaking, "type removed", id, format!("`{item}`"));
            }
        }
        for id in new_ids.difference(&old_ids) {
            if let Some(item) = self.new_api.item(&id.to_string()) {
                self.push(Impact::Additive, "type added", id, format!("`{item}`"));
            }
        }
        for id in old_ids.intersection(&new_ids) {
            self.compare_pair(id, id);
        }
    }

    fn compare_pair(&mut self, old_id: &ShapeId, new_id: &ShapeId) {
        let (Some(old), Some(new)) = (self.old.shape(old_id), self.new.shape(new_id)) else { return };
        self.compare_documentation(&old.traits, &new.traits);
        if old.kind.type_name() != new.kind.type_name() {
            let detail = format!("{} → {}", old.kind.type_name(), new.kind.type_name());
            self.push(Impact::Breaking, "shape type changed", new_id, detail);
            return;
        }
        self.compare_traits(new_id, &old.traits, &new.traits);
        match (&old.kind, &new.kind) {
            (ShapeKind::Structure(before), ShapeKind::Structure(after)) => self.compare_members(old_id, new_id, before, after, false),
            (ShapeKind::Union(before), ShapeKind::Union(after)) => self.compare_members(old_id, new_id, before, after, true),
            (ShapeKind::List(before), ShapeKind::List(after)) => self.compare_element(before, after),
            (ShapeKind::Map { key: old_key, value: old_value }, ShapeKind::Map { key: new_key, value: new_value }) => {
                self.compare_element(old_key, new_key);
                self.compare_element(old_value, new_value);
            }
            (ShapeKind::Enum(before), ShapeKind::Enum(after)) => {
                let values = |members: &[crate::model::EnumMember]| -> Vec<(String, String, Traits)> {
                    members.iter().map(|m| (format!("{:?}", m.value), m.name.clone(), m.traits.clone())).collect()
                };
                self.compare_enum_values(new_id, values(before), values(after));
            }
            (ShapeKind::IntEnum(before), ShapeKind::IntEnum(after)) => {
                let values = |members: &[crate::model::IntEnumMember]| -> Vec<(String, String, Traits)> {
                    members.iter().map(|m| (m.value.to_string(), m.name.clone(), m.traits.clone())).collect()
                };
                self.compare_enum_values(new_id, values(before), values(after));
            }
            _ => {}
        }
        self.compare_builders(old_id, new_id);
    }

    /// List items and map keys and values: their target and traits. They have no field of
    /// their own, so a retarget keeps the Rust type only from one simple shape to another of
    /// the same type (a string shape for another string shape).
    fn compare_element(&mut self, old: &Member, new: &Member) {
        self.compare_documentation(&old.traits, &new.traits);
        if old.target != new.target {
            let simple = |side: &Side, id: &ShapeId| match side.shape(id).map(|shape| &shape.kind) {
                Some(ShapeKind::Simple(simple)) => Some(*simple),
                _ => None,
            };
            let before = simple(self.old, &old.target);
            let impact = if before.is_some() && before == simple(self.new, &new.target) { Impact::WireOnly } else { Impact::Breaking };
            self.push(impact, "member retargeted", &new.id, format!("{} → {}", old.target, new.target));
        }
        self.compare_traits(&new.id, &old.traits, &new.traits);
    }

    fn compare_members(&mut self, old_id: &ShapeId, new_id: &ShapeId, old: &[Member], new: &[Member], union: bool) {
        let role = self.new_api.structure(&new_id.to_string()).map_or(StructureRole::Data, |s| s.role);
        for member in old.iter().filter(|m| !new.iter().any(|n| n.name() == m.name())) {
            let field = self.member_text(&self.old_api, old_id, member, union);
            self.push(Impact::Breaking, "member removed", &member.id, field);
        }
        for member in new.iter().filter(|m| !old.iter().any(|o| o.name() == m.name())) {
            let field = self.member_text(&self.new_api, new_id, member, union);
            let required = self.new_api.member(&new_id.to_string(), member.name()).is_some_and(|m| api::signature(m, role).1);
            let (impact, detail) = if required {
                (Impact::Breaking, format!("{field}, required: `build()` fails without it"))
            } else {
                (Impact::Additive, field)
            };
            self.push(impact, "member added", &member.id, detail);
        }
        for before in old {
            let Some(after) = new.iter().find(|n| n.name() == before.name()) else { continue };
            self.compare_member(old_id, new_id, before, after, role, union);
        }
        let order = |members: &[Member], others: &[Member]| -> Vec<String> {
            members.iter().filter(|m| others.iter().any(|o| o.name() == m.name())).map(|m| m.name().to_owned()).collect()
        };
        if !union && order(old, new) != order(new, old) {
            self.push(Impact::WireOnly, "member order changed", new_id, "members are serialized in model order");
        }
    }

    fn compare_member(&mut self, old_id: &ShapeId, new_id: &ShapeId, old: &Member, new: &Member, role: StructureRole, union: bool) {
        self.compare_documentation(&old.traits, &new.traits);
        let before = self.member_text(&self.old_api, old_id, old, union);
        let after = self.member_text(&self.new_api, new_id, new, union);
        let signature_changed = if union {
            before != after
        } else {
            let sign = |api: &RustApi, id: &ShapeId, member: &Member| api.member(&id.to_string(), member.name()).map(|m| api::signature(m, role));
            sign(&self.old_api, old_id, old) != sign(&self.new_api, new_id, new)
        };
        if old.target != new.target {
            let impact = if signature_changed { Impact::Breaking } else { Impact::WireOnly };
            let mut detail = format!("{} → {}", old.target, new.target);
            if signature_changed {
                detail.push_str(&format!("; {before} → {after}"));
            }
            self.push(impact, "member retargeted", &new.id, detail);
        } else if signature_changed {
            self.push(Impact::Breaking, "member type changed", &new.id, format!("{before} → {after}"));
        }
        self.compare_traits(&new.id, &old.traits, &new.traits);
    }

    /// A structure whose `build()` starts or stops returning `Result` changes every caller.
    fn compare_builders(&mut self, old_id: &ShapeId, new_id: &ShapeId) {
        let (Some(before), Some(after)) = (self.old_api.structure(&old_id.to_string()), self.new_api.structure(&new_id.to_string())) else {
            return;
        };
        let (was, is) = (before.build_is_fallible(), after.build_is_fallible());
        if was != is {
            let detail = if is { "`build()` now returns a Result" } else { "`build()` no longer returns a Result" };
            self.push(Impact::Breaking, "builder changed", new_id, detail);
        }
    }

    fn compare_enum_values(&mut self, subject: &ShapeId, old: Vec<(String, String, Traits)>, new: Vec<(String, String, Traits)>) {
        for (value, name, _) in old.iter().filter(|(v, _, _)| !new.iter().any(|(n, _, _)| n == v)) {
            self.push(Impact::Breaking, "enum value removed", subject, format!("{value} (variant `{}`)", variant(name)));
        }
        for (value, name, _) in new.iter().filter(|(v, _, _)| !old.iter().any(|(o, _, _)| o == v)) {
            self.push(Impact::Additive, "enum value added", subject, format!("{value} (variant `{}`)", variant(name)));
        }
        for (value, old_name, old_traits) in &old {
            let Some((_, new_name, new_traits)) = new.iter().find(|(v, _, _)| v == value) else { continue };
            if variant(old_name) != variant(new_name) {
                let detail = format!("{value}: `{}` → `{}`", variant(old_name), variant(new_name));
                self.push(Impact::Breaking, "enum value renamed", subject, detail);
            }
            self.compare_documentation(old_traits, new_traits);
            self.compare_traits(&subject.with_member(new_name), old_traits, new_traits);
        }
    }

    /// Each trait added, removed or changed, documentation aside (it is counted instead).
    fn compare_traits(&mut self, subject: &ShapeId, old: &Traits, new: &Traits) {
        let ids: BTreeSet<String> = old.iter().chain(new.iter()).map(|(id, _)| id.to_string()).collect();
        for id in ids {
            if id == traits::DOCUMENTATION {
                continue;
            }
            let (before, after) = (old.get(&id), new.get(&id));
            let kind = match (before, after) {
                (None, Some(_)) => "trait added",
                (Some(_), None) => "trait removed",
                (Some(a), Some(b)) if a != b => "trait changed",
                _ => continue,
            };
            let detail = format!("{} {}", trait_label(&id), value_change(before, after));
            self.push(trait_impact(&id), kind, subject, detail.trim_end());
        }
    }

    fn compare_documentation(&mut self, old: &Traits, new: &Traits) {
        if old.get(traits::DOCUMENTATION) != new.get(traits::DOCUMENTATION) {
            self.documentation_changes += 1;
        }
    }

    /// The Rust field (or union variant) a member becomes on one side.
    fn member_text(&self, api: &RustApi, parent: &ShapeId, member: &Member, union: bool) -> String {
        let parent = parent.to_string();
        let text = if union { api.union_variant(&parent, member.name()) } else { api.member(&parent, member.name()).map(api::field_text) };
        text.unwrap_or_else(|| format!("targets {}", member.target))
    }
}

fn normalized_rules(rules: &Value) -> Value {
    let mut rules = without_documentation_fields(rules);
    if let Some(parameters) = rules.get_mut("parameters").and_then(Value::as_object_mut) {
        for parameter in parameters.values_mut() {
            if let Some(ty) = parameter.get_mut("type") {
                if let Some(text) = ty.as_str() {
                    *ty = Value::String(text.to_ascii_lowercase());
                }
            }
        }
    }
    rules
}

fn variant(name: &str) -> String {
    crate::resolve::variant_name(name)
}

/// A trait value before and after, compactly: `{"min":1} → {"min":1,"max":5}`.
fn value_change(before: Option<&Value>, after: Option<&Value>) -> String {
    let show = |value: &Value| match value {
        Value::Object(object) if object.is_empty() => String::new(),
        other => other.to_string(),
    };
    match (before, after) {
        (None, Some(value)) => show(value),
        (Some(value), None) => show(value),
        (Some(a), Some(b)) => format!("{} → {}", show(a), show(b)),
        (None, None) => String::new(),
    }
    .trim()
    .to_owned()
}
