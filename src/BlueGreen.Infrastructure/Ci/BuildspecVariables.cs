namespace BlueGreen.Infrastructure.Ci;

/// <summary>Environment variables the sample app's buildspec requires from the CodeBuild project.</summary>
public static class BuildspecVariables
{
    /// <summary>The ECR repository URI (<c>account.dkr.ecr.region.amazonaws.com/name</c>) the image is pushed to.</summary>
    public const string RepositoryUri = "ECR_REPOSITORY_URI";
}
