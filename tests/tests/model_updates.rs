//! The model update workflow, across the three real versions of RegisterWorkspaceDirectory:
//! the user's API reference (tests/fixtures/workspaces-reference.json, its facts only), the
//! April 2025 official model and the 2026-04 one. `model/workspaces.json` is what `extract`
//! writes from the newest; each step's `diff` is exactly the change list written here; and
//! our documentation (`model/workspaces-docs.smithy`) covers every shape and member and is
//! none of the official model's.

use std::path::{Path, PathBuf};

use serde_json::Value;
use smithy_bind::closure::OperationClosure;
use smithy_bind::diff::{diff, Impact, ModelDiff};
use smithy_bind::model::{load_model_files, Model, ShapeKind};
use smithy_bind_tests::{shared_file, workspace_root};

const OPERATION: &str = "RegisterWorkspaceDirectory";
const SERVICE: &str = "com.amazonaws.workspaces#WorkspacesService";

fn reference() -> PathBuf {
    workspace_root().join("tests/fixtures/workspaces-reference.json")
}

fn april_2025() -> PathBuf {
    shared_file("models/workspaces-2015-04-08.json")
}

fn newest() -> PathBuf {
    shared_file("aws-models/workspaces-2015-04-08.json.gz")
}

fn load(paths: &[&Path]) -> Model {
    load_model_files(paths).unwrap()
}

/// What `smithy-bind extract --model <path> --operation RegisterWorkspaceDirectory` writes.
fn extracted(path: &Path) -> String {
    let model = load(&[path]);
    let closure = OperationClosure::resolve(&model, None, &[OPERATION.to_owned()]).unwrap();
    smithy_bind::extract::to_json_text(&smithy_bind::extract::extract(&model, &closure).unwrap())
}

fn extracted_model(path: &Path) -> Model {
    smithy_bind::model::load_json_ast(&extracted(path), "extracted").unwrap()
}

/// Each change as `impact | change | subject | detail`, subjects without the namespace.
fn rows(diff: &ModelDiff) -> Vec<String> {
    diff.changes
        .iter()
        .map(|c| {
            let subject = c.subject.trim_start_matches("com.amazonaws.workspaces#");
            format!("{} | {} | {subject} | {}", c.impact.as_str(), c.kind, c.detail)
        })
        .collect()
}

#[test]
fn model_is_what_extract_writes_from_the_newest_official_model() {
    let committed = std::fs::read_to_string(workspace_root().join("model/workspaces.json")).unwrap();
    assert!(committed == extracted(&newest()), "model/workspaces.json is stale: run the extract command in the README");
}

#[test]
fn extracted_models_hold_no_prose() {
    for text in [extracted(&newest()), extracted(&april_2025()), std::fs::read_to_string(reference()).unwrap()] {
        for prose in ["smithy.api#documentation", "\"documentation\"", "smithy.api#examples", "smithy.api#externalDocumentation"] {
            assert!(!text.contains(prose), "{prose} in an extracted model");
        }
    }
}

#[test]
fn reference_to_april_2025_adds_two_members_and_the_endpoint_cases_the_reference_left_out() {
    let changes = diff(&load(&[&reference()]), &extracted_model(&april_2025()), None, &[OPERATION.to_owned()]).unwrap();
    assert_eq!(
        rows(&changes),
        [
            "additive | type added | MicrosoftEntraConfig | `types::MicrosoftEntraConfig`",
            "additive | member added | RegisterWorkspaceDirectoryRequest$IdcInstanceArn | `idc_instance_arn: Option<String>`",
            "additive | member added | RegisterWorkspaceDirectoryRequest$MicrosoftEntraConfig | `microsoft_entra_config: Option<MicrosoftEntraConfig>`",
            "wire-only | endpoint tests changed | WorkspacesService | 4 added, 0 removed (36 → 40 cases)",
        ]
    );
    assert!(!changes.is_breaking());
    assert_eq!(changes.documentation_changes, 0, "both sides are facts only");
}

