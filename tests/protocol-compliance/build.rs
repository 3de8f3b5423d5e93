//! Generates, into `$OUT_DIR`, bindings for the services of Smithy's awsJson, rpcv2Cbor and restJson1
//! protocol test suites and one Rust test per client case, from the models in `../shared/protocol-tests/`
//! (never copied into this repository). Each `tests/<source>_<suite>.rs` includes one
//! `<source>_<suite>.rs` file written here; `cases.tsv` lists every generated test.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use smithy_bind::model::Model;
use smithy_bind::{Generator, ProtocolTests};

/// A protocol's suite: its name in `cases-manifest.tsv`, its file stem here, the services
/// whose operations and errors carry its cases, with the module each is generated into, and
/// the model sources that have them.
struct Suite {
    name: &'static str,
    stem: &'static str,
    services: &'static [(&'static str, &'static str)],
    sources: &'static [&'static str],
}

const SUITES: &[Suite] = &[
    Suite {
        name: "awsJson1_1",
        stem: "aws_json1_1",
        services: &[
            ("aws.protocoltests.json#JsonProtocol", "json_protocol"),
            ("com.amazonaws.machinelearning#AmazonML_20141212", "machine_learning"),
        ],
        sources: &["json_ast", "idl"],
    },
    Suite {
        name: "awsJson1_0",
        stem: "aws_json1_0",
        services: &[
            ("aws.protocoltests.json10#JsonRpc10", "json_rpc10"),
            ("aws.protocoltests.json10#QueryCompatibleJsonRpc10", "query_compatible_json_rpc10"),
        ],
        sources: &["json_ast", "idl"],
    },
    // The JSON AST holds the AWS packages only, so Smithy's own rpcv2Cbor suite is read from
    // its IDL alone.
    Suite {
        name: "rpcv2Cbor",
        stem: "rpcv2_cbor",
        services: &[("smithy.protocoltests.rpcv2Cbor#RpcV2Protocol", "rpc_v2_protocol")],
        sources: &["idl"],
    },
    // The restJson1 suite is read from the JSON AST.
    Suite {
        name: "restJson1",
        stem: "rest_json1",
        services: &[
            ("aws.protocoltests.restjson#RestJson", "rest_json"),
            ("com.amazonaws.apigateway#BackplaneControlService", "api_gateway"),
            ("com.amazonaws.glacier#Glacier", "glacier"),
        ],
        sources: &["json_ast"],
    },
    Suite {
        name: "rpcv2Cbor-aws",
        stem: "rpcv2_cbor_aws",
        services: &[
            ("aws.protocoltests.rpcv2cbor#QueryCompatibleRpcV2Protocol", "query_compatible_rpc_v2_protocol"),
            ("aws.protocoltests.rpcv2cbor#NonQueryCompatibleRpcV2Protocol", "non_query_compatible_rpc_v2_protocol"),
        ],
        sources: &["json_ast", "idl"],
    },
];

/// A way of reading the suites' models, which names the generated files.
struct Source {
    name: &'static str,
    load: fn(&Path) -> Result<Model, String>,
}

const SOURCES: &[Source] = &[
    Source {
        name: "json_ast",
        load: load_json_ast,
    },
    Source {
        name: "idl",
        load: load_idl,
    },
];

const JSON_AST: &str = "json-ast/smithy-aws-protocol-tests_model.json";

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    let shared = protocol_tests_dir();
    println!("cargo:rerun-if-env-changed=PROTOCOL_TESTS_DIR");
    println!("cargo:rerun-if-changed=skipped-cases.tsv");
    println!("cargo:rerun-if-changed={}", shared.display());
    let skips = read_skips();
    let mut listing = String::from("source\tsuite\tservice\tkind\tid\tskip\n");
    for source in SOURCES {
        let model = if shared.is_dir() {
            (source.load)(&shared)
        } else {
            Err(format!(
                "the Smithy protocol test models are not at {}: they are read from ../shared/protocol-tests/ \
                 beside the repository, or from the directory PROTOCOL_TESTS_DIR names",
                shared.display()
            ))
        };
        for suite in SUITES.iter().filter(|suite| suite.sources.contains(&source.name)) {
            let file = out_dir.join(format!("{}_{}.rs", source.name, suite.stem));
            let contents = match &model {
                Ok(model) => generate_suite(&out_dir, source, suite, model, &skips, &mut listing),
                Err(problem) => Err(problem.clone()),
            }
            .unwrap_or_else(|problem| failing_test(&problem));
            write(&file, &contents);
        }
    }
    for (id, _) in &skips {
        if shared.is_dir() && !listing.lines().any(|line| line.split('\t').nth(4) == Some(id.as_str())) {
            panic!("skipped-cases.tsv names `{id}`, which is no client case of the protocol suites");
        }
    }
    write(&out_dir.join("cases.tsv"), &listing);
}

