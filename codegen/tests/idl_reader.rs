//! The Smithy IDL 2.0 reader, proven against the JSON AST: the awsJson protocol test models,
//! read from their `.smithy` files, have the same shapes and traits as the JSON AST of the
//! same commit. Models are read from `../shared/protocol-tests/`, never copied here.

use std::path::{Path, PathBuf};

use smithy_bind::model::{load_idl, load_idl_files, load_json_ast, Model, ShapeKind};

fn protocol_tests() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/protocol-tests");
    assert!(dir.is_dir(), "the Smithy protocol test models are read from {}, which is missing", dir.display());
    dir
}

fn smithy_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "smithy"))
        .collect();
    files.sort();
    files
}

/// The `.smithy` files of the awsJson1_1 and awsJson1_0 suites and the shared ones they use.
pub fn aws_json_idl_files() -> Vec<PathBuf> {
    let model = protocol_tests().join("smithy-aws-protocol-tests/model");
    let mut files = smithy_files(&model.join("awsJson1_1"));
    files.extend(smithy_files(&model.join("awsJson1_1/services")));
    files.extend(smithy_files(&model.join("awsJson1_0")));
    files.push(model.join("shared-types.smithy"));
    files.push(model.join("aws-config.smithy"));
    files
}

fn json_ast() -> Model {
    let path = protocol_tests().join("json-ast/smithy-aws-protocol-tests_model.json");
    load_json_ast(&std::fs::read_to_string(&path).unwrap(), "protocol tests JSON AST").unwrap()
}

const NAMESPACES: &[&str] = &[
    "aws.protocoltests.json",
    "aws.protocoltests.json10",
    "aws.protocoltests.shared",
    "aws.protocoltests.config",
    "com.amazonaws.machinelearning",
];

#[test]
fn idl_and_json_ast_define_the_same_aws_json_shapes_and_traits() {
    let idl = load_idl_files(&aws_json_idl_files()).unwrap_or_else(|e| panic!("{e}"));
    let ast = json_ast();
    let in_scope = |model: &Model| -> Vec<String> {
        let mut ids: Vec<String> = model
            .shapes()
            .filter(|shape| NAMESPACES.contains(&shape.id.namespace()))
            .map(|shape| shape.id.to_string())
            .collect();
        ids.sort();
        ids
    };
    let (idl_ids, ast_ids) = (in_scope(&idl), in_scope(&ast));
    assert_eq!(idl_ids, ast_ids, "the same shape ids");
    let mut compared = 0;
    for shape in idl.shapes().filter(|shape| NAMESPACES.contains(&shape.id.namespace())) {
        let other = ast.shape(&shape.id).expect("checked above");
        assert_eq!(unordered(&shape.kind), unordered(&other.kind), "type and members of {}", shape.id);
        assert_eq!(shape.traits, other.traits, "traits of {}", shape.id);
        compared += 1;
    }
    println!("IDL reader: {compared} awsJson shapes equal to the JSON AST");
    assert!(compared > 200, "{compared} shapes compared");
}

/// A shape with its sets of shape ids sorted: a service's operations, resources and errors and
/// an operation's errors are sets in Smithy, which the JSON AST writes sorted.
fn unordered(kind: &ShapeKind) -> ShapeKind {
    let mut kind = kind.clone();
    match &mut kind {
        ShapeKind::Operation(operation) => operation.errors.sort(),
        ShapeKind::Service(service) => {
            service.operations.sort();
            service.resources.sort();
            service.errors.sort();
        }
        ShapeKind::Resource(resource) => {
            resource.operations.sort();
            resource.resources.sort();
        }
        _ => {}
    }
    kind
}

