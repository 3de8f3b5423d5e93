"""Signs requests with botocore's SigV4Auth at a given time: the Python side of
tests/tests/sigv4.rs.

Reads one JSON object per line on stdin (method, url, headers as [name, value] pairs,
body_hex, access_key, secret_key, token or null, region, service, time as
YYYYMMDDTHHMMSSZ) and writes one JSON object per line: the Authorization header and the
canonical request botocore computed.
"""
import datetime
import json
import sys

import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


class _FixedClock:
    """Stands in for the datetime module inside botocore.auth, so utcnow() is the case's time."""

    now = None

    class datetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return _FixedClock.now

    def __getattr__(self, name):
        return getattr(datetime, name)


def main():
    clock = _FixedClock()
    botocore.auth.datetime = clock
    for line in sys.stdin:
        case = json.loads(line)
        _FixedClock.now = datetime.datetime.strptime(case["time"], "%Y%m%dT%H%M%SZ")
        request = AWSRequest(method=case["method"], url=case["url"], data=bytes.fromhex(case["body_hex"]))
        for name, value in case["headers"]:
            request.headers[name] = value
        credentials = Credentials(case["access_key"], case["secret_key"], case["token"])
        signer = SigV4Auth(credentials, case["service"], case["region"])
        signer.add_auth(request)
        authorization = request.headers["Authorization"]
        # The canonical request as signed, which did not include the Authorization header.
        del request.headers["Authorization"]
        print(json.dumps({"authorization": authorization, "canonical_request": signer.canonical_request(request)}))


if __name__ == "__main__":
    main()
