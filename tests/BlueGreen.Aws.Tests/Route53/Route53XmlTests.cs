using System.Xml.Linq;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Fakes;

namespace BlueGreen.Aws.Tests.Route53;

/// <summary>
/// Our documents against the API reference's own examples, where moto cannot say: moto reads a change batch by element
/// name alone (any order, any namespace) and answers every change INSYNC at once.
/// </summary>
public sealed class Route53XmlTests
{
    internal static readonly AliasTarget BlueAlb = new("Z14GRHDCWA56QT", "dualstack.k8s-app-app-blue0a1b2c-1234567890.ap-northeast-1.elb.amazonaws.com");
    internal static readonly AliasTarget GreenAlb = new("Z14GRHDCWA56QT", "dualstack.k8s-app-app-green3d4e-987654321.ap-northeast-1.elb.amazonaws.com");

    [Fact]
    public void BuildsTheWeightedAliasBatch_ElementForElementAsTheReferenceShowsIt()
    {
        var built = Route53Xml.BuildUpsertBatch(
            [new WeightedRecord("test.example.com", "A", "blue", 90, BlueAlb), new WeightedRecord("test.example.com", "A", "green", 10, GreenAlb)],
            "bluegreen: blue=90 green=10");

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", built, StringComparison.Ordinal);
        Assert.True(
            XNode.DeepEquals(XElement.Parse(TestFiles.Route53("change-weighted-alias-request.xml")), XElement.Parse(built)),
            "The built batch differs from TestData/route53/change-weighted-alias-request.xml:\n" + built);
    }

    [Fact]
    public void ParsesTheReferencesPendingChangeResponse()
    {
        var info = Route53Xml.ParseChangeInfo(TestFiles.Route53("change-response-pending.xml"), "ChangeResourceRecordSetsResponse");

        Assert.Equal(new ChangeInfo("C2682N5HXP0BZ4", "PENDING", new DateTimeOffset(2017, 3, 10, 1, 36, 41, 958, TimeSpan.Zero)), info);
        Assert.False(info.InSync);
    }
}
