using System.Net;
using BlueGreen.Sandbox.Hosting;

namespace BlueGreen.Sandbox.Tests.Hosting;

public sealed class LoopbackPortsTests
{
    // An address of no interface here: binding to it fails without sending anything anywhere.
    private static readonly IPAddress NotLocal = IPAddress.Parse("192.0.2.1");

    [Fact]
    public void FindsAPortFree_OnEveryAddress()
    {
        IPAddress[] addresses = [IPAddress.Parse("127.0.0.2"), IPAddress.Parse("127.0.0.3")];

        var port = LoopbackPorts.FreeTcpPort(addresses);

        Assert.All(addresses, a => Assert.True(LoopbackPorts.IsFree(a, port)));
    }

    [Fact]
    public void Rejects_AnAddressThatCannotBeBound_WithWhatToCheck()
    {
        var e = Assert.Throws<SandboxException>(() => LoopbackPorts.FreeTcpPort([NotLocal]));

        Assert.Contains("192.0.2.1", e.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the loopback address exists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AddressesWithNoCommonFreePort_WithWhatToDo()
    {
        var e = Assert.Throws<SandboxException>(() => LoopbackPorts.FreeTcpPort([IPAddress.Loopback, NotLocal]));

        Assert.Contains("No TCP port is free on all of 127.0.0.1, 192.0.2.1", e.Message, StringComparison.Ordinal);
        Assert.Contains("set a fixed service port", e.Message, StringComparison.Ordinal);
    }
}
