"""The reference system's app, as SYSTEM.md describes it: a FastAPI service whose GET / builds a
new DynamoDB client on every request, scans the table and returns its items. Used only by
bench/sample-app-ratio.sh to compare the sample app with it under the same load."""
import os

import boto3
from fastapi import FastAPI

app = FastAPI()
# Named outright: older SDKs ignore AWS_ENDPOINT_URL_DYNAMODB and would go to AWS itself.
ENDPOINT = os.environ["AWS_ENDPOINT_URL_DYNAMODB"]
TABLE = os.environ.get("BLUEGREEN_TABLE_NAME", "test-dynamodb")


@app.get("/")
def read_items():
    # A new client per request, as the reference does: this is the cost being measured.
    client = boto3.client("dynamodb", endpoint_url=ENDPOINT)
    items = []
    kwargs = {"TableName": TABLE}
    while True:
        page = client.scan(**kwargs)
        items.extend(page.get("Items", []))
        if not page.get("LastEvaluatedKey"):
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
