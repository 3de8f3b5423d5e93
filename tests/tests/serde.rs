//! The `serde` feature of the generated crates: `serde_json::to_value` of a value is its
//! awsJson body as JSON, and deserializing that JSON gives the value back.
//!
//! 1,000 RegisterWorkspaceDirectory inputs and 1,000 all-shapes PutEverything inputs are
//! generated with fixed seeds and compared with the body `serialize_request` writes; each
//! all-shapes item is also read back from a GetEverything response and that output compared
//! with the response body. The tests after it pin the exact serde form of each shape kind.

use std::collections::HashMap;

use all_shapes_bindings::http::HttpResponse;
use all_shapes_bindings::operation::get_defaults::{GetDefaults, GetDefaultsOutput};
use all_shapes_bindings::operation::get_everything::{GetEverything, GetEverythingOutput};
use all_shapes_bindings::operation::put_everything::{PutEverything, PutEverythingInput};
use all_shapes_bindings::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Number};
use all_shapes_bindings::types::error::InvalidShapeError;
use all_shapes_bindings::types::{
    Box as BoxShape, CapitalSelf, Circle, Color, Everything, Figure, Keywords, Measure, Option as OptionShape,
    Result as ResultShape, Series, TreeNode,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Value};
use workspaces_bindings::operation::register_workspace_directory::{
    RegisterWorkspaceDirectory, RegisterWorkspaceDirectoryInput, RegisterWorkspaceDirectoryOutput,
};
use workspaces_bindings::types::{
    ActiveDirectoryConfig, MicrosoftEntraConfig, Tag, Tenancy, UserIdentityType, WorkspaceType,
};

const INPUTS: usize = 1_000;

fn generate<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, count: usize, seed: &[u8; 32]) -> Vec<T> {
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, seed));
    (0..count).map(|_| strategy.new_tree(&mut runner).expect("strategy yields values").current()).collect()
}

/// Characters that stress a JSON writer: ASCII, escapes, control characters, non-BMP
/// characters and the JavaScript line terminators.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        2 => prop_oneof![Just('"'), Just('\\'), Just('/')],
        2 => proptest::char::range('\u{0}', '\u{1f}'),
        1 => Just('\u{7f}'),
        2 => proptest::char::range('\u{10000}', '\u{10ffff}'),
        1 => prop_oneof![Just('\u{2028}'), Just('\u{2029}'), Just('é'), Just('\u{feff}')],
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..12).prop_map(String::from_iter)
}

fn enum_value(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![3 => proptest::sample::select(known).prop_map(str::to_owned), 1 => text()]
}

fn workspaces_input() -> impl Strategy<Value = RegisterWorkspaceDirectoryInput> {
    let tag = (text(), proptest::option::of(text()))
        .prop_map(|(key, value)| Tag::builder().key(key).set_value(value).build().expect("Key is set"));
    let ad = (text(), text()).prop_map(|(domain, secret)| {
        ActiveDirectoryConfig::builder()
            .domain_name(domain)
            .service_account_secret_arn(secret)
            .build()
            .expect("both required members are set")
    });
    let entra = (proptest::option::of(text()), proptest::option::of(text())).prop_map(|(tenant, secret)| {
        MicrosoftEntraConfig::builder().set_tenant_id(tenant).set_application_config_secret_arn(secret).build()
    });
    (
        (
            proptest::option::of(text()),
            proptest::option::of(proptest::collection::vec(text(), 0..=3)),
            proptest::option::of(text()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(enum_value(Tenancy::values())),
            proptest::option::of(proptest::collection::vec(tag, 0..=3)),
        ),
        (
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(enum_value(UserIdentityType::values())),
            proptest::option::of(enum_value(WorkspaceType::values())),
            proptest::option::of(ad),
            proptest::option::of(entra),
        ),
    )
        .prop_map(|((id, subnets, idc, service, tenancy, tags), (name, description, identity, kind, ad, entra))| {
            RegisterWorkspaceDirectoryInput::builder()
                .set_directory_id(id)
                .set_subnet_ids(subnets)
                .set_idc_instance_arn(idc)
                .set_enable_self_service(service)
                .set_tenancy(tenancy.as_deref().map(Tenancy::from))
                .set_tags(tags)
                .set_workspace_directory_name(name)
                .set_workspace_directory_description(description)
                .set_user_identity_type(identity.as_deref().map(UserIdentityType::from))
                .set_workspace_type(kind.as_deref().map(WorkspaceType::from))
                .set_active_directory_config(ad)
                .set_microsoft_entra_config(entra)
                .build()
                .expect("input builders accept any members")
        })
}

/// Stands in for NaN when values are compared, since NaN equals nothing; the generators
/// never produce it.
const NAN_STAND_IN: f64 = 7.25e-300;

fn double() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => any::<f64>().prop_filter("finite", |v| v.is_finite() && *v != NAN_STAND_IN),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
    ]
}