#[test]
fn april_2025_to_2026_04_removes_enable_work_docs() {
    let changes = diff(&extracted_model(&april_2025()), &extracted_model(&newest()), None, &[OPERATION.to_owned()]).unwrap();
    assert_eq!(
        rows(&changes),
        [
            "breaking | member removed | RegisterWorkspaceDirectoryRequest$EnableWorkDocs | `enable_work_docs: Option<bool>`",
            "wire-only | endpoint tests changed | WorkspacesService | 0 added, 4 removed (40 → 36 cases)",
        ]
    );
    assert!(changes.is_breaking());
    // The official files themselves, as the README's command compares them, say the same.
    let official = diff(&load(&[&april_2025()]), &load(&[&newest()]), None, &[OPERATION.to_owned()]).unwrap();
    assert_eq!(rows(&official), rows(&changes));
    assert_eq!(official.documentation_changes, 0);
}

#[test]
fn reference_to_model_is_the_two_steps_together() {
    let docs = workspace_root().join("model/workspaces-docs.smithy");
    let model = load(&[&workspace_root().join("model/workspaces.json"), &docs]);
    let changes = diff(&load(&[&reference()]), &model, None, &[]).unwrap();
    assert_eq!(
        rows(&changes),
        [
            "breaking | member removed | RegisterWorkspaceDirectoryRequest$EnableWorkDocs | `enable_work_docs: Option<bool>`",
            "additive | type added | MicrosoftEntraConfig | `types::MicrosoftEntraConfig`",
            "additive | member added | RegisterWorkspaceDirectoryRequest$IdcInstanceArn | `idc_instance_arn: Option<String>`",
            "additive | member added | RegisterWorkspaceDirectoryRequest$MicrosoftEntraConfig | `microsoft_entra_config: Option<MicrosoftEntraConfig>`",
        ]
    );
    // The reference has no documentation, so every shape and member model/ shares with it
    // counts: all that ours documents except what the newer models added.
    let added = ["ARN", "MicrosoftEntraConfig", "MicrosoftEntraConfigTenantId"];
    let shared = documentation(&model)
        .into_iter()
        .filter(|(id, _)| {
            let name = id.trim_start_matches("com.amazonaws.workspaces#");
            let shape = name.split('$').next().unwrap();
            !added.contains(&shape) && !name.ends_with("$IdcInstanceArn") && !name.ends_with("Request$MicrosoftEntraConfig")
        })
        .count();
    assert_eq!(changes.documentation_changes, shared);
}

/// Whole-service diffs of the official files, documentation included: RegisterWorkspaceDirectory's
/// change shows up in two more structures, and prose changes are counted, not listed.
#[test]
fn official_models_whole_service() {
    let changes = diff(&load(&[&april_2025()]), &load(&[&newest()]), None, &[]).unwrap();
    let breaking: Vec<String> = rows(&changes).into_iter().filter(|row| row.starts_with("breaking")).collect();
    assert_eq!(
        breaking,
        [
            "breaking | member removed | DefaultWorkspaceCreationProperties$EnableWorkDocs | `enable_work_docs: Option<bool>`",
            "breaking | member removed | RegisterWorkspaceDirectoryRequest$EnableWorkDocs | `enable_work_docs: Option<bool>`",
            "breaking | member removed | WorkspaceCreationProperties$EnableWorkDocs | `enable_work_docs: Option<bool>`",
        ]
    );
    assert_eq!(
        [Impact::Breaking, Impact::Additive, Impact::WireOnly, Impact::DocsOnly].map(|impact| changes.count(impact)),
        [3, 46, 1, 0]
    );
    assert_eq!(changes.documentation_changes, 4);
}