#[test]
fn rpc_v2_cbor_files_load() {
    let tests = protocol_tests();
    let mut files = smithy_files(&tests.join("smithy-protocol-tests/model/rpcv2Cbor"));
    files.push(tests.join("smithy-protocol-tests/model/shared-types.smithy"));
    files.push(tests.join("smithy-validation-model/model/smithy.framework.validation.smithy"));
    files.extend(smithy_files(&tests.join("smithy-aws-protocol-tests/model/rpcv2Cbor")));
    files.push(tests.join("smithy-aws-protocol-tests/model/aws-config.smithy"));
    let model = load_idl_files(&files).unwrap_or_else(|e| panic!("{e}"));
    let service = model
        .shapes()
        .find(|shape| shape.id.to_string() == "smithy.protocoltests.rpcv2Cbor#RpcV2Protocol")
        .expect("the rpcv2Cbor service");
    assert!(service.traits.has("smithy.protocols#rpcv2Cbor"));
    let cases: usize = model
        .shapes()
        .filter(|shape| shape.id.namespace().starts_with("smithy.protocoltests.rpcv2Cbor"))
        .flat_map(|shape| ["smithy.test#httpRequestTests", "smithy.test#httpResponseTests"].map(|t| shape.traits.get(t)))
        .flatten()
        .map(|cases| cases.as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(cases, 88, "the rpcv2Cbor cases of cases-manifest.tsv");
}

fn idl_error(text: &str) -> String {
    load_idl(&[("bad.smithy".to_owned(), text.to_owned())]).unwrap_err().to_string()
}

#[test]
fn bad_idl_is_reported_with_file_line_and_column() {
    let cases = [
        ("$version: \"2.0\"\nnamespace a.b\nstructure Foo {\n    bar String\n}\n", "bad.smithy:4:9: expected `:`, found `S`"),
        ("$version: \"2.0\"\nnamespace a.b\nstring Foo\nstring Foo\n", "bad.smithy:4:8: `a.b#Foo` is already defined in bad.smithy"),
        ("$version: \"1.0\"\n", "bad.smithy:1:2: IDL version \"1.0\" is not supported"),
        ("$version: \"2.0\"\nnamespace a.b\n@documentation(\"unclosed)\nstring Foo\n", "bad.smithy:3:16: this string is never closed"),
        ("$version: \"2.0\"\nstring Foo\n", "bad.smithy:2:1: a shape or `apply` statement needs a `namespace` statement"),
        ("$version: \"2.0\"\nnamespace a.b\nwidget Foo\n", "bad.smithy:3:1: `widget` is not a shape type"),
        ("$version: \"2.0\"\nnamespace a.b\nintEnum Foo {\n    A\n}\n", "bad.smithy:4:5: an intEnum member needs `= value`"),
    ];
    for (text, expected) in cases {
        let error = idl_error(text);
        assert!(error.starts_with(expected), "{error}\n  expected it to start with: {expected}");
    }
}

#[test]
fn idl_statements_become_shapes_with_resolved_ids() {
    let text = r#"$version: "2.0"
$operationInputSuffix: "Request"
metadata tags = ["a"]
namespace example.weather
use other.ns#Shared

/// Gets the forecast.
/// Second line.
@readonly
operation GetForecast {
    input := @sensitive with [Base] {
        @required
        city: String = "Paris"
        when: Shared
        $inherited
    }
    errors: [NoSuchCity]
}

@mixin
structure Base { inherited: Integer }

@error("client")
structure NoSuchCity with [Base] {}

enum Sky { CLEAR, CLOUDY = "cloudy" }
intEnum Level { LOW = 1 }
@sparse list Names { member: String }
resource City {
    identifiers: { cityId: String }
    properties: { population: Long }
    read: GetCity
}
@readonly
operation GetCity { input: GetCityInput, output: CitySummary }
@input structure GetCityInput for City { @required $cityId }
structure CitySummary for City { $population }
service Weather { version: "2024-01-01", resources: [City], operations: [GetForecast] }
apply CitySummary {
    @documentation("A \"city\"")
    @tags(["a", "b"])
}
map Counts { key: String, value: Integer }
apply Sky$CLEAR @documentation("""
    No clouds.
      At all.
    """)
"#;
    let other = "$version: \"2\"\nnamespace other.ns\ntimestamp Shared\n".to_owned();
    let model = load_idl(&[("weather.smithy".to_owned(), text.to_owned()), ("other.smithy".to_owned(), other)]).unwrap_or_else(|e| panic!("{e}"));
    let shape = |id: &str| model.shapes().find(|s| s.id.to_string() == id).unwrap_or_else(|| panic!("no {id}"));
    let operation = shape("example.weather#GetForecast");
    assert_eq!(operation.traits.string("smithy.api#documentation"), Some("Gets the forecast.\nSecond line."));
    assert!(operation.traits.has("smithy.api#readonly"));
    let input = shape("example.weather#GetForecastRequest");
    assert!(input.traits.has("smithy.api#input") && input.traits.has("smithy.api#sensitive"));
    let members: Vec<(String, String)> = input.kind.members().iter().map(|m| (m.name().to_owned(), m.target.to_string())).collect();
    // Mixin members come first, as in Smithy.
    assert_eq!(
        members,
        [
            ("inherited".to_owned(), "smithy.api#Integer".to_owned()),
            ("city".to_owned(), "smithy.api#String".to_owned()),
            ("when".to_owned(), "other.ns#Shared".to_owned()),
        ]
    );
    let city = &input.kind.members()[1].traits;
    assert_eq!(city.get("smithy.api#default"), Some(&serde_json::json!("Paris")));
    assert!(city.has("smithy.api#required"));
    let ShapeKind::Enum(sky) = &shape("example.weather#Sky").kind else {
        panic!("Sky is an enum");
    };
    let values: Vec<(&str, &str)> = sky.iter().map(|m| (m.name.as_str(), m.value.as_str())).collect();
    assert_eq!(values, [("CLEAR", "CLEAR"), ("CLOUDY", "cloudy")]);
    assert_eq!(sky[0].traits.string("smithy.api#documentation"), Some("No clouds.\n  At all.\n"));
    let ShapeKind::IntEnum(level) = &shape("example.weather#Level").kind else {
        panic!("Level is an intEnum");
    };
    assert_eq!((level[0].name.as_str(), level[0].value), ("LOW", 1));
    assert!(shape("example.weather#Names").traits.has("smithy.api#sparse"));
    let targets = |id: &str| -> Vec<String> { shape(id).kind.members().iter().map(|m| m.target.to_string()).collect() };
    assert_eq!(targets("example.weather#GetCityInput"), ["smithy.api#String"]);
    assert_eq!(targets("example.weather#CitySummary"), ["smithy.api#Long"]);
    let summary = &shape("example.weather#CitySummary").traits;
    assert_eq!(summary.string("smithy.api#documentation"), Some("A \"city\""));
    assert_eq!(summary.get("smithy.api#tags"), Some(&serde_json::json!(["a", "b"])));
    let ShapeKind::Service(service) = &shape("example.weather#Weather").kind else {
        panic!("Weather is a service");
    };
    assert_eq!(service.version.as_deref(), Some("2024-01-01"));
    assert_eq!(service.resources[0].to_string(), "example.weather#City");
    let ShapeKind::Resource(city) = &shape("example.weather#City").kind else {
        panic!("City is a resource");
    };
    assert_eq!(city.operations.iter().map(ToString::to_string).collect::<Vec<_>>(), ["example.weather#GetCity"]);
    assert!(shape("example.weather#NoSuchCity").traits.get("smithy.api#error") == Some(&serde_json::json!("client")));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let text = format!("$version: \"2.0\"\nnamespace a.b\n@tags({}{})\nstring Foo\n", "[".repeat(100_000), "]".repeat(100_000));
    assert!(idl_error(&text).starts_with("bad.smithy:3:71: values nest deeper than 64 levels"), "{}", idl_error(&text));
}

/// Damaged IDL (characters deleted, repeated or replaced at random, with a fixed seed, in one
/// of the awsJson files loaded with all the others) is read or refused with an error, never a
/// panic.
#[test]
fn damaged_idl_never_panics() {
    let sources: Vec<(String, String)> = aws_json_idl_files()
        .iter()
        .map(|path| (path.display().to_string(), std::fs::read_to_string(path).unwrap()))
        .collect();
    let mut seed: u64 = 0x05ee_d1d1;
    let mut next = move |bound: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % bound
    };
    let alphabet: Vec<char> = "{}[]()\"@$#:=,./\\\n abc019-".chars().collect();
    let (mut read, mut refused) = (0, 0);
    for _ in 0..150 {
        let mut damaged = sources.clone();
        let file = next(damaged.len());
        let mut text: Vec<char> = damaged[file].1.chars().collect();
        for _ in 0..1 + next(3) {
            let at = next(text.len());
            match next(3) {
                0 => {
                    text.remove(at);
                }
                1 => text.insert(at, text[at]),
                _ => text[at] = alphabet[next(alphabet.len())],
            }
        }
        damaged[file].1 = text.into_iter().collect();
        match load_idl(&damaged) {
            Ok(_) => read += 1,
            Err(error) => {
                assert!(!error.to_string().is_empty());
                refused += 1;
            }
        }
    }
    println!("damaged IDL: {read} read, {refused} refused with an error, 0 panics");
    assert!(read > 10 && refused > 40, "both outcomes occur ({read} read, {refused} refused)");
}

