"""What botocore makes of a corpus of RegisterWorkspaceDirectory requests and error responses.

Usage: botocore_oracle.py CORPUS.json OUT.json

CORPUS holds {"inputs": [params, ...], "errors": [{"status", "headers", "body"}, ...]}.
For each input this runs botocore's ParamValidator and its JSON serializer; for each error
response, its JSON response parser. OUT receives, in the same order, what botocore produced.
"""

import json
import sys

import botocore
import botocore.parsers
import botocore.serialize
import botocore.session
import botocore.validate
from botocore.awsrequest import HeadersDict
from botocore.model import ServiceModel

OPERATION = "RegisterWorkspaceDirectory"


def workspaces_model():
    loader = botocore.session.get_session().get_component("data_loader")
    data = loader.load_service_model("workspaces", "service-2", "2015-04-08")
    # Later releases prefer rpc-v2-cbor for WorkSpaces; both sides must speak awsJson1_1.
    data["metadata"]["protocol"] = "json"
    data["metadata"]["protocols"] = ["json"]
    return ServiceModel(data, "workspaces")


def serialize_inputs(operation, inputs):
    validator = botocore.validate.ParamValidator()
    serializer = botocore.serialize.create_serializer("json", include_validation=False)
    results = []
    for params in inputs:
        report = validator.validate(params, operation.input_shape)
        request = serializer.serialize_to_request(params, operation)
        results.append(
            {
                "valid": not report.has_errors(),
                "problems": report.generate_report() if report.has_errors() else "",
                "method": request["method"],
                "path": request["url_path"],
                "headers": dict(request["headers"]),
                "body": request["body"].decode("utf-8"),
            }
        )
    return results


def parse_errors(operation, responses):
    parser = botocore.parsers.create_parser("json")
    results = []
    for response in responses:
        parsed = parser.parse(
            {
                "status_code": response["status"],
                "headers": HeadersDict(response["headers"]),
                "body": response["body"].encode("utf-8"),
            },
            operation.output_shape,
        )
        error = parsed.get("Error", {})
        results.append({"code": error.get("Code", ""), "message": error.get("Message", "")})
    return results


def main(corpus_path, out_path):
    with open(corpus_path, encoding="utf-8") as corpus_file:
        corpus = json.load(corpus_file)
    operation = workspaces_model().operation_model(OPERATION)
    result = {
        "botocore_version": botocore.__version__,
        "requests": serialize_inputs(operation, corpus["inputs"]),
        "errors": parse_errors(operation, corpus["errors"]),
    }
    with open(out_path, "w", encoding="utf-8") as out_file:
        json.dump(result, out_file)


if __name__ == "__main__":
    main(*sys.argv[1:3])
