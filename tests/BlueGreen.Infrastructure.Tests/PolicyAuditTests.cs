using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>The least-privilege audit itself must catch what it is meant to catch.</summary>
public sealed class PolicyAuditTests
{
    private static readonly IReadOnlyList<WildcardGrant> Allowed = [new("ecr:GetAuthorizationToken", "BuildRole", "No resource type.")];

    [Fact]
    public void Flags_AnUnreviewedActionOnEveryResource()
    {
        var problems = PolicyAudit.Violations("s", Template(Policy("BuildRolePolicy", """{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}""")), Allowed);

        Assert.Contains(problems, p => p.Contains("'s3:GetObject' on '*'", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_AReviewedActionOnEveryResource_HeldByItsPolicy()
    {
        var problems = PolicyAudit.Violations("s", Template(Policy("BuildRolePolicy", """{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}""")), Allowed);

        Assert.Empty(problems);
    }

    [Fact]
    public void Flags_AReviewedActionHeldByAnotherPolicy()
    {
        var problems = PolicyAudit.Violations("s", Template(Policy("AppRolePolicy", """{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"}""")), Allowed);

        Assert.Single(problems);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("s3:*")]
    public void Flags_AServiceWideAction_EvenOnOneResource(string action)
    {
        var problems = PolicyAudit.Violations("s", Template(Policy("P", $$"""{"Effect":"Allow","Action":"{{action}}","Resource":"arn:aws:s3:::one"}""")), Allowed);

        Assert.Contains(problems, p => p.Contains("whole service", StringComparison.Ordinal));
    }

    [Fact]
    public void Flags_NotAction()
    {
        var problems = PolicyAudit.Violations("s", Template(Policy("P", """{"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::one"}""")), Allowed);

        Assert.Contains(problems, p => p.Contains("NotAction", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_InlineRolePolicies_AndManagedPolicyDocuments()
    {
        var template = Template(
            ("Role", JsonNode.Parse("""{"Type":"AWS::IAM::Role","Properties":{"Policies":[{"PolicyDocument":{"Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}}]}}""")!),
            ("Managed", JsonNode.Parse("""{"Type":"AWS::IAM::ManagedPolicy","Properties":{"PolicyDocument":{"Statement":{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}}}}""")!));

        var problems = PolicyAudit.Violations("s", template, Allowed);

        Assert.Equal(2, problems.Count);
    }

    [Theory]
    [InlineData("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess", true)]
    [InlineData("arn:aws:iam::aws:policy/AmazonS3FullAccess", true)]
    [InlineData("arn:aws:iam::aws:policy/AdministratorAccess", true)]
    [InlineData("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly", false)]
    public void Recognizes_BroadManagedPolicies(string arn, bool broad)
    {
        Assert.Equal(broad, PolicyAudit.IsBroad(arn));
    }

    [Fact]
    public void Finds_ManagedPolicyArnsWrittenAsJoins()
    {
        var role = JsonNode.Parse("""{"Type":"AWS::IAM::Role","Properties":{"ManagedPolicyArns":[{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::aws:policy/AmazonS3FullAccess"]]}]}}""")!;

        var (roleId, arn) = Assert.Single(PolicyAudit.ManagedPolicies(Template(("Role", role))));

        Assert.Equal("Role", roleId);
        Assert.Equal("arn:${AWS::Partition}:iam::aws:policy/AmazonS3FullAccess", arn);
        Assert.True(PolicyAudit.IsBroad(arn));
    }

    private static (string Id, JsonNode Resource) Policy(string id, string statement) =>
        (id, JsonNode.Parse("""{"Type":"AWS::IAM::Policy","Properties":{"PolicyDocument":{"Statement":[""" + statement + "]}}}")!);

    private static JsonObject Template(params (string Id, JsonNode Resource)[] resources)
    {
        var all = new JsonObject();
        foreach (var (id, resource) in resources)
        {
            all[id] = resource;
        }

        return new JsonObject { ["Resources"] = all };
    }
}
