using System.Net;
using Amazon.S3;
using BlueGreen.Core.Text;

namespace BlueGreen.Aws.State;

/// <summary>Sorts S3's answers: a failed condition, a missing object, and errors a person must fix.</summary>
internal static class S3Errors
{
    /// <summary>412, or 409 ConditionalRequestConflict (a concurrent conditional write): someone else wrote first.</summary>
    public static bool IsConditionFailed(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.PreconditionFailed || (e.StatusCode == HttpStatusCode.Conflict && e.ErrorCode == "ConditionalRequestConflict");

    public static bool IsNotFound(AmazonS3Exception e) => e.StatusCode == HttpStatusCode.NotFound;

    /// <summary>A sentence for an error that is not part of the protocol: access, a missing bucket, anything else.</summary>
    public static string Explain(AmazonS3Exception e, string what, S3StateLocation location) => e.ErrorCode switch
    {
        "AccessDenied" => $"S3 denied {what} at {location}: {Sentences.Clause(e.Message)}. Grant the caller s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on that bucket.",
        "NoSuchBucket" => $"The bucket of {location} does not exist. Deploy the common stack, or check the journal bucket name (SSM /<env>/common/journal-bucket).",
        _ => $"S3 failed {what} at {location}: {(int)e.StatusCode} {e.ErrorCode} {e.Message}",
    };
}