#[test]
fn every_shape_and_member_of_model_is_documented() {
    let model = load(&[&workspace_root().join("model/workspaces.json"), &workspace_root().join("model/workspaces-docs.smithy")]);
    let closure = OperationClosure::resolve(&model, None, &[]).unwrap();
    assert_eq!(smithy_bind::undocumented::undocumented(&model, &closure), Vec::<String>::new());
    // Without the documentation file, everything it documents is listed.
    let facts_only = load(&[&workspace_root().join("model/workspaces.json")]);
    let mut missing = smithy_bind::undocumented::undocumented(&facts_only, &closure);
    let mut documented: Vec<String> = documentation(&model).into_iter().map(|(id, _)| id).collect();
    missing.sort();
    documented.sort();
    assert_eq!(missing, documented);
}

/// Documentation of every shape and member (enum values included) by id.
fn documentation(model: &Model) -> Vec<(String, String)> {
    let doc = |traits: &smithy_bind::model::Traits| traits.string("smithy.api#documentation").map(str::to_owned);
    let mut docs = Vec::new();
    for shape in model.shapes().filter(|s| !s.id.is_prelude()) {
        docs.extend(doc(&shape.traits).map(|d| (shape.id.to_string(), d)));
        for member in shape.kind.members() {
            docs.extend(doc(&member.traits).map(|d| (member.id.to_string(), d)));
        }
        if let ShapeKind::Enum(values) = &shape.kind {
            for value in values {
                docs.extend(doc(&value.traits).map(|d| (shape.id.with_member(&value.name).to_string(), d)));
            }
        }
    }
    docs
}

#[test]
fn documentation_is_our_own() {
    let ours = documentation(&load(&[&workspace_root().join("model/workspaces.json"), &workspace_root().join("model/workspaces-docs.smithy")]));
    assert_eq!(ours.len(), 79, "shapes, members and enum values of model/ with documentation");
    for official in [load(&[&newest()]), load(&[&april_2025()])] {
        let theirs = documentation(&official);
        for (id, doc) in &ours {
            let same = theirs.iter().any(|(other_id, other)| other_id == id && other == doc);
            assert!(!same, "{id}: the documentation is the official model's");
        }
    }
}

/// The reference's endpoint tests are the newest model's, and April 2025 has four more. Each
/// expects dual-stack to be refused in an ISO partition, which contradicts today's
/// partitions.json (the resolver's data), where those partitions support dual-stack.
#[test]
fn the_april_2025_endpoint_cases_contradict_todays_partitions() {
    let cases = |path: &Path| -> Vec<Value> {
        let model: Value = serde_json::from_str(&extracted(path)).unwrap();
        model["shapes"][SERVICE]["traits"]["smithy.rules#endpointTests"]["testCases"].as_array().unwrap().clone()
    };
    let newest = cases(&newest());
    let april = cases(&april_2025());
    assert_eq!((april.len(), newest.len()), (40, 36));
    assert!(newest.iter().all(|case| april.contains(case)), "the newest cases are a subset");
    let partitions: Value =
        serde_json::from_str(&std::fs::read_to_string(shared_file("aws-sdk-data/partitions.json")).unwrap()).unwrap();
    let mut regions = Vec::new();
    for case in april.iter().filter(|case| !newest.contains(case)) {
        let region = case["params"]["Region"].as_str().unwrap();
        assert_eq!(case["params"]["UseDualStack"], true, "{case}");
        assert!(case["expect"]["error"].as_str().unwrap().contains("DualStack"), "{case}");
        let partition = partitions["partitions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|partition| partition["regions"].get(region).is_some())
            .unwrap();
        assert_eq!(partition["outputs"]["supportsDualStack"], true, "{region} now supports dual-stack");
        regions.push(format!("{region} ({})", partition["id"].as_str().unwrap()));
    }
    regions.sort();
    assert_eq!(
        regions,
        ["us-iso-east-1 (aws-iso)", "us-iso-east-1 (aws-iso)", "us-isob-east-1 (aws-iso-b)", "us-isob-east-1 (aws-iso-b)"]
    );
}
