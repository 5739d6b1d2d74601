namespace BlueGreen.Core.Configuration;

/// <summary>The sample app's image build: GitHub source, CodeBuild, ECR.</summary>
public sealed record CiConfig
{
    /// <summary>GitHub repository as owner/name.</summary>
    public required string Repository { get; init; }

    public string Branch { get; init; } = "main";

    public required string EcrRepository { get; init; }

    /// <summary>Path of the buildspec inside the repository.</summary>
    public string Buildspec { get; init; } = "samples/SampleApp/buildspec.yml";

    /// <summary>Directory whose changes trigger a build (webhook file-path filter).</summary>
    public string SourcePath { get; init; } = "samples/SampleApp/";

    /// <summary>Create the webhook; only once the CodeConnections connection has been approved by hand.</summary>
    public bool Webhook { get; init; }

    /// <summary>Images the ECR lifecycle rule keeps.</summary>
    public int KeepImages { get; init; } = 30;

    /// <summary>Build timeout in minutes.</summary>
    public int TimeoutMinutes { get; init; } = 15;
}
