using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>Least privilege over every IAM policy of every stack, in both synthesized configurations.</summary>
[Collection(SynthesizedCollection.Name)]
public sealed class LeastPrivilegeTests(DefaultApp defaults, AllOptionsApp allOptions)
{
    private IEnumerable<(string Stack, JsonObject Template)> EveryStack =>
        defaults.Json.Concat(allOptions.Json).Select(s => (s.Key, s.Value));

    [Fact]
    public void NoPolicyGrantsAnUnreviewedActionOnEveryResource()
    {
        var problems = EveryStack.SelectMany(s => PolicyAudit.Violations(s.Stack, s.Template, WildcardGrants.All)).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void EveryReviewedWildcardActionIsStillGranted_SoTheListHoldsNoStaleEntry()
    {
        var onEveryResource = EveryStack
            .SelectMany(s => PolicyAudit.Statements(s.Stack, s.Template))
            .Where(s => s.Effect == "Allow" && s.OnEveryResource)
            .SelectMany(s => s.Actions)
            .ToHashSet();

        Assert.All(WildcardGrants.All, g => Assert.Contains(g.Action, onEveryResource));
    }

    [Fact]
    public void EveryReviewedWildcardActionHasAReason()
    {
        Assert.All(WildcardGrants.All, g => Assert.False(string.IsNullOrWhiteSpace(g.Reason), g.Action));
    }

    [Fact]
    public void NoStatementDenies_SoAllowIsTheWholeStory()
    {
        Assert.All(EveryStack.SelectMany(s => PolicyAudit.Statements(s.Stack, s.Template)), s => Assert.Equal("Allow", s.Effect));
    }

    [Fact]
    public void OnlyTheReviewedAwsManagedPoliciesAreAttached()
    {
        var attached = EveryStack.SelectMany(s => PolicyAudit.ManagedPolicies(s.Template)).Select(p => p.Arn).ToHashSet();

        Assert.Equal(
            WildcardGrants.ManagedPolicies.Keys.Select(name => "arn:${AWS::Partition}:iam::aws:policy/" + name).Order(),
            attached.Order());
        Assert.DoesNotContain(attached, PolicyAudit.IsBroad);
    }

    [Fact]
    public void NoCustomerManagedPolicyExists_SoEveryGrantIsVisibleOnItsRole()
    {
        Assert.All(EveryStack, s => Assert.Empty(TemplateJson.OfType(s.Template, "AWS::IAM::ManagedPolicy")));
    }

    [Fact]
    public void AppRole_ReadsOnlyTheOneTable()
    {
        var common = defaults.Json[StackNames.Common("test")];
        var table = TemplateJson.Single(common, "AWS::DynamoDB::Table").LogicalId;
        var statements = StatementsOfRole(common, "PodIdentityAppRole");

        var read = new[] { "dynamodb:BatchGetItem", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable" };
        Assert.All(statements.SelectMany(s => s.Actions), action => Assert.Contains(action, read));
        Assert.All(statements.SelectMany(s => s.Resources), resource => Assert.True(
            TemplateJson.Flatten(resource) == "${" + table + ".Arn}" || resource?["Ref"]?.ToString() == "AWS::NoValue",
            $"The app role reaches {resource?.ToJsonString()}, not only the table {table}."));
    }

    [Fact]
    public void ExternalDnsRole_ChangesRecordsOnlyInTheSubdomainZone()
    {
        var common = defaults.Json[StackNames.Common("test")];
        var zone = TemplateJson.Single(common, "AWS::Route53::HostedZone").LogicalId;
        var statements = StatementsOfRole(common, "PodIdentityExternalDnsRole");

        var change = Assert.Single(statements, s => s.Actions.Contains("route53:ChangeResourceRecordSets"));
        var resource = Assert.Single(change.Resources);
        Assert.Equal("arn:${AWS::Partition}:route53:::hostedzone/${" + zone + "}", TemplateJson.Flatten(resource));
        Assert.Equal(["route53:ListHostedZones"], statements.Where(s => s.OnEveryResource).SelectMany(s => s.Actions));
    }

    [Fact]
    public void ExternalDnsRole_ChangesOnlyNamesBelowTheApex_WhereTheEngineOwnsTheServiceRecords()
    {
        var common = defaults.Json[StackNames.Common("test")];
        var statements = StatementsOfRole(common, "PodIdentityExternalDnsRole");

        var change = Assert.Single(statements, s => s.Actions.Contains("route53:ChangeResourceRecordSets"));
        Assert.Equal(["route53:ChangeResourceRecordSets"], change.Actions);
        var condition = Assert.Single(change.Condition!.AsObject());
        Assert.Equal("ForAllValues:StringLike", condition.Key);
        var names = Assert.Single(condition.Value!.AsObject());
        Assert.Equal("route53:ChangeResourceRecordSetsNormalizedRecordNames", names.Key);
        var patterns = TemplateJson.Many(names.Value).Select(p => (string?)p).ToList();
        Assert.Equal(["*.test.example.com"], patterns);
        var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(patterns[0]!).Replace(@"\*", ".*", StringComparison.Ordinal) + "$");
        Assert.Matches(pattern, "green.test.example.com");
        Assert.Matches(pattern, "extdns-green.test.example.com");
        Assert.Matches(pattern, "extdns-a-green.test.example.com");
        Assert.DoesNotMatch(pattern, "test.example.com");
        Assert.DoesNotMatch(pattern, "other.example.com");
    }

    [Theory]
    [InlineData("test.example.com", "*.test.example.com")]
    [InlineData("Test.Example.COM.", "*.test.example.com")]
    public void BelowApex_IsInRoute53sNormalizedForm(string zoneName, string expected)
    {
        Assert.Equal(expected, Common.PodIdentityRoles.BelowApex(zoneName));
    }

    [Fact]
    public void EveryTrustPolicyNamesAServicePrincipal_NeverAnyone()
    {
        var principals = EveryStack
            .SelectMany(s => TemplateJson.OfType(s.Template, "AWS::IAM::Role"))
            .SelectMany(r => TemplateJson.Many(r.Resource["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]))
            .Select(s => s!["Principal"]!.AsObject())
            .ToList();

        Assert.NotEmpty(principals);
        Assert.All(principals, p => Assert.Equal(["Service"], p.Select(kv => kv.Key)));
    }

    // The role's own statements, whichever policy resource attaches them.
    private static List<GrantedStatement> StatementsOfRole(JsonObject template, string roleIdPrefix)
    {
        var role = Assert.Single(TemplateJson.OfType(template, "AWS::IAM::Role"), r => r.LogicalId.StartsWith(roleIdPrefix, StringComparison.Ordinal)).LogicalId;
        var policies = TemplateJson.OfType(template, "AWS::IAM::Policy")
            .Where(p => TemplateJson.Many(p.Resource["Properties"]!["Roles"]).Any(r => (string?)r!["Ref"] == role))
            .Select(p => p.LogicalId)
            .ToHashSet();
        var statements = PolicyAudit.Statements("common", template).Where(s => policies.Contains(s.PolicyId)).ToList();
        Assert.NotEmpty(statements);
        return statements;
    }
}
