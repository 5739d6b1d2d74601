using System.Xml.Linq;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Fakes;

namespace BlueGreen.Aws.Tests.Route53;

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
            XNode.DeepEquals(Canonical(TestFiles.Route53("change-weighted-alias-request.xml")), Canonical(built)),
            "The built batch differs from TestData/route53/change-weighted-alias-request.xml:\n" + built);
    }

    [Fact]
    public void Batch_PutsEveryElementInTheRoute53Namespace()
    {
        var built = XDocument.Parse(Route53Xml.BuildUpsertBatch([new WeightedRecord("test.example.com", "A", "blue", 0, BlueAlb)], "c"));

        Assert.All(built.Descendants(), e => Assert.Equal("https://route53.amazonaws.com/doc/2013-04-01/", e.Name.NamespaceName));
        Assert.Equal("0", built.Descendants(Route53Xml.Ns + "Weight").Single().Value);
        Assert.Equal("UPSERT", built.Descendants(Route53Xml.Ns + "Action").Single().Value);
    }

    [Fact]
    public void Batch_EscapesTheComment()
    {
        var built = Route53Xml.BuildUpsertBatch([new WeightedRecord("test.example.com", "A", "blue", 1, BlueAlb)], "a < b & c");

        Assert.Contains("a &lt; b &amp; c", built, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesTheChangeInfo_OfAChangeResponse()
    {
        var info = Route53Xml.ParseChangeInfo(TestFiles.Route53("change-response-pending.xml"), "ChangeResourceRecordSetsResponse");

        Assert.Equal(new ChangeInfo("C2682N5HXP0BZ4", "PENDING", new DateTimeOffset(2017, 3, 10, 1, 36, 41, 958, TimeSpan.Zero)), info);
        Assert.False(info.InSync);
    }

    [Fact]
    public void ParsesInSync_OfAGetChangeResponse()
    {
        Assert.True(Route53Xml.ParseChangeInfo(TestFiles.Route53("get-change-insync.xml"), "GetChangeResponse").InSync);
    }

    [Fact]
    public void Rejects_AResponseInAnotherNamespace()
    {
        var xml = TestFiles.Route53("get-change-insync.xml").Replace("doc/2013-04-01/", "doc/2012-12-12/", StringComparison.Ordinal);

        var error = Assert.Throws<Route53Exception>(() => Route53Xml.ParseChangeInfo(xml, "GetChangeResponse"));
        Assert.Contains("2012-12-12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AResponseWithAMisnamedElement()
    {
        var xml = TestFiles.Route53("get-change-insync.xml").Replace("ChangeInfo>", "ChangeInformation>", StringComparison.Ordinal);

        var error = Assert.Throws<Route53Exception>(() => Route53Xml.ParseChangeInfo(xml, "GetChangeResponse"));
        Assert.Contains("<ChangeInfo>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AnAnswerThatIsNotXml()
    {
        var error = Assert.Throws<Route53Exception>(() => Route53Xml.ParseChangeInfo("<html>proxy error", "GetChangeResponse"));
        Assert.Contains("not XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesWeightedAliasRecords_AndSetsOtherRecordsAside()
    {
        var page = Route53Xml.ParseRecordSetPage(TestFiles.Route53("list-weighted-alias.xml"));

        Assert.Equal(
            [new WeightedRecord("test.example.com.", "A", "blue", 90, BlueAlb with { DnsName = BlueAlb.DnsName + "." }), new WeightedRecord("test.example.com.", "A", "green", 10, GreenAlb with { DnsName = GreenAlb.DnsName + "." })],
            page.Records);
        Assert.Equal(["test.example.com. NS"], page.OtherRecordNames);
        Assert.Null(page.NextRecordName);
    }

    [Fact]
    public void ParsesWhereTheNextPageStarts()
    {
        var page = Route53Xml.ParseRecordSetPage(TestFiles.Route53("list-weighted-alias-page1.xml"));

        Assert.Equal(("test.example.com.", "A", "green"), (page.NextRecordName, page.NextRecordType, page.NextRecordIdentifier));
    }

    [Fact]
    public void ParsesInvalidChangeBatch_WithEachMessage()
    {
        var (code, messages) = Route53Xml.ParseError(TestFiles.Route53("error-invalid-change-batch.xml"));

        Assert.Equal("InvalidChangeBatch", code);
        Assert.Contains("does not lie within the target zone", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesAnErrorResponse_CodeAndMessage()
    {
        var (code, messages) = Route53Xml.ParseError(TestFiles.Route53("error-access-denied.xml"));

        Assert.Equal("AccessDenied", code);
        Assert.Contains("route53:ChangeResourceRecordSets", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesAnUnreadableError_AsUnknown()
    {
        Assert.Equal(("Unknown", 0), Route53Xml.ParseError("Bad Gateway") is var (c, m) ? (c, m.Count) : default);
    }

    [Fact]
    public void FindsThePublicZone_ByName()
    {
        Assert.Equal("Z0123456789TESTZONE", Route53Xml.ParseHostedZoneId(TestFiles.Route53("list-hosted-zones-by-name.xml"), "Test.Example.com"));
        Assert.Null(Route53Xml.ParseHostedZoneId(TestFiles.Route53("list-hosted-zones-by-name.xml"), "other.example.com"));
    }

    [Fact]
    public void Rejects_TwoPublicZonesOfTheSameName()
    {
        var xml = TestFiles.Route53("list-hosted-zones-by-name.xml").Replace("zzz.example.com.</Name>", "test.example.com.</Name>", StringComparison.Ordinal);

        var error = Assert.Throws<Route53Exception>(() => Route53Xml.ParseHostedZoneId(xml, "test.example.com"));
        Assert.Contains("Z9999999999OTHER", error.Message, StringComparison.Ordinal);
    }

    private static XElement Canonical(string xml) => XElement.Parse(xml, LoadOptions.None);
}
