"""Random CloudWatch inputs and what botocore's Smithy RPC v2 CBOR serializer makes of them.

Usage: botocore_cbor_oracle.py COUNT SEED ERRORS.json OUT.json

Builds COUNT inputs, half PutMetricData and half GetMetricData, from botocore's own CloudWatch
model with random.Random(SEED): every member set or not at random, strings of tricky text,
doubles with NaN, infinities, negative zero and extremes, timestamps to the millisecond,
enums known and unknown, lists and maps of a few entries. Each is serialized by botocore's
rpc-v2-cbor serializer. OUT receives, per input, the operation, the params (as JSON, floats
that JSON cannot hold spelled "NaN", "Infinity", "-Infinity", timestamps as epoch seconds)
and botocore's method, path, headers and body (hex). ERRORS holds canned error responses
(`status`, `headers`, `body` in hex) to PutMetricData; OUT's `errors` has the code and message
botocore's rpc-v2-cbor parser gives each.
"""

import json
import math
import random
import sys

import botocore
import botocore.parsers
import botocore.serialize
import botocore.session
from botocore.awsrequest import HeadersDict
from botocore.model import ServiceModel

OPERATIONS = ("PutMetricData", "GetMetricData")
TEXT = "aZ09 -_./\"\\\u00e9\u4e2d\U0001f600\u2028\x00\x1f"
DOUBLES = (0.0, -0.0, 1.0, -1.5, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, -2.5e10, 123456.789,
           math.nan, math.inf, -math.inf)


def cloudwatch_model():
    loader = botocore.session.get_session().get_component("data_loader")
    data = loader.load_service_model("cloudwatch", "service-2")
    data["metadata"]["protocol"] = "smithy-rpc-v2-cbor"
    data["metadata"]["protocols"] = ["smithy-rpc-v2-cbor"]
    return ServiceModel(data, "cloudwatch")


def text(rng, low, high):
    return "".join(rng.choice(TEXT) for _ in range(rng.randint(low, high)))


def double(rng):
    if rng.random() < 0.4:
        return rng.choice(DOUBLES)
    return rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-6, 6)


def value(rng, shape, depth):
    kind = shape.type_name
    if kind == "structure":
        members = {}
        for name, member in shape.members.items():
            if name in shape.required_members or rng.random() < 0.6:
                members[name] = value(rng, member, depth + 1)
        return members
    if kind == "list":
        return [value(rng, shape.member, depth + 1) for _ in range(rng.randint(0, 3 if depth < 4 else 0))]
    if kind == "map":
        return {text(rng, 1, 6): value(rng, shape.value, depth + 1) for _ in range(rng.randint(0, 3))}
    if kind == "string":
        if shape.enum and rng.random() < 0.8:
            return rng.choice(shape.enum)
        return text(rng, 0, 12)
    if kind in ("integer", "long"):
        limit = 2**31 - 1 if kind == "integer" else 2**63 - 1
        return rng.choice((0, 1, -1, 23, 24, 255, 256, 65535, 65536, limit, -limit - 1, rng.randint(-limit - 1, limit)))
    if kind in ("double", "float"):
        return double(rng)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "timestamp":
        millis = rng.choice((0, 1000, rng.randint(0, 4_102_444_800_000)))
        return millis // 1000 if millis % 1000 == 0 else millis / 1000
    raise ValueError(f"no generator for {kind} shape {shape.name}")


def as_json(params):
    """The params with floats JSON cannot hold spelled as the awsJson form spells them."""
    if isinstance(params, dict):
        return {key: as_json(item) for key, item in params.items()}
    if isinstance(params, list):
        return [as_json(item) for item in params]
    if isinstance(params, float) and not math.isfinite(params):
        return "NaN" if math.isnan(params) else ("Infinity" if params > 0 else "-Infinity")
    return params


def parse_errors(operation, responses):
    parser = botocore.parsers.create_parser("smithy-rpc-v2-cbor")
    results = []
    for response in responses:
        parsed = parser.parse(
            {
                "status_code": response["status"],
                "headers": HeadersDict(response["headers"]),
                "body": bytes.fromhex(response["body"]),
            },
            operation.output_shape,
        )
        error = parsed.get("Error", {})
        results.append({"code": error.get("Code", ""), "message": error.get("Message", "")})
    return results


def main(count, seed, errors_path, out_path):
    rng = random.Random(int(seed))
    model = cloudwatch_model()
    serializer = botocore.serialize.create_serializer("smithy-rpc-v2-cbor", include_validation=False)
    cases = []
    for index in range(int(count)):
        operation = model.operation_model(OPERATIONS[index % 2])
        params = value(rng, operation.input_shape, 0)
        request = serializer.serialize_to_request(params, operation)
        cases.append(
            {
                "operation": operation.name,
                "params": as_json(params),
                "method": request["method"],
                "path": request["url_path"],
                "headers": dict(request["headers"]),
                "body": request["body"].hex(),
            }
        )
    with open(errors_path, encoding="utf-8") as errors_file:
        errors = parse_errors(model.operation_model("PutMetricData"), json.load(errors_file))
    with open(out_path, "w", encoding="utf-8") as out_file:
        json.dump({"botocore_version": botocore.__version__, "cases": cases, "errors": errors}, out_file)


if __name__ == "__main__":
    main(*sys.argv[1:5])