fn float() -> impl Strategy<Value = f32> {
    prop_oneof![
        6 => any::<f32>().prop_filter("finite", |v| v.is_finite() && *v != NAN_STAND_IN as f32),
        1 => Just(f32::NAN),
        1 => Just(f32::INFINITY),
        1 => Just(f32::NEG_INFINITY),
    ]
}

/// From 1600 to 2400, so leap centuries and instants before 1970 come up.
const SECONDS: std::ops::Range<i64> = -11_676_096_000..13_569_465_600;

/// Epoch-seconds timestamps to the millisecond: at most 15 significant digits, which a JSON
/// number (an `f64`) carries exactly.
fn epoch_instant() -> impl Strategy<Value = DateTime> {
    (SECONDS.start * 1000..SECONDS.end * 1000).prop_map(DateTime::from_millis)
}

/// RFC 3339 timestamps to the microsecond, the precision the wire carries (as aws-sdk-rust
/// writes them).
fn date_time_instant() -> impl Strategy<Value = DateTime> {
    (SECONDS, 0u32..1_000_000).prop_map(|(secs, micros)| DateTime::from_secs_and_nanos(secs, micros * 1000))
}

/// HTTP dates, which have whole seconds.
fn http_date_instant() -> impl Strategy<Value = DateTime> {
    SECONDS.prop_map(DateTime::from_secs)
}

/// Big numbers a JSON number holds exactly (`i64`, `u64`, the shortest text of an `f64`);
/// the others are strings, checked in `big_numbers_beyond_json_numbers_are_strings`.
fn big_integer() -> impl Strategy<Value = BigInteger> {
    prop_oneof![any::<i64>().prop_map(|v| v.to_string()), any::<u64>().prop_map(|v| v.to_string())]
        .prop_map(|text| text.parse().expect("an integer"))
}

fn big_decimal() -> impl Strategy<Value = BigDecimal> {
    prop_oneof![
        any::<i64>().prop_map(|v| v.to_string()),
        any::<f64>().prop_filter("finite", |v| v.is_finite()).prop_map(|v| format!("{v:?}")),
    ]
    .prop_map(|text| text.parse().expect("a decimal"))
}

/// Documents without NaN: a NaN float is written `"NaN"`, which reads back as a string.
fn document() -> impl Strategy<Value = Document> {
    let leaf = prop_oneof![
        Just(Document::Null),
        any::<bool>().prop_map(Document::Bool),
        any::<u64>().prop_map(|n| Document::Number(Number::PosInt(n))),
        (i64::MIN..0).prop_map(|n| Document::Number(Number::NegInt(n))),
        any::<f64>().prop_filter("finite", |v| v.is_finite()).prop_map(|v| Document::Number(Number::Float(v))),
        text().prop_map(Document::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Document::Array),
            proptest::collection::hash_map(text(), inner, 0..4).prop_map(Document::Object),
        ]
    })
}

fn color() -> impl Strategy<Value = Color> {
    enum_value(Color::values()).prop_map(|value| Color::from(value.as_str()))
}

fn figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        double().prop_map(|radius| Figure::Circle(Circle::builder().radius(radius).build().expect("Radius is set"))),
        any::<i32>().prop_map(Figure::Side),
        text().prop_map(Figure::Label),
        Just(Figure::Nothing),
    ]
}

fn measure() -> impl Strategy<Value = Measure> {
    prop_oneof![
        double().prop_map(Measure::Scalar),
        date_time_instant().prop_map(Measure::At),
        proptest::collection::vec(http_date_instant(), 0..3).prop_map(Measure::Window),
        epoch_instant().prop_map(Measure::Since),
    ]
}

