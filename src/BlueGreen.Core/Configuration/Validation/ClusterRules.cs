using System.Text.RegularExpressions;
using BlueGreen.Core.Configuration.Data;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>Colours, cluster names, Kubernetes versions and node groups.</summary>
internal static partial class ClusterRules
{
    public static void Check(EnvironmentConfig c, Checker check, DateOnly today)
    {
        check.That(c.Clusters.Count >= 2, "clusters", $"Blue/green needs at least two clusters; {c.Clusters.Count} configured.", "Add a cluster for the candidate colour (e.g. green).");
        for (var i = 0; i < c.Clusters.Count; i++)
        {
            var k = c.Clusters[i];
            var path = $"clusters[{i}]";
            if (!check.Broken($"{path}.colour"))
            {
                var problem = DnsName.LabelProblem(k.Colour);
                check.That(problem is null && k.Colour == k.Colour.ToLowerInvariant(), $"{path}.colour", $"The colour '{k.Colour}' {problem ?? "has capital letters"}.", "Use a lowercase DNS label such as blue or green.");
                check.That(k.Colour is not ("common" or "ci"), $"{path}.colour", $"The colour '{k.Colour}' would collide with the <env>-{k.Colour} stack.", "Choose another colour name, such as blue or green.");
                var first = c.Clusters.ToList().FindIndex(o => o.Colour == k.Colour);
                check.That(first == i, $"{path}.colour", $"The colour '{k.Colour}' is used twice (also clusters[{first}]).", "Give each cluster its own colour.");
            }

            if (!check.Broken($"{path}.name"))
            {
                check.That(ClusterName().IsMatch(k.Name), $"{path}.name", $"'{k.Name}' is not an EKS cluster name.", "Use 1 to 100 letters, digits, '-' or '_', starting with a letter or digit.");
                var first = c.Clusters.ToList().FindIndex(o => o.Name == k.Name);
                check.That(first == i, $"{path}.name", $"The cluster name '{k.Name}' is used twice (also clusters[{first}]).", "Give each cluster its own name.");
            }

            Version(k.Version, $"{path}.version", check, today);
            for (var a = 0; a < k.AdminRoleArns.Count; a++)
            {
                check.That(RoleArn().IsMatch(k.AdminRoleArns[a]), $"{path}.adminRoleArns[{a}]", $"'{k.AdminRoleArns[a]}' is not an IAM role ARN.", "Write arn:aws:iam::<account>:role/<name>.");
            }

            SupportType(k, path, check, today);
            Endpoint(k, path, check);
            Addons(k, path, check);
            NodeGroup(k.NodeGroup, $"{path}.nodeGroup", check);
        }
    }

    private static void Version(string version, string path, Checker check, DateOnly today)
    {
        if (check.Broken(path))
        {
            return;
        }

        var offered = string.Join(", ", EksVersions.OfferedOn(today).Select(v => $"\"{v.Version}\""));
        var row = EksVersions.Find(version);
        if (row is null)
        {
            var padded = version.Length == 3 && version.StartsWith("1.", StringComparison.Ordinal) ? EksVersions.Find(version + "0") : null;
            var hint = padded is not null
                ? $"Did you mean \"{padded.Version}\"? Quote versions: an unquoted 1.{padded.Version[2..]} is the number 1.{padded.Version[2]} to YAML tools."
                : $"EKS offers {offered}. Quote the version.";
            check.That(false, path, $"EKS does not offer Kubernetes {version}.", hint);
            return;
        }

        check.That(row.SupportOn(today) != EksSupport.Ended, path, $"EKS no longer offers Kubernetes {version}: extended support ended on {row.EndOfExtendedSupport:yyyy-MM-dd}.", $"Choose one of {offered}.");
    }

    // EKS: "You cannot disable extended support once your cluster has entered it. You can only disable extended
    // support for clusters on standard support." (Amazon EKS User Guide, "Disable EKS extended support"). A cluster on a
    // version past its end of standard support is in extended support from its first hour, so STANDARD cannot hold.
    private static void SupportType(ClusterConfig k, string path, Checker check, DateOnly today)
    {
        if (check.Broken($"{path}.version") || check.Broken($"{path}.supportType") || k.SupportType != EksSupportType.Standard
            || EksVersions.Find(k.Version) is not { } row || row.SupportOn(today) != EksSupport.Extended)
        {
            return;
        }

        var standard = string.Join(", ", EksVersions.OfferedOn(today).Where(v => v.SupportOn(today) == EksSupport.Standard).Select(v => $"\"{v.Version}\""));
        check.That(false, $"{path}.supportType", $"Kubernetes {k.Version} left standard support on {row.EndOfStandardSupport:yyyy-MM-dd}, and EKS cannot turn extended support off for a cluster that is in it; supportType: standard cannot apply.", $"Set supportType: extended (extra cost per cluster hour until {row.EndOfExtendedSupport:yyyy-MM-dd}), or choose a version in standard support ({standard}).");
    }

