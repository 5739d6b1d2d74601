using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>
/// Collects every identity policy statement of a template (AWS::IAM::Policy, AWS::IAM::ManagedPolicy,
/// inline role policies) and finds what least privilege forbids.
/// </summary>
internal static class PolicyAudit
{
    /// <summary>Managed policies whose names grant a whole service.</summary>
    private static readonly string[] BroadManagedSuffixes = ["FullAccess", "ReadOnlyAccess", "AdministratorAccess", "PowerUserAccess"];

    public static IEnumerable<GrantedStatement> Statements(string stack, JsonObject template)
    {
        foreach (var (id, resource) in template["Resources"]!.AsObject())
        {
            var type = (string?)resource!["Type"];
            var properties = resource["Properties"];
            var documents = type switch
            {
                "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => [properties?["PolicyDocument"]],
                "AWS::IAM::Role" => TemplateJson.Many(properties?["Policies"]).Select(p => p?["PolicyDocument"]).ToList(),
                _ => [],
            };
            foreach (var statement in documents.SelectMany(d => TemplateJson.Many(d?["Statement"])))
            {
                yield return new GrantedStatement(
                    stack,
                    id,
                    (string?)statement!["Effect"],
                    [.. TemplateJson.Many(statement["Action"] ?? statement["NotAction"]).Select(a => a!.ToString())],
                    TemplateJson.Many(statement["Resource"] ?? statement["NotResource"]),
                    statement["Condition"],
                    Negated: statement["NotAction"] is not null || statement["NotResource"] is not null);
            }
        }
    }

    /// <summary>
    /// Problems in a template's identity policies: an action on "*" that <paramref name="allowed"/>
    /// does not list for that policy, a service-wide action ("*" or "service:*"), NotAction or NotResource.
    /// </summary>
    public static IReadOnlyList<string> Violations(string stack, JsonObject template, IReadOnlyList<WildcardGrant> allowed)
    {
        var problems = new List<string>();
        foreach (var statement in Statements(stack, template).Where(s => s.Effect == "Allow"))
        {
            var where = $"{statement.Stack}/{statement.PolicyId}";
            if (statement.Negated)
            {
                problems.Add($"{where}: NotAction/NotResource grants everything it does not name.");
                continue;
            }

            foreach (var action in statement.Actions)
            {
                if (action == "*" || action.EndsWith(":*", StringComparison.Ordinal))
                {
                    problems.Add($"{where}: '{action}' grants a whole service.");
                }
                else if (statement.OnEveryResource && !allowed.Any(a => a.Action == action && statement.PolicyId.Contains(a.Holder, StringComparison.Ordinal)))
                {
                    problems.Add($"{where}: '{action}' on '*' is not in the reviewed list of actions that require '*'.");
                }
            }
        }

        return problems;
    }

    /// <summary>Managed policy ARNs attached to roles, flattened to text.</summary>
    public static IEnumerable<(string RoleId, string Arn)> ManagedPolicies(JsonObject template) =>
        TemplateJson.OfType(template, "AWS::IAM::Role")
            .SelectMany(r => TemplateJson.Many(r.Resource["Properties"]?["ManagedPolicyArns"]).Select(arn => (r.LogicalId, TemplateJson.Flatten(arn))));

    public static bool IsBroad(string managedPolicyArn) =>
        BroadManagedSuffixes.Any(suffix => managedPolicyArn.EndsWith(suffix, StringComparison.Ordinal));
}