fn tree() -> impl Strategy<Value = TreeNode> {
    let leaf = proptest::option::of(text()).prop_map(|value| TreeNode::builder().set_value(value).build());
    leaf.prop_recursive(3, 12, 3, |inner| {
        (
            proptest::option::of(text()),
            proptest::option::of(proptest::collection::vec(inner.clone(), 0..3)),
            proptest::option::of(inner),
        )
            .prop_map(|(value, children, next)| {
                TreeNode::builder().set_value(value).set_children(children).set_next(next.map(Box::new)).build()
            })
    })
}

/// An unset list, or one of up to two elements.
fn list<T: std::fmt::Debug>(element: impl Strategy<Value = T>) -> impl Strategy<Value = Option<Vec<T>>> {
    proptest::option::of(proptest::collection::vec(element, 0..3))
}

fn series() -> impl Strategy<Value = Series> {
    (
        list(float()),
        list(proptest::option::of(double())),
        proptest::option::of(proptest::collection::hash_map(text(), double(), 0..3)),
        list(proptest::collection::vec(float(), 0..3)),
        list(epoch_instant()),
        list(date_time_instant()),
        proptest::option::of(proptest::collection::hash_map(text(), proptest::option::of(http_date_instant()), 0..3)),
        proptest::option::of(measure()),
    )
        .prop_map(|(ratios, readings, weights, grid, epochs, moments, deadlines, measure)| {
            Series::builder()
                .set_ratios(ratios)
                .set_readings(readings)
                .set_weights(weights)
                .set_grid(grid)
                .set_epochs(epochs)
                .set_moments(moments)
                .set_deadlines(deadlines)
                .set_measure(measure)
                .build()
        })
}

