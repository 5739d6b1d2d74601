namespace BlueGreen.Aws.State;

/// <summary>An S3 bucket and a key prefix under which one environment's journal and lock live.</summary>
public sealed record S3StateLocation(string Bucket, string Prefix)
{
    /// <summary>The key of <paramref name="name"/> under the prefix.</summary>
    public string Key(string name) => Prefix.Length == 0 ? name : $"{Prefix.TrimEnd('/')}/{name}";

    public override string ToString() => $"s3://{Bucket}/{Prefix.TrimEnd('/')}";
}