    private static void Endpoint(ClusterConfig k, string path, Checker check)
    {
        var cidrs = $"{path}.publicAccessCidrs";
        check.That(k.EndpointAccess == EndpointAccess.Public || k.PublicAccessCidrs.Count == 0, cidrs, "publicAccessCidrs limit the public endpoint, but endpointAccess is private, so there is no public endpoint.", "Remove publicAccessCidrs, or set endpointAccess: public.");
        for (var i = 0; i < k.PublicAccessCidrs.Count; i++)
        {
            if (!Ipv4Cidr.TryParse(k.PublicAccessCidrs[i], out _, out var problem))
            {
                check.That(false, $"{cidrs}[{i}]", $"{problem}.", "Write the public IPv4 block of your office or VPN, e.g. 203.0.113.0/24.");
            }
        }
    }

    private static void Addons(ClusterConfig k, string path, Checker check)
    {
        foreach (var (name, version) in k.AddonVersions)
        {
            check.That(AddonVersion().IsMatch(version), $"{path}.addons.{name}", $"'{version}' is not an EKS add-on version.", $"Write it as EKS lists it, e.g. v1.20.4-eksbuild.1 (aws eks describe-addon-versions --addon-name {name} --kubernetes-version {k.Version}).");
        }

        if (check.Broken($"{path}.version") || EksVersions.Find(k.Version) is null)
        {
            return;
        }

        var missing = EksAddonVersions.Names.Where(n => EksAddonVersions.For(k, n) is null).ToList();
        check.That(missing.Count == 0, $"{path}.addons", $"No add-on versions are known for Kubernetes {k.Version}: {string.Join(", ", missing)} would be left to whatever EKS makes the default.", $"Set clusters[].addons with a version for each (aws eks describe-addon-versions --kubernetes-version {k.Version} --addon-name NAME lists them).");
    }

    private static void NodeGroup(NodeGroupConfig g, string path, Checker check)
    {
        check.That(ClusterName().IsMatch(g.Name), $"{path}.name", $"'{g.Name}' is not a node group name.", "Use 1 to 63 letters, digits, '-' or '_'.");
        if (!check.Broken($"{path}.maxSize") && !check.Broken($"{path}.desiredSize") && !check.Broken($"{path}.minSize"))
        {
            check.That(g.MinSize >= 0, $"{path}.minSize", $"minSize is {g.MinSize}; it cannot be negative.");
            check.That(g.MaxSize > 0 && g.DesiredSize > 0, $"{path}.desiredSize", "The node group would have zero nodes; the sample app and the controllers need at least one.", "Set desiredSize and maxSize to 1 or more (2 for a highly available app).");
            check.That(g.MinSize <= g.DesiredSize, $"{path}.minSize", $"minSize ({g.MinSize}) is greater than desiredSize ({g.DesiredSize}).", "Keep minSize <= desiredSize <= maxSize.");
            check.That(g.DesiredSize <= g.MaxSize, $"{path}.desiredSize", $"desiredSize ({g.DesiredSize}) is greater than maxSize ({g.MaxSize}).", "Keep minSize <= desiredSize <= maxSize.");
            check.That(g.MaxSize <= 450, $"{path}.maxSize", $"maxSize is {g.MaxSize}; a managed node group holds at most 450 nodes.");
        }

        check.That(g.InstanceTypes.Count > 0 || check.Broken($"{path}.instanceTypes"), $"{path}.instanceTypes", "No instance type is given.", "List at least one, e.g. [m7i.large].");
        for (var i = 0; i < g.InstanceTypes.Count; i++)
        {
            check.That(InstanceType().IsMatch(g.InstanceTypes[i]), $"{path}.instanceTypes[{i}]", $"'{g.InstanceTypes[i]}' is not an EC2 instance type.", "Write family.size, e.g. m7i.large.");
        }

        check.InRange(g.DiskSizeGiB, 20, 16384, $"{path}.diskSizeGiB", "The node disk size in GiB");
    }

    [GeneratedRegex(@"^v\d+\.\d+\.\d+-eksbuild\.\d+$")]
    private static partial Regex AddonVersion();

    [GeneratedRegex("^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex ClusterName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9]+$")]
    private static partial Regex InstanceType();
}