fn others() -> impl Strategy<Value = (Option<Keywords>, Option<CapitalSelf>, Option<BoxShape>)> {
    let keywords = (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(|(kind, matched, itself, build)| {
            Keywords::builder().set_type(kind).set_match(matched).set_self(itself).set_build(build).build()
        });
    let capital = proptest::option::of(text()).prop_map(|value| CapitalSelf::builder().set_self(value).build());
    let boxed = (
        proptest::option::of(proptest::option::of(text())),
        proptest::option::of(proptest::option::of(any::<bool>())),
        proptest::option::of(proptest::collection::vec(text(), 0..3)),
        proptest::option::of(text()),
    )
        .prop_map(|(option, result, vec, string)| {
            BoxShape::builder()
                .set_option(option.map(|some| OptionShape::builder().set_some(some).build()))
                .set_result(result.map(|ok| ResultShape::builder().set_ok(ok).build()))
                .set_vec(vec)
                .set_string(string)
                .build()
        });
    (proptest::option::of(keywords), proptest::option::of(capital), proptest::option::of(boxed))
}

fn everything() -> impl Strategy<Value = Everything> {
    use proptest::option::of as some;
    (
        (
            some(text()),
            some(any::<bool>()),
            some(any::<i8>()),
            some(any::<i16>()),
            some(any::<i32>()),
            some(any::<i64>()),
            some(float()),
            some(double()),
            some(big_integer()),
            some(big_decimal()),
        )
            .boxed(),
        (
            some(epoch_instant()),
            some(date_time_instant()),
            some(http_date_instant()),
            some(proptest::collection::vec(any::<u8>(), 0..12).prop_map(Blob::new)),
            some(document()),
            some(proptest::collection::vec(color(), 0..4)),
            some(proptest::collection::vec(text(), 0..3)),
            some(proptest::collection::vec(some(text()), 0..4)),
        )
            .boxed(),
        (
            some(proptest::collection::hash_map(text(), text(), 0..3)),
            some(proptest::collection::hash_map(text(), some(text()), 0..3)),
            some(proptest::collection::hash_map(color(), any::<i32>(), 0..3)),
            some(prop_oneof![Just(1), Just(10), any::<i32>()]),
            some(figure()),
            some(tree()),
            some(text()),
            some(text()),
            others(),
            some(series()),
        )
            .boxed(),
    )
        .prop_map(|(scalars, times, maps)| {
            let (text, flag, tiny, small, count, big, ratio, precise, huge, exact) = scalars;
            let (epoch, iso, http, payload, anything, colors, unique, sparse) = times;
            let (
                labels,
                sparse_labels,
                color_counts,
                level,
                figure,
                tree,
                old_text,
                secret,
                (keywords, capital, boxed),
                series,
            ) = maps;
            #[allow(deprecated)]
            let builder = Everything::builder().set_old_text(old_text);
            builder
                .set_text(text)
                .set_flag(flag)
                .set_tiny(tiny)
                .set_small(small)
                .set_count(count)
                .set_big(big)
                .set_ratio(ratio)
                .set_precise(precise)
                .set_huge_integer(huge)
                .set_exact_decimal(exact)
                .set_epoch_time(epoch)
                .set_iso_time(iso)
                .set_http_time(http)
                .set_payload(payload)
                .set_anything(anything)
                .set_colors(colors)
                .set_unique_names(unique)
                .set_sparse_names(sparse)
                .set_labels(labels)
                .set_sparse_labels(sparse_labels)
                .set_color_counts(color_counts)
                .set_level(level)
                .set_figure(figure)
                .set_tree(tree)
                .set_secret(secret)
                .set_keywords(keywords)
                .set_self_holder(capital)
                .set_box(boxed)
                .set_series(series)
                .build()
        })
}

fn all_shapes_input() -> impl Strategy<Value = PutEverythingInput> {
    (proptest::option::of(everything()), proptest::option::of(text()), proptest::option::of(text())).prop_map(
        |(item, token, name)| {
            PutEverythingInput::builder().set_item(item).set_token(token).set_name(name).build().expect("inputs build")
        },
    )
}

/// The request body as JSON.
fn body_json(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("the body is JSON")
}

/// Whether `token` is a UUID v4, as the awsJson serializer fills unset idempotency tokens.
fn is_uuid_v4(token: &str) -> bool {
    let hex: String = token.chars().filter(|c| *c != '-').collect();
    token.len() == 36 && hex.len() == 32 && &token[14..15] == "4" && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// `item` with every NaN replaced by `NAN_STAND_IN`, so that `==` tells whether two items
/// have NaN in the same places.
fn nan_free(mut item: Everything) -> Everything {
    fn double(value: &mut f64) {
        if value.is_nan() {
            *value = NAN_STAND_IN;
        }
    }
    fn float(value: &mut f32) {
        if value.is_nan() {
            *value = NAN_STAND_IN as f32;
        }
    }
    item.ratio.iter_mut().for_each(float);
    item.precise.iter_mut().for_each(double);
    if let Some(Figure::Circle(circle)) = &mut item.figure {
        double(&mut circle.radius);
    }
    if let Some(series) = &mut item.series {
        series.ratios.iter_mut().flatten().for_each(float);
        series.readings.iter_mut().flatten().flatten().for_each(double);
        series.weights.iter_mut().flat_map(HashMap::values_mut).for_each(double);
        series.grid.iter_mut().flatten().flatten().for_each(float);
        if let Some(Measure::Scalar(value)) = &mut series.measure {
            double(value);
        }
    }
    item
}

fn nan_free_input(mut input: PutEverythingInput) -> PutEverythingInput {
    input.item = input.item.map(nan_free);
    input
}

/// One value whose serde form is not its awsJson form, or does not read back.
struct Difference(String);

fn compare_workspaces(input: &RegisterWorkspaceDirectoryInput) -> Result<(), Difference> {
    let body = RegisterWorkspaceDirectory::serialize_request(input).into_body();
    let value = serde_json::to_value(input).map_err(|e| Difference(format!("to_value failed: {e}")))?;
    if value != body_json(&body) {
        return Err(Difference(format!("serde {value} vs awsJson {}", String::from_utf8_lossy(&body))));
    }
    // Members in model order and the same escapes: the text is the body, byte for byte.
    let text = serde_json::to_string(input).map_err(|e| Difference(format!("to_string failed: {e}")))?;
    if text.as_bytes() != body.as_slice() {
        return Err(Difference(format!("serde text {text} vs awsJson {}", String::from_utf8_lossy(&body))));
    }
    let back: RegisterWorkspaceDirectoryInput =
        serde_json::from_value(value.clone()).map_err(|e| Difference(format!("{value} does not read back: {e}")))?;
    if &back != input {
        return Err(Difference(format!("{value} reads back as another input")));
    }
    Ok(())
}

fn compare_all_shapes(input: &PutEverythingInput) -> Result<(), Difference> {
    let mut body = body_json(PutEverything::serialize_request(input).body());
    if input.token.is_none() {
        // serde writes what is set; the awsJson serializer fills an unset token.
        let filled = body.as_object_mut().and_then(|body| body.remove("Token"));
        if !filled.as_ref().and_then(Value::as_str).is_some_and(is_uuid_v4) {
            return Err(Difference(format!("the unset token was filled with {filled:?}")));
        }
    }
    let value = serde_json::to_value(input).map_err(|e| Difference(format!("to_value failed: {e}")))?;
    if value != body {
        return Err(Difference(format!("serde {value} vs awsJson {body}")));
    }
    let back: PutEverythingInput =
        serde_json::from_value(value.clone()).map_err(|e| Difference(format!("{value} does not read back: {e}")))?;
    if nan_free_input(back) != nan_free_input(input.clone()) {
        return Err(Difference(format!("{value} reads back as another input")));
    }
    Ok(())
}

/// The item read from a GetEverything response whose body is the item's awsJson form (a
/// request body, whose `Token` the output does not have): the output's serde form is that
/// body, and reads back as the output.
fn compare_all_shapes_output(input: &PutEverythingInput) -> Result<(), Difference> {
    let request = PutEverythingInput::builder().set_item(input.item.clone()).token("t").build().expect("inputs build");
    let text = PutEverything::serialize_request(&request).into_body();
    let output = GetEverything::parse_response(&HttpResponse::new(200, &text))
        .map_err(|e| Difference(format!("{} does not parse: {e}", String::from_utf8_lossy(&text))))?;
    let mut body = body_json(&text);
    body.as_object_mut().expect("an object").remove("Token");
    let value = serde_json::to_value(&output).map_err(|e| Difference(format!("to_value failed: {e}")))?;
    if value != body {
        return Err(Difference(format!("output serde {value} vs response {body}")));
    }
    let back: GetEverythingOutput =
        serde_json::from_value(value.clone()).map_err(|e| Difference(format!("{value} does not read back: {e}")))?;
    if back.item.map(nan_free) != output.item.map(nan_free) {
        return Err(Difference(format!("{value} reads back as another output")));
    }
    Ok(())
}

#[test]
fn random_values_equal_the_awsjson_body_and_read_back() {
    let workspaces = generate(workspaces_input(), INPUTS, b"smithy-bind serde vs awsJson 1.1");
    let all_shapes = generate(all_shapes_input(), INPUTS, b"smithy-bind serde vs awsJson 1.0");
    let mut differences = Vec::new();
    differences.extend(workspaces.iter().filter_map(|input| compare_workspaces(input).err()));
    differences.extend(all_shapes.iter().filter_map(|input| compare_all_shapes(input).err()));
    differences.extend(all_shapes.iter().filter_map(|input| compare_all_shapes_output(input).err()));
    let covered =
        |test: fn(&Everything) -> bool| all_shapes.iter().filter(|input| input.item.as_ref().is_some_and(test)).count();
    println!(
        "serde comparison: {} WorkSpaces inputs and {} all-shapes inputs equal the awsJson body as JSON and read back \
         equal, as do {} GetEverything outputs read from those bodies, {} differences",
        workspaces.len(),
        all_shapes.len(),
        all_shapes.len(),
        differences.len()
    );
    let shown: Vec<&str> = differences.iter().take(5).map(|d| d.0.as_str()).collect();
    assert!(differences.is_empty(), "{} differences, the first:\n{}", differences.len(), shown.join("\n"));
    // The generators reach every kind of value.
    assert!(covered(|item| item.precise.is_some_and(f64::is_nan)) > 10);
    assert!(covered(|item| item.ratio.is_some_and(f32::is_infinite)) > 10);
    assert!(covered(|item| matches!(item.figure, Some(Figure::Nothing))) > 10);
    assert!(covered(|item| item.colors.iter().flatten().any(|c| matches!(c, Color::Unknown(_)))) > 10);
    assert!(
        covered(|item| matches!(&item.series, Some(series) if series.measure.is_some() && series.deadlines.is_some()))
            > 10
    );
    assert!(covered(|item| matches!(item.anything, Some(Document::Object(_)))) > 10);
    assert!(workspaces.iter().filter(|input| matches!(input.tenancy, Some(Tenancy::Unknown(_)))).count() > 10);
}

#[test]
fn workspaces_input_in_every_member() {
    let input = RegisterWorkspaceDirectoryInput::builder()
        .directory_id("d-1234567890")
        .subnet_ids("subnet-12345678")
        .enable_self_service(false)
        .tenancy(Tenancy::from("FUTURE_TENANCY"))
        .tags(Tag::builder().key("team").build().unwrap())
        .active_directory_config(
            ActiveDirectoryConfig::builder()
                .domain_name("corp.example.com")
                .service_account_secret_arn("arn:x")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let expected = json!({
        "DirectoryId": "d-1234567890",
        "SubnetIds": ["subnet-12345678"],
        "EnableSelfService": false,
        "Tenancy": "FUTURE_TENANCY",
        "Tags": [{"Key": "team"}],
        "ActiveDirectoryConfig": {"DomainName": "corp.example.com", "ServiceAccountSecretArn": "arn:x"},
    });
    assert_eq!(serde_json::to_value(&input).unwrap(), expected);
    let back: RegisterWorkspaceDirectoryInput = serde_json::from_value(expected).unwrap();
    assert_eq!(back.tenancy(), Some(&Tenancy::from("FUTURE_TENANCY")));
    assert_eq!(back.tenancy().unwrap().as_str(), "FUTURE_TENANCY");
    assert_eq!(back, input);
    assert_eq!(serde_json::to_string(&RegisterWorkspaceDirectoryInput::builder().build().unwrap()).unwrap(), "{}");
}

#[test]
fn unknown_fields_are_ignored_and_required_members_are_required() {
    let input: RegisterWorkspaceDirectoryInput =
        serde_json::from_value(json!({"DirectoryId": "d-1", "NewMember": {"x": [1]}, "EnableWorkDocs": null})).unwrap();
    assert_eq!(input, RegisterWorkspaceDirectoryInput::builder().directory_id("d-1").build().unwrap());
    let missing = serde_json::from_value::<Tag>(json!({"Value": "v"})).unwrap_err();
    assert_eq!(missing.to_string(), "missing field `Key`");
    let output: RegisterWorkspaceDirectoryOutput =
        serde_json::from_value(json!({"DirectoryId": "d-2", "State": "REGISTERING"})).unwrap();
    assert_eq!(serde_json::to_value(&output).unwrap(), json!({"DirectoryId": "d-2", "State": "REGISTERING"}));
}

#[test]
fn idempotency_tokens_are_written_only_when_set() {
    let unset = PutEverythingInput::builder().name("n").build().unwrap();
    assert_eq!(serde_json::to_value(&unset).unwrap(), json!({"Name": "n"}));
    let body = body_json(PutEverything::serialize_request(&unset).body());
    assert!(is_uuid_v4(body["Token"].as_str().unwrap()), "{body}");
    let set = PutEverythingInput::builder().token("t-1").build().unwrap();
    assert_eq!(serde_json::to_value(&set).unwrap(), json!({"Token": "t-1"}));
}

#[test]
fn sensitive_members_are_serialized_in_full() {
    let item = Everything::builder().secret("hunter2").build();
    assert!(format!("{item:?}").contains("*** Sensitive Data Redacted ***"));
    assert_eq!(serde_json::to_value(&item).unwrap(), json!({"Secret": "hunter2"}));
}

#[test]
fn blobs_timestamps_and_floats() {
    let instant = DateTime::from_secs_and_nanos(951_827_696, 125_000_000); // 2000-02-29T12:34:56.125Z
    let item = Everything::builder()
        .payload(Blob::new(vec![0, 1, 254, 255]))
        .epoch_time(instant)
        .iso_time(instant)
        .http_time(DateTime::from_secs(-86_400 * 365 - 1))
        .ratio(0.1)
        .precise(f64::NEG_INFINITY)
        .series(
            Series::builder()
                .ratios(f32::NAN)
                .readings(None)
                .readings(Some(f64::INFINITY))
                .epochs(DateTime::from_secs(1))
                .moments(instant)
                // HTTP dates carry whole seconds, so a value with a fraction would not read back.
                .deadlines("due", Some(DateTime::from_secs(951_827_696)))
                .deadlines("never", None)
                .grid(vec![1.5, f32::NEG_INFINITY])
                .build(),
        )
        .build();
    let expected = json!({
        "Ratio": 0.10000000149011612,
        "Precise": "-Infinity",
        "EpochTime": 951_827_696.125,
        "IsoTime": "2000-02-29T12:34:56.125Z",
        "HttpTime": "Tue, 31 Dec 1968 23:59:59 GMT",
        "Payload": "AAH+/w==",
        "Series": {
            "Ratios": ["NaN"],
            "Readings": [null, "Infinity"],
            "Grid": [[1.5, "-Infinity"]],
            "Epochs": [1],
            "Moments": ["2000-02-29T12:34:56.125Z"],
            "Deadlines": {"due": "Tue, 29 Feb 2000 12:34:56 GMT", "never": null},
        },
    });
    let value = serde_json::to_value(&item).unwrap();
    assert_eq!(value, expected);
    let text = serde_json::to_string(&item).unwrap();
    assert!(
        text.starts_with(r#"{"Ratio":0.10000000149011612,"Precise":"-Infinity","EpochTime":951827696.125,"#),
        "{text}"
    );
    let back: Everything = serde_json::from_str(&text).unwrap();
    assert_eq!(nan_free(back), nan_free(item));
    let bad = serde_json::from_value::<Everything>(json!({"IsoTime": "2001-02-29T00:00:00Z"})).unwrap_err();
    assert_eq!(bad.to_string(), r#""2001-02-29T00:00:00Z" is not a valid DateTime timestamp"#);
    assert_eq!(
        serde_json::from_value::<Everything>(json!({"Payload": "not base64!"})).unwrap_err().to_string(),
        r#"invalid value: string "not base64!", expected base64 text"#
    );
    assert_eq!(
        serde_json::from_value::<Everything>(json!({"Precise": "nan"})).unwrap_err().to_string(),
        r#"invalid value: string "nan", expected a number, "NaN", "Infinity" or "-Infinity""#
    );
}

#[test]
fn big_numbers_beyond_json_numbers_are_strings() {
    let item = Everything::builder()
        .huge_integer("-123456789012345678901234567890123".parse().unwrap())
        .exact_decimal("3.14159265358979323846264338327950288".parse().unwrap())
        .build();
    let value = serde_json::to_value(&item).unwrap();
    assert_eq!(
        value,
        json!({"HugeInteger": "-123456789012345678901234567890123", "ExactDecimal": "3.14159265358979323846264338327950288"})
    );
    assert_eq!(serde_json::from_value::<Everything>(value).unwrap(), item);
    // Read as a JSON value, the awsJson body has already lost those digits.
    let body = body_json(
        PutEverything::serialize_request(&PutEverythingInput::builder().item(item).token("t").build().unwrap()).body(),
    );
    assert_eq!(body["Item"]["ExactDecimal"], json!(std::f64::consts::PI), "the f64 nearest to those digits");
    let small =
        Everything::builder().huge_integer("1000".parse().unwrap()).exact_decimal("-2.5".parse().unwrap()).build();
    assert_eq!(serde_json::to_value(&small).unwrap(), json!({"HugeInteger": 1000, "ExactDecimal": -2.5}));
    assert_eq!(
        serde_json::from_value::<Everything>(json!({"HugeInteger": 1e30})).unwrap_err().to_string(),
        "invalid type: floating point `1e+30`, expected an integer, or a string of its digits"
    );
}

#[test]
fn enums_lists_maps_and_documents() {
    let document: Document = serde_json::from_value(json!({"a": [1, -2, 2.5, null], "b": {"c": true}})).unwrap();
    let item = Everything::builder()
        .colors(Color::Red)
        .colors(Color::from("purple"))
        .colors(Color::UnknownValue)
        .sparse_names(None)
        .sparse_names(Some("x".to_owned()))
        .sparse_labels("gone", None)
        .color_counts(Color::from("teal"), 4)
        .level(10)
        .anything(document)
        .build();
    let value = serde_json::to_value(&item).unwrap();
    assert_eq!(
        value,
        json!({
            "Anything": {"a": [1, -2, 2.5, null], "b": {"c": true}},
            "Colors": ["red", "purple", "unknown"],
            "SparseNames": [null, "x"],
            "SparseLabels": {"gone": null},
            "ColorCounts": {"teal": 4},
            "Level": 10,
        })
    );
    let back: Everything = serde_json::from_value(value).unwrap();
    assert!(matches!(&back.colors()[1], Color::Unknown(value) if value.as_str() == "purple"), "{back:?}");
    assert_eq!(back, item);
}

#[test]
fn unions_are_objects_with_one_member() {
    for (figure, expected) in [
        (Figure::Circle(Circle::builder().radius(f64::NAN).build().unwrap()), json!({"Circle": {"Radius": "NaN"}})),
        (Figure::Side(4), json!({"Side": 4})),
        (Figure::Label("x".into()), json!({"Label": "x"})),
        (Figure::Nothing, json!({"Nothing": {}})),
    ] {
        let value = serde_json::to_value(&figure).unwrap();
        assert_eq!(value, expected);
        let back: Figure = serde_json::from_value(value).unwrap();
        assert_eq!(format!("{back:?}"), format!("{figure:?}"));
    }
    for (measure, expected) in [
        (Measure::Scalar(f64::INFINITY), json!({"Scalar": "Infinity"})),
        (Measure::At(DateTime::from_secs(0)), json!({"At": "1970-01-01T00:00:00Z"})),
        (Measure::Window(vec![DateTime::from_secs(0)]), json!({"Window": ["Thu, 01 Jan 1970 00:00:00 GMT"]})),
        (Measure::Since(DateTime::from_millis(1500)), json!({"Since": 1.5})),
    ] {
        let value = serde_json::to_value(&measure).unwrap();
        assert_eq!(value, expected);
        assert_eq!(serde_json::from_value::<Measure>(value).unwrap(), measure);
    }
    // Read as the awsJson reader reads unions: __type and null members ignored.
    let figure: Figure =
        serde_json::from_value(json!({"__type": "example.shapes#Figure", "Label": null, "Side": 2})).unwrap();
    assert_eq!(figure, Figure::Side(2));
    let error = serde_json::from_value::<Figure>(json!({"Side": 1, "Label": "x"})).unwrap_err();
    assert_eq!(error.to_string(), "union `Figure` has more than one member set");
    // A member this version does not know is Unknown, written as {} and read back from it.
    let unknown: Figure = serde_json::from_value(json!({"Hexagon": {"Sides": 6}})).unwrap();
    assert!(unknown.is_unknown());
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!({}));
    assert!(serde_json::from_value::<Figure>(json!({})).unwrap().is_unknown());
    let both = serde_json::from_value::<Figure>(json!({"Hexagon": {}, "Side": 1})).unwrap_err();
    assert_eq!(both.to_string(), "union `Figure` has more than one member set");
}

#[test]
fn outputs_with_defaults_and_modeled_errors() {
    let output = GetDefaults::parse_response(&HttpResponse::new(200, br#"{"Id":"x"}"#)).unwrap();
    let value = serde_json::to_value(&output).unwrap();
    assert_eq!(
        value,
        json!({"Retries": 3, "Mode": "green", "Names": [], "Enabled": false, "Label": "none", "Id": "x"})
    );
    assert_eq!(serde_json::from_value::<GetDefaultsOutput>(value).unwrap(), output);
    let missing = serde_json::from_value::<GetDefaultsOutput>(json!({"Id": "x"})).unwrap_err();
    assert_eq!(missing.to_string(), "missing field `Retries`");
    // A modeled error is its members; the response metadata is not part of it.
    let error: InvalidShapeError = serde_json::from_value(json!({"Message": "bad", "Figure": {"Side": 3}})).unwrap();
    assert_eq!((error.message(), error.figure(), error.code()), (Some("bad"), Some(&Figure::Side(3)), None));
    assert_eq!(serde_json::to_value(&error).unwrap(), json!({"Message": "bad", "Figure": {"Side": 3}}));
}

#[test]
fn recursive_and_renamed_structures() {
    let leaf = TreeNode::builder().value("leaf").build();
    let tree = TreeNode::builder().value("root").children(leaf.clone()).next(leaf).build();
    let item = Everything::builder()
        .tree(tree)
        .keywords(Keywords::builder().r#type("t").self_value("s").build_value("b").build())
        .self_holder(CapitalSelf::builder().self_value("S").build())
        .r#box(BoxShape::builder().option(OptionShape::builder().some("x").build()).vec("a").build())
        .build();
    let value = serde_json::to_value(&item).unwrap();
    assert_eq!(
        value,
        json!({
            "Tree": {"Value": "root", "Children": [{"Value": "leaf"}], "Next": {"Value": "leaf"}},
            "Keywords": {"type": "t", "self": "s", "Build": "b"},
            "SelfHolder": {"Self": "S"},
            "Box": {"Option": {"Some": "x"}, "Vec": ["a"]},
        })
    );
    assert_eq!(serde_json::from_value::<Everything>(value).unwrap(), item);
}