fn protocol_tests_dir() -> PathBuf {
    match std::env::var_os("PROTOCOL_TESTS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/protocol-tests"),
    }
}

fn load_json_ast(shared: &Path) -> Result<Model, String> {
    let path = shared.join(JSON_AST);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    smithy_bind::model::load_json_ast(&text, JSON_AST).map_err(|e| e.to_string())
}

/// The suites' `.smithy` files: awsJson1_1 (with the Machine Learning service), awsJson1_0,
/// AWS's rpcv2Cbor cases and Smithy's rpcv2Cbor suite, and the shared shapes, validation
/// errors and vendor parameters they use.
fn load_idl(shared: &Path) -> Result<Model, String> {
    let model = shared.join("smithy-aws-protocol-tests/model");
    let smithy_suites = shared.join("smithy-protocol-tests/model");
    let mut files = Vec::new();
    let dirs = ["awsJson1_1", "awsJson1_1/services", "awsJson1_0", "rpcv2Cbor"].map(|dir| model.join(dir));
    for dir in dirs.into_iter().chain([smithy_suites.join("rpcv2Cbor")]) {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let mut smithy: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "smithy"))
            .collect();
        smithy.sort();
        files.extend(smithy);
    }
    files.push(model.join("shared-types.smithy"));
    files.push(model.join("aws-config.smithy"));
    files.push(smithy_suites.join("shared-types.smithy"));
    files.push(shared.join("smithy-validation-model/model/smithy.framework.validation.smithy"));
    smithy_bind::model::load_idl_files(&files).map_err(|e| e.to_string())
}

/// `(case id, reason)` pairs from `skipped-cases.tsv`.
fn read_skips() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("skipped-cases.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (id, reason) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("skipped-cases.tsv: `{line}` needs a tab and a reason after the case id"));
            (id.to_owned(), reason.trim().to_owned())
        })
        .collect()
}

/// The bindings and tests of one suite's services, and the suite's file that includes them.
fn generate_suite(
    out_dir: &Path,
    source: &Source,
    suite: &Suite,
    model: &Model,
    skips: &[(String, String)],
    listing: &mut String,
) -> Result<String, String> {
    let dir = out_dir.join(source.name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut contents = format!("// Smithy {} protocol tests, from the {} models.\n", suite.name, source.name);
    for (service, module) in suite.services {
        let module_path = format!("crate::{module}");
        let bindings = Generator::new()
            .service(*service)
            .model_label(format!("{} ({})", source.name, service))
            .command("cargo build -p protocol-compliance (its build script)")
            .single_file(format!("{module}.rs"), module_path.clone())
            .render_loaded(model)
            .map_err(|e| format!("bindings for {service}: {e}"))?;
        let bindings_file = dir.join(format!("{module}.rs"));
        write(&bindings_file, &bindings[0].contents);

        let mut tests = ProtocolTests::new(*service)
            .bindings_module(module_path)
            .support_module("::protocol_compliance")
            .header(format!("// @generated by smithy-bind: protocol tests of {service}.\n\n"));
        for (id, reason) in skips {
            tests = tests.skip(id, reason);
        }
        let rendered = tests.render(model).map_err(|e| format!("tests for {service}: {e}"))?;
        let tests_file = dir.join(format!("{module}_tests.rs"));
        write(&tests_file, &rendered.source);
        for case in &rendered.cases {
            let skip = case.skip.as_deref().unwrap_or("");
            let _ = writeln!(listing, "{}\t{}\t{service}\t{}\t{}\t{skip}", source.name, suite.name, case.kind, case.id);
        }
        let _ = write!(
            contents,
            "#[allow(missing_docs, dead_code, reason = \"generated bindings, used only by the tests\")]\n\
             pub mod {module} {{\n    include!({bindings:?});\n}}\n\
             mod {module}_tests {{\n    include!({tests:?});\n}}\n",
            bindings = bindings_file.display().to_string(),
            tests = tests_file.display().to_string(),
        );
    }
    Ok(contents)
}

/// A test file whose one test fails with `problem`, so a missing or broken model is a clear
/// test failure rather than a build error in every test target.
fn failing_test(problem: &str) -> String {
    format!(
        "#[test]\nfn protocol_test_models_load() {{\n    panic!(\"{}\");\n}}\n",
        problem.escape_default()
    )
}

fn write(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
