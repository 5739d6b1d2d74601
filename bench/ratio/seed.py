"""Creates the table on the dynalite at AWS_ENDPOINT_URL_DYNAMODB and writes COUNT items of the
sandbox's shape (UserId, Name, Visits, Email) for bench/sample-app-ratio.sh."""
import sys

import os

import boto3

# Named outright: older SDKs ignore AWS_ENDPOINT_URL_DYNAMODB and would go to AWS itself.
ENDPOINT = os.environ["AWS_ENDPOINT_URL_DYNAMODB"]

count = int(sys.argv[1])
table = sys.argv[2]
client = boto3.client("dynamodb", endpoint_url=ENDPOINT)
client.create_table(
    TableName=table,
    AttributeDefinitions=[{"AttributeName": "UserId", "AttributeType": "S"}],
    KeySchema=[{"AttributeName": "UserId", "KeyType": "HASH"}],
    BillingMode="PAY_PER_REQUEST",
)
client.get_waiter("table_exists").wait(TableName=table)
for first in range(1, count + 1, 25):
    requests = [
        {"PutRequest": {"Item": {
            "UserId": {"S": f"user-{i:05d}"},
            "Name": {"S": f"User {i}"},
            "Visits": {"N": str(i)},
            "Email": {"S": f"user-{i:05d}@example.com"},
        }}}
        for i in range(first, min(count, first + 24) + 1)
    ]
    pending = {table: requests}
    while pending:
        pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}
print(client.scan(TableName=table, Select="COUNT")["Count"])