/// Generated source after its two header lines (which name the model and the command).
fn without_header(source: &str) -> &str {
    source.splitn(3, '\n').nth(2).unwrap_or_default()
}

/// The CLI reads IDL files the same way: bindings generated from the awsJson1_0 `.smithy`
/// files equal those generated from the JSON AST, file for file, apart from the header lines
/// that name the model and the command. (Operations and errors are sets in Smithy; the
/// generator sorts them, so the order each form lists them in does not matter.)
#[test]
fn the_generator_reads_idl_models() {
    let model = protocol_tests().join("smithy-aws-protocol-tests/model");
    let mut files = smithy_files(&model.join("awsJson1_0"));
    files.push(model.join("shared-types.smithy"));
    files.push(model.join("aws-config.smithy"));
    let from_idl = files
        .iter()
        .fold(smithy_bind::Generator::new(), smithy_bind::Generator::model)
        .service("aws.protocoltests.json10#JsonRpc10")
        .model_label("m")
        .render()
        .unwrap_or_else(|e| panic!("{e}"));
    let from_json = smithy_bind::Generator::new()
        .model(protocol_tests().join("json-ast/smithy-aws-protocol-tests_model.json"))
        .service("aws.protocoltests.json10#JsonRpc10")
        .model_label("m")
        .render()
        .unwrap();
    let paths = |files: &[smithy_bind::GeneratedFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&from_idl), paths(&from_json));
    for (idl, json) in from_idl.iter().zip(&from_json) {
        assert_eq!(without_header(&idl.contents), without_header(&json.contents), "{} differs between IDL and JSON AST", idl.path);
    }
}
