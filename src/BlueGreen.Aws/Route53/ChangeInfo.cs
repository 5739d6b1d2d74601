namespace BlueGreen.Aws.Route53;

/// <summary>A submitted change batch and whether every Route53 name server has it yet.</summary>
/// <param name="Id">The change id without its <c>/change/</c> prefix.</param>
/// <param name="Status">PENDING or INSYNC.</param>
/// <param name="SubmittedAt">When Route53 accepted the batch.</param>
public sealed record ChangeInfo(string Id, string Status, DateTimeOffset SubmittedAt)
{
    /// <summary>True once all Route53 name servers serve the change.</summary>
    public bool InSync => string.Equals(Status, "INSYNC", StringComparison.Ordinal);
}
