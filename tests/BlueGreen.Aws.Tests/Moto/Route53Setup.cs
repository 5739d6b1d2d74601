using System.Text;
using System.Xml.Linq;
using Amazon.EC2.Model;
using BlueGreen.Aws.Signing;

namespace BlueGreen.Aws.Tests.Moto;

/// <summary>Puts into moto's Route53 what the router never writes: plain records around its own, and private zones.</summary>
internal sealed class Route53Setup(MotoFixture moto)
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A simple (not weighted, not alias) record with a TTL, as a person or ExternalDNS would add one.</summary>
    public Task AddPlainRecordAsync(string zoneId, string name, string type, string value) => ChangePlainRecordAsync("CREATE", zoneId, name, type, value);

    /// <summary>Deletes such a record, as ExternalDNS does when its Ingress goes.</summary>
    public Task DeletePlainRecordAsync(string zoneId, string name, string type, string value) => ChangePlainRecordAsync("DELETE", zoneId, name, type, value);

    /// <summary>A weighted record with a TTL and a value (not an alias), optionally behind a health check.</summary>
    public Task AddWeightedRecordAsync(string zoneId, string name, string setIdentifier, int weight, int ttl, string value, string? healthCheckId = null) =>
        SendAsync(HttpMethod.Post, $"/2013-04-01/hostedzone/{zoneId}/rrset/", new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch",
                new XElement(Ns + "Changes",
                    new XElement(Ns + "Change",
                        new XElement(Ns + "Action", "CREATE"),
                        new XElement(Ns + "ResourceRecordSet",
                            new XElement(Ns + "Name", name),
                            new XElement(Ns + "Type", "A"),
                            new XElement(Ns + "SetIdentifier", setIdentifier),
                            new XElement(Ns + "Weight", weight),
                            new XElement(Ns + "TTL", ttl),
                            new XElement(Ns + "ResourceRecords", new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", value))),
                            healthCheckId is null ? null : new XElement(Ns + "HealthCheckId", healthCheckId)))))));

    private Task ChangePlainRecordAsync(string action, string zoneId, string name, string type, string value) =>
        SendAsync(HttpMethod.Post, $"/2013-04-01/hostedzone/{zoneId}/rrset/", new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch",
                new XElement(Ns + "Changes",
                    new XElement(Ns + "Change",
                        new XElement(Ns + "Action", action),
                        new XElement(Ns + "ResourceRecordSet",
                            new XElement(Ns + "Name", name),
                            new XElement(Ns + "Type", type),
                            new XElement(Ns + "TTL", "60"),
                            new XElement(Ns + "ResourceRecords", new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", value)))))))));

    /// <summary>A private zone named <paramref name="zoneName"/> on a new VPC; returns its id.</summary>
    public async Task<string> CreatePrivateZoneAsync(string zoneName)
    {
        using var ec2 = moto.Ec2();
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var answer = await SendAsync(HttpMethod.Post, "/2013-04-01/hostedzone", new XElement(Ns + "CreateHostedZoneRequest",
            new XElement(Ns + "Name", zoneName),
            new XElement(Ns + "VPC", new XElement(Ns + "VPCRegion", "us-east-1"), new XElement(Ns + "VPCId", vpc)),
            new XElement(Ns + "CallerReference", Guid.NewGuid().ToString("N")),
            new XElement(Ns + "HostedZoneConfig", new XElement(Ns + "PrivateZone", "true"))));
        return XDocument.Parse(answer).Descendants(Ns + "HostedZone").Single().Element(Ns + "Id")!.Value["/hostedzone/".Length..];
    }

    private async Task<string> SendAsync(HttpMethod method, string path, XElement body)
    {
        using var request = new HttpRequestMessage(method, new Uri(moto.Endpoint, path))
        {
            Content = new StringContent(body.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml"),
        };
        await new SigV4RequestSigner(MotoFixture.Credentials, "us-east-1", "route53", TimeProvider.System).SignAsync(request, CancellationToken.None);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"moto refused the setup request {method} {path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
