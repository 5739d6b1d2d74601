-- wrk script: the DynamoDB Scan of the whole table, sent straight to dynalite (it checks that a
-- signature header is present, not the signature).
wrk.method = "POST"
wrk.body = '{"TableName":"' .. (os.getenv("BENCH_TABLE") or "test-dynamodb") .. '"}'
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.Scan"
wrk.headers["X-Amz-Date"] = "20260101T000000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=local/20260101/ap-northeast-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000"
