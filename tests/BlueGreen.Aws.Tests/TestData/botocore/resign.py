"""Signs a request again with botocore's own SigV4 and prints the Authorization header it computes.

Reads one JSON object on stdin: method, url, headers (the ones the request signed, without Authorization and
X-Amz-Date), body, accessKey, secretKey, region, service, timestamp (yyyyMMddTHHmmssZ).
"""
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

given = json.load(sys.stdin)
at = datetime.datetime.strptime(given["timestamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)

# botocore takes the signing time from its clock; the request under test was signed at a known one.
botocore.auth.get_current_datetime = lambda: at

request = AWSRequest(method=given["method"], url=given["url"], data=given["body"].encode("utf-8"), headers=given["headers"])
botocore.auth.SigV4Auth(Credentials(given["accessKey"], given["secretKey"]), given["service"], given["region"]).add_auth(request)
print(request.headers["Authorization"])
